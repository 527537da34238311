"""api.analytics stays pure: no web, database or other api modules (STYLE.md)."""

from __future__ import annotations

import ast
import json
import pkgutil
import subprocess
import sys
from pathlib import Path

import api.analytics

PACKAGE_DIR = Path(api.analytics.__file__).parent
MODULES = sorted(f"api.analytics.{info.name}" for info in pkgutil.iter_modules([str(PACKAGE_DIR)]))
FORBIDDEN_ROOTS = {"fastapi", "starlette", "pydantic", "sqlalchemy", "sqlmodel", "db"}
ALLOWED_THIRD_PARTY = {"numpy", "scipy"}

PROBE = """
import importlib, json, sys
for name in sys.argv[1:]:
    importlib.import_module(name)
print(json.dumps(sorted(sys.modules)))
"""


def test_every_module_is_covered() -> None:
    assert {"api.analytics.constants", "api.analytics.e1rm", "api.analytics.balance"} <= set(
        MODULES
    )
    assert {"api.analytics.trend", "api.analytics.pain"} <= set(MODULES)


def test_importing_analytics_loads_no_web_database_or_other_api_module() -> None:
    root = PACKAGE_DIR.parent.parent
    completed = subprocess.run(
        [sys.executable, "-c", PROBE, "api.analytics", *MODULES],
        capture_output=True,
        text=True,
        check=True,
        cwd=root,
    )
    loaded = json.loads(completed.stdout)
    assert set(MODULES) <= set(loaded)
    forbidden = [m for m in loaded if m.split(".")[0] in FORBIDDEN_ROOTS]
    other_api = [m for m in loaded if m.startswith("api.") and not m.startswith("api.analytics")]
    assert forbidden == []
    assert other_api == []


def test_source_imports_only_stdlib_numpy_scipy_and_analytics() -> None:
    offenders = []
    for path in sorted(PACKAGE_DIR.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                allowed = (
                    name.split(".")[0] in sys.stdlib_module_names | ALLOWED_THIRD_PARTY
                    or name == "api.analytics"
                    or name.startswith("api.analytics.")
                )
                if not allowed:
                    offenders.append(f"{path.name}: {name}")
    assert offenders == []
