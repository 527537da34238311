"""One's own profile: read, update (no mass assignment), delete with cascade."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func
from sqlmodel import Session, col, select

from db.models import Exercise, RefreshToken, User
from tests.factories import PASSWORD


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
