"""Sample the running server with py-spy and say where its time goes.

py-spy attaches to the uvicorn process from outside (no code change, little overhead). With
`--gil` it samples only the thread holding the GIL: one uvicorn worker runs Python on one core
at a time, so GIL time is what caps requests/s, and its breakdown is what to cut.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

_FRAME = re.compile(r"^(?P<func>.*) \((?P<file>[^:()]*)(?::(?P<line>\d+))?\)$")

# Leaf frames whose time is the driver and the database, not the Python around them.
_DRIVER_LEAVES = (
    "DefaultDialect.do_execute ",
    "DefaultDialect.do_executemany ",
    "CursorFetchStrategy.fetch",
    "DefaultDialect.do_commit ",
    "DefaultDialect.do_rollback ",
    "DefaultDialect.do_close ",
    "DefaultDialect.connect ",
    "SQLiteDialect_pysqlite.",
    "PGDialect_psycopg.",
)

# Request phases: the share of samples with this frame anywhere on the stack.
PHASES: tuple[tuple[str, str], ...] = (
    ("uvicorn: parse request", "HttpToolsProtocol.data_received (uvicorn/"),
    ("uvicorn: write response", "RequestResponseCycle.send (uvicorn/"),
    ("fastapi: solve_dependencies", "solve_dependencies (fastapi/dependencies/utils.py"),
    ("fastapi: request body validation", "request_body_to_args (fastapi/"),
    ("fastapi: serialize_response", "serialize_response (fastapi/routing.py"),
    ("JWT check (`_Bearer.work`)", "work (api/deps.py"),
    ("`Database.run` (session, thread)", "run_sync (db/engine.py"),
    ("authorising (`api/policy.py`)", "authorise (api/policy.py"),
    ("route function (`api/routers/records.py`)", "(api/routers/records.py"),
    ("services (`api/services/`)", "(api/services/"),
    ("queries (`db/queries/`)", "(db/queries/"),
    ("SQLAlchemy `Session.execute`", "Session.execute (sqlalchemy/orm/session.py"),
    ("SQLAlchemy `Session.get`", "Session.get (sqlalchemy/orm/session.py"),
    ("SQLAlchemy flush (unit of work)", "Session.flush (sqlalchemy/orm/session.py"),
    ("SQLAlchemy commit", "Session.commit (sqlalchemy/orm/session.py"),
    ("pydantic `model_dump_json`", "model_dump_json (pydantic/"),
    ("pydantic `model_dump`", "model_dump (pydantic/"),
    ("thread-pool worker (anyio `WorkerThread.run`)", "WorkerThread.run (anyio/"),
)


def pyspy_path() -> str | None:
    """The py-spy executable next to this interpreter or on PATH."""
    beside = Path(sys.executable).parent / "py-spy"
    return str(beside) if beside.exists() else shutil.which("py-spy")


def record(pid: int, out: Path, *, duration_s: int, rate: int, fmt: str) -> subprocess.Popen[bytes]:
    """Start sampling `pid` (GIL holder only) for `duration_s`; the caller drives load meanwhile."""
    exe = pyspy_path()
    if exe is None:
        raise RuntimeError("py-spy is not installed (pip install py-spy)")
    return subprocess.Popen(
        [
            exe,
            "record",
            "--pid",
            str(pid),
            "--gil",
            "--nonblocking",  # pausing the server for each sample would slow it several-fold
            "--rate",
            str(rate),
            "--duration",
            str(duration_s),
            "--format",
            fmt,
            "--output",
            str(out),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def _package(frame: str) -> str:
    if frame.startswith(_DRIVER_LEAVES):
        return "database driver + database (DBAPI calls)"
    match = _FRAME.match(frame)
    path = match["file"] if match else frame
    top = path.split("/", 1)[0] if "/" in path else path.removesuffix(".py")
    if top in {"api", "db"}:
        return f"project code (`{top}/`)"
    if top == "anyio" or path.startswith(("threading.py", "queue.py")):
        return "thread-pool handoff (anyio, threading, queue)"
    if path.startswith("<frozen") or "/" not in path:
        return "python stdlib" if top not in {"uvloop", "httptools"} else top
    return top


@dataclass(frozen=True)
class Summary:
    samples: int
    unit: str
    by_package: list[tuple[str, float]]
    phases: list[tuple[str, float]]
    top_self: list[tuple[str, float]]
    top_project: list[tuple[str, float]]


def summarize(lines: Iterable[str], *, unit: str = "samples", top: int = 12) -> Summary:
    """Shares from collapsed stacks (`f1;f2;...;leaf count`, py-spy's raw output)."""
    total = 0
    packages: Counter[str] = Counter()
    leaves: Counter[str] = Counter()
    phases: Counter[str] = Counter()
    project: Counter[str] = Counter()
    for line in lines:
        stack, _, count_text = line.rstrip("\n").rpartition(" ")
        if not stack or not count_text.isdigit():
            continue
        count = int(count_text)
        frames = stack.split(";")
        total += count
        leaves[frames[-1]] += count
        packages[_package(frames[-1])] += count
        for label, marker in PHASES:
            if marker in stack:
                phases[label] += count
        for frame in {f for f in frames if " (api/" in f or " (db/" in f}:
            project[frame] += count
    if not total:
        return Summary(0, unit, [], [], [], [])

    def share(counter: Counter[str], n: int | None = None) -> list[tuple[str, float]]:
        return [(name, 100 * c / total) for name, c in counter.most_common(n)]

    return Summary(
        samples=total,
        unit=unit,
        by_package=share(packages),
        phases=[(label, 100 * phases[label] / total) for label, _ in PHASES if phases[label]],
        top_self=share(leaves, top),
        top_project=share(project, top),
    )
