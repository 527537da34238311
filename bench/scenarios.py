"""What is measured: the requests of each endpoint, and the data seeded through the API first."""

from __future__ import annotations

import itertools
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx

from bench.load import MakeRequest, json_body, request_bytes
from bench.server import HOST

EMAIL = "bench@example.com"
PASSWORD = "correct horse battery staple"
SEED_WORKOUTS = 200
PAGE_SIZE = 50
WORKOUTS = "/v1/users/me/workouts"
LIFTS = ("deadlift", "back_squat", "hip_thrust", "bench_press", "pull_up")
# POSTed workouts start here, one second apart: every body is new, and all sort before the
# seeded ones, so the list page reads the same 50 seeded workouts throughout.
POST_EPOCH = datetime(2020, 1, 1, tzinfo=UTC)
SEED_EPOCH = datetime(2025, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
class Scenario:
    """One measured endpoint: its request (the body of request n) and the status it answers."""

    key: str
    label: str
    method: str
    path: str
    expect: int
    headers: dict[str, str] = field(default_factory=dict)
    body: Callable[[], bytes | None] = lambda: None

    def raw(self, port: int) -> MakeRequest:
        """Request bytes for the load generator (prepared once when the body never changes)."""
        if self.method in {"GET", "PUT"}:
            fixed = request_bytes(
                self.method, self.path, host=HOST, port=port, headers=self.headers, body=self.body()
            )
            return lambda _n: fixed
        return lambda _n: request_bytes(
            self.method, self.path, host=HOST, port=port, headers=self.headers, body=self.body()
        )


def workout_body(started_at: datetime, title: str = "Posterior day") -> dict[str, Any]:
    """A workout of five sets, one per lift."""
    return {
        "started_at": started_at.isoformat().replace("+00:00", "Z"),
        "ended_at": (started_at + timedelta(hours=1)).isoformat().replace("+00:00", "Z"),
        "title": title,
        "sets": [
            {"exercise": lift, "reps": 5, "load_kg": 100.0 + 10 * i, "rpe": 8.0}
            for i, lift in enumerate(LIFTS)
        ],
    }


@dataclass(frozen=True)
class Seeded:
    token: str
    workout_id: str  # a seeded workout, the one the GET reads
    put_id: str  # a client-chosen id, created once, then replaced by every PUT


def sign_up(client: httpx.Client, email: str) -> tuple[str, uuid.UUID]:
    """Register `email`, sign in; the access token and the user's id. Sets the client's
    Authorization header."""
    client.post("/v1/auth/register", json={"email": email, "password": PASSWORD}).raise_for_status()
    answer = client.post(
        "/v1/auth/token",
        data={"grant_type": "password", "username": email, "password": PASSWORD},
    )
    answer.raise_for_status()
    token: str = answer.json()["access_token"]
    client.headers["Authorization"] = f"Bearer {token}"
    me = client.get("/v1/users/me")
    me.raise_for_status()
    return token, uuid.UUID(me.json()["id"])


def seed(base_url: str) -> Seeded:
    """Register, sign in and log `SEED_WORKOUTS` workouts, all through the API."""
    with httpx.Client(base_url=base_url, timeout=30) as client:
        token, _ = sign_up(client, EMAIL)
        ids = []
        for i in range(SEED_WORKOUTS):
            created = client.post(WORKOUTS, json=workout_body(SEED_EPOCH + timedelta(hours=i)))
            created.raise_for_status()
            ids.append(created.json()["id"])
        put_id = str(uuid.uuid4())
        put = client.put(f"{WORKOUTS}/{put_id}", json=workout_body(SEED_EPOCH, "Replayed"))
        if put.status_code != 201:
            raise RuntimeError(f"PUT create answered {put.status_code}: {put.text}")
        page = client.get(WORKOUTS, params={"limit": PAGE_SIZE}).json()
        if len(page["items"]) != PAGE_SIZE or len(page["items"][0]["sets"]) != len(LIFTS):
            raise RuntimeError("the seeded list page is not 50 workouts of 5 sets")
        return Seeded(token=token, workout_id=ids[len(ids) // 2], put_id=put_id)


def bare_scenarios() -> list[Scenario]:
    """The bare app's `def` route (the baseline) and its `async def` twin (for reference)."""
    return [
        Scenario("bare", "bare `def` endpoint", "GET", "/bare", 200),
        Scenario("bare_async", "bare `async def` endpoint", "GET", "/bare-async", 200),
    ]


def api_scenarios(seeded: Seeded) -> list[Scenario]:
    """GET one workout, POST a new one, PUT the same body again, GET a page of 50."""
    auth = {"Authorization": f"Bearer {seeded.token}"}
    fresh = itertools.count()  # shared by every run: each POST body is new, also when profiled

    def post_body() -> bytes:
        started_at = POST_EPOCH + timedelta(seconds=next(fresh))
        return json_body(workout_body(started_at, "Fresh"))

    put_body = json_body(workout_body(SEED_EPOCH, "Replayed"))
    return [
        Scenario(
            "get", "GET one workout (5 sets)", "GET", f"{WORKOUTS}/{seeded.workout_id}", 200, auth
        ),
        Scenario("post", "POST a workout (5 sets)", "POST", WORKOUTS, 201, auth, post_body),
        Scenario(
            "put",
            "PUT replay (same body, same id)",
            "PUT",
            f"{WORKOUTS}/{seeded.put_id}",
            200,
            auth,
            lambda: put_body,
        ),
        Scenario(
            "list",
            f"GET a list page of {PAGE_SIZE}",
            "GET",
            f"{WORKOUTS}?limit={PAGE_SIZE}",
            200,
            auth,
        ),
    ]
