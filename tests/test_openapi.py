"""The committed OpenAPI document matches the app (regenerate with `make openapi`)."""

from __future__ import annotations

import json

from api.openapi_spec import SPEC_PATH, build_spec, render


def test_committed_spec_matches_the_app() -> None:
    assert SPEC_PATH.read_text() == render(build_spec()), "stale spec: run `make openapi`"


def test_every_operation_has_an_id_tag_and_summary() -> None:
    spec = json.loads(SPEC_PATH.read_text())
    ids = []
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            ids.append(operation["operationId"])
            assert operation.get("tags"), f"{method} {path} has no tag"
            assert operation.get("summary") or operation.get("description"), f"{method} {path}"
    assert len(ids) == len(set(ids))
