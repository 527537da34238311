"""Fixtures of the schemathesis contract run.

The app runs on a database of its own (a fresh SQLite file by default), with the login and
invitation throttles raised out of reach, and is driven by a real user registered and signed in
through the API. That user starts with one of everything (records, a custom exercise, a trainer,
a client with a note, a pending invitation), so that generated path parameters can name rows that
exist. Should a generated call erase the user (`DELETE /v1/users/me`) or end its tokens (a
password change), the next call re-creates the fixture world first.

Knobs (environment variables):

- `BACKCHAIN_FUZZ_EXAMPLES`: Hypothesis examples per operation and generation mode (default 15).
- `BACKCHAIN_FUZZ_DATABASES`: comma-separated `sqlite`, `postgresql` (default `sqlite`).
- `BACKCHAIN_FUZZ_TRANSPORT`: `asgi` (in-process, default) or `live` (uvicorn on a free port).
- `BACKCHAIN_FUZZ_SEED`: an integer seed, or `random`; unset, the run is derandomized
  (the same examples every time, so the regular suite is not flaky).
- `BACKCHAIN_FUZZ_STRICT=1`: also fail on the failures already reported (`KNOWN_FAILURES`).
- `BACKCHAIN_FUZZ_STATS=path`: write the statuses answered per operation (what the run reached).
"""

from __future__ import annotations

import json
import os
import uuid
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlalchemy.engine import make_url
from sqlmodel import Session, select

from api.app import create_app
from api.settings import Settings
from db import migrations
from db.engine import make_engine
from db.models import User
from tests.conftest import _clean, make_settings
from tests.factories import PASSWORD, make_user, token_for
from tests.records import bodyweight, pain_score, workout

FUZZ_EXAMPLES = int(os.environ.get("BACKCHAIN_FUZZ_EXAMPLES", "15"))
FUZZ_DATABASES = [
    name.strip()
    for name in os.environ.get("BACKCHAIN_FUZZ_DATABASES", "sqlite").split(",")
    if name.strip()
]
FUZZ_TRANSPORT = os.environ.get("BACKCHAIN_FUZZ_TRANSPORT", "asgi")
FUZZ_SEED = os.environ.get("BACKCHAIN_FUZZ_SEED")
# A file to write the statuses answered per operation to (to see what the run reached).
FUZZ_STATS = os.environ.get("BACKCHAIN_FUZZ_STATS")

FUZZ_EMAIL = "fuzz.athlete@example.com"
COACH_EMAIL = "fuzz.coach@example.com"
CLIENT_EMAIL = "fuzz.client@example.com"
METHOD_ID = "pcb-1"
FUZZ_TIMEZONE = "America/Los_Angeles"
CLIENT_TIMEZONE = "Pacific/Kiritimati"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "fuzz: schemathesis contract run (bounded by BACKCHAIN_FUZZ_EXAMPLES)"
    )


@dataclass
class FuzzWorld:
    """The fuzzing user, its token, and ids of rows that exist (pools for path parameters)."""

    app: FastAPI
    engine: Engine
    settings: Settings
    user_id: uuid.UUID = field(default_factory=uuid.uuid4)
    token: str = ""
    refresh_token: str = ""
    email: str = FUZZ_EMAIL
    password: str = PASSWORD
    token_version: int = -1
    pools: dict[str, list[str]] = field(default_factory=dict)
    record_ids: dict[str, list[str]] = field(default_factory=dict)
    custom_slug: str = ""
    exercise_ids: dict[str, str] = field(default_factory=dict)  # by slug
    seeds: int = 0
    statuses: dict[str, Counter[int]] = field(default_factory=lambda: defaultdict(Counter))

    def count(self, operation: str, status: int) -> None:
        self.statuses[operation][status] += 1

    # -- auth ----------------------------------------------------------------------------------

    def auth_headers(self) -> dict[str, str]:
        """Bearer headers of a current token, re-creating the user and its data if needed."""
        with Session(self.engine) as session:
            user = session.get(User, self.user_id)
            if user is None or not user.is_active:
                user = None
            elif user.token_version != self.token_version:
                # A generated password change ended every token: sign in again (a new token for
                # the same user, straight from the codec, since the password is now unknown).
                self.token = token_for(user, self.settings)
                self.token_version = user.token_version
        if user is None:
            self.seed()
        return {"Authorization": f"Bearer {self.token}"}

    # -- the fixture world ---------------------------------------------------------------------

    def seed(self) -> None:
        """Register and sign in the fuzzing user through the API; give it one of everything."""
        self.seeds += 1
        with TestClient(self.app, raise_server_exceptions=True) as client:
            registered = _ok(
                client.post(
                    "/v1/auth/register",
                    json={
                        "email": FUZZ_EMAIL,
                        "password": PASSWORD,
                        "display_name": "Fuzz",
                        # Local dates and times on both sides of UTC (the client is at +14).
                        "timezone": FUZZ_TIMEZONE,
                    },
                ),
                201,
            )
            self.user_id = uuid.UUID(registered["id"])
            tokens = _ok(
                client.post(
                    "/v1/auth/token",
                    data={"grant_type": "password", "username": FUZZ_EMAIL, "password": PASSWORD},
                ),
                200,
            )
            self.token = tokens["access_token"]
            self.refresh_token = tokens["refresh_token"]
            self.token_version = 0
            me = {"Authorization": f"Bearer {self.token}"}

            coach, client_user = self._helpers()
            coach_h = {"Authorization": f"Bearer {token_for(coach, self.settings)}"}
            client_h = {"Authorization": f"Bearer {token_for(client_user, self.settings)}"}

            # A trainer (coach) who may log for the fuzzing user.
            code = _ok(
                client.post("/v1/trainer/invitations", json={"can_log": True}, headers=coach_h),
                201,
            )["code"]
            _ok(client.post("/v1/users/me/trainers", json={"code": code}, headers=me), 201)
            # A client of the fuzzing user, who lets it log, with one private note.
            code = _ok(
                client.post("/v1/trainer/invitations", json={"can_log": True}, headers=me), 201
            )["code"]
            _ok(client.post("/v1/users/me/trainers", json={"code": code}, headers=client_h), 201)
            note = _ok(
                client.post(
                    f"/v1/trainer/clients/{client_user.id}/notes",
                    json={"body": "Watch the left hip"},
                    headers=me,
                ),
                201,
            )
            # A pending invitation.
            invitation = _ok(
                client.post("/v1/trainer/invitations", json={"note": "pending"}, headers=me), 201
            )
            # A custom exercise, and one record of each kind (plus one on the client's data).
            exercise = _ok(
                client.post(
                    "/v1/exercises",
                    json={"name": "Fuzz hip thrust", "chain": "posterior", "region": "lower"},
                    headers=me,
                ),
                201,
            )
            records: dict[str, list[str]] = {}
            for resource, payload in (
                ("workouts", workout()),
                ("pain-scores", pain_score()),
                ("bodyweights", bodyweight()),
            ):
                created = _ok(
                    client.post(f"/v1/users/me/{resource}", json=payload, headers=me), 201
                )
                on_client = _ok(
                    client.post(f"/v1/users/{client_user.id}/{resource}", json=payload, headers=me),
                    201,
                )
                records[resource] = [created["id"], on_client["id"]]

            slugs = [exercise["slug"], "deadlift", "hip_thrust", "pull_up", "bench_press"]
            self.exercise_ids = {
                slug: _ok(client.get(f"/v1/exercises/{slug}", headers=me), 200)["id"]
                for slug in slugs
            }

        self.record_ids = records
        self.custom_slug = exercise["slug"]
        self.pools = {
            # `me` most of the time, sometimes the own id or the client's (trainer access).
            "user": ["me"] * 6 + [str(self.user_id), str(client_user.id)],
            "exercise_ref": [exercise["id"], exercise["slug"], "deadlift"],
            "exercise_slug": slugs,
            "method_id": [METHOD_ID],
            "client_id": [str(client_user.id)],
            "trainer_id": [str(coach.id)],
            "note_id": [note["id"]],
            "invitation_id": [invitation["id"]],
        }

    def _helpers(self) -> tuple[User, User]:
        """The coach and the client (factories; kept across re-seeds)."""
        with Session(self.engine, expire_on_commit=False) as session:
            found = []
            for email, name, zone in (
                (COACH_EMAIL, "Coach", "UTC"),
                (CLIENT_EMAIL, "Client", CLIENT_TIMEZONE),
            ):
                user = session.exec(select(User).where(User.email == email)).one_or_none()
                user = user or make_user(session, email=email, display_name=name, timezone=zone)
                found.append(user)
            return found[0], found[1]

    def pool_for(self, path: str, name: str) -> list[str]:
        if name == "record_id":
            resource = path.split("/")[4] if path.count("/") >= 5 else ""
            return self.record_ids.get(resource, [])
        return self.pools.get(name, [])


def _ok(response: Any, status: int) -> Any:
    assert response.status_code == status, f"seeding: {response.status_code} {response.text}"
    return response.json()


def _write_stats(path: Path, database_url: str, world: FuzzWorld) -> None:
    """Statuses answered per operation, per database (merged into the file)."""
    stats = json.loads(path.read_text()) if path.exists() else {}
    stats[make_url(database_url).get_backend_name()] = {
        "seeds": world.seeds,
        "requests": sum(sum(counts.values()) for counts in world.statuses.values()),
        "statuses": {
            op: dict(sorted(counts.items())) for op, counts in sorted(world.statuses.items())
        },
    }
    path.write_text(json.dumps(stats, indent=1))


# -- databases ---------------------------------------------------------------------------------


@pytest.fixture(scope="module", params=FUZZ_DATABASES)
def fuzz_database_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """A database of the fuzz run's own: a fresh SQLite file, or the suite's PostgreSQL schema."""
    if request.param == "sqlite":
        path: Path = tmp_path_factory.mktemp("fuzz") / "backchain.db"
        url = f"sqlite:///{path}"
        migrations.upgrade(url)
        yield url
    elif request.param == "postgresql":
        url = request.getfixturevalue("postgres_url")
        yield url
    else:
        raise pytest.UsageError(f"BACKCHAIN_FUZZ_DATABASES: unknown database {request.param!r}")


@pytest.fixture(scope="module")
def fuzz_world(fuzz_database_url: str) -> Iterator[FuzzWorld]:
    settings = make_settings(
        fuzz_database_url,
        # Generated logins and invitation codes must never hit the throttles: a 429 there is
        # documented, but it would stop the run from reaching the code behind them.
        login_attempts_per_minute=1_000_000,
        registrations_per_ip_per_hour=1_000_000,
    )
    engine = make_engine(fuzz_database_url, pool_size=5)
    _clean(engine)
    world = FuzzWorld(app=create_app(settings, engine=engine), engine=engine, settings=settings)
    world.seed()
    yield world
    if FUZZ_STATS:
        _write_stats(Path(FUZZ_STATS), fuzz_database_url, world)
    _clean(engine)
    engine.dispose()


__all__ = ["FUZZ_EXAMPLES", "FUZZ_SEED", "FUZZ_TRANSPORT", "FuzzWorld"]
