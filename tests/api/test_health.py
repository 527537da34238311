"""Liveness and readiness."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import Engine

from api.app import create_app
from db import migrations
from db.engine import make_engine
from tests.conftest import make_settings


def test_healthz(client: TestClient) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}


def test_readyz_reports_head_revision(client: TestClient) -> None:
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"status": "ready", "revision": migrations.head_revision()}


def test_readyz_is_503_before_migrations(tmp_path, engine: Engine) -> None:
    url = f"sqlite:///{tmp_path / 'empty.db'}"
    with TestClient(create_app(make_settings(url), engine=make_engine(url))) as client:
        response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["code"] == "migrations_pending"


def test_readyz_is_503_when_database_unreachable() -> None:
    url = "postgresql+psycopg://nobody@127.0.0.1:1/none"
    with TestClient(create_app(make_settings(url))) as client:
        response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["code"] == "database_unavailable"


def test_dashboard_is_served_at_app_when_built(tmp_path, database_url: str, engine: Engine) -> None:
    (tmp_path / "index.html").write_text("<!doctype html><title>Backchain</title>")
    app = create_app(make_settings(database_url, web_dist=tmp_path), engine=engine)
    with TestClient(app) as client:
        page = client.get("/app/")
        assert page.status_code == 200
        assert "<title>Backchain</title>" in page.text
        assert client.get("/healthz").status_code == 200


def test_api_works_without_a_built_dashboard(tmp_path, database_url: str, engine: Engine) -> None:
    app = create_app(make_settings(database_url, web_dist=tmp_path / "missing"), engine=engine)
    with TestClient(app) as client:
        assert client.get("/app/").status_code == 404
        assert client.get("/healthz").status_code == 200
