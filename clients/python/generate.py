"""Regenerate (or check) the Python client in clients/python/backchain-client/.

    python clients/python/generate.py          # rewrite backchain-client/ from openapi/openapi.json
    python clients/python/generate.py --check  # exit 1 (with a diff) when it is stale

Run with the project's venv interpreter: the generator (openapi-python-client) and the formatter
its post-hooks call (ruff) are taken from the same environment, so the output depends only on
their versions and the spec (no timestamps, no absolute paths).
"""

from __future__ import annotations

import argparse
import difflib
import filecmp
import os
import shutil
import subprocess
import sys
import tempfile
from importlib import metadata
from pathlib import Path

GENERATOR = "openapi-python-client"
GENERATOR_VERSION = "0.29.1"  # keep in step with the dev dependency in pyproject.toml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SPEC = ROOT / "openapi" / "openapi.json"
CONFIG = HERE / "openapi-python-client.yaml"
TEMPLATES = HERE / "templates"
OUTPUT = HERE / "backchain-client"

# Never part of the generated tree (created by tools that may run inside it).
IGNORED = {"__pycache__", ".ruff_cache", ".pytest_cache", ".mypy_cache", "build", "dist"}


class GenerationError(RuntimeError):
    pass


def _installed(name: str) -> str | None:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


def tool_versions() -> str:
    return f"{GENERATOR} {_installed(GENERATOR)}, ruff {_installed('ruff')}"


def generate(dest: Path, spec: Path = SPEC) -> str:
    """Generate the client project into `dest` (which must not exist); return the tool's output."""
    installed = _installed(GENERATOR)
    if installed != GENERATOR_VERSION:
        raise GenerationError(
            f"{GENERATOR}=={GENERATOR_VERSION} is required, found {installed or 'none'} in "
            f"{sys.prefix}: run `make install` (or pip install {GENERATOR}=={GENERATOR_VERSION})"
        )
    env = dict(os.environ)
    # The post-hooks run `ruff` through the shell: use the one next to this interpreter.
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    env.pop("RUFF_CACHE_DIR", None)
    command = [
        sys.executable,
        "-m",
        "openapi_python_client",
        "generate",
        "--path",
        str(spec),
        "--config",
        str(CONFIG),
        "--custom-template-path",
        str(TEMPLATES),
        "--meta",
        "setup",
        "--output-path",
        str(dest),
    ]
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    output = (done.stdout + done.stderr).strip()
    if done.returncode != 0 or not (dest / "backchain_client" / "__init__.py").is_file():
        raise GenerationError(f"{GENERATOR} failed (exit {done.returncode}):\n{output}")
    if "is not in PATH" in output:  # a skipped post-hook is only a warning for the generator
        raise GenerationError(f"the post-hooks need ruff next to {sys.executable}:\n{output}")
    for junk in dest.rglob("*"):
        if junk.is_dir() and junk.name in IGNORED:
            shutil.rmtree(junk, ignore_errors=True)
    return output


def _files(tree: Path) -> set[str]:
    found = set()
    for path in tree.rglob("*"):
        rel = path.relative_to(tree)
        skipped = IGNORED.intersection(rel.parts) or rel.name.endswith(".pyc")
        if path.is_file() and not skipped and not any(p.endswith(".egg-info") for p in rel.parts):
            found.add(rel.as_posix())
    return found


def diff_trees(expected: Path, actual: Path, max_lines: int = 60) -> list[str]:
    """Differences between the freshly generated `expected` tree and the committed `actual`."""
    want, have = _files(expected), _files(actual)
    problems = [f"missing (would be generated): {name}" for name in sorted(want - have)]
    problems += [f"extra (no longer generated): {name}" for name in sorted(have - want)]
    for name in sorted(want & have):
        if filecmp.cmp(expected / name, actual / name, shallow=False):
            continue
        new = (expected / name).read_text(encoding="utf-8").splitlines()
        old = (actual / name).read_text(encoding="utf-8").splitlines()
        delta = list(
            difflib.unified_diff(
                old, new, f"committed/{name}", f"generated/{name}", n=1, lineterm=""
            )
        )
        problems.append(f"changed: {name}")
        problems.extend("    " + line for line in delta[:max_lines])
        if len(delta) > max_lines:
            problems.append(f"    ... {len(delta) - max_lines} more diff lines")
    return problems


def check(spec: Path = SPEC) -> list[str]:
    with tempfile.TemporaryDirectory(prefix="backchain-client-") as tmp:
        fresh = Path(tmp) / "backchain-client"
        generate(fresh, spec)
        return diff_trees(fresh, OUTPUT)


def write(spec: Path = SPEC) -> str:
    with tempfile.TemporaryDirectory(prefix="backchain-client-") as tmp:
        fresh = Path(tmp) / "backchain-client"
        output = generate(fresh, spec)
        if OUTPUT.exists():
            shutil.rmtree(OUTPUT)
        shutil.copytree(fresh, OUTPUT)
    return output


def _say(text: str, *, error: bool = False) -> None:
    (sys.stderr if error else sys.stdout).write(text + "\n")


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--check", action="store_true", help="fail when backchain-client/ is stale")
    parser.add_argument(
        "--spec", type=Path, default=SPEC, help="OpenAPI document (default: %(default)s)"
    )
    args = parser.parse_args()
    try:
        if args.check:
            problems = check(args.spec)
            if problems:
                _say("\n".join(problems), error=True)
                _say(
                    "clients/python/backchain-client is stale: run `make clients` "
                    f"({tool_versions()})",
                    error=True,
                )
                return 1
            _say(f"clients/python/backchain-client is up to date ({tool_versions()})")
            return 0
        output = write(args.spec)
    except GenerationError as error:
        _say(str(error), error=True)
        return 2
    warnings = [
        line for line in output.splitlines() if line.strip() and not line.startswith("Generating ")
    ]
    if warnings:
        _say("\n".join(warnings), error=True)
    _say(f"wrote {OUTPUT.relative_to(ROOT)} ({tool_versions()})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
