"""Trainers: invitations, client-controlled links, notes, the roster and the access log."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlmodel import Session

from db.models import TrainerInvitation, User
from tests.factories import make_user, token_for
from tests.records import bodyweight, pain_score, workout


@pytest.fixture
def trainer(session: Session) -> User:
    return make_user(session, email="coach@example.com", display_name="Coach")


@pytest.fixture
def trainer_headers(trainer: User, settings) -> dict[str, str]:
    return {"Authorization": f"Bearer {token_for(trainer, settings)}"}


def invite(client: TestClient, headers: dict, **body: object) -> dict:
    response = client.post("/v1/trainer/invitations", json=body, headers=headers)
    assert response.status_code == 201, response.text
    return response.json()


def link(client: TestClient, trainer_headers: dict, client_headers: dict, **body: object) -> dict:
    code = invite(client, trainer_headers, **body)["code"]
    response = client.post("/v1/users/me/trainers", json={"code": code}, headers=client_headers)
    assert response.status_code == 201, response.text
    return response.json()


class TestInvitations:
    def test_code_is_long_shown_once_and_stored_hashed(
        self, client: TestClient, trainer_headers: dict, session: Session
    ) -> None:
        created = invite(client, trainer_headers, note="Tuesday", can_log=True)
        assert len(created["code"]) >= 22  # ≥ 128 bits in url-safe base64
        assert created["status"] == "pending"
        listed = client.get("/v1/trainer/invitations", headers=trainer_headers).json()["items"]
        assert [i["id"] for i in listed] == [created["id"]]
        assert "code" not in listed[0]
        stored = session.get(TrainerInvitation, uuid.UUID(created["id"]))
        assert stored is not None
        assert created["code"] not in stored.code_hash

    def test_expires_in_days_is_bounded(self, client: TestClient, trainer_headers: dict) -> None:
        for days in (0, 31):
            response = client.post(
                "/v1/trainer/invitations", json={"expires_in_days": days}, headers=trainer_headers
            )
            assert response.status_code == 422
            assert response.json()["errors"][0]["field"] == "expires_in_days"

    def test_accept_links_the_client(
        self, client: TestClient, trainer_headers: dict, auth_headers: dict, trainer: User
    ) -> None:
        accepted = link(client, trainer_headers, auth_headers, can_log=True)
        assert accepted["trainer"] == {"id": str(trainer.id), "display_name": "Coach"}
        assert accepted["can_log"] is True
        trainers = client.get("/v1/users/me/trainers", headers=auth_headers).json()["items"]
        assert [t["trainer"]["id"] for t in trainers] == [str(trainer.id)]
        statuses = client.get("/v1/trainer/invitations", headers=trainer_headers).json()
        assert statuses["items"][0]["status"] == "accepted"

    def test_used_revoked_expired_and_unknown_codes_all_answer_404(
        self,
        client: TestClient,
        trainer_headers: dict,
        auth_headers: dict,
        other_headers: dict,
        session: Session,
    ) -> None:
        used = invite(client, trainer_headers)
        client.post("/v1/users/me/trainers", json={"code": used["code"]}, headers=auth_headers)
        revoked = invite(client, trainer_headers)
        assert (
            client.delete(
                f"/v1/trainer/invitations/{revoked['id']}", headers=trainer_headers
            ).status_code
            == 204
        )
        expired = invite(client, trainer_headers)
        row = session.get(TrainerInvitation, uuid.UUID(expired["id"]))
        assert row is not None
        row.expires_at = datetime.now(UTC) - timedelta(seconds=1)
        session.add(row)
        session.commit()
        answers = [
            client.post("/v1/users/me/trainers", json={"code": code}, headers=other_headers)
            for code in (used["code"], revoked["code"], expired["code"], "nonsense-code")
        ]
        assert {a.status_code for a in answers} == {404}
        assert len({a.json()["detail"] for a in answers}) == 1
        statuses = {
            i["id"]: i["status"]
            for i in client.get("/v1/trainer/invitations", headers=trainer_headers).json()["items"]
        }
        assert statuses[revoked["id"]] == "revoked"
        assert statuses[expired["id"]] == "expired"

    def test_accepting_ones_own_invitation_is_409(
        self, client: TestClient, trainer_headers: dict
    ) -> None:
        code = invite(client, trainer_headers)["code"]
        response = client.post(
            "/v1/users/me/trainers", json={"code": code}, headers=trainer_headers
        )
        assert response.status_code == 409
        assert response.json()["code"] == "own_invitation"

    def test_only_pending_invitations_can_be_revoked(
        self, client: TestClient, trainer_headers: dict, auth_headers: dict, other_headers: dict
    ) -> None:
        created = invite(client, trainer_headers)
        assert (
            client.delete(
                f"/v1/trainer/invitations/{created['id']}", headers=other_headers
            ).status_code
            == 404
        )
        client.post("/v1/users/me/trainers", json={"code": created["code"]}, headers=auth_headers)
        response = client.delete(
            f"/v1/trainer/invitations/{created['id']}", headers=trainer_headers
        )
        assert response.status_code == 409

    def test_guessing_codes_is_throttled(self, client: TestClient, auth_headers: dict) -> None:
        for i in range(10):
            client.post("/v1/users/me/trainers", json={"code": f"guess-{i}"}, headers=auth_headers)
        response = client.post(
            "/v1/users/me/trainers", json={"code": "guess-x"}, headers=auth_headers
        )
        assert response.status_code == 429
        assert "retry-after" in response.headers


class TestTrainerAccess:
    def test_reads_through_user_paths_and_writes_only_with_can_log(
        self,
        client: TestClient,
        trainer_headers: dict,
        auth_headers: dict,
        user: User,
        trainer: User,
    ) -> None:
        mine = client.post("/v1/users/me/workouts", json=workout(), headers=auth_headers).json()
        link(client, trainer_headers, auth_headers)
        base = f"/v1/users/{user.id}"
        assert client.get(f"{base}/workouts/{mine['id']}", headers=trainer_headers).json() == mine
        for path in (
            "balance",
            "balance/trend",
            "benchmarks",
            "pain/trend",
            "summary",
            "changes",
            "workouts",
            "pain-scores",
            "bodyweights",
        ):
            assert client.get(f"{base}/{path}", headers=trainer_headers).status_code == 200, path
        denied = client.post(f"{base}/bodyweights", json=bodyweight(), headers=trainer_headers)
        assert denied.status_code == 403  # they read this data: a 404 would hide nothing
        assert denied.headers["content-type"] == "application/problem+json"
        assert denied.json()["code"] == "logging_not_granted"
        granted = client.patch(
            f"/v1/users/me/trainers/{trainer.id}", json={"can_log": True}, headers=auth_headers
        )
        assert granted.json()["can_log"] is True
        logged = client.post(f"{base}/pain-scores", json=pain_score(), headers=trainer_headers)
        assert logged.status_code == 201
        assert logged.json()["created_by"] == str(trainer.id)
        assert (
            client.get(
                f"/v1/users/me/pain-scores/{logged.json()['id']}", headers=auth_headers
            ).status_code
            == 200
        )

    def test_trainer_cannot_grant_itself_logging(
        self, client: TestClient, trainer_headers: dict, auth_headers: dict, user: User
    ) -> None:
        link(client, trainer_headers, auth_headers)
        response = client.patch(
            f"/v1/users/me/trainers/{user.id}", json={"can_log": True}, headers=trainer_headers
        )
        assert response.status_code == 404

    def test_ended_link_hides_everything(
        self,
        client: TestClient,
        trainer_headers: dict,
        auth_headers: dict,
        user: User,
        trainer: User,
    ) -> None:
        link(client, trainer_headers, auth_headers, can_log=True)
        assert (
            client.delete(f"/v1/users/me/trainers/{trainer.id}", headers=auth_headers).status_code
            == 204
        )
        assert (
            client.get(f"/v1/users/{user.id}/workouts", headers=trainer_headers).status_code == 404
        )
        assert client.get("/v1/users/me/trainers", headers=auth_headers).json()["items"] == []

    def test_trainer_side_can_end_the_link(
        self, client: TestClient, trainer_headers: dict, auth_headers: dict, user: User
    ) -> None:
        link(client, trainer_headers, auth_headers)
        assert (
            client.delete(f"/v1/trainer/clients/{user.id}", headers=trainer_headers).status_code
            == 204
        )
        assert (
            client.get(f"/v1/users/{user.id}/summary", headers=trainer_headers).status_code == 404
        )
        assert (
            client.delete(f"/v1/trainer/clients/{user.id}", headers=trainer_headers).status_code
            == 404
        )

    def test_erasing_the_trainer_leaves_created_by_null_in_the_clients_records(
        self, client: TestClient, trainer_headers: dict, auth_headers: dict, user: User
    ) -> None:
        link(client, trainer_headers, auth_headers, can_log=True)
        base = f"/v1/users/{user.id}"
        logged = {
            resource: client.post(f"{base}/{resource}", json=body, headers=trainer_headers)
            for resource, body in (
                ("workouts", workout()),
                ("pain-scores", pain_score()),
                ("bodyweights", bodyweight()),
            )
        }
        deleted = client.post(f"{base}/bodyweights", json=bodyweight(), headers=trainer_headers)
        client.delete(f"/v1/users/me/bodyweights/{deleted.json()['id']}", headers=auth_headers)
        for resource in logged:  # read once: the pages are cached by record version
            assert client.get(f"/v1/users/me/{resource}", headers=auth_headers).status_code == 200
        cursor = client.get("/v1/users/me/changes", headers=auth_headers).json()["next_cursor"]
        assert client.delete("/v1/users/me", headers=trainer_headers).status_code == 204
        for resource, answer in logged.items():
            page = client.get(f"/v1/users/me/{resource}", headers=auth_headers).json()["items"]
            assert [(r["id"], r["created_by"], r["version"]) for r in page] == [
                (answer.json()["id"], None, 2)
            ]
            read = client.get(
                f"/v1/users/me/{resource}/{answer.json()['id']}", headers=auth_headers
            )
            assert read.json()["created_by"] is None
            assert read.headers["etag"] != answer.headers["etag"]
        feed = client.get(
            "/v1/users/me/changes", params={"since": cursor}, headers=auth_headers
        ).json()["changes"]
        assert sorted((c["resource"], c["id"], c["op"]) for c in feed) == sorted(
            (resource, answer.json()["id"], "upsert") for resource, answer in logged.items()
        )
        assert all(c["data"]["created_by"] is None for c in feed)
        exported = client.get("/v1/users/me/exports/workouts.csv", headers=auth_headers)
        assert exported.status_code == 200
        assert exported.text.splitlines()[1].endswith(",")

    def test_other_trainers_see_nothing(
        self,
        client: TestClient,
        trainer_headers: dict,
        auth_headers: dict,
        other_headers: dict,
        user: User,
    ) -> None:
        link(client, trainer_headers, auth_headers)
        assert client.get(f"/v1/users/{user.id}/workouts", headers=other_headers).status_code == 404


class TestNotes:
    def test_private_to_author_and_kept_after_the_link_ends(
        self,
        client: TestClient,
        trainer_headers: dict,
        auth_headers: dict,
        other_headers: dict,
        user: User,
        trainer: User,
    ) -> None:
        link(client, trainer_headers, auth_headers)
        notes = f"/v1/trainer/clients/{user.id}/notes"
        created = client.post(
            notes, json={"body": "Left hip shift on deadlifts"}, headers=trainer_headers
        )
        assert created.status_code == 201
        note_id = created.json()["id"]
        assert client.get(notes, headers=other_headers).status_code == 404
        assert (
            client.get(f"/v1/trainer/clients/{trainer.id}/notes", headers=auth_headers).status_code
            == 404
        )
        updated = client.patch(
            f"{notes}/{note_id}", json={"body": "Fixed with cues"}, headers=trainer_headers
        )
        assert updated.json()["body"] == "Fixed with cues"
        client.delete(f"/v1/users/me/trainers/{trainer.id}", headers=auth_headers)
        kept = client.get(notes, headers=trainer_headers).json()["items"]
        assert [n["body"] for n in kept] == ["Fixed with cues"]
        assert client.post(notes, json={"body": "new"}, headers=trainer_headers).status_code == 404
        assert client.delete(f"{notes}/{note_id}", headers=trainer_headers).status_code == 204

    def test_empty_note_is_422(
        self, client: TestClient, trainer_headers: dict, auth_headers: dict, user: User
    ) -> None:
        link(client, trainer_headers, auth_headers)
        response = client.post(
            f"/v1/trainer/clients/{user.id}/notes", json={"body": ""}, headers=trainer_headers
        )
        assert response.status_code == 422


class TestRoster:
    def test_lists_clients_with_flags_sorted_by_flag_count(
        self,
        client: TestClient,
        trainer_headers: dict,
        session: Session,
        settings,
    ) -> None:
        calm = make_user(
            session, email="calm@example.com", display_name="Calm", bodyweight_kg=80, sex="male"
        )
        hurting = make_user(
            session,
            email="hurting@example.com",
            display_name="Hurting",
            bodyweight_kg=80,
            sex="male",
        )
        for person in (calm, hurting):
            headers = {"Authorization": f"Bearer {token_for(person, settings)}"}
            link(client, trainer_headers, headers)
            client.post("/v1/users/me/workouts", json=workout(), headers=headers)
        hurting_headers = {"Authorization": f"Bearer {token_for(hurting, settings)}"}
        client.post(
            "/v1/users/me/pain-scores",
            json=pain_score(score=8, region="knee"),
            headers=hurting_headers,
        )
        roster = client.get("/v1/trainer/clients", headers=trainer_headers).json()
        names = [e["client"]["display_name"] for e in roster["items"]]
        assert names == ["Hurting", "Calm"]
        first = roster["items"][0]
        assert "pain_high" in first["flags"]
        assert first["pain"] == {"max_last_7d": 8, "region_of_max": "knee", "rising": False}
        assert first["adherence"] == 1
        assert all(d["detail"] for d in first["flag_details"])
        only = client.get(
            "/v1/trainer/clients", params={"flag": "pain_high"}, headers=trainer_headers
        ).json()["items"]
        assert [e["client"]["display_name"] for e in only] == ["Hurting"]
        by_name = client.get(
            "/v1/trainer/clients", params={"sort": "name", "limit": 1}, headers=trainer_headers
        ).json()
        assert by_name["items"][0]["client"]["display_name"] == "Calm"
        rest = client.get(
            "/v1/trainer/clients",
            params={"sort": "name", "cursor": by_name["next_cursor"]},
            headers=trainer_headers,
        ).json()
        assert [e["client"]["display_name"] for e in rest["items"]] == ["Hurting"]

    def test_flags_match_the_summary_endpoint(
        self, client: TestClient, trainer_headers: dict, auth_headers: dict, user: User
    ) -> None:
        link(client, trainer_headers, auth_headers)
        client.post("/v1/users/me/pain-scores", json=pain_score(score=9), headers=auth_headers)
        summary = client.get(f"/v1/users/{user.id}/summary", headers=trainer_headers).json()
        entry = client.get("/v1/trainer/clients", headers=trainer_headers).json()["items"][0]
        assert entry["flags"] == [f["code"] for f in summary["flags"]]

    def test_query_count_is_constant_in_roster_size(
        self,
        client: TestClient,
        trainer_headers: dict,
        trainer: User,
        session: Session,
        engine: Engine,
        count_queries,
        settings,
    ) -> None:
        from db.models import TrainerLink

        def add_clients(n: int) -> None:
            for _ in range(n):
                person = make_user(
                    session, email=f"{uuid.uuid4().hex}@example.com", bodyweight_kg=70
                )
                session.add(TrainerLink(trainer_id=trainer.id, client_id=person.id))
                headers = {"Authorization": f"Bearer {token_for(person, settings)}"}
                client.post("/v1/users/me/workouts", json=workout(), headers=headers)
                client.post("/v1/users/me/pain-scores", json=pain_score(), headers=headers)
            session.commit()

        def roster_queries() -> int:
            with count_queries(engine) as counter:
                response = client.get(
                    "/v1/trainer/clients", params={"limit": 500}, headers=trainer_headers
                )
            assert response.status_code == 200
            return counter.count

        add_clients(1)
        one = roster_queries()
        add_clients(49)
        fifty = roster_queries()
        assert (
            len(
                client.get(
                    "/v1/trainer/clients", params={"limit": 500}, headers=trainer_headers
                ).json()["items"]
            )
            == 50
        )
        assert fifty == one


class TestAccessLog:
    def test_records_trainer_reads_and_writes_for_the_client_only(
        self,
        client: TestClient,
        trainer_headers: dict,
        auth_headers: dict,
        user: User,
        trainer: User,
    ) -> None:
        link(client, trainer_headers, auth_headers, can_log=True)
        client.get(f"/v1/users/{user.id}/balance", headers=trainer_headers)
        client.post(f"/v1/users/{user.id}/bodyweights", json=bodyweight(), headers=trainer_headers)
        client.get(f"/v1/users/{user.id}/workouts/{uuid.uuid4()}", headers=trainer_headers)
        client.get("/v1/users/me/balance", headers=auth_headers)  # own reads are not logged
        log = client.get("/v1/users/me/access-log", headers=auth_headers).json()["items"]
        assert [(e["method"], e["resource"], e["status"]) for e in log] == [
            ("GET", "workouts", 404),
            ("POST", "bodyweights", 201),
            ("GET", "balance", 200),
        ]
        assert log[0]["trainer"] == {"id": str(trainer.id), "display_name": "Coach"}
        assert (
            client.get(f"/v1/users/{user.id}/access-log", headers=trainer_headers).status_code
            == 404
        )
        trainer_own = client.get("/v1/users/me/access-log", headers=trainer_headers).json()
        assert trainer_own["items"] == []

    def test_records_refused_calls_of_linked_trainers_but_not_strangers(
        self,
        client: TestClient,
        trainer_headers: dict,
        auth_headers: dict,
        other_headers: dict,
        user: User,
        trainer: User,
    ) -> None:
        link(client, trainer_headers, auth_headers)  # reads only
        own = f"/v1/users/{user.id}"
        assert client.get(f"{own}/balance", headers=trainer_headers).status_code == 200
        refused_write = client.post(
            f"{own}/bodyweights", json=bodyweight(), headers=trainer_headers
        )
        assert refused_write.status_code == 403
        withdrawn = client.delete(f"/v1/users/me/trainers/{trainer.id}", headers=auth_headers)
        assert withdrawn.status_code == 204
        assert client.get(f"{own}/workouts", headers=trainer_headers).status_code == 404
        assert client.get(f"{own}/workouts", headers=other_headers).status_code == 404  # stranger
        log = client.get("/v1/users/me/access-log", headers=auth_headers).json()["items"]
        assert [(e["method"], e["resource"], e["status"]) for e in log] == [
            ("GET", "workouts", 404),
            ("POST", "bodyweights", 403),
            ("GET", "balance", 200),
        ]
        assert {e["trainer"]["id"] for e in log} == {str(trainer.id)}


def test_roster_csv_has_the_same_table(
    client: TestClient, trainer_headers: dict, auth_headers: dict, user: User
) -> None:
    link(client, trainer_headers, auth_headers)
    client.post("/v1/users/me/pain-scores", json=pain_score(score=8), headers=auth_headers)
    response = client.get("/v1/trainer/clients.csv", headers=trainer_headers)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    lines = response.text.splitlines()
    assert lines[0].startswith("client_id,display_name,since,can_log")
    assert lines[1].startswith(str(user.id))
    assert "pain_high|inactive" in lines[1]
