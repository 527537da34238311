"""/docs is Swagger UI from the project's own files (it works offline), and `/` sends a
browser to the dashboard, or to the docs when the dashboard is not built."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient
from sqlalchemy import Engine

from api.app import create_app
from tests.conftest import make_settings


def test_docs_page_loads_swagger_ui_from_this_server(client: TestClient) -> None:
    page = client.get("/docs")
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    sources = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert "/docs/static/swagger-ui-bundle.js" in sources
    assert "/docs/static/swagger-ui.css" in sources
    assert all(source.startswith("/") for source in sources), sources  # no CDN, no host
    assert "url: '/openapi.json'" in page.text
    for asset, kind in [
        ("/docs/static/swagger-ui-bundle.js", "javascript"),
        ("/docs/static/swagger-ui.css", "text/css"),
        ("/docs/static/favicon-32x32.png", "image/png"),
    ]:
        response = client.get(asset)
        assert response.status_code == 200, asset
        assert kind in response.headers["content-type"], asset
    # Swagger UI 5 reads OpenAPI 3.1 (version 4 does not).
    bundle = client.get("/docs/static/swagger-ui-bundle.js").text
    assert "swagger-ui" in bundle.lower()
    assert client.get("/openapi.json").json()["openapi"].startswith("3.1")


def test_oauth2_redirect_page_is_served(client: TestClient) -> None:
    page = client.get("/docs/oauth2-redirect")
    assert page.status_code == 200
    assert "oauth2" in page.text


def test_front_page_sends_to_the_docs_without_a_dashboard(
    tmp_path, database_url: str, engine: Engine
) -> None:
    app = create_app(make_settings(database_url, web_dist=tmp_path / "missing"), engine=engine)
    with TestClient(app) as client:
        response = client.get("/", follow_redirects=False)
        assert response.status_code == 307
        assert response.headers["location"] == "/docs"
        assert client.get("/").url.path == "/docs"


def test_front_page_sends_to_the_dashboard_when_built(
    tmp_path, database_url: str, engine: Engine
) -> None:
    (tmp_path / "index.html").write_text("<!doctype html><title>Backchain</title>")
    app = create_app(make_settings(database_url, web_dist=tmp_path), engine=engine)
    with TestClient(app) as client:
        response = client.get("/", follow_redirects=False)
        assert response.status_code == 307
        assert response.headers["location"] == "/app/"
        assert "<title>Backchain</title>" in client.get("/").text


def test_method_answers_link_to_the_method_explained_in_words(client: TestClient) -> None:
    method = client.get("/v1/methods/pcb-1")
    assert method.status_code == 200
    link = method.json()["documentation_url"]
    document = client.get(link)
    assert document.status_code == 200
    assert document.headers["content-type"] == "text/markdown; charset=utf-8"
    assert document.text.startswith("# How Backchain measures chain balance")
    assert "## pcb-1" in document.text
    assert "## pcb-2" in document.text
