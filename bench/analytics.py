"""Analytics: GET /v1/users/me/balance/trend on a user with 1 to 5 years of history.

A user trains 4 days a week, 20 sets a session (≈ 4,160 sets a year, ≈ 21,000 in 5 years),
bulk-inserted; the history always ends yesterday and "all history" (the endpoint without
parameters) grows by one year per step. Each step signs up new users given that many years
(the same plans for each), so that their first request finds nothing of theirs cached: the
app keeps the sets of workouts it has read (by workout and version) as well as its answers.
At each step:

- select floor: the SELECT the app runs for the user's sets (`db.queries.analytics.sets`, all
  history) with every row fetched, in this process on an engine of its own (median of 7);
- cold: the first trend request of a user whose history nothing has read yet (a new user per
  sample, given the same history), over HTTP;
- recomputed: the trend request right after a write, once the history has been read (a
  workout of one warm-up set POSTed through the API moves the user's change cursor, the
  answer's cache key, and leaves the trend's inputs alone: warm-ups never count; the workouts
  read before come from the per-workout cache, so this reads the new workout only);
- warm: the same request again and again on unchanged data (answered from the cache);
- GET: one workout of 20 sets, the cheapest read to compare the warm answer with;
- an in-process breakdown of the cold computation by phase (private service functions; left
  out with a note when they change).

Targets (issue): cold ≤ 3× the select floor, warm ≤ 2× the GET, both at 5 years; and the cost
grows linearly with the history (fitted exponent b of the cold request's server CPU time
against sets, 1 = linear, 2 = quadratic).
"""

from __future__ import annotations

import argparse
import gc
import math
import os
import statistics
import time
import uuid
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy.engine import make_url

from bench import history, machine
from bench.load import request_bytes, run_load
from bench.report import TITLES, Target, section_head, target_table
from bench.scenarios import sign_up
from bench.server import HOST, Server, app_env, app_settings

TREND = "/v1/users/me/balance/trend"
WORKOUTS = "/v1/users/me/workouts"
COLD_OVER_FLOOR = 3.0
WARM_OVER_GET = 2.0
MAX_EXPONENT = 1.25  # cost ∝ sets^b: 1 is linear, 2 quadratic
MAX_COLD_S = 60.0  # a single cold request longer than this stops the benchmark


@dataclass
class Step:
    """One history length and what it cost."""

    years: int
    workouts: int
    sets: int
    points: int = 0  # snapshots in the answer (Theil–Sen runs over these)
    body_kib: float = 0.0
    floor_ms: list[float] = field(default_factory=list)
    cold_ms: list[float] = field(default_factory=list)
    cold_cpu_ms: list[float] = field(default_factory=list)  # server CPU of each cold request
    recomputed_ms: list[float] = field(default_factory=list)
    recomputed_cpu_ms: list[float] = field(default_factory=list)
    warm_ms: float = 0.0
    get_ms: float = 0.0
    phases: dict[str, float] = field(default_factory=dict)  # in-process, ms (the median run)
    gc_ms: float = 0.0  # garbage collection within that run
    other_cores: float | None = None  # other processes' load during the step

    @property
    def floor(self) -> float:
        """Median of the repeats: a run with a full garbage collection is as real as one
        without, and background load hits runs unevenly."""
        return statistics.median(self.floor_ms)

    @property
    def cold(self) -> float:
        return statistics.median(self.cold_ms)

    @property
    def cold_cpu(self) -> float:
        return statistics.median(self.cold_cpu_ms)

    @property
    def recomputed(self) -> float:
        return statistics.median(self.recomputed_ms)

    @property
    def recomputed_cpu(self) -> float:
        return statistics.median(self.recomputed_cpu_ms)


@dataclass
class Result:
    database: str
    steps: list[Step] = field(default_factory=list)
    skipped: str | None = None
    breakdown_note: str | None = None


def _exponent(steps: list[Step], value: Callable[[Step], float]) -> float | None:
    """Least-squares slope of ln(value) against ln(sets): the b of cost ∝ sets^b."""
    pairs = [(math.log(s.sets), math.log(value(s))) for s in steps if value(s) > 0]
    if len(pairs) < 2:
        return None
    mean_x = statistics.fmean(x for x, _ in pairs)
    mean_y = statistics.fmean(y for _, y in pairs)
    spread = sum((x - mean_x) ** 2 for x, _ in pairs)
    return sum((x - mean_x) * (y - mean_y) for x, y in pairs) / spread if spread else None


def _runs(values: list[float]) -> str:
    return " / ".join(f"{v:,.0f}" for v in values)


def _timed_ms(call: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    value = call()
    return (time.perf_counter() - started) * 1e3, value


def _select_floor(engine: Any, user_id: uuid.UUID, repeats: int) -> list[float]:
    """The app's own SELECT of the user's sets, every row fetched (one warm-up, then timed)."""
    from sqlmodel import Session

    from db.queries import analytics as analytics_queries

    times = []
    for i in range(repeats + 1):
        with Session(engine) as session:
            started = time.perf_counter()
            found = analytics_queries.sets(session, [user_id], start=None, end=None)
            elapsed = (time.perf_counter() - started) * 1e3
        if not found:
            raise RuntimeError("the select floor found no sets")
        if i:
            times.append(elapsed)
    return times


class _GcClock:
    """Time spent in garbage collection, from `gc.callbacks`."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self._started = 0.0

    def __call__(self, phase: str, _info: dict[str, int]) -> None:
        if phase == "start":
            self._started = time.perf_counter()
        else:
            self.seconds += time.perf_counter() - self._started

    def __enter__(self) -> _GcClock:
        gc.callbacks.append(self)
        return self

    def __exit__(self, *_exc: object) -> None:
        gc.callbacks.remove(self)


def _breakdown_once(engine: Any, user_id: uuid.UUID) -> tuple[dict[str, float], float]:
    """The cold computation in this process, phase by phase (ms), through the service's steps
    (`loader.inputs_of`, `trend.series_from`, `trend.trend_of_points`), and the GC time within
    it."""
    from sqlmodel import Session

    from api.analytics import trend as trend_core
    from api.services import analytics as service
    from api.services.analytics import loader, trend
    from db.models import User
    from db.queries import analytics as analytics_queries

    fit = "Theil–Sen + Kendall + EWMA (`trend`)"
    with Session(engine) as session, _GcClock() as gc_clock:
        owner = session.get(User, user_id)
        assert owner is not None
        end = service.today(owner)
        gc_clock.seconds = 0.0
        phases: dict[str, float] = {}
        phases["select sets"], rows = _timed_ms(
            lambda: analytics_queries.sets(session, [user_id], start=None, end=None)
        )
        phases["select bodyweights"], weights = _timed_ms(
            lambda: analytics_queries.bodyweights(session, [user_id])
        )
        phases["e1RM estimates (`inputs_of`)"], inputs = _timed_ms(
            lambda: loader.inputs_of(owner, rows, weights, loader.DEFAULT_METHOD)
        )
        method = inputs.method
        phases["snapshots (`series_from`)"], series = _timed_ms(
            lambda: trend.series_from(inputs, owner, None, end)
        )
        indexed = [s for s in series if s.index is not None]
        origin = indexed[0].date if indexed else end
        points = [((s.date - origin).days, s.index) for s in indexed]
        phases[fit], _ = _timed_ms(lambda: trend_core.trend(points, method))
        whole, _ = _timed_ms(
            lambda: trend.trend_of_points(
                [trend.point(s) for s in series], method, None, end
            ).model_dump_json(by_alias=True)
        )
        phases["points, response model, JSON"] = max(0.0, whole - phases[fit])
        return phases, gc_clock.seconds * 1e3


def _breakdown(engine: Any, user_id: uuid.UUID, repeats: int) -> tuple[dict[str, float], float]:
    """The run with the median total of `repeats`: its phases and its GC time."""
    runs = sorted(
        (_breakdown_once(engine, user_id) for _ in range(repeats)),
        key=lambda r: sum(r[0].values()),
    )
    return runs[len(runs) // 2]


def _median_latency(port: int, path: str, token: str, seconds: float) -> float:
    """Median latency of `path` requested back to back on one keep-alive connection."""
    raw = request_bytes(
        "GET", path, host=HOST, port=port, headers={"Authorization": f"Bearer {token}"}
    )
    stats = run_load(
        HOST,
        port,
        lambda _n: raw,
        expect=200,
        concurrency=1,
        warmup_s=min(0.5, seconds / 2),
        duration_s=seconds,
    )
    if stats.errors:
        raise RuntimeError(f"{path}: {stats.first_error}")
    return stats.median_ms


def _move_cursor(client: httpx.Client) -> None:
    """A write that moves the trend's cursor and leaves its inputs alone: a workout of one
    warm-up set (warm-ups never count). A pain score would not do: answers that read no
    pain keep their cursor when only pain scores are written."""
    now = datetime.now(UTC).isoformat().replace("+00:00", "Z")
    warm_up = {"exercise": "deadlift", "reps": 5, "load_kg": 60, "set_type": "warmup"}
    answer = client.post(WORKOUTS, json={"started_at": now, "sets": [warm_up]})
    if answer.status_code != 201:
        raise RuntimeError(f"workout POST answered {answer.status_code}: {answer.text[:300]}")


def _after_write(client: httpx.Client, pid: int) -> tuple[float, float, httpx.Response]:
    """Wall ms and server CPU ms of the first trend request after a write."""
    _move_cursor(client)
    return _cold(client, pid)


def _cold(client: httpx.Client, pid: int) -> tuple[float, float, httpx.Response]:
    """Wall ms and server CPU ms of a trend request that nothing cached answers."""
    time.sleep(0.05)  # let the server finish the last request's aftermath (log, pool return)
    cpu = machine.thread_cpu_ns(pid)
    started = time.perf_counter()
    answer = client.get(TREND, timeout=MAX_COLD_S)
    elapsed = (time.perf_counter() - started) * 1e3
    cpu_ms = machine.cpu_ns_since(pid, cpu) / 1e6
    if answer.status_code != 200:
        raise RuntimeError(f"trend answered {answer.status_code}: {answer.text[:300]}")
    return elapsed, cpu_ms, answer


def measure(
    name: str,
    database: AbstractContextManager[str],
    args: argparse.Namespace,
    workdir: Path,
    say: Callable[[str], None],
) -> Result:
    from db.engine import make_engine

    result = Result(name)
    years = 2 if args.quick else 5
    colds = 1 if args.quick else 3  # new users per step, each a cold sample
    recomputes = 1 if args.quick else 5
    floors = 2 if args.quick else 7
    phase_s = 0.5 if args.quick else 2.0
    breakdowns = 1 if args.quick else 3
    today = datetime.now(UTC).date()
    with database as url:
        port = (make_url(url).port or 5432) if url.startswith("postgresql") else None
        settings = app_settings(url, workdir)
        log = workdir / f"analytics-{name.lower()}.log"
        with (
            Server(
                "api.app:create_app", env=app_env(settings), log_path=log, ready_path="/healthz"
            ) as api,
            httpx.Client(base_url=api.base_url, timeout=30) as client,
        ):
            engine = make_engine(url)
            try:
                exercises = history.exercise_ids(engine)
                # One plan per year, oldest last; every user given k years gets the same ones.
                plans = [
                    history.plan(
                        history.training_days(
                            today - timedelta(days=365 * year),
                            today - timedelta(days=365 * (year - 1) + 1),
                            weekdays=history.WEEKDAYS_4,
                        ),
                        seed=year,
                        origin=today - timedelta(days=365 * years),
                    )
                    for year in range(1, years + 1)
                ]

                def new_user(tag: str, with_years: int) -> tuple[str, uuid.UUID, Any, int]:
                    """A user with the first `with_years` years of history, bulk-inserted: their
                    token, id, a workout id and their sets. The client now acts as them."""
                    token, user_id = sign_up(client, f"analytics-{tag}@example.com")
                    history.set_profile_bodyweight(engine, user_id)
                    workout_id, sets = None, 0
                    for planned in plans[:with_years]:
                        workout_rows, set_rows = history.rows(user_id, planned, exercises)
                        history.insert_rows(engine, workout_rows, set_rows)
                        workout_id = workout_id or workout_rows[-1]["id"]
                        sets += len(set_rows)
                    return token, user_id, workout_id, sets

                new_user("warm-up", 1)
                _cold(client, api.pid)  # first use of the code path: lazy set-ups
                for year in range(1, years + 1):
                    snapshot = machine.snapshot_for([api.pid, os.getpid()], postgres_port=port)
                    cpu0, wall0 = snapshot(), time.monotonic()
                    # One new user per cold sample; the last one is measured further.
                    for sample in range(colds):
                        token, user_id, get_id, sets = new_user(f"{year}-{sample}", year)
                        if sample == 0:
                            step = Step(year, sum(len(p) for p in plans[:year]), sets)
                        elapsed, cpu_ms, answer = _cold(client, api.pid)
                        step.cold_ms.append(elapsed)
                        step.cold_cpu_ms.append(cpu_ms)
                    step.floor_ms = _select_floor(engine, user_id, floors)
                    for _ in range(recomputes):
                        elapsed, cpu_ms, answer = _after_write(client, api.pid)
                        step.recomputed_ms.append(elapsed)
                        step.recomputed_cpu_ms.append(cpu_ms)
                    step.points = len(answer.json()["points"])
                    step.body_kib = len(answer.content) / 1024
                    step.warm_ms = _median_latency(api.port, TREND, token, phase_s)
                    step.get_ms = _median_latency(
                        api.port, f"/v1/users/me/workouts/{get_id}", token, phase_s
                    )
                    try:
                        step.phases, step.gc_ms = _breakdown(engine, user_id, breakdowns)
                    except Exception as exc:  # private functions: others may change them
                        result.breakdown_note = f"breakdown unavailable: {exc!r}"[:200]
                    cpu1, wall1 = snapshot(), time.monotonic()
                    ours = cpu1["server"] - cpu0["server"]
                    ours += cpu1.get("postgres", 0.0) - cpu0.get("postgres", 0.0)
                    busy = cpu1["machine"] - cpu0["machine"]
                    step.other_cores = max(0.0, (busy - ours) / (wall1 - wall0))
                    result.steps.append(step)
                    say(
                        f"  {name} analytics {year} y: {sets:6,d} sets, {step.points:5,d} points; "
                        f"floor {step.floor:7.1f} ms, cold {step.cold:7.1f} ms "
                        f"({step.cold / step.floor:4.1f}×; CPU {step.cold_cpu:6.1f} ms), "
                        f"after a write {step.recomputed:6.1f} ms, "
                        f"warm {step.warm_ms:6.2f} ms, "
                        f"GET {step.get_ms:6.2f} ms ({step.warm_ms / step.get_ms:4.1f}×); "
                        f"other load {step.other_cores:.1f} cores"
                    )
            finally:
                engine.dispose()
    return result


def targets(results: list[Result]) -> list[Target]:
    rows: list[Target] = []
    for result in results:
        if not result.steps:
            continue
        last = result.steps[-1]
        where = f"{result.database}, {last.years} y ({last.sets:,} sets)"
        cold = last.cold / last.floor
        rows.append(
            (
                f"{where}: cold trend vs select floor",
                f"≤ {COLD_OVER_FLOOR:g}×",
                f"{cold:.2f}× ({last.cold:,.0f} ms vs {last.floor:,.0f} ms)",
                cold <= COLD_OVER_FLOOR,
            )
        )
        warm = last.warm_ms / last.get_ms
        rows.append(
            (
                f"{where}: repeated trend vs single-workout GET",
                f"≤ {WARM_OVER_GET:g}×",
                f"{warm:.2f}× ({last.warm_ms:.2f} ms vs {last.get_ms:.2f} ms)",
                warm <= WARM_OVER_GET,
            )
        )
        exponent = _exponent(result.steps, lambda s: s.cold_cpu)
        wall = _exponent(result.steps, lambda s: s.cold)
        rows.append(
            (
                f"{result.database}: growth of the cold trend's server CPU, 1 → {last.years} y",
                f"linear: b ≤ {MAX_EXPONENT:g} in CPU ∝ sets^b",
                "–"
                if exponent is None or wall is None
                else f"b = {exponent:.2f} (wall time: {wall:.2f})",
                None if exponent is None else exponent <= MAX_EXPONENT,
            )
        )
    return rows


def render(results: list[Result], started: datetime, seconds: float, machine_line: str) -> str:
    how = (
        "4 sessions a week of 20 sets, bulk-inserted (Core); per step 3 new users given the "
        "same 1 to 5 years of history, each one's first trend request over HTTP (cold: nothing "
        "of theirs read before), the app's own sets SELECT in-process with all rows fetched "
        "(median of 7), the trend right after a warm-up-only workout POST moved the change "
        "cursor (recomputed: median of 5; the workouts read before come from the per-workout "
        "cache) (wall time, and the server process's CPU time from /proc schedstat), then the "
        "cached "
        "answer and a 20-set workout GET back to back on one connection (median latency over "
        "2 s each); one uvicorn worker. Ratios use wall times; growth uses the server's CPU "
        "time, which background load on this shared machine disturbs less (column *other "
        "load*)."
    )
    out = section_head(TITLES["analytics"], started, seconds=seconds, machine=machine_line, how=how)
    out += ["### Targets", "", *target_table(targets(results))]
    for result in results:
        out += [f"### {result.database}", ""]
        if result.skipped:
            out += [f"Not measured: {result.skipped}", ""]
            continue
        out += [
            "| years | workouts | sets | trend points | answer KiB | select floor ms | cold ms "
            "| cold ÷ floor | cold: server CPU ms | server CPU µs per set "
            "| recomputed after a write ms | its server CPU ms | warm ms "
            "| GET ms | warm ÷ GET | other load (cores) |",
            "|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
        ]
        for s in result.steps:
            out.append(
                f"| {s.years} | {s.workouts:,} | {s.sets:,} | {s.points:,} | {s.body_kib:,.0f} "
                f"| {s.floor:,.1f} | {s.cold:,.1f} | {s.cold / s.floor:.2f} "
                f"| {s.cold_cpu:,.1f} | {s.cold_cpu / s.sets * 1e3:,.1f} "
                f"| {s.recomputed:,.1f} | {s.recomputed_cpu:,.1f} | {s.warm_ms:.2f} "
                f"| {s.get_ms:.2f} | {s.warm_ms / s.get_ms:.2f} "
                f"| {'–' if s.other_cores is None else f'{s.other_cores:.1f}'} |"
            )
        out += [
            "",
            "Every run (ms): "
            + "; ".join(
                f"{s.years} y: floor {_runs(s.floor_ms)}, cold {_runs(s.cold_ms)} "
                f"(CPU {_runs(s.cold_cpu_ms)}), recomputed {_runs(s.recomputed_ms)}"
                for s in result.steps
            )
            + ".",
        ]
        fits = [
            (label, _exponent(result.steps, value))
            for label, value in (
                ("select floor", lambda s: s.floor),
                ("cold request (wall)", lambda s: s.cold),
                ("cold request (server CPU)", lambda s: s.cold_cpu),
                ("recomputed after a write (server CPU)", lambda s: s.recomputed_cpu),
                ("in-process total", lambda s: sum(s.phases.values())),
                ("in-process without GC", lambda s: sum(s.phases.values()) - s.gc_ms),
                *[
                    (phase, lambda s, p=phase: s.phases.get(p, 0.0))
                    for phase in (result.steps[-1].phases if result.steps else {})
                ],
            )
        ]
        out += [
            "",
            "Growth, as the exponent b of cost ∝ sets^b fitted over the steps (1 = linear, "
            "2 = quadratic): "
            + ", ".join(f"{label} {b:.2f}" for label, b in fits if b is not None)
            + ".",
            "",
        ]
        if any(s.phases for s in result.steps):
            phases = list(result.steps[-1].phases)
            out += [
                "Cold computation in-process, by phase (ms, the run with the median total of 3; "
                "the HTTP request adds auth, the cursor query and the transfer; GC = garbage "
                "collection pauses within that run, counted in the phases they hit):",
                "",
                "| years | " + " | ".join(phases) + " | total | of which GC |",
                "|--:|" + "--:|" * (len(phases) + 2),
            ]
            for s in result.steps:
                cells = [f"{s.phases.get(p, 0.0):,.1f}" for p in phases]
                total = sum(s.phases.values())
                out.append(
                    f"| {s.years} | " + " | ".join(cells) + f" | {total:,.1f} | {s.gc_ms:,.1f} |"
                )
            out.append("")
        if result.breakdown_note:
            out += [f"_{result.breakdown_note}_", ""]
    return "\n".join(out)


def run(
    args: argparse.Namespace,
    workdir: Path,
    databases: list[tuple[str, Callable[[], AbstractContextManager[str]] | str]],
    say: Callable[[str], None],
    postgres_version: str | None,
) -> str:
    """Every selected database in turn; the rendered section."""
    started = datetime.now(UTC)
    clock = time.monotonic()
    results = []
    for name, database in databases:
        if isinstance(database, str):
            results.append(Result(name, skipped=database))
            continue
        say(f"{name}: analytics, seeding one year at a time")
        results.append(measure(name, database(), args, workdir, say))
    return render(
        results,
        started,
        time.monotonic() - clock,
        machine.summary(Path(__file__).resolve().parent.parent, postgres_version),
    )
