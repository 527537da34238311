"""CSV: import a generated 100,000-row Strong file, beside a raw bulk insert of the same rows,
and export those sets again (`sets.csv`) while watching the server's peak memory.

- raw: the same 5,000 workouts and 100,000 sets (for another user) inserted with one Core
  executemany per table in one transaction, in this process; timed from BEGIN to COMMIT.
- import: POST /v1/users/me/imports with the file as text/csv, through a server with default
  settings: a file over 20,000 rows answers 202 and runs as a background job, the path a real
  file of this size takes; the job is polled every 50 ms and the time runs from sending the
  POST to the first poll that sees it done (so it includes upload, parsing, the duplicate check
  and the job bookkeeping).
- export: GET /v1/users/me/exports/sets.csv of the imported user, read to the end as a stream;
  rows/s, and the growth of the server process's peak RSS (VmHWM, reset with `clear_refs`
  before each export) for the whole history and for the last 10 % of it.

Targets: import rows/s ≥ 0.3× raw rows/s (issue); the export's peak RSS growth stays flat: at
most `FLAT_MIB` for 100,000 rows (the CSV alone is ≈ 20 MB: holding the answer or the rows
would exceed it).
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import httpx

from bench import history, machine
from bench.report import TITLES, Target, section_head, target_table
from bench.scenarios import sign_up
from bench.server import Server, app_env, app_settings

IMPORTS = "/v1/users/me/imports"
EXPORT = "/v1/users/me/exports/sets.csv"
ROWS = 100_000
MIN_RATIO = 0.3
FLAT_MIB = 32.0
POLL_S = 0.05
MAX_IMPORT_S = 600.0
MAX_EXPORT_S = 600.0


@dataclass
class Export:
    label: str
    rows: int
    megabytes: float
    seconds: float
    peak_growth_mib: float | None  # None: VmHWM could not be reset

    @property
    def rate(self) -> float:
        return self.rows / self.seconds


@dataclass
class Result:
    database: str
    rows: int = 0
    file_mb: float = 0.0
    raw_s: float = 0.0
    import_s: float = 0.0
    post_ms: float = 0.0  # until the 202
    parse_s: float = 0.0  # `api.csv_io.parse` of the same bytes, in this process
    import_cpu_s: float = 0.0  # server process CPU during the import
    import_peak_mib: float | None = None
    sets_created: int = 0
    exports: list[Export] = field(default_factory=list)
    export_rss_mib: float = 0.0  # the fresh export server's RSS before the measured exports
    skipped: str | None = None

    @property
    def ratio(self) -> float:
        return self.raw_s / self.import_s if self.import_s else 0.0


def _plan(rows: int) -> list[history.PlannedWorkout]:
    """`rows` sets as daily 20-set workouts ending yesterday (100,000 rows: 5,000 workouts)."""
    count = rows // history.SETS_PER_SESSION
    yesterday = datetime.now(UTC).date() - timedelta(days=1)
    days = history.training_days(yesterday - timedelta(days=count - 1), yesterday, weekdays=None)
    return history.plan(days, seed=42)


def _peak_growth_mib(pid: int, before_kib: int) -> float:
    return (machine.memory_kib(pid)["VmHWM"] - before_kib) / 1024


def _import(client: httpx.Client, pid: int, data: bytes, result: Result) -> None:
    reset = machine.reset_peak_rss(pid)
    rss = machine.memory_kib(pid)["VmRSS"]
    cpu = machine.process_cpu_s(pid)
    started = time.perf_counter()
    answer = client.post(IMPORTS, content=data, headers={"Content-Type": "text/csv"}, timeout=120)
    result.post_ms = (time.perf_counter() - started) * 1e3
    if answer.status_code == 202:
        job = answer.json()["id"]
        deadline = time.monotonic() + MAX_IMPORT_S
        while True:
            polled = client.get(f"{IMPORTS}/{job}")
            polled.raise_for_status()
            state = polled.json()
            if state["status"] in ("done", "failed"):
                break
            if time.monotonic() > deadline:
                raise RuntimeError(f"import job still {state['status']} after {MAX_IMPORT_S} s")
            time.sleep(POLL_S)
        result.import_s = time.perf_counter() - started
        if state["status"] != "done":
            raise RuntimeError(f"import job failed: {str(state.get('result'))[:300]}")
        outcome = state["result"]
        if isinstance(outcome, str):
            outcome = json.loads(outcome)
    elif answer.status_code == 201:
        result.import_s = time.perf_counter() - started
        outcome = answer.json()
    else:
        raise RuntimeError(f"import answered {answer.status_code}: {answer.text[:300]}")
    result.import_cpu_s = machine.process_cpu_s(pid) - cpu
    result.import_peak_mib = _peak_growth_mib(pid, rss) if reset else None
    result.sets_created = int(outcome["sets_created"])
    if result.sets_created != result.rows:
        raise RuntimeError(f"the import created {result.sets_created} sets, not {result.rows}")


def _export(client: httpx.Client, pid: int, label: str, since: date | None) -> Export:
    reset = machine.reset_peak_rss(pid)
    rss = machine.memory_kib(pid)["VmRSS"]
    params = {"from": since.isoformat()} if since else None
    size = lines = 0
    started = time.perf_counter()
    deadline = time.monotonic() + MAX_EXPORT_S
    with client.stream("GET", EXPORT, params=params, timeout=60) as answer:
        if answer.status_code != 200:
            answer.read()
            raise RuntimeError(f"export answered {answer.status_code}: {answer.text[:300]}")
        for chunk in answer.iter_raw():
            size += len(chunk)
            lines += chunk.count(b"\n")
            if time.monotonic() > deadline:
                raise RuntimeError(f"export not done after {MAX_EXPORT_S} s")
    seconds = time.perf_counter() - started
    growth = _peak_growth_mib(pid, rss) if reset else None
    return Export(label, lines - 1, size / 1e6, seconds, growth)


def measure(
    name: str,
    database: AbstractContextManager[str],
    workdir: Path,
    data: bytes,
    planned: list[history.PlannedWorkout],
    say: Callable[[str], None],
) -> Result:
    from api.csv_io import parse
    from db.engine import make_engine

    result = Result(name, rows=sum(len(w.sets) for w in planned), file_mb=len(data) / 1e6)
    with database as url:
        settings = app_settings(url, workdir)
        log = workdir / f"csv-{name.lower()}.log"
        with (
            Server(
                "api.app:create_app", env=app_env(settings), log_path=log, ready_path="/healthz"
            ) as api,
            httpx.Client(base_url=api.base_url, timeout=30) as raw_client,
            httpx.Client(base_url=api.base_url, timeout=30) as client,
        ):
            _, raw_user = sign_up(raw_client, "csv-raw@example.com")
            sign_up(client, "csv-import@example.com")
            engine = make_engine(url)
            try:
                workout_rows, set_rows = history.rows(
                    raw_user, planned, history.exercise_ids(engine)
                )
                started = time.perf_counter()
                history.insert_rows(engine, workout_rows, set_rows)
                result.raw_s = time.perf_counter() - started
            finally:
                engine.dispose()
            del workout_rows, set_rows
            say(f"  {name} csv: raw insert {result.rows / result.raw_s:9,.0f} rows/s")
            started = time.perf_counter()
            parse(data, format="strong", unit="kg", tz=ZoneInfo("UTC"))
            result.parse_s = time.perf_counter() - started
            _import(client, api.pid, data, result)
            say(
                f"  {name} csv: import     {result.rows / result.import_s:9,.0f} rows/s "
                f"({result.ratio:.2f}× raw; parsing alone {result.parse_s:.1f} s of "
                f"{result.import_s:.1f} s)"
            )
            headers = {"Authorization": client.headers["Authorization"]}
        # Exports on a fresh server: memory the import freed stays resident and would hide
        # what an export holds.
        with (
            Server(
                "api.app:create_app",
                env=app_env(settings),
                log_path=workdir / f"csv-{name.lower()}-export.log",
                ready_path="/healthz",
            ) as api,
            httpx.Client(base_url=api.base_url, timeout=30, headers=headers) as client,
        ):
            yesterday = planned[-1].started_at.date()
            _export(client, api.pid, "warm-up", yesterday)  # first use: lazy set-ups
            result.export_rss_mib = machine.memory_kib(api.pid)["VmRSS"] / 1024
            tenth = planned[len(planned) * 9 // 10].started_at.date()
            for label, since in (("last 10 %", tenth), ("whole history", None)):
                done = _export(client, api.pid, label, since)
                result.exports.append(done)
                growth = "–" if done.peak_growth_mib is None else f"{done.peak_growth_mib:+.1f}"
                say(
                    f"  {name} csv: export {label}: {done.rows:,} rows, {done.rate:,.0f} rows/s, "
                    f"peak RSS {growth} MiB"
                )
    return result


def targets(results: list[Result]) -> list[Target]:
    rows: list[Target] = []
    for r in results:
        if r.skipped:
            continue
        rows.append(
            (
                f"{r.database}: import rows/s vs raw bulk insert",
                f"≥ {MIN_RATIO:g}×",
                f"{r.ratio:.2f}× ({r.rows / r.import_s:,.0f} vs {r.rows / r.raw_s:,.0f} rows/s)",
                r.ratio >= MIN_RATIO,
            )
        )
        whole = next((e for e in r.exports if e.label == "whole history"), None)
        growth = whole.peak_growth_mib if whole else None
        rows.append(
            (
                f"{r.database}: export of {whole.rows if whole else 0:,} sets, server peak RSS "
                "growth",
                f"flat: ≤ {FLAT_MIB:g} MiB",
                "–" if growth is None else f"{growth:.1f} MiB",
                None if growth is None else growth <= FLAT_MIB,
            )
        )
    return rows


def render(results: list[Result], started: datetime, seconds: float, machine_line: str) -> str:
    how = (
        "a generated Strong export (5,000 daily workouts of 20 sets: 100,000 rows) imported "
        "through the API with default settings (over 20,000 rows: 202 and a background job, "
        "polled every 50 ms; timed from the POST to the first poll that sees it done), against "
        "the same workouts and sets inserted with one Core executemany per table in one "
        "transaction (raw, first, another user); then `sets.csv` of the imported user streamed "
        "to the end from a freshly started server (after one small warm-up export), with its "
        "VmHWM reset before each export; one uvicorn worker."
    )
    out = section_head(TITLES["csv"], started, seconds=seconds, machine=machine_line, how=how)
    out += ["### Targets", "", *target_table(targets(results))]
    out += [
        "### Import",
        "",
        "| database | rows | file MB | raw insert s | raw rows/s | import s | import rows/s "
        "| import ÷ raw | first answer ms (202; 201 if synchronous) | parsing alone s "
        "| server CPU s | server peak RSS growth MiB |",
        "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for r in results:
        if r.skipped:
            out.append(f"| {r.database} | not measured: {r.skipped} |" + " |" * 10)
            continue
        peak = "–" if r.import_peak_mib is None else f"{r.import_peak_mib:,.0f}"
        out.append(
            f"| {r.database} | {r.rows:,} | {r.file_mb:.1f} | {r.raw_s:.2f} "
            f"| {r.rows / r.raw_s:,.0f} | {r.import_s:.2f} | {r.rows / r.import_s:,.0f} "
            f"| {r.ratio:.2f} | {r.post_ms:,.0f} | {r.parse_s:.2f} | {r.import_cpu_s:.1f} "
            f"| {peak} |"
        )
    out += [
        "",
        "### Export (`GET /v1/users/me/exports/sets.csv`)",
        "",
        "| database | range | rows | MB | s | rows/s | server RSS before MiB "
        "| server peak RSS growth MiB |",
        "|---|---|--:|--:|--:|--:|--:|--:|",
    ]
    for r in results:
        for e in r.exports:
            growth = "–" if e.peak_growth_mib is None else f"{e.peak_growth_mib:.1f}"
            out.append(
                f"| {r.database} | {e.label} | {e.rows:,} | {e.megabytes:.1f} | {e.seconds:.2f} "
                f"| {e.rate:,.0f} | {r.export_rss_mib:,.0f} | {growth} |"
            )
    out.append("")
    return "\n".join(out)


def run(
    args: argparse.Namespace,
    workdir: Path,
    databases: list[tuple[str, Callable[[], AbstractContextManager[str]] | str]],
    say: Callable[[str], None],
    postgres_version: str | None,
) -> str:
    started = datetime.now(UTC)
    clock = time.monotonic()
    planned = _plan(10_000 if args.quick else ROWS)
    data = history.strong_csv(planned)
    results = []
    for name, database in databases:
        if isinstance(database, str):
            results.append(Result(name, skipped=database))
            continue
        say(f"{name}: CSV import of {len(planned) * history.SETS_PER_SESSION:,} rows")
        results.append(measure(name, database(), workdir, data, planned, say))
    return render(
        results,
        started,
        time.monotonic() - clock,
        machine.summary(Path(__file__).resolve().parent.parent, postgres_version),
    )
