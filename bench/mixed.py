"""Mixed load on PostgreSQL with 2 uvicorn workers (shared limits in Redis), beside a bare
FastAPI endpoint served with the same 2 workers.

20 users, each with its own token and 6 months of history (4 sessions a week of 20 sets,
bulk-inserted), so that writers do not all queue on one user's change counter. The mix, drawn
per request from a seeded generator (same sequence every run):

| share | request |
|--:|---|
| 35 % | GET /v1/users/me/workouts?limit=20 |
| 35 % | GET /v1/users/me/balance |
| 15 % | POST /v1/users/me/workouts (one set, started within the last 7 days, offset +02:00) |
| 10 % | POST /v1/users/me/pain-scores |
| 2.5 % | GET /v1/users/me/balance/trend (all history) |
| 2.5 % | GET /v1/users/me/exports/workouts.csv (streamed, chunked) |

After the app, the same mix runs for a shorter while against bench/floor_app.py on the same
database and workers: the least each kind of request can do (the token, one awaited
statement, the answer), which bounds what the ratio target asks of any app doing the work.

The generator is bench/load.py (closed loop, keep-alive, 16 connections: 8 per worker as in
the one-worker benchmark), an equivalent of wrk with Lua scripts: wrk is not on every machine
this runs on, and one generator for every section keeps the client cost the same. Targets
(issue): 0 errors; p99 < 10× p50; mixed req/s ≥ 0.15× the bare endpoint's.
"""

from __future__ import annotations

import argparse
import random
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
from sqlalchemy.engine import make_url

from bench import floor_app, history, machine
from bench.databases import postgres_database
from bench.load import MakeMixed, Stats, json_body, request_bytes, run_mix
from bench.report import TITLES, Target, section_head, target_table
from bench.scenarios import sign_up
from bench.server import HOST, Server, app_env, app_settings

REDIS_URL = "redis://127.0.0.1:6379/0"
WORKERS = 2
USERS = 20
HISTORY_WEEKS = 26
MIN_RATIO = 0.15
MAX_P99_OVER_P50 = 10.0
# (kind, weight in ‰, method, path, expected status)
MIX: tuple[tuple[str, int, str, str, int], ...] = (
    ("list workouts", 350, "GET", "/v1/users/me/workouts?limit=20", 200),
    ("balance", 350, "GET", "/v1/users/me/balance", 200),
    ("POST workout", 150, "POST", "/v1/users/me/workouts", 201),
    ("POST pain score", 100, "POST", "/v1/users/me/pain-scores", 201),
    ("balance trend", 25, "GET", "/v1/users/me/balance/trend", 200),
    ("export workouts.csv", 25, "GET", "/v1/users/me/exports/workouts.csv", 200),
)
CET = timezone(timedelta(hours=2))
CONNECT_INTERVAL_S = 0.05
FLOOR_S, FLOOR_QUICK_S = 15.0, 5.0  # the floor's load phase


@dataclass
class Result:
    total: Stats | None = None
    by_kind: dict[str, Stats] = field(default_factory=dict)
    bare: list[Stats] = field(default_factory=list)
    bare_connections: list[list[int]] = field(default_factory=list)
    concurrency: int = 0
    seconds: float = 0.0
    sets_seeded: int = 0
    users: int = 0
    connections: list[int] = field(default_factory=list)  # per worker, during the mix
    floor: Stats | None = None  # bench/floor_app.py under the same mix, after the app
    floor_connections: list[int] = field(default_factory=list)
    skipped: str | None = None

    @property
    def bare_best(self) -> Stats | None:
        return max(self.bare, key=lambda s: s.rps) if self.bare else None


def redis_problem(url: str = REDIS_URL) -> str | None:
    """Why Redis cannot be used, or None when it answers PING."""
    parsed = urlsplit(url)
    try:
        with socket.create_connection((parsed.hostname, parsed.port or 6379), timeout=3) as sock:
            sock.sendall(b"PING\r\n")
            answer = sock.recv(64)
    except OSError as exc:
        return f"Redis at {url}: {exc}"
    return None if answer.startswith(b"+PONG") else f"Redis at {url} answered {answer[:40]!r}"


def _stamp(moment: datetime) -> str:
    """RFC 3339 with a +02:00 offset, as a client in Central Europe would send it."""
    return moment.astimezone(CET).isoformat(timespec="seconds")


def make_mix(port: int, tokens: list[str], *, seed: int = 7) -> MakeMixed:
    """Request n of the mix: a kind drawn by weight, a user drawn at random, a fresh body."""
    rng = random.Random(seed)
    kinds = [entry for entry in MIX for _ in range(entry[1])]
    auth = [{"Authorization": f"Bearer {token}"} for token in tokens]
    fixed = {
        (kind, i): request_bytes(method, path, host=HOST, port=port, headers=headers)
        for kind, _, method, path, _ in MIX
        if method == "GET"
        for i, headers in enumerate(auth)
    }

    def make(_n: int) -> tuple[str, bytes, int]:
        kind, _, method, path, expect = rng.choice(kinds)
        user = rng.randrange(len(tokens))
        if method == "GET":
            return kind, fixed[(kind, user)], expect
        moment = datetime.now(UTC) - timedelta(seconds=rng.randrange(7 * 86400))
        body: dict[str, Any]
        if kind == "POST workout":
            body = {
                "started_at": _stamp(moment),
                "sets": [{"exercise": "deadlift", "reps": 5, "load_kg": 100}],
            }
        else:
            body = {"recorded_at": _stamp(moment), "region": "low_back", "score": 3}
        raw = request_bytes(
            method, path, host=HOST, port=port, headers=auth[user], body=json_body(body)
        )
        return kind, raw, expect

    return make


def _seed(url: str, client: httpx.Client, quick: bool) -> tuple[list[str], int]:
    """`USERS` users through the API, their history in bulk; their tokens and the sets count."""
    from db.engine import make_engine

    engine = make_engine(url)
    tokens = []
    sets = 0
    today = datetime.now(UTC).date()
    days = history.training_days(
        today - timedelta(weeks=HISTORY_WEEKS), today - timedelta(days=1), weekdays=(0, 1, 3, 4)
    )
    try:
        exercises = history.exercise_ids(engine)
        for i in range(4 if quick else USERS):
            client.headers.pop("Authorization", None)
            token, user_id = sign_up(client, f"mixed-{i}@example.com")
            tokens.append(token)
            history.set_profile_bodyweight(engine, user_id, 70.0 + i)
            workouts, set_rows = history.rows(user_id, history.plan(days, seed=100 + i), exercises)
            history.insert_rows(engine, workouts, set_rows)
            sets += len(set_rows)
    finally:
        engine.dispose()
    return tokens, sets


def _counting(
    server: Server, seen: list[int], postgres_port: int | None
) -> Callable[[], dict[str, float]]:
    """The CPU snapshot of the workers that also notes, once, each worker's connections."""
    pids = server.worker_pids()
    snapshot = machine.snapshot_for(pids, postgres_port=postgres_port)

    def counting() -> dict[str, float]:
        if not seen:
            seen.extend(machine.connections(pids, server.port))
        return snapshot()

    return counting


def _bare_round(bare: Server, args: argparse.Namespace, result: Result) -> None:
    raw = request_bytes("GET", "/bare", host=HOST, port=bare.port)
    seen: list[int] = []
    stats, _ = run_mix(
        HOST,
        bare.port,
        lambda _n: ("bare", raw, 200),
        concurrency=result.concurrency,
        warmup_s=1.0,
        duration_s=3.0 if args.quick else 8.0,
        snapshot=_counting(bare, seen, None),
        connect_interval_s=CONNECT_INTERVAL_S,
        place=machine.placement(bare.worker_pids(), bare.port),
        workers=WORKERS,
    )
    result.bare.append(stats)
    result.bare_connections.append(seen)


def _floor_round(
    url: str, tokens: list[str], args: argparse.Namespace, workdir: Path, result: Result
) -> Stats:
    """The same mix against bench/floor_app.py on the seeded database, same workers."""
    env = {**app_env({}), floor_app.DSN_ENV: floor_app.conninfo_of(make_url(url))}
    with Server(
        "bench.floor_app:create_app",
        env=env,
        log_path=workdir / "mixed-floor.log",
        ready_path="/ready",
        workers=WORKERS,
    ) as floor:
        stats, _ = _mix_on(
            floor,
            tokens,
            url,
            concurrency=result.concurrency,
            warmup_s=1.0 if args.quick else 3.0,
            duration_s=FLOOR_QUICK_S if args.quick else FLOOR_S,
            seen=result.floor_connections,
        )
    return stats


def _mix_on(
    server: Server,
    tokens: list[str],
    url: str,
    *,
    concurrency: int,
    warmup_s: float,
    duration_s: float,
    seen: list[int],
) -> tuple[Stats, dict[str, Stats]]:
    """The mix against `server` on the database at `url`, its connections noted in `seen`."""
    return run_mix(
        HOST,
        server.port,
        make_mix(server.port, tokens),
        concurrency=concurrency,
        warmup_s=warmup_s,
        duration_s=duration_s,
        snapshot=_counting(server, seen, make_url(url).port or 5432),
        connect_interval_s=CONNECT_INTERVAL_S,
        place=machine.placement(server.worker_pids(), server.port),
        workers=WORKERS,
    )


def measure(args: argparse.Namespace, workdir: Path, say: Callable[[str], None]) -> Result:
    result = Result(concurrency=args.mixed_concurrency)
    result.seconds = args.mixed_duration or (10.0 if args.quick else 60.0)
    bare_env = app_env({"redis_url": REDIS_URL})
    with Server(
        "bench.bare_app:create_app",
        env=bare_env,
        log_path=workdir / "mixed-bare.log",
        ready_path="/bare",
        workers=WORKERS,
    ) as bare:
        _bare_round(bare, args, result)
        say(
            f"  mixed: bare `def` endpoint, {WORKERS} workers: {result.bare[-1].rps:,.0f} req/s "
            f"(connections per worker: {result.bare_connections[-1]})"
        )
        with postgres_database() as url:
            settings = {**app_settings(url, workdir), "redis_url": REDIS_URL}
            with (
                Server(
                    "api.app:create_app",
                    env=app_env(settings),
                    log_path=workdir / "mixed-app.log",
                    ready_path="/healthz",
                    workers=WORKERS,
                ) as api,
                httpx.Client(base_url=api.base_url, timeout=30) as client,
            ):
                tokens, result.sets_seeded = _seed(url, client, args.quick)
                result.users = len(tokens)
                client.close()  # its keep-alive connection would count as load
                say(
                    f"  mixed: {len(tokens)} users, {result.sets_seeded:,} sets; "
                    f"{result.seconds:g} s of load"
                )
                result.total, result.by_kind = _mix_on(
                    api,
                    tokens,
                    url,
                    concurrency=result.concurrency,
                    warmup_s=2.0 if args.quick else 5.0,
                    duration_s=result.seconds,
                    seen=result.connections,
                )
            result.floor = _floor_round(url, tokens, args, workdir, result)
            say(f"  mixed: the floor (bench/floor_app.py): {result.floor.rps:,.0f} req/s")
        _bare_round(bare, args, result)
        say(
            f"  mixed: bare `def` endpoint again: {result.bare[-1].rps:,.0f} req/s "
            f"(connections per worker: {result.bare_connections[-1]})"
        )
    total = result.total
    say(
        f"  mixed: {total.rps:,.0f} req/s, p50 {total.median_ms:.1f} ms, p99 "
        f"{total.p99_ms:.1f} ms, errors {total.errors} (connections per worker: "
        f"{result.connections})" + (f" (first: {total.first_error})" if total.first_error else "")
    )
    return result


def targets(result: Result) -> list[Target]:
    total, bare = result.total, result.bare_best
    if result.skipped or total is None or bare is None:
        return [
            ("mixed: errors", "0", "–", None),
            ("mixed: p99 vs p50", f"< {MAX_P99_OVER_P50:g}×", "–", None),
            ("mixed req/s vs bare endpoint (2 workers)", f"≥ {MIN_RATIO:g}×", "–", None),
        ]
    ratio = total.rps / bare.rps
    spread = total.p99_ms / total.median_ms
    return [
        ("mixed: errors", "0", f"{total.errors:,} of {total.requests:,}", total.errors == 0),
        (
            "mixed: p99 vs p50",
            f"< {MAX_P99_OVER_P50:g}×",
            f"{spread:.1f}× ({total.p99_ms:,.1f} ms vs {total.median_ms:,.1f} ms)",
            spread < MAX_P99_OVER_P50,
        ),
        (
            f"mixed req/s vs bare `def` endpoint ({WORKERS} workers)",
            f"≥ {MIN_RATIO:g}×",
            f"{ratio:.3f}× ({total.rps:,.0f} vs {bare.rps:,.0f} req/s)",
            ratio >= MIN_RATIO,
        ),
    ]


def _cpu_line(stats: Stats, label: str, connections: list[int]) -> str:
    seconds = stats.seconds
    server = stats.cpu_s.get("server", 0.0)
    workers = [stats.cpu_s[k] for k in sorted(stats.cpu_s) if k.startswith("worker ")]
    postgres = stats.cpu_s.get("postgres", 0.0)
    client = stats.client_cpu_us * stats.requests / 1e6
    other = max(0.0, stats.cpu_s.get("machine", 0.0) - server - postgres - client)
    split = " + ".join(f"{w / seconds:.2f}" for w in workers)
    held = " + ".join(str(n) for n in connections) or "?"
    return (
        f"{label}: server {server / seconds:.2f} cores ({split} per worker, holding {held} "
        "connections), "
        f"its PostgreSQL backends {postgres / seconds:.2f}, load client {client / seconds:.2f}, "
        f"other processes {other / seconds:.2f}; server CPU "
        f"{server / stats.requests * 1e6:,.0f} µs per request."
    )


def render(
    result: Result, started: datetime, seconds: float, machine_line: str, note: str = ""
) -> str:
    how = (
        f"{WORKERS} uvicorn workers (`--workers {WORKERS}`, BACKCHAIN_REDIS_URL set) on "
        f"PostgreSQL; bench/load.py holds {result.concurrency} keep-alive connections in a "
        f"closed loop for {result.seconds:g} s after a warm-up (opened one by one and reopened "
        "until each worker holds half: a burst is often accepted by one worker alone), each "
        "request drawn from the "
        f"mix below for one of {USERS} users; the bare FastAPI app (`def` endpoint) under the same "
        "command, workers and connections just before and just after (best of the two)."
    )
    out = section_head(TITLES["mixed"], started, seconds=seconds, machine=machine_line, how=how)
    out += ["### Targets", "", *target_table(targets(result))]
    if note:
        out += [note, ""]
    total, bare = result.total, result.bare_best
    if result.skipped or total is None or bare is None:
        out += [f"Not measured: {result.skipped}", ""]
        return "\n".join(out)
    out += [
        "### Throughput and latency",
        "",
        "| | share | req/s | p50 ms | p99 ms | max ms | errors |",
        "|---|--:|--:|--:|--:|--:|--:|",
    ]
    seeded = f"{result.users} users, {result.sets_seeded:,} sets seeded"
    rows = [(f"**mixed, all** ({seeded})", total)]
    rows += [(kind, result.by_kind[kind]) for kind, *_ in MIX if kind in result.by_kind]
    for label, stats in rows:
        share = stats.requests / total.requests * 100
        out.append(
            f"| {label} | {share:.1f} % | {stats.rps:,.0f} | {stats.median_ms:,.1f} "
            f"| {stats.p99_ms:,.1f} | {stats.max_ms:,.1f} | {stats.errors:,} |"
        )
    for i, stats in enumerate(result.bare):
        when = "before" if i == 0 else "after"
        out.append(
            f"| bare `def` endpoint, {WORKERS} workers ({when}) | – | {stats.rps:,.0f} "
            f"| {stats.median_ms:,.2f} | {stats.p99_ms:,.2f} | {stats.max_ms:,.1f} "
            f"| {stats.errors:,} |"
        )
    floor = result.floor
    if floor is not None:
        out.append(
            f"| the floor: one awaited statement per request (bench/floor_app.py), same mix "
            f"| – | {floor.rps:,.0f} | {floor.median_ms:,.1f} | {floor.p99_ms:,.1f} "
            f"| {floor.max_ms:,.1f} | {floor.errors:,} |"
        )
    best = result.bare.index(bare)
    out += ["", _cpu_line(total, "CPU during the mix", result.connections), ""]
    if floor is not None and floor.errors:
        out += [f"The floor answered {floor.errors:,} errors (first: `{floor.first_error}`).", ""]
    elif floor is not None:
        out += [_cpu_line(floor, "CPU during the floor's mix", result.floor_connections), ""]
        out += [
            f"The floor answers {floor.rps / bare.rps:.3f}× the bare endpoint; this app "
            f"{total.rps / floor.rps:.3f}× the floor, and the target "
            f"({MIN_RATIO:g}× bare) asks for {MIN_RATIO * bare.rps / floor.rps:.3f}× the floor.",
            "",
        ]
    out += [_cpu_line(bare, "CPU during the best bare round", result.bare_connections[best]), ""]
    if total.first_error:
        out += [f"First error: `{total.first_error[:300]}`", ""]
    return "\n".join(out)


def run(
    args: argparse.Namespace,
    workdir: Path,
    skipped: str | None,
    say: Callable[[str], None],
    postgres_version: str | None,
) -> str:
    started = datetime.now(UTC)
    clock = time.monotonic()
    problem = skipped or redis_problem()
    if problem:
        say(f"mixed skipped: {problem}")
        result = Result(skipped=problem, concurrency=args.mixed_concurrency)
    else:
        say(f"PostgreSQL: mixed load, {WORKERS} workers")
        result = measure(args, workdir, say)
    return render(
        result,
        started,
        time.monotonic() - clock,
        machine.summary(Path(__file__).resolve().parent.parent, postgres_version),
    )
