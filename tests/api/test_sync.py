"""The change feed and batched writes."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.exc import OperationalError
from sqlmodel import Session

from api.services import sync as sync_service
from db.models import Bodyweight, User
from tests.records import bodyweight, pain_score, workout

CHANGES = "/v1/users/me/changes"


def poll(client: TestClient, headers: dict, since: str | None = None, limit: int = 100) -> dict:
    params: dict = {"limit": limit}
    if since:
        params["since"] = since
    response = client.get(CHANGES, params=params, headers=headers)
    assert response.status_code == 200, response.text
    return response.json()


class TestChanges:
    def test_anonymous_401_and_other_user_404(
        self, client: TestClient, user: User, other_headers: dict
    ) -> None:
        assert client.get(CHANGES).status_code == 401
        assert client.get(f"/v1/users/{user.id}/changes", headers=other_headers).status_code == 404

    def test_reports_every_resource_in_order_with_tombstones(
        self, client: TestClient, auth_headers: dict
    ) -> None:
        w = client.post("/v1/users/me/workouts", json=workout(), headers=auth_headers).json()
        p = client.post("/v1/users/me/pain-scores", json=pain_score(), headers=auth_headers).json()
        b = client.post("/v1/users/me/bodyweights", json=bodyweight(), headers=auth_headers).json()
        client.delete(f"/v1/users/me/pain-scores/{p['id']}", headers=auth_headers)
        feed = poll(client, auth_headers)
        assert [(c["resource"], c["id"], c["op"]) for c in feed["changes"]] == [
            ("workouts", w["id"], "upsert"),
            ("bodyweights", b["id"], "upsert"),
            ("pain-scores", p["id"], "delete"),
        ]
        assert feed["changes"][0]["data"] == w
        assert feed["changes"][2]["data"] is None

    def test_polling_from_next_cursor_returns_only_new_changes(
        self, client: TestClient, auth_headers: dict
    ) -> None:
        client.post("/v1/users/me/bodyweights", json=bodyweight(), headers=auth_headers)
        first = poll(client, auth_headers)
        assert poll(client, auth_headers, first["next_cursor"])["changes"] == []
        assert (
            poll(client, auth_headers, first["next_cursor"])["next_cursor"] == first["next_cursor"]
        )
        new = client.post(
            "/v1/users/me/bodyweights", json=bodyweight(weight_kg=81), headers=auth_headers
        ).json()
        second = poll(client, auth_headers, first["next_cursor"])
        assert [c["id"] for c in second["changes"]] == [new["id"]]

    def test_an_update_moves_the_resource_to_the_end_with_current_data(
        self, client: TestClient, auth_headers: dict
    ) -> None:
        a = client.post("/v1/users/me/bodyweights", json=bodyweight(), headers=auth_headers).json()
        b = client.post("/v1/users/me/bodyweights", json=bodyweight(), headers=auth_headers).json()
        cursor = poll(client, auth_headers)["next_cursor"]
        client.patch(
            f"/v1/users/me/bodyweights/{a['id']}", json={"weight_kg": 77}, headers=auth_headers
        )
        feed = poll(client, auth_headers)
        assert [c["id"] for c in feed["changes"]] == [b["id"], a["id"]]
        assert feed["changes"][1]["data"]["weight_kg"] == 77
        assert [c["id"] for c in poll(client, auth_headers, cursor)["changes"]] == [a["id"]]

    def test_pages_with_limit(self, client: TestClient, auth_headers: dict) -> None:
        ids = [
            client.post("/v1/users/me/bodyweights", json=bodyweight(), headers=auth_headers).json()[
                "id"
            ]
            for _ in range(7)
        ]
        seen: list[str] = []
        cursor = None
        while True:
            page = poll(client, auth_headers, cursor, limit=3)
            seen += [c["id"] for c in page["changes"]]
            cursor = page["next_cursor"]
            if not page["has_more"]:
                break
        assert seen == ids

    def test_malformed_since_is_422(self, client: TestClient, auth_headers: dict) -> None:
        response = client.get(CHANGES, params={"since": "!!"}, headers=auth_headers)
        assert response.status_code == 422
        assert response.json()["errors"][0]["field"] in {"since", "cursor"}

    def test_users_feeds_are_separate(
        self, client: TestClient, auth_headers: dict, other_headers: dict
    ) -> None:
        client.post("/v1/users/me/bodyweights", json=bodyweight(), headers=other_headers)
        assert poll(client, auth_headers)["changes"] == []


class TestBatch:
    def test_applies_each_operation_on_its_own(
        self, client: TestClient, auth_headers: dict, session: Session
    ) -> None:
        good, bad, gone = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
        client.put(f"/v1/users/me/bodyweights/{gone}", json=bodyweight(), headers=auth_headers)
        ops = [
            {"method": "PUT", "path": f"workouts/{good}", "body": workout()},
            {"method": "PUT", "path": f"bodyweights/{bad}", "body": bodyweight(weight_kg=5)},
            {"method": "PATCH", "path": f"workouts/{good}", "body": {"title": "Renamed"}},
            {"method": "DELETE", "path": f"bodyweights/{gone}"},
            {"method": "DELETE", "path": f"bodyweights/{gone}"},
            {
                "method": "PATCH",
                "path": f"workouts/{good}",
                "body": {"title": "x"},
                "if_match": '"1"',
            },
            {"method": "PUT", "path": f"sneakers/{uuid.uuid4()}", "body": {}},
        ]
        response = client.post("/v1/users/me/batch", json={"operations": ops}, headers=auth_headers)
        assert response.status_code == 200
        results = response.json()["results"]
        assert [r["status"] for r in results] == [201, 422, 200, 204, 410, 412, 404]
        assert results[0]["body"]["id"] == str(good)
        assert results[1]["body"]["errors"][0]["field"] == "weight_kg"
        assert results[2]["body"]["title"] == "Renamed"
        assert results[4]["body"]["code"] == "deleted"
        assert results[5]["body"]["code"] == "precondition_failed"
        stored = client.get(f"/v1/users/me/workouts/{good}", headers=auth_headers).json()
        assert stored["title"] == "Renamed"
        assert session.get(Bodyweight, bad) is None

    def test_database_failure_mid_batch_reports_each_operations_fate(
        self,
        client: TestClient,
        auth_headers: dict,
        session: Session,
        monkeypatch: pytest.MonkeyPatch,
    ) -> None:
        """The database fails in the second operation: the first stays committed with its
        201, the second answers 503, the rest 424 `not_attempted`; never a blind 503."""
        ids = [uuid.uuid4() for _ in range(4)]
        ops = [{"method": "PUT", "path": f"bodyweights/{i}", "body": bodyweight()} for i in ids]
        original = sync_service._apply
        calls: list[int] = []

        def failing_second(*args: Any) -> Any:
            calls.append(1)
            if len(calls) == 2:
                raise OperationalError("INSERT ...", {}, Exception("server closed the connection"))
            return original(*args)

        monkeypatch.setattr(sync_service, "_apply", failing_second)
        response = client.post("/v1/users/me/batch", json={"operations": ops}, headers=auth_headers)
        assert response.status_code == 200, response.text
        results = response.json()["results"]
        assert [r["status"] for r in results] == [201, 503, 424, 424]
        assert results[0]["body"]["id"] == str(ids[0])
        assert results[1]["body"]["code"] == "database_unavailable"
        assert [r["body"]["code"] for r in results[2:]] == ["not_attempted"] * 2
        assert len(calls) == 2  # nothing after the failure was tried
        session.expire_all()
        assert [session.get(Bodyweight, i) is not None for i in ids] == [True, False, False, False]

    def test_more_than_100_operations_is_422(self, client: TestClient, auth_headers: dict) -> None:
        ops = [{"method": "DELETE", "path": f"bodyweights/{uuid.uuid4()}"}] * 101
        response = client.post("/v1/users/me/batch", json={"operations": ops}, headers=auth_headers)
        assert response.status_code == 422
        assert response.json()["errors"][0]["field"] == "operations"

    def test_other_users_batch_is_404(
        self, client: TestClient, user: User, other_headers: dict
    ) -> None:
        ops = [{"method": "PUT", "path": f"bodyweights/{uuid.uuid4()}", "body": bodyweight()}]
        response = client.post(
            f"/v1/users/{user.id}/batch", json={"operations": ops}, headers=other_headers
        )
        assert response.status_code == 404

    def test_a_trainer_without_logging_rights_is_403(
        self, client: TestClient, user: User, auth_headers: dict, other_headers: dict
    ) -> None:
        code = client.post("/v1/trainer/invitations", json={}, headers=other_headers).json()
        client.post("/v1/users/me/trainers", json={"code": code["code"]}, headers=auth_headers)
        ops = [{"method": "PUT", "path": f"bodyweights/{uuid.uuid4()}", "body": bodyweight()}]
        response = client.post(
            f"/v1/users/{user.id}/batch", json={"operations": ops}, headers=other_headers
        )
        assert response.status_code == 403
        assert response.json()["code"] == "logging_not_granted"
        assert poll(client, auth_headers)["changes"] == []

    def test_unchanging_operations_add_nothing_to_the_feed(
        self, client: TestClient, auth_headers: dict
    ) -> None:
        rid = uuid.uuid4()
        body = workout()
        created = client.put(f"/v1/users/me/workouts/{rid}", json=body, headers=auth_headers)
        cursor = poll(client, auth_headers)["next_cursor"]
        ops = [
            {"method": "PUT", "path": f"workouts/{rid}", "body": body},
            {"method": "PATCH", "path": f"workouts/{rid}", "body": {"title": body["title"]}},
        ]
        results = client.post(
            "/v1/users/me/batch", json={"operations": ops}, headers=auth_headers
        ).json()["results"]
        assert [r["status"] for r in results] == [200, 200]
        assert [r["body"] for r in results] == [created.json()] * 2
        assert poll(client, auth_headers, cursor)["changes"] == []

    def test_cannot_touch_another_users_record(
        self, client: TestClient, auth_headers: dict, other_headers: dict
    ) -> None:
        theirs = client.post(
            "/v1/users/me/bodyweights", json=bodyweight(), headers=other_headers
        ).json()
        ops = [
            {"method": "DELETE", "path": f"bodyweights/{theirs['id']}"},
            {"method": "PUT", "path": f"bodyweights/{theirs['id']}", "body": bodyweight()},
        ]
        results = client.post(
            "/v1/users/me/batch", json={"operations": ops}, headers=auth_headers
        ).json()["results"]
        assert [r["status"] for r in results] == [404, 404]
        assert (
            client.get(
                f"/v1/users/me/bodyweights/{theirs['id']}", headers=other_headers
            ).status_code
            == 200
        )


def test_walks_1000_rows_in_pages_of_37_while_rows_are_inserted(
    client: TestClient, auth_headers: dict, session: Session, user: User
) -> None:
    base = datetime(2025, 1, 1, tzinfo=UTC)
    session.add_all(
        Bodyweight(
            user_id=user.id, measured_at=base + timedelta(hours=i), weight_kg=80, created_by=user.id
        )
        for i in range(1000)
    )
    session.commit()
    seen: list[str] = []
    cursor = None
    pages = 0
    while True:
        params: dict = {"limit": 37, **({"cursor": cursor} if cursor else {})}
        page = client.get("/v1/users/me/bodyweights", params=params, headers=auth_headers).json()
        seen += [item["id"] for item in page["items"]]
        pages += 1
        if pages == 5:  # concurrent inserts, newer and older than the walk position
            client.post("/v1/users/me/bodyweights", json=bodyweight(), headers=auth_headers)
            client.post(
                "/v1/users/me/bodyweights",
                json=bodyweight(measured_at=(base - timedelta(days=1)).isoformat()),
                headers=auth_headers,
            )
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert pages == 28
    assert len(seen) == len(set(seen)) == 1001  # every original row once, plus the older insert
