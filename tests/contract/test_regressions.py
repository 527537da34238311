"""Contract failures found by the schemathesis run, each pinned by one minimal request.

Each was a strict xfail until the app was fixed; they now guard the fixes: 422 problem+json
for an undecodable JSON body or a malformed multipart upload, every 422 documented as
problem+json, and dates or instants outside 1900-2999 refused as 422 instead of overflowing
(500s, or exports cut off after their header).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

PROBLEM = "application/problem+json"


@pytest.fixture
def raising_client(app: FastAPI) -> Iterator[TestClient]:
    """A client that raises the app's unhandled errors, even those after a stream started
    (a 200 whose body breaks off would otherwise look like a success)."""
    with TestClient(app, raise_server_exceptions=True) as client:
        yield client


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


# -- dates and instants at the ends of the calendar: 422, never a 500 or a cut-off stream -------

OVERFLOW = "OverflowError: date value out of range"


@pytest.mark.parametrize(
    "url",
    [
        "/v1/users/me/balance?at=0001-01-01",
        "/v1/users/me/balance?at=9999-12-31",
        "/v1/users/me/balance/trend?from=0001-01-01",
        "/v1/users/me/balance/trend?to=9999-12-31",
        "/v1/users/me/pain/trend?to=9999-12-31",
        "/v1/users/me/exports/balance.csv?from=0001-01-01",
    ],
)
def test_analytics_dates_at_the_ends_of_the_calendar_are_answered(
    raising_client: TestClient, auth_headers: dict[str, str], url: str
) -> None:
    response = raising_client.get(url, headers=auth_headers)
    assert response.status_code in {200, 422}


@pytest.mark.parametrize(
    "query", ["from=0001-01-01T00:00:00%2B14:00", "to=9999-12-31T23:59:59-14:00"]
)
def test_record_list_filters_at_the_ends_of_time_are_answered(
    raising_client: TestClient, auth_headers: dict[str, str], query: str
) -> None:
    response = raising_client.get(f"/v1/users/me/workouts?{query}", headers=auth_headers)
    assert response.status_code in {200, 422}


def test_record_instant_before_year_one_utc_is_invalid_input(
    raising_client: TestClient, auth_headers: dict[str, str]
) -> None:
    response = raising_client.post(
        "/v1/users/me/workouts",
        json={"started_at": "0001-01-01T00:00:00+14:00"},
        headers=auth_headers,
    )
    assert response.status_code == 422


@pytest.mark.parametrize(
    "url",
    [
        "/v1/users/me/balance/trend",
        "/v1/users/me/benchmarks",
        "/v1/users/me/pain/trend",
        "/v1/users/me/exports/workouts.csv",
    ],
)
def test_a_record_in_year_one_does_not_break_later_reads(
    raising_client: TestClient, auth_headers: dict[str, str], url: str
) -> None:
    west = raising_client.patch(
        "/v1/users/me", json={"timezone": "America/Los_Angeles"}, headers=auth_headers
    )
    assert west.status_code == 200
    instant = "0001-01-01T00:00:00Z"
    workout = {"started_at": instant, "sets": [{"exercise": "deadlift", "reps": 5}]}
    pain = {"recorded_at": instant, "region": "low_back", "score": 3}
    stored = [
        raising_client.post("/v1/users/me/workouts", json=workout, headers=auth_headers),
        raising_client.post("/v1/users/me/pain-scores", json=pain, headers=auth_headers),
    ]
    if all(r.status_code == 422 for r in stored):
        return  # fixed by refusing such instants
    response = raising_client.get(url, headers=auth_headers)
    assert response.status_code == 200


# -- issue 21, item 15: `st run --checks all` (stateful phase included) --------------------


@pytest.mark.parametrize(
    "url",
    [
        "/v1/users/me/balance?at=0",
        "/v1/users/me/balance/trend?to=0",
        "/v1/users/me/benchmarks?to=0",
        "/v1/users/me/pain/trend?to=0",
        "/v1/users/me/workouts?to=0",
    ],
)
def test_a_number_is_not_a_date(client: TestClient, auth_headers: dict[str, str], url: str) -> None:
    response = client.get(url, headers=auth_headers)
    assert response.status_code == 422


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/v1/trainer/invitations", {"can_log": 0}),
        ("/v1/users/me/bodyweights", {"measured_at": "2026-01-01T00:00:00Z", "weight_kg": True}),
    ],
)
def test_json_types_are_not_coerced(
    client: TestClient, auth_headers: dict[str, str], path: str, body: dict[str, Any]
) -> None:
    assert client.post(path, json=body, headers=auth_headers).status_code == 422


def test_a_whole_number_written_as_a_float_is_an_integer(
    client: TestClient, auth_headers: dict[str, str]
) -> None:
    body = {"recorded_at": "2026-01-01T00:00:00Z", "region": "low_back", "score": 4.0}
    response = client.post("/v1/users/me/pain-scores", json=body, headers=auth_headers)
    assert response.status_code == 201
    assert response.json()["score"] == 4


def test_the_document_says_what_the_validators_refuse(client: TestClient) -> None:
    schemas = client.get("/openapi.json").json()["components"]["schemas"]
    # Never null in a PATCH (left out instead).
    for name, field in (("UserUpdate", "timezone"), ("WorkoutPatch", "started_at")):
        assert "null" not in str(schemas[name]["properties"][field]), (name, field)
    # No NUL in text; something left once stripped where text is required.
    blank = schemas["NoteCreate"]["properties"]["body"]["pattern"]
    assert not any(re.match(blank, text) for text in ("", " \x1f ", "\x85", "a\x00"))
    assert re.match(blank, " a ")
    assert schemas["WorkoutPatch"]["properties"]["started_at"]["pattern"] == "^(19|2[0-9])[0-9]{2}-"
    email = schemas["UserRegister"]["properties"]["email"]["pattern"]
    assert re.match(email, "ada@example.com")
    assert not re.match(email, "ada@mail.TEST")


def test_a_year_within_bounds_is_accepted_whatever_the_offset(
    client: TestClient, auth_headers: dict[str, str]
) -> None:
    response = client.get(
        "/v1/users/me/workouts", params={"from": "1900-01-01T00:00:00+14:00"}, headers=auth_headers
    )
    assert response.status_code == 200


def test_a_password_is_kept_as_typed(client: TestClient) -> None:
    password = "  ten chars  "  # 13 characters as typed, 9 once stripped
    registered = client.post(
        "/v1/auth/register", json={"email": "spaces@example.com", "password": password}
    )
    assert registered.status_code == 201
    signed_in = client.post(
        "/v1/auth/token",
        data={"grant_type": "password", "username": "spaces@example.com", "password": password},
    )
    assert signed_in.status_code == 200


def test_a_refresh_token_over_the_length_limit_is_refused_as_sent(client: TestClient) -> None:
    token = "  " + "x" * 255 + "  "  # 259 characters, 255 once stripped
    response = client.post("/v1/auth/logout", json={"refresh_token": token})
    assert response.status_code == 422
