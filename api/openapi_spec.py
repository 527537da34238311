"""`python -m api.openapi_spec [--check]`: write (or compare) the committed OpenAPI document."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from api.app import create_app
from api.settings import Settings

SPEC_PATH = Path(__file__).resolve().parent.parent / "openapi" / "openapi.json"


def build_spec() -> dict[str, Any]:
    """The app's OpenAPI document, independent of local configuration."""
    settings = Settings(jwt_secret="spec-" + "x" * 40, database_url="sqlite://")
    spec: dict[str, Any] = create_app(settings).openapi()
    return spec


def render(spec: dict[str, Any]) -> str:
    return json.dumps(spec, indent=2, sort_keys=False, ensure_ascii=False) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="fail when the file is stale")
    args = parser.parse_args()
    text = render(build_spec())
    if args.check:
        if not SPEC_PATH.exists() or SPEC_PATH.read_text() != text:
            sys.stderr.write("openapi/openapi.json is stale: run `make openapi`\n")
            return 1
        return 0
    SPEC_PATH.parent.mkdir(exist_ok=True)
    SPEC_PATH.write_text(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
