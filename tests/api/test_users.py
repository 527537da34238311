"""One's own profile: read, update (no mass assignment), delete with cascade."""

from __future__ import annotations

import time
import uuid
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, func
from sqlmodel import Session, col, select

from api.app import create_app
from db.base import metadata
from db.models import Exercise, RefreshToken, User
from tests.conftest import make_settings
from tests.factories import PASSWORD, make_user, token_for
from tests.records import bodyweight, pain_score, workout

# Written into every free-text field of the erased account (lower-case letters only: import
# slugs keep it whole).
MARKER = "zqxerasuremarker"


class TestGetMe:
    def test_anonymous_is_401(self, client: TestClient) -> None:
        assert client.get("/v1/users/me").status_code == 401

    def test_returns_profile(self, client: TestClient, user: User, auth_headers: dict) -> None:
        body = client.get("/v1/users/me", headers=auth_headers).json()
        assert body["id"] == str(user.id)
        assert body["email"] == user.email
        assert body["unit_preference"] == "kg"


class TestUpdateMe:
    def test_updates_sent_fields_only(self, client: TestClient, auth_headers: dict) -> None:
        response = client.patch(
            "/v1/users/me",
            headers=auth_headers,
            json={"bodyweight_kg": 81.5, "timezone": "America/New_York"},
        )
        assert response.status_code == 200
        body = response.json()
        assert body["bodyweight_kg"] == 81.5
        assert body["timezone"] == "America/New_York"
        assert body["display_name"] == "Test User"
        assert client.get("/v1/users/me", headers=auth_headers).json() == body

    def test_refuses_privileged_fields(
        self, client: TestClient, auth_headers: dict, session: Session, user: User
    ) -> None:
        for field, value in (
            ("role", "admin"),
            ("is_active", False),
            ("token_version", 9),
            ("email", "new@example.com"),
            ("password_hash", "x"),
        ):
            response = client.patch("/v1/users/me", headers=auth_headers, json={field: value})
            assert response.status_code == 422, field
            assert response.json()["errors"][0]["field"] == field
        session.expire_all()
        stored = session.get(User, user.id)
        assert stored is not None
        assert (stored.role, stored.is_active, stored.token_version) == ("user", True, 0)

    def test_unknown_time_zone_is_422(self, client: TestClient, auth_headers: dict) -> None:
        response = client.patch(
            "/v1/users/me", headers=auth_headers, json={"timezone": "Europe/Atlantis"}
        )
        assert response.status_code == 422
        assert response.json()["errors"][0]["field"] == "timezone"

    @pytest.mark.parametrize("zone", ["a" * 300, "Europe/" + "b" * 300, "A" * 65])
    def test_overlong_time_zone_is_422_and_keeps_the_stored_one(
        self, client: TestClient, auth_headers: dict, zone: str
    ) -> None:
        response = client.patch("/v1/users/me", headers=auth_headers, json={"timezone": zone})
        assert response.status_code == 422
        assert response.headers["content-type"] == "application/problem+json"
        assert response.json()["errors"][0]["field"] == "timezone"
        assert client.get("/v1/users/me", headers=auth_headers).json()["timezone"] == "UTC"

    def test_null_for_required_field_is_422(self, client: TestClient, auth_headers: dict) -> None:
        response = client.patch("/v1/users/me", headers=auth_headers, json={"timezone": None})
        assert response.status_code == 422
        assert response.json()["errors"][0]["field"] == "timezone"

    def test_bodyweight_out_of_range_is_422(self, client: TestClient, auth_headers: dict) -> None:
        response = client.patch("/v1/users/me", headers=auth_headers, json={"bodyweight_kg": 5})
        assert response.status_code == 422
        assert response.json()["errors"][0]["field"] == "bodyweight_kg"


class TestDeleteMe:
    def test_erases_user_and_everything_it_owns(
        self, client: TestClient, auth_headers: dict, user: User, session: Session
    ) -> None:
        user_id = user.id
        client.post(
            "/v1/auth/token",
            data={"grant_type": "password", "username": user.email, "password": PASSWORD},
        )
        created = client.post(
            "/v1/exercises",
            headers=auth_headers,
            json={"name": "Banded walk", "chain": "posterior", "region": "lower"},
        )
        assert created.status_code == 201
        assert client.delete("/v1/users/me", headers=auth_headers).status_code == 204
        assert client.get("/v1/users/me", headers=auth_headers).status_code == 401
        session.expire_all()
        assert session.get(User, user_id) is None
        tokens = (
            select(func.count())
            .select_from(RefreshToken)
            .where(col(RefreshToken.user_id) == user_id)
        )
        assert session.exec(tokens).one() == 0
        owned = select(func.count()).select_from(Exercise).where(col(Exercise.owner_id) == user_id)
        assert session.exec(owned).one() == 0

    def test_erases_sets_logged_with_the_users_own_custom_exercise(
        self, client: TestClient, auth_headers: dict, user: User, session: Session
    ) -> None:
        user_id = user.id
        created = client.post(
            "/v1/exercises",
            headers=auth_headers,
            json={"name": "Banded walk", "chain": "posterior", "region": "lower"},
        )
        custom = workout(sets=[{"exercise": created.json()["slug"], "reps": 12}])
        assert client.post("/v1/users/me/workouts", json=custom, headers=auth_headers).is_success
        assert client.delete("/v1/users/me", headers=auth_headers).status_code == 204
        session.expire_all()
        assert session.get(User, user_id) is None


def _csv(name: str, rows: int) -> str:
    """A Strong file of one workout named `name` with `rows` sets of an unknown exercise."""
    header = (
        "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,"
        "Workout Notes,RPE\n"
    )
    return header + "".join(
        f"2026-03-0{1 + rows % 5} 18:30:00,{name},1h,{name} lift,{i},60,5,0,0,{name},{name},\n"
        for i in range(1, rows + 1)
    )


def _found_in(value: Any, user_id: uuid.UUID) -> bool:
    if isinstance(value, uuid.UUID):
        return value == user_id
    if isinstance(value, str):
        text = value.lower()
        return MARKER in text or str(user_id) in text or user_id.hex in text
    return False


def test_erasure_leaves_no_trace_of_the_user_in_any_table(
    database_url: str, engine: Engine, session: Session
) -> None:
    """One of everything the user can create, as an athlete, a client and a trainer, each
    text carrying MARKER; after the erasure no column of any table holds the marker or the
    user's id, and what others own stays."""
    app = create_app(make_settings(database_url, import_sync_max_rows=3), engine=engine)
    settings = make_settings(database_url)
    coach = make_user(session, email="coach@example.com")
    athlete = make_user(session, email="client@example.com")
    coach_h = {"Authorization": f"Bearer {token_for(coach, settings)}"}
    athlete_h = {"Authorization": f"Bearer {token_for(athlete, settings)}"}
    with TestClient(app, raise_server_exceptions=False) as client:
        registered = client.post(
            "/v1/auth/register",
            json={"email": f"{MARKER}@example.com", "password": PASSWORD, "display_name": MARKER},
        )
        assert registered.status_code == 201, registered.text
        user_id = uuid.UUID(registered.json()["id"])
        tokens = client.post(
            "/v1/auth/token",
            data={
                "grant_type": "password",
                "username": f"{MARKER}@example.com",
                "password": PASSWORD,
            },
        ).json()
        me = {"Authorization": f"Bearer {tokens['access_token']}"}

        def ok(response: Any) -> Any:
            assert response.is_success, response.text
            return response.json() if response.content else None

        ok(client.patch("/v1/users/me", json={"display_name": MARKER}, headers=me))
        exercise = ok(
            client.post(
                "/v1/exercises",
                json={"name": MARKER, "chain": "posterior", "region": "lower", "pattern": MARKER},
                headers=me,
            )
        )
        sets = [{"exercise": exercise["slug"], "reps": 5, "notes": MARKER}]
        logged = ok(
            client.post(
                "/v1/users/me/workouts",
                json=workout(title=MARKER, notes=MARKER, sets=sets),
                headers={**me, "Idempotency-Key": MARKER},
            )
        )
        ok(
            client.post(
                "/v1/users/me/pain-scores",
                json=pain_score(notes=MARKER, workout_id=logged["id"]),
                headers={**me, "Idempotency-Key": f"{MARKER}-pain"},
            )
        )
        ok(client.post("/v1/users/me/bodyweights", json=bodyweight(), headers=me))
        imported = client.post(
            "/v1/users/me/imports",
            content=_csv(MARKER, 2).encode(),
            headers={**me, "content-type": "text/csv"},
        )
        assert imported.status_code == 201, imported.text
        job = client.post(
            "/v1/users/me/imports",
            content=_csv(f"{MARKER}job", 4).encode(),
            headers={**me, "content-type": "text/csv"},
        )
        assert job.status_code == 202, job.text
        for _ in range(200):
            polled = ok(client.get(job.headers["location"], headers=me))
            if polled["status"] in {"done", "failed"}:
                break
            time.sleep(0.05)
        assert polled["status"] == "done"

        # As a trainer: invitations (one pending), a client who lets them log, a note.
        ok(client.post("/v1/trainer/invitations", json={"note": MARKER}, headers=me))
        code = ok(
            client.post(
                "/v1/trainer/invitations", json={"note": MARKER, "can_log": True}, headers=me
            )
        )["code"]
        ok(client.post("/v1/users/me/trainers", json={"code": code}, headers=athlete_h))
        ok(
            client.post(
                f"/v1/trainer/clients/{athlete.id}/notes", json={"body": MARKER}, headers=me
            )
        )
        logged_for_client = ok(
            client.post(
                f"/v1/users/{athlete.id}/workouts",
                json=workout(title="Logged by the coach"),
                headers={**me, "Idempotency-Key": f"{MARKER}-for-client"},
            )
        )
        ok(client.get(f"/v1/users/{athlete.id}/workouts", headers=me))

        # As a client: a trainer who logs for them (under the trainer's idempotency key),
        # reads their data and keeps a note about them.
        code = ok(client.post("/v1/trainer/invitations", json={"can_log": True}, headers=coach_h))[
            "code"
        ]
        ok(client.post("/v1/users/me/trainers", json={"code": code}, headers=me))
        ok(
            client.post(
                f"/v1/users/{user_id}/pain-scores",
                json=pain_score(notes=MARKER),
                headers={**coach_h, "Idempotency-Key": "coach-key"},
            )
        )
        ok(client.get(f"/v1/users/{user_id}/workouts", headers=coach_h))
        ok(
            client.post(
                f"/v1/trainer/clients/{user_id}/notes", json={"body": MARKER}, headers=coach_h
            )
        )

        erased = client.delete("/v1/users/me", headers=me)
        assert erased.status_code == 204, erased.text
        kept = ok(client.get(f"/v1/users/me/workouts/{logged_for_client['id']}", headers=athlete_h))
        assert kept["title"] == "Logged by the coach"

    session.expire_all()
    traces = [
        (table.name, column.name, row._mapping[column.name])
        for table in metadata.sorted_tables
        for row in session.execute(table.select()).all()
        for column in table.columns
        if _found_in(row._mapping[column.name], user_id)
    ]
    assert traces == []
    assert session.get(User, coach.id) is not None
    assert session.get(User, athlete.id) is not None
