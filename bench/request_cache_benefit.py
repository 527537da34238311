"""What the request-path caches buy: record GET, list page and POST times with each on and off.

    python -m bench.request_cache_benefit [--rounds 7] [--databases sqlite,postgresql]

The app is built in this process on a fresh, migrated database with one user and 200 workouts
of 5 sets. Configurations (all on; the record JSON cache off; remembered accounts off: every
request reads the caller's account) are interleaved in every round; each figure is the median
over rounds of the mean time per request, requests sent back to back through `TestClient`.
"""

from __future__ import annotations

import argparse
import dataclasses
import logging
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from api.app import create_app
from api.caches import Caches
from api.security import AccountFacts
from api.services.record_cache import RecordJsonCache
from api.settings import Settings
from bench.databases import postgres_database, sqlite_database
from bench.scenarios import sign_up
from bench.server import app_settings

WORKOUT = {
    "started_at": "2026-01-05T10:00:00+00:00",
    "sets": [{"exercise": "deadlift", "reps": 5, "load_kg": 100 + i} for i in range(5)],
}


def _configured(caches: Caches, name: str) -> Caches:
    if name == "records off":
        return dataclasses.replace(caches, records=RecordJsonCache(0))
    if name == "accounts off":
        return dataclasses.replace(caches, accounts=AccountFacts(0))
    return caches


def _time_ms(send: Callable[[], Any], requests: int) -> float:
    started = time.perf_counter()
    for _ in range(requests):
        send()
    return (time.perf_counter() - started) / requests * 1e3


def measure(url: str, workdir: Path, rounds: int, requests: int) -> dict[str, dict[str, float]]:
    app = create_app(Settings(**app_settings(url, workdir), gc_freeze=False))  # type: ignore[arg-type]
    names = ("all on", "records off", "accounts off")
    samples: dict[str, dict[str, list[float]]] = {n: {} for n in names}
    with TestClient(app) as client:
        token, _ = sign_up(client, "bench@example.com")  # type: ignore[arg-type]
        headers = {"Authorization": f"Bearer {token}"}
        ids = [
            client.post("/v1/users/me/workouts", json=WORKOUT, headers=headers).json()["id"]
            for _ in range(200)
        ]
        base = app.state.caches
        scenarios: dict[str, Callable[[], Any]] = {
            "GET one workout": lambda: client.get(
                f"/v1/users/me/workouts/{ids[7]}", headers=headers
            ),
            "GET a list page of 50": lambda: client.get(
                "/v1/users/me/workouts?limit=50", headers=headers
            ),
            "POST a workout": lambda: client.post(
                "/v1/users/me/workouts", json=WORKOUT, headers=headers
            ),
        }
        for _ in range(rounds):
            for name in names:
                app.state.caches = _configured(base, name)
                for scenario, send in scenarios.items():
                    send()  # fills what this configuration keeps
                    samples[name].setdefault(scenario, []).append(_time_ms(send, requests))
    return {
        name: {scenario: statistics.median(times) for scenario, times in by.items()}
        for name, by in samples.items()
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--databases", default="sqlite,postgresql")
    args = parser.parse_args()
    logging.disable(logging.CRITICAL)
    for database in args.databases.split(","):
        with tempfile.TemporaryDirectory() as tmp:
            factory = sqlite_database(Path(tmp)) if database == "sqlite" else postgres_database()
            with factory as url:
                figures = measure(url, Path(tmp), args.rounds, args.requests)
        sys.stdout.write(f"\n{database} (ms per request, median of {args.rounds} rounds)\n")
        on = figures["all on"]
        for name, by in figures.items():
            cells = ", ".join(
                f"{s} {ms:.2f}" + ("" if name == "all on" else f" ({1 - on[s] / ms:+.0%})")
                for s, ms in by.items()
            )
            sys.stdout.write(f"  {name:13s} {cells}\n")


if __name__ == "__main__":
    main()
