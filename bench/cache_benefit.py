"""What each analytics cache buys: user-visible request times with it on and off.

    python -m bench.cache_benefit [--rounds 7] [--databases sqlite,postgresql] [--redis URL]

The app is built in this process on a fresh, migrated database; one user is given 5 years of
history (4 sessions a week of 20 sets, bulk-inserted, as in bench/analytics.py). For every
configuration (all caches; each one off in turn; none) and answer (balance, 5-year trend,
summary, benchmarks, pain trend) it times, with caches that have read nothing yet:

- cold: the first request;
- warm: the same request again (nothing changed);
- after a write: the request after a PUT that replaces today's workout (new version, new
  sets: the cursor moves and one workout changed, as when a user logs a session).

Configurations are interleaved in every round (the machine is shared: background load hits
rounds unevenly); each figure is the median over rounds. With `--redis`, the shared answers
are measured too: after a write, the answer from a second app (another worker) that did not
compute it. On PostgreSQL the script also times the sets SELECT with and without reading the
start instant past its UTC type (`driver_instant`).
"""

from __future__ import annotations

import argparse
import dataclasses
import logging
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from bench import history
from bench.databases import postgres_database, sqlite_database
from bench.scenarios import sign_up
from bench.server import app_settings

ANSWERS = {
    "balance": "/v1/users/me/balance",
    "trend": "/v1/users/me/balance/trend",
    "summary": "/v1/users/me/summary",
    "benchmarks": "/v1/users/me/benchmarks",
    "pain": "/v1/users/me/pain/trend",
}
CACHES = ("answers", "workout_sets", "windows", "series")
YEARS = 5


def configurations(off: str | None = None) -> dict[str, dict[str, int]]:
    """Name -> the `AnalyticsCaches.sized` sizes set to 0: all on, each off in turn, all
    off; or all on and the given sets (`--off "windows,candidates;series"`)."""
    if off:
        sets = [[name.strip() for name in group.split(",")] for group in off.split(";")]
    else:
        sets = [[name] for name in CACHES] + [list(CACHES)]
    found: dict[str, dict[str, int]] = {"all on": {}}
    for names in sets:
        label = "all off" if set(names) == set(CACHES) else " + ".join(names) + " off"
        found[label] = dict.fromkeys(names, 0)
    return found


def _ms(call: Callable[[], Any]) -> float:
    started = time.perf_counter()
    call()
    return (time.perf_counter() - started) * 1e3


def _get(client: TestClient, path: str) -> None:
    answer = client.get(path)
    if answer.status_code != 200:
        raise RuntimeError(f"{path}: {answer.status_code} {answer.text[:200]}")


def _seed(client: TestClient, engine: Any) -> None:
    """A user with `YEARS` years of history ending yesterday; the client acts as them."""
    today = datetime.now(UTC).date()
    _, user_id = sign_up(client, f"cache-{uuid.uuid4().hex[:8]}@example.com")
    history.set_profile_bodyweight(engine, user_id)
    exercises = history.exercise_ids(engine)
    days = history.training_days(
        today - timedelta(days=365 * YEARS), today - timedelta(days=1), weekdays=history.WEEKDAYS_4
    )
    workout_rows, set_rows = history.rows(user_id, history.plan(days, seed=1), exercises)
    history.insert_rows(engine, workout_rows, set_rows)
    for region, score in (("low_back", 4), ("knee", 2)):
        for week in range(0, 52 * YEARS, 2):
            at = datetime.now(UTC) - timedelta(weeks=week, hours=3)
            body = {"recorded_at": at.isoformat(), "region": region, "score": score + week % 3}
            client.post("/v1/users/me/pain-scores", json=body).raise_for_status()


class Today:
    """Today's workout, replaced by each write (a new version with new sets, same date)."""

    def __init__(self) -> None:
        self.id = str(uuid.uuid4())
        self.load = 100.0
        self.started = datetime.now(UTC) - timedelta(minutes=1)

    def write(self, client: TestClient) -> None:
        self.load = 100.0 if self.load > 120 else self.load + 2.5
        sets = [
            {"exercise": lift, "reps": 5, "load_kg": self.load}
            for lift in ("deadlift", "back_squat", "hip_thrust", "bench_press")
        ]
        answer = client.put(
            f"/v1/users/me/workouts/{self.id}",
            json={"started_at": self.started.isoformat(), "sets": sets},
        )
        if answer.status_code not in (200, 201):
            raise RuntimeError(f"PUT: {answer.status_code} {answer.text[:200]}")


def _fresh(app: Any, off: dict[str, int], shared: Any = None) -> None:
    """Caches that have read nothing yet, with the named ones off."""
    from api.services.analytics_cache import AnalyticsCaches

    analytics = AnalyticsCaches.sized(shared=shared, **off)
    app.state.caches = dataclasses.replace(app.state.caches, analytics=analytics)


def measure(
    url: str, workdir: Path, rounds: int, redis_url: str | None, configs: dict[str, dict[str, int]]
) -> dict[str, Any]:
    from api.app import create_app
    from api.settings import Settings
    from db.engine import make_engine

    settings = Settings(**app_settings(url, workdir), gc_freeze=False)  # type: ignore[arg-type]
    engine = make_engine(url)
    app = create_app(settings, engine=engine)
    times: dict[tuple[str, str, str], list[float]] = {}
    today = Today()
    with TestClient(app) as client:
        _seed(client, engine)
        today.write(client)
        for path in ANSWERS.values():  # first use of each code path: lazy set-ups
            _get(client, path)
        for round_no in range(rounds):
            for config, off in configs.items():
                for answer, path in ANSWERS.items():
                    _fresh(app, off)
                    cold = _ms(lambda p=path: _get(client, p))  # type: ignore[misc]
                    warm = _ms(lambda p=path: _get(client, p))  # type: ignore[misc]
                    today.write(client)
                    after = _ms(lambda p=path: _get(client, p))  # type: ignore[misc]
                    for figure, value in (("cold", cold), ("warm", warm), ("after", after)):
                        times.setdefault((config, answer, figure), []).append(value)
            sys.stdout.write(f"  round {round_no + 1}/{rounds} done\n")
            sys.stdout.flush()
        shared = _shared(app, client, settings, engine, today, rounds, redis_url)
        columns = _columns(app, client, engine, rounds) if url.startswith("postgresql") else {}
    engine.dispose()
    return {"times": times, "shared": shared, "columns": columns}


def _shared(
    app: Any,
    client: TestClient,
    settings: Any,
    engine: Any,
    today: Today,
    rounds: int,
    redis_url: str | None,
) -> dict[tuple[str, str], list[float]]:
    """After a write answered by worker A: worker B's answer, with and without sharing."""
    if redis_url is None:
        return {}
    from api.app import create_app
    from api.services.shared_answers import RedisAnswers

    store = RedisAnswers(redis_url, database_url=f"{settings.database_url}#{uuid.uuid4()}")
    other = create_app(settings, engine=engine)
    times: dict[tuple[str, str], list[float]] = {}
    with TestClient(other) as b:
        b.headers["Authorization"] = client.headers["Authorization"]
        for _ in range(rounds):
            for mode, store_or_none in (("shared", store), ("per process", None)):
                _fresh(app, {}, store_or_none)
                _fresh(other, {}, store_or_none)
                for answer in ("balance", "trend", "summary"):
                    path = ANSWERS[answer]
                    _get(client, path)  # both workers have read the history
                    _get(b, path)
                    today.write(client)
                    _get(client, path)  # worker A answers first
                    times.setdefault((mode, answer), []).append(
                        _ms(lambda p=path: _get(b, p))  # type: ignore[misc]
                    )
    return times


def _columns(app: Any, client: TestClient, engine: Any, rounds: int) -> dict[str, list[float]]:
    """The cold 5-year trend, and its sets SELECT alone, with the start instant read through
    its UTC type (as the app reads it) and as the driver returns it (`driver_instant`, the
    PostgreSQL-only variant the app had: `type_coerce`), interleaved."""
    from sqlalchemy import DateTime, select, type_coerce
    from sqlmodel import Session, col

    from db.models import User, Workout
    from db.queries import analytics as analytics_queries

    with Session(engine) as session:
        user_id = session.execute(select(col(User.id)).order_by(col(User.created_at))).scalar()
    plain = analytics_queries._OWNER_SETS
    columns = list(plain.selected_columns)
    started = next(i for i, c in enumerate(columns) if c.name == "started_at")
    # As the driver returns it: aware on PostgreSQL, the UTC type's per-cell work skipped.
    columns[started] = type_coerce(col(Workout.started_at), DateTime(timezone=True)).label(
        "started_at"
    )
    variants = {"through the UTC type": plain, "driver_instant": plain.with_only_columns(*columns)}
    params = analytics_queries._range(user_id, None, None)
    times: dict[str, list[float]] = {}
    try:
        for _ in range(rounds * 2):
            for name, statement in variants.items():
                analytics_queries._OWNER_SETS = statement  # type: ignore[misc]
                _fresh(app, {})
                times.setdefault(f"cold trend, {name}", []).append(
                    _ms(lambda: _get(client, ANSWERS["trend"]))
                )
                with Session(engine) as session:
                    connection = session.connection()
                    times.setdefault(f"sets SELECT, {name}", []).append(
                        _ms(lambda s=statement, c=connection: c.execute(s, params).all())  # type: ignore[misc]
                    )
    finally:
        analytics_queries._OWNER_SETS = plain  # type: ignore[misc]
    return times


def render(name: str, result: dict[str, Any], configs: list[str]) -> str:
    times = result["times"]
    out = [f"### {name}", ""]
    for figure, title in (
        ("cold", "cold (caches empty)"),
        ("warm", "warm (repeat)"),
        ("after", "after a write"),
    ):
        out += [
            f"{title}, median ms:",
            "",
            "| answer | " + " | ".join(configs) + " |",
            "|--|" + "--:|" * len(configs),
        ]
        for answer in ANSWERS:
            cells = [f"{statistics.median(times[(c, answer, figure)]):,.1f}" for c in configs]
            out.append(f"| {answer} | " + " | ".join(cells) + " |")
        out.append("")
    if result["shared"]:
        out += ["second worker's answer after a write, median ms:", ""]
        out += ["| answer | shared | per process |", "|--|--:|--:|"]
        for answer in ("balance", "trend", "summary"):
            cells = [
                f"{statistics.median(result['shared'][(mode, answer)]):,.2f}"
                for mode in ("shared", "per process")
            ]
            out.append(f"| {answer} | " + " | ".join(cells) + " |")
        out.append("")
    if result["columns"]:
        out += ["The start instant's type on PostgreSQL, median ms:", ""]
        for label, values in result["columns"].items():
            out.append(f"- {label}: {statistics.median(values):,.1f}")
        out.append("")
    return "\n".join(out)


def _databases(
    names: list[str], workdir: Path
) -> Iterator[tuple[str, AbstractContextManager[str]]]:
    for name in names:
        if name == "sqlite":
            yield "SQLite", sqlite_database(workdir)
        elif name == "postgresql":
            yield "PostgreSQL", postgres_database()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.cache_benefit")
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--databases", default="sqlite,postgresql")
    parser.add_argument("--redis", default=None, help="measure shared answers on this Redis")
    parser.add_argument("--off", default=None, help='cache sets to turn off: "a,b;c"')
    args = parser.parse_args(argv)
    logging.disable(logging.INFO)  # the access log line of every request
    with tempfile.TemporaryDirectory(prefix="cache-benefit-") as tmp:
        for name, database in _databases(args.databases.split(","), Path(tmp)):
            with database as url:
                sys.stdout.write(f"{name}: seeding {YEARS} years, {args.rounds} rounds\n")
                sys.stdout.flush()
                configs = configurations(args.off)
                result = measure(url, Path(tmp), args.rounds, args.redis, configs)
            sys.stdout.write(render(name, result, list(configs)) + "\n")
            sys.stdout.flush()


if __name__ == "__main__":
    main()
