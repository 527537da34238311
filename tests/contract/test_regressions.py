"""Contract failures found by the schemathesis run, each pinned by one minimal request.

Each was a strict xfail until the app was fixed (422 problem+json for an undecodable JSON body
or a malformed multipart upload; every 422 documented as problem+json); they now guard the
fixes.
"""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

PROBLEM = "application/problem+json"


def _responses(client: TestClient, path: str, method: str) -> dict[str, Any]:
    spec = client.get("/openapi.json").json()
    responses: dict[str, Any] = spec["paths"][path][method]["responses"]
    return responses


def test_undecodable_json_body_answers_a_documented_status(
    client: TestClient, auth_headers: dict[str, str]
) -> None:
    response = client.post(
        "/v1/exercises",
        content=b"\xff\xfe{",
        headers={**auth_headers, "Content-Type": "application/json"},
    )
    assert response.status_code < 500
    assert response.headers["content-type"] == PROBLEM
    assert str(response.status_code) in _responses(client, "/v1/exercises", "post")


def test_malformed_multipart_import_answers_a_documented_status(
    client: TestClient, auth_headers: dict[str, str]
) -> None:
    response = client.post(
        "/v1/users/me/imports",
        content=b"--b\r\nno headers here--b--\r\n",
        headers={**auth_headers, "Content-Type": "multipart/form-data; boundary=b"},
    )
    assert response.status_code < 500
    assert response.headers["content-type"] == PROBLEM
    assert str(response.status_code) in _responses(client, "/v1/users/{user}/imports", "post")


def test_default_422_is_documented_as_problem_json(
    client: TestClient, auth_headers: dict[str, str]
) -> None:
    response = client.delete("/v1/users/me/workouts/not-a-uuid", headers=auth_headers)
    assert response.status_code == 422
    assert response.headers["content-type"] == PROBLEM
    documented = _responses(client, "/v1/users/{user}/workouts/{record_id}", "delete")["422"]
    assert PROBLEM in documented["content"]
