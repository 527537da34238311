"""Every error is problem+json: routing 404/405, oversized bodies, unexpected exceptions."""

from __future__ import annotations

import httpx
from fastapi import FastAPI
from fastapi.testclient import TestClient

from tests.conftest import LiveServer


def test_unknown_route_is_404_problem(client: TestClient) -> None:
    response = client.get("/v1/nothing-here")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["code"] == "not_found"


def test_wrong_method_is_405_problem(client: TestClient) -> None:
    response = client.put("/v1/auth/register", json={})
    assert response.status_code == 405
    assert response.json()["code"] == "method_not_allowed"


def test_malformed_json_is_422_problem(client: TestClient) -> None:
    response = client.post(
        "/v1/auth/register", content=b"{not json", headers={"content-type": "application/json"}
    )
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"


def test_body_over_one_megabyte_is_413(client: TestClient) -> None:
    response = client.post(
        "/v1/auth/register",
        content=b"x" * (1_048_576 + 1),
        headers={"content-type": "application/json"},
    )
    assert response.status_code == 413
    assert response.json()["code"] == "payload_too_large"


def test_streamed_body_over_limit_is_413(client: TestClient) -> None:
    def chunks():  # no Content-Length: the limit is enforced while reading
        for _ in range(20):
            yield b"x" * 65536

    response = client.post(
        "/v1/auth/register", content=chunks(), headers={"content-type": "application/json"}
    )
    assert response.status_code == 413


def test_request_id_is_echoed_or_generated(client: TestClient) -> None:
    echoed = client.get("/healthz", headers={"X-Request-ID": "abc-123"})
    assert echoed.headers["x-request-id"] == "abc-123"
    generated = client.get("/healthz", headers={"X-Request-ID": "bad id\twith junk"})
    assert len(generated.headers["x-request-id"]) == 32
    others = {client.get("/healthz").headers["x-request-id"] for _ in range(50)}
    assert len(others | {generated.headers["x-request-id"]}) == 51
    assert all(len(i) == 32 and int(i, 16) >= 0 for i in others)


def test_a_forked_process_generates_other_request_ids() -> None:
    import os

    from api.middleware import _REQUEST_IDS

    read, write = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover (the child process)
        os.write(write, _REQUEST_IDS.new().encode())
        os._exit(0)
    os.waitpid(child, 0)
    in_child = os.read(read, 64).decode()
    os.close(read)
    os.close(write)
    here = _REQUEST_IDS.new()
    assert len(in_child) == len(here) == 32
    assert in_child[:16] != here[:16]


def test_unhandled_exception_is_500_problem_without_trace(app: FastAPI) -> None:
    @app.get("/boom")
    def boom() -> None:
        raise RuntimeError("secret internals")

    with TestClient(app, raise_server_exceptions=False) as client:
        response = client.get("/boom", headers={"X-Request-ID": "req-42"})
    assert response.status_code == 500
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert body["code"] == "internal_error"
    assert body["request_id"] == "req-42"
    assert "secret internals" not in response.text


def test_nul_characters_are_422_naming_the_field(client: TestClient, auth_headers: dict) -> None:
    body = {"started_at": "2026-01-01T10:00:00Z", "title": "a\x00b", "sets": []}
    response = client.post("/v1/users/me/workouts", json=body, headers=auth_headers)
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "title"


def test_nul_in_a_query_string_is_4xx_not_500(client: TestClient, auth_headers: dict) -> None:
    response = client.get("/v1/exercises", params={"q": "dead\x00lift"}, headers=auth_headers)
    assert response.status_code in (200, 422)


def test_unhandled_exception_500_carries_request_id_and_security_headers(app: FastAPI) -> None:
    @app.get("/boom")
    def boom() -> None:
        raise RuntimeError("secret internals")

    with TestClient(app, raise_server_exceptions=False) as client:
        response = client.get("/boom", headers={"X-Request-ID": "req-43"})
    assert response.status_code == 500
    assert response.headers["x-request-id"] == "req-43"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["referrer-policy"] == "no-referrer"
    assert response.headers["cross-origin-opener-policy"] == "same-origin"
    assert response.json()["request_id"] == "req-43"


def test_a_500_leaves_the_keep_alive_connection_usable(app: FastAPI) -> None:
    @app.get("/boom")
    def boom() -> None:
        raise RuntimeError("secret internals")

    def local_port(response: httpx.Response) -> int:
        port: int = response.extensions["network_stream"].get_extra_info("client_addr")[1]
        return port

    with LiveServer(app) as server, httpx.Client(base_url=server.url, timeout=10) as http:
        failed = http.get("/boom", headers={"X-Request-ID": "req-44"})
        assert failed.status_code == 500
        assert failed.headers["x-request-id"] == "req-44"
        assert failed.headers.get("connection") != "close"
        after = http.get("/healthz")
        assert after.status_code == 200
        assert local_port(after) == local_port(failed)  # the same connection, reused


def test_405_allows_every_method_of_the_path(client: TestClient, auth_headers: dict) -> None:
    for path, allowed in (
        ("/v1/exercises", "GET, POST"),
        ("/v1/exercises/deadlift", "DELETE, GET, PATCH"),
        ("/v1/users/me/trainers", "GET, POST"),
        ("/v1/auth/register", "POST"),
    ):
        response = client.options(path, headers=auth_headers)
        assert response.status_code == 405, path
        assert response.headers["allow"] == allowed, path
