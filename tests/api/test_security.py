"""Hardening: security headers, JWT key rotation, JSON request logs without secrets."""

from __future__ import annotations

import json
import logging
import uuid

import jwt
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from api.app import create_app
from api.security import key_id
from db.models import User
from tests.conftest import TEST_SECRET, make_settings
from tests.factories import PASSWORD, token_for
from tests.records import bodyweight

NEW_SECRET = "rotated-secret-" + "y" * 40


def test_security_headers_on_every_response(client: TestClient) -> None:
    for response in (client.get("/healthz"), client.get("/v1/nothing")):
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["x-frame-options"] == "DENY"
        assert response.headers["referrer-policy"] == "no-referrer"
        assert "strict-transport-security" not in response.headers


def test_hsts_in_production(database_url: str, engine: Engine) -> None:
    app = create_app(make_settings(database_url, env="production"), engine=engine)
    with TestClient(app) as client:
        assert client.get("/healthz").headers["strict-transport-security"].startswith("max-age=")


def test_cors_only_for_configured_origins(database_url: str, engine: Engine) -> None:
    app = create_app(
        make_settings(database_url, cors_origins=["https://app.example"]), engine=engine
    )
    with TestClient(app) as client:
        allowed = client.options(
            "/v1/users/me",
            headers={"Origin": "https://app.example", "Access-Control-Request-Method": "GET"},
        )
        denied = client.options(
            "/v1/users/me",
            headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "GET"},
        )
    assert allowed.headers["access-control-allow-origin"] == "https://app.example"
    assert "access-control-allow-origin" not in denied.headers


class TestKeyRotation:
    def test_tokens_carry_the_current_kid(self, user: User, settings) -> None:
        token = token_for(user, settings)
        assert jwt.get_unverified_header(token)["kid"] == key_id(TEST_SECRET)

    def test_old_tokens_stay_valid_after_rotation(
        self, database_url: str, engine: Engine, user: User, settings
    ) -> None:
        old_token = token_for(user, settings)
        rotated = make_settings(
            database_url, jwt_secret=NEW_SECRET, jwt_previous_secrets=[TEST_SECRET]
        )
        with TestClient(create_app(rotated, engine=engine)) as client:
            old = client.get("/v1/users/me", headers={"Authorization": f"Bearer {old_token}"})
            assert old.status_code == 200
            fresh = client.post(
                "/v1/auth/token",
                data={"grant_type": "password", "username": user.email, "password": PASSWORD},
            ).json()
            header = jwt.get_unverified_header(fresh["access_token"])
            assert header["kid"] == key_id(NEW_SECRET)

    def test_retired_keys_are_refused(
        self, database_url: str, engine: Engine, user: User, settings
    ) -> None:
        old_token = token_for(user, settings)
        retired = make_settings(database_url, jwt_secret=NEW_SECRET)
        with TestClient(create_app(retired, engine=engine)) as client:
            response = client.get("/v1/users/me", headers={"Authorization": f"Bearer {old_token}"})
        assert response.status_code == 401


def test_request_log_is_json_without_tokens_or_personal_data(
    client: TestClient, auth_headers: dict, user: User, caplog: pytest.LogCaptureFixture
) -> None:
    access = logging.getLogger("backchain.access")
    access.addHandler(caplog.handler)  # the app's loggers do not propagate to the root
    with caplog.at_level(logging.INFO, logger="backchain.access"):
        client.get(
            "/v1/users/me/workouts?limit=5", headers={**auth_headers, "X-Request-ID": "trace-1"}
        )
        client.post(
            "/v1/auth/token",
            data={"grant_type": "password", "username": user.email, "password": PASSWORD},
        )
    access.removeHandler(caplog.handler)
    records = [r for r in caplog.records if r.name == "backchain.access"]
    first = records[0]
    assert first.request_id == "trace-1"
    assert first.user_id == str(user.id)
    assert first.route == "/v1/users/{user}/workouts"
    assert first.status == 200
    assert first.duration_ms >= 0
    from api.logs import JsonFormatter

    lines = [JsonFormatter().format(r) for r in records]
    parsed = [json.loads(line) for line in lines]
    assert parsed[0]["route"] == "/v1/users/{user}/workouts"
    text = "\n".join(lines)
    assert auth_headers["Authorization"].split()[1] not in text
    assert PASSWORD not in text
    assert user.email not in text


class TestCacheControl:
    """One rule for every response (RequestContextMiddleware): nothing personal is stored by
    a browser or a shared cache; ETag'd records are revalidated; public documents are cached."""

    def test_token_answers_are_no_store(self, client: TestClient, user: User) -> None:
        signed_in = client.post(
            "/v1/auth/token",
            data={"grant_type": "password", "username": user.email, "password": PASSWORD},
        )
        assert signed_in.status_code == 200
        assert signed_in.headers["cache-control"] == "no-store"
        refreshed = client.post(
            "/v1/auth/token",
            data={
                "grant_type": "refresh_token",
                "refresh_token": signed_in.json()["refresh_token"],
            },
        )
        assert refreshed.status_code == 200
        assert refreshed.headers["cache-control"] == "no-store"
        registered = client.post(
            "/v1/auth/register",
            json={"email": "new@example.com", "password": PASSWORD, "display_name": "New"},
        )
        assert registered.status_code == 201
        assert registered.headers["cache-control"] == "no-store"

    def test_personal_data_is_private_no_store(
        self, client: TestClient, auth_headers: dict
    ) -> None:
        for path in (
            "/v1/users/me",
            "/v1/users/me/workouts",
            "/v1/users/me/balance",
            "/v1/users/me/summary",
            "/v1/users/me/changes",
            "/v1/users/me/exports/workouts.csv",
            "/v1/users/me/export.zip",
            "/v1/users/me/trainers",
            "/v1/users/me/access-log",
            "/v1/trainer/clients",
            "/v1/trainer/clients.csv",
            "/v1/exercises",
        ):
            response = client.get(path, headers=auth_headers)
            assert response.status_code == 200, path
            assert response.headers["cache-control"] == "private, no-store", path

    def test_records_with_etags_are_private_and_revalidated(
        self, client: TestClient, auth_headers: dict
    ) -> None:
        created = client.post("/v1/users/me/bodyweights", json=bodyweight(), headers=auth_headers)
        assert created.status_code == 201
        assert created.headers["cache-control"] == "private, no-cache"
        url = f"/v1/users/me/bodyweights/{created.json()['id']}"
        read = client.get(url, headers=auth_headers)
        assert read.headers["cache-control"] == "private, no-cache"
        unchanged = client.get(url, headers={**auth_headers, "If-None-Match": read.headers["etag"]})
        assert unchanged.status_code == 304
        assert unchanged.headers["cache-control"] == "private, no-cache"

    def test_errors_are_no_store(self, client: TestClient, auth_headers: dict) -> None:
        for response in (
            client.get("/v1/users/me"),  # 401
            client.get(f"/v1/users/{uuid.uuid4()}/workouts", headers=auth_headers),  # 404
            client.put("/v1/auth/register", json={}),  # 405
            client.post("/v1/users/me/workouts", json={}, headers=auth_headers),  # 422
            client.get("/v1/methods/nope"),  # 404 on a public document
        ):
            assert response.status_code >= 400
            assert response.headers["content-type"] == "application/problem+json"
            assert response.headers["cache-control"] == "no-store", response.request.url

    def test_public_documents_may_be_cached(self, client: TestClient) -> None:
        for path in ("/openapi.json", "/v1/methods/pcb-1"):
            response = client.get(path)
            assert response.status_code == 200, path
            assert response.headers["cache-control"] == "public, max-age=3600", path
        assert client.get("/healthz").headers["cache-control"] == "no-store"
