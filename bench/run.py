"""`make bench`: the app on SQLite and PostgreSQL beside a bare FastAPI app, in four benchmarks.

    python -m bench.run                       # everything, rewrites bench/RESULTS.md (≈ 11 min)
    python -m bench.run --quick               # smoke run: short phases, prints, writes nothing
    python -m bench.run --only analytics      # one benchmark: its section is rewritten, the
                                              # others are kept as they were
    python -m bench.run --only records,sqlite # benchmarks and databases, comma-separated

Benchmarks (`--only` names): `records` (GET, POST, PUT and list of workouts against the bare
endpoint, one worker), `analytics` (the balance trend over 1 to 5 years of history), `csv` (a
100,000-row Strong import beside a raw bulk insert, and the export of those sets), `mixed` (a
weighted mix on PostgreSQL with 2 workers). Databases: `sqlite`, `postgresql` (`mixed` is
PostgreSQL only).

Every app runs under the same uvicorn command as a subprocess on loopback; a lean keep-alive
client in this process (bench/load.py) holds a fixed number of requests in flight. Records are
measured in several interleaved rounds (background load on a shared machine hits rounds
unevenly) and the best round counts. Every load phase and every wait is bounded in time.
"""

from __future__ import annotations

import argparse
import logging
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

import psycopg
from sqlalchemy.engine import make_url

from bench import analytics, csv_bench, inprocess, machine, mixed, profiling
from bench.databases import PG_URL, postgres_database, postgres_problem, sqlite_database
from bench.load import run_load
from bench.report import (
    SECTIONS,
    Backend,
    Measured,
    Run,
    compose,
    kept_part,
    now,
    render_records,
    sections_of,
)
from bench.scenarios import Scenario, api_scenarios, bare_scenarios, seed
from bench.server import HOST, ROOT, Server, app_env, app_settings, uvicorn_command

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
DATABASES = ("sqlite", "postgresql")
PROFILED = ("get", "post")  # py-spy on the live server; pyinstrument covers every endpoint


def say(message: str) -> None:
    sys.stdout.write(message + "\n")
    sys.stdout.flush()


def _selection(text: str | None) -> tuple[list[str], list[str]]:
    names = [name.strip() for name in (text or "").split(",") if name.strip()]
    unknown = [name for name in names if name not in SECTIONS + DATABASES]
    if unknown:
        raise argparse.ArgumentTypeError(
            f"unknown {unknown}: choose from {', '.join(SECTIONS + DATABASES)}"
        )
    benchmarks = [name for name in SECTIONS if name in names] or list(SECTIONS)
    databases = [name for name in DATABASES if name in names] or list(DATABASES)
    return benchmarks, databases


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="short smoke run; writes nothing")
    parser.add_argument(
        "--only",
        metavar="NAMES",
        help=f"comma-separated benchmarks ({', '.join(SECTIONS)}) and/or databases "
        f"({', '.join(DATABASES)}); default all",
    )
    parser.add_argument("--concurrency", type=int, default=8, help="records: requests in flight")
    parser.add_argument("--duration", type=float, help="records: seconds per round (4; quick 1.5)")
    parser.add_argument("--rounds", type=int, help="records: rounds per endpoint (3; quick: 1)")
    parser.add_argument(
        "--mixed-duration", type=float, help="mixed: seconds of load (60; quick: 10)"
    )
    parser.add_argument(
        "--mixed-concurrency", type=int, default=16, help="mixed: requests in flight (16)"
    )
    parser.add_argument(
        "--profile",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="records: py-spy and pyinstrument profiles (default: on, off with --quick)",
    )
    parser.add_argument("--output", type=Path, help="where to write (bench/RESULTS.md)")
    parser.add_argument("--keep", type=Path, help="keep server logs and raw profiles here")
    args = parser.parse_args(argv)
    try:
        args.benchmarks, args.databases = _selection(args.only)
    except argparse.ArgumentTypeError as exc:
        parser.error(str(exc))
    args.duration = args.duration or (1.5 if args.quick else 4.0)
    args.rounds = args.rounds or (1 if args.quick else 3)
    args.warmup = 0.5 if args.quick else 1.5
    args.profile = (not args.quick) if args.profile is None else args.profile
    args.output = args.output or (None if args.quick else RESULTS)
    if args.mixed_duration is not None and not 1 <= args.mixed_duration <= 600:
        parser.error("--mixed-duration: 1 to 600 seconds")
    return args


def measure(
    backend: Backend,
    servers: list[tuple[Server, list[Scenario]]],
    args: argparse.Namespace,
    *,
    postgres_port: int | None,
) -> None:
    """Interleaved rounds over every scenario of every server; the best round per scenario."""
    for round_index in range(args.rounds):
        for server, scenarios in servers:
            snapshot = machine.snapshot_for(server.pid, postgres_port=postgres_port)
            for scenario in scenarios:
                stats = run_load(
                    HOST,
                    server.port,
                    scenario.raw(server.port),
                    expect=scenario.expect,
                    concurrency=args.concurrency,
                    warmup_s=args.warmup if round_index == 0 else 0.5,
                    duration_s=args.duration,
                    snapshot=snapshot,
                )
                say(
                    f"  {backend.name} round {round_index + 1}: {scenario.label:34s} "
                    f"{stats.rps:8.0f} req/s  median {stats.median_ms:6.2f} ms  "
                    f"max {stats.max_ms:7.1f} ms  errors {stats.errors}"
                )
                if stats.errors:
                    say(f"    first error: {stats.first_error}")
                known = backend.measured.get(scenario.key)
                if known is None:
                    backend.measured[scenario.key] = Measured(scenario, stats, [stats.rps])
                else:
                    known.rates.append(stats.rps)
                    if stats.rps > known.best.rps:
                        known.best = stats


def profile_live(
    backend: Backend, server: Server, scenarios: list[Scenario], args: argparse.Namespace, out: Path
) -> None:
    """py-spy (GIL holder only) on the live server while the load runs again."""
    if profiling.pyspy_path() is None:
        say("  py-spy not installed: no live profile (pip install py-spy)")
        return
    seconds = max(2, round(args.duration))
    for scenario in scenarios:
        if scenario.key not in PROFILED:
            continue
        raw = out / f"{backend.name.lower()}-{scenario.key}.pyspy.txt"
        sampler = profiling.record(server.pid, raw, duration_s=seconds, rate=250, fmt="raw")
        run_load(
            HOST,
            server.port,
            scenario.raw(server.port),
            expect=scenario.expect,
            concurrency=args.concurrency,
            warmup_s=0.3,
            duration_s=seconds + 0.7,
        )
        _, problem = sampler.communicate(timeout=60)
        if sampler.returncode != 0 or not raw.exists():
            say(f"  py-spy failed: {problem.decode(errors='replace').strip()[-300:]}")
            return
        with raw.open() as lines:
            backend.pyspy[scenario.key] = profiling.summarize(lines)
        say(f"  {backend.name}: py-spy profile of {scenario.label} in {raw}")


def analyse_in_process(
    backend: Backend, settings: dict[str, str], scenarios: list[Scenario], *, profile: bool
) -> None:
    """Hops and statements per request; with `profile`, a pyinstrument profile of each."""
    from api.app import create_app
    from api.settings import Settings
    from bench.bare_app import create_app as create_bare_app

    app = create_app(Settings(**settings))  # type: ignore[arg-type]
    logging.disable(logging.INFO)  # create_app turns INFO logging on: no access log lines here
    try:
        bare_app = create_bare_app()
        for scenario in bare_scenarios():
            backend.work[scenario.key] = inprocess.count_work(bare_app, scenario)
        for scenario in scenarios:
            backend.work[scenario.key] = inprocess.count_work(app, scenario)
        if not profile:
            return
        try:
            import pyinstrument  # noqa: F401
        except ImportError:
            say("  pyinstrument not installed: no in-process profile (pip install pyinstrument)")
            return
        for scenario in scenarios:
            result = inprocess.profile_inline(app, scenario, seconds=2.0)
            backend.inline[scenario.key] = (
                result.requests,
                profiling.summarize(result.collapsed, unit="µs sampled"),
            )
            say(f"  {backend.name}: pyinstrument profile of {scenario.label}")
    finally:
        logging.disable(logging.NOTSET)
        app.state.engine.dispose()


def run_backend(
    name: str,
    database: AbstractContextManager[str],
    bare: Server,
    args: argparse.Namespace,
    workdir: Path,
    out: Path,
) -> Backend:
    backend = Backend(name)
    with database as url:
        settings = app_settings(url, workdir)
        log = out / f"{name.lower()}-server.log"
        with Server(
            "api.app:create_app", env=app_env(settings), log_path=log, ready_path="/healthz"
        ) as api:
            say(f"{name}: seeding through the API")
            seeded = seed(api.base_url)
            scenarios = api_scenarios(seeded)
            port = (make_url(url).port or 5432) if name == "PostgreSQL" else None
            measure(backend, [(bare, bare_scenarios()), (api, scenarios)], args, postgres_port=port)
            if args.profile:
                profile_live(backend, api, scenarios, args, out)
        analyse_in_process(backend, settings, scenarios, profile=args.profile)
    return backend


def run_records(
    args: argparse.Namespace, workdir: Path, pg_problem: str | None, pg_version: str | None
) -> str:
    """The records benchmark on the selected databases; its rendered section."""
    started = now()
    clock = time.monotonic()
    backends: list[Backend] = []
    with Server(
        "bench.bare_app:create_app",
        env=app_env({}),
        log_path=workdir / "bare-server.log",
        ready_path="/bare",
    ) as bare:
        say(f"bare app on port {bare.port}; command: {' '.join(uvicorn_command('…', 0)[1:])}")
        if "sqlite" in args.databases:
            backends.append(
                run_backend("SQLite", sqlite_database(workdir), bare, args, workdir, workdir)
            )
        else:
            backends.append(Backend("SQLite", skipped="left out of this run (`--only`)"))
        if "postgresql" not in args.databases:
            backends.append(Backend("PostgreSQL", skipped="left out of this run (`--only`)"))
        elif pg_problem is None:
            backends.append(
                run_backend("PostgreSQL", postgres_database(), bare, args, workdir, workdir)
            )
        else:
            backends.append(Backend("PostgreSQL", skipped=f"unreachable ({pg_problem})"))
    run = Run(
        started=started,
        settings=[
            ("server", "`python -m uvicorn <factory> --factory --workers 1 --log-level warning`"),
            (
                "client",
                f"bench/load.py: asyncio + uvloop, {args.concurrency} keep-alive connections",
            ),
            (
                "phases",
                f"{args.rounds} interleaved round(s) of {args.duration:g} s per endpoint "
                f"(warm-up {args.warmup:g} s); best round shown",
            ),
            ("data", "200 seeded workouts of 5 sets, one user; POSTs add more"),
            ("whole records run", f"{time.monotonic() - clock:.0f} s"),
        ],
        machine=machine.describe(ROOT, pg_version),
        backends=backends,
    )
    return render_records(run)


def postgres_version() -> str | None:
    try:
        with psycopg.connect(PG_URL.replace("+psycopg", ""), connect_timeout=3) as conn:
            row = conn.execute("SHOW server_version").fetchone()
            return str(row[0]) if row else None
    except psycopg.Error:
        return None


@contextmanager
def _workdir(keep: Path | None) -> Iterator[Path]:
    if keep is not None:
        keep.mkdir(parents=True, exist_ok=True)
        yield keep.resolve()
        return
    with tempfile.TemporaryDirectory(prefix="backchain-bench-") as name:
        yield Path(name)


def _databases(
    args: argparse.Namespace, workdir: Path, pg_problem: str | None
) -> list[tuple[str, Callable[[], AbstractContextManager[str]] | str]]:
    """(name, fresh database factory) per database, or (name, why it is left out)."""
    left_out = "left out of this run (`--only`)"
    sqlite: Callable[[], AbstractContextManager[str]] | str = (
        (lambda: sqlite_database(workdir)) if "sqlite" in args.databases else left_out
    )
    postgresql: Callable[[], AbstractContextManager[str]] | str = postgres_database
    if "postgresql" not in args.databases:
        postgresql = left_out
    elif pg_problem is not None:
        postgresql = f"unreachable ({pg_problem})"
    return [("SQLite", sqlite), ("PostgreSQL", postgresql)]


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    started = now()
    clock = time.monotonic()
    pg_problem = postgres_problem() if "postgresql" in args.databases else None
    if pg_problem:
        say(f"PostgreSQL skipped: {pg_problem}")
    pg_version = postgres_version()
    fresh: dict[str, str] = {}
    with _workdir(args.keep) as workdir:
        databases = _databases(args, workdir, pg_problem)
        if "records" in args.benchmarks:
            fresh["records"] = run_records(args, workdir, pg_problem, pg_version)
        if "analytics" in args.benchmarks:
            fresh["analytics"] = analytics.run(args, workdir, databases, say, pg_version)
        if "csv" in args.benchmarks:
            fresh["csv"] = csv_bench.run(args, workdir, databases, say, pg_version)
        if "mixed" in args.benchmarks:
            skipped = databases[1][1] if isinstance(databases[1][1], str) else None
            fresh["mixed"] = mixed.run(args, workdir, skipped, say, pg_version)
    say(f"whole run: {time.monotonic() - clock:.0f} s")
    if args.output is None:
        for name, text in fresh.items():
            shown = text.split("### Where the time goes", 1)[0] if name == "records" else text
            say("\n" + shown.rstrip())
        say("\n(--quick: nothing written; pass --output PATH to keep it)")
        return 0
    command = "python -m bench.run" + (f" --only {args.only}" if args.only else "")
    sections = {**sections_of(args.output), **fresh}
    args.output.write_text(
        compose(sections, kept_part(args.output), command=command, started=started)
    )
    say(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
