"""Sync semantics shared by workouts, pain scores and bodyweights, run for each of them."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func
from sqlmodel import Session, select

from api.app import create_app
from api.schemas.bodyweights import BodyweightPage, BodyweightRead
from api.schemas.pain_scores import PainScorePage, PainScoreRead
from api.schemas.workouts import WorkoutPage, WorkoutRead
from api.services.records import IDEMPOTENCY_TTL
from db.models import Bodyweight, IdempotencyRecord, PainScore, Workout
from db.queries import records as records_queries
from tests.conftest import make_settings
from tests.records import PATCHES, PAYLOADS, RESOURCES, at

pytestmark = pytest.mark.parametrize("resource", RESOURCES)
MODELS = {"workouts": Workout, "pain-scores": PainScore, "bodyweights": Bodyweight}
TIME_FIELDS = {"workouts": "started_at", "pain-scores": "recorded_at", "bodyweights": "measured_at"}


def url(resource: str, record_id: object = None, user: str = "me") -> str:
    base = f"/v1/users/{user}/{resource}"
    return f"{base}/{record_id}" if record_id else base


def count(session: Session, resource: str) -> int:
    return session.exec(select(func.count()).select_from(MODELS[resource])).one()


def create(client: TestClient, headers: dict, resource: str, **overrides: object) -> dict:
    response = client.post(url(resource), json=PAYLOADS[resource](**overrides), headers=headers)
    assert response.status_code == 201, response.text
    return response.json()


class TestAccess:
    def test_anonymous_is_401(self, client: TestClient, resource: str) -> None:
        assert client.get(url(resource)).status_code == 401
        assert client.post(url(resource), json=PAYLOADS[resource]()).status_code == 401

    def test_other_users_records_are_404_on_every_verb(
        self,
        client: TestClient,
        auth_headers: dict,
        other_headers: dict,
        user,
        resource: str,
        session: Session,
    ) -> None:
        record = create(client, auth_headers, resource)
        rid = record["id"]
        for user_ref in ("me", str(user.id)):
            target = url(resource, rid, user_ref)
            assert client.get(target, headers=other_headers).status_code == 404
            assert (
                client.put(target, json=PAYLOADS[resource](), headers=other_headers).status_code
                == 404
            )
            assert (
                client.patch(target, json=PATCHES[resource], headers=other_headers).status_code
                == 404
            )
            assert client.delete(target, headers=other_headers).status_code == 404
        listing = client.get(url(resource, user=str(user.id)), headers=other_headers)
        assert listing.status_code == 404
        assert (
            client.post(
                url(resource, user=str(user.id)), json=PAYLOADS[resource](), headers=other_headers
            ).status_code
            == 404
        )
        # Nothing changed for the owner.
        assert client.get(url(resource, rid), headers=auth_headers).json() == record
        assert count(session, resource) == 1

    def test_linked_trainer_without_logging_rights_is_403_on_every_write(
        self,
        client: TestClient,
        auth_headers: dict,
        other_headers: dict,
        user,
        resource: str,
        session: Session,
    ) -> None:
        record = create(client, auth_headers, resource)
        code = client.post("/v1/trainer/invitations", json={}, headers=other_headers).json()
        accepted = client.post(
            "/v1/users/me/trainers", json={"code": code["code"]}, headers=auth_headers
        )
        assert accepted.status_code == 201
        target = url(resource, record["id"], str(user.id))
        assert client.get(target, headers=other_headers).json() == record  # they read it
        writes = [
            client.post(
                url(resource, user=str(user.id)), json=PAYLOADS[resource](), headers=other_headers
            ),
            client.put(target, json=PAYLOADS[resource](), headers=other_headers),
            client.put(
                url(resource, uuid.uuid4(), str(user.id)),
                json=PAYLOADS[resource](),
                headers=other_headers,
            ),
            client.patch(target, json=PATCHES[resource], headers=other_headers),
            client.patch(target, json={"no_such_field": 1}, headers=other_headers),
            client.delete(target, headers=other_headers),
        ]
        for response in writes:
            assert response.status_code == 403, response.request.method
            assert response.headers["content-type"] == "application/problem+json"
            assert response.json()["code"] == "logging_not_granted"
        assert client.get(url(resource, record["id"]), headers=auth_headers).json() == record
        assert count(session, resource) == 1

    def test_own_user_id_works_like_me(
        self, client: TestClient, auth_headers: dict, user, resource: str
    ) -> None:
        record = create(client, auth_headers, resource)
        response = client.get(url(resource, record["id"], str(user.id)), headers=auth_headers)
        assert response.json() == record

    def test_malformed_user_ref_is_404(
        self, client: TestClient, auth_headers: dict, resource: str
    ) -> None:
        assert client.get(url(resource, user="nobody"), headers=auth_headers).status_code == 404


class TestCreate:
    def test_records_created_by_and_version(
        self, client: TestClient, auth_headers: dict, user, resource: str
    ) -> None:
        record = create(client, auth_headers, resource)
        assert record["created_by"] == str(user.id)
        assert record["version"] == 1

    def test_unknown_field_is_422_and_nothing_is_stored(
        self, client: TestClient, auth_headers: dict, resource: str, session: Session
    ) -> None:
        body = {**PAYLOADS[resource](), "user_id": str(uuid.uuid4())}
        response = client.post(url(resource), json=body, headers=auth_headers)
        assert response.status_code == 422
        assert response.json()["errors"][0]["field"] == "user_id"
        assert count(session, resource) == 0


class TestIdempotency:
    def test_same_key_same_body_replays(
        self, client: TestClient, auth_headers: dict, resource: str, session: Session
    ) -> None:
        body = PAYLOADS[resource]()
        headers = {**auth_headers, "Idempotency-Key": "retry-1"}
        first = client.post(url(resource), json=body, headers=headers)
        second = client.post(url(resource), json=body, headers=headers)
        assert first.status_code == second.status_code == 201
        assert second.json() == first.json()
        assert second.headers["etag"] == first.headers["etag"]
        assert count(session, resource) == 1

    def test_same_key_other_body_is_422(
        self, client: TestClient, auth_headers: dict, resource: str, session: Session
    ) -> None:
        headers = {**auth_headers, "Idempotency-Key": "retry-2"}
        client.post(url(resource), json=PAYLOADS[resource](), headers=headers)
        changed = {**PAYLOADS[resource](), **PATCHES[resource]}
        response = client.post(url(resource), json=changed, headers=headers)
        assert response.status_code == 422
        assert response.json()["code"] == "idempotency_key_reused"
        assert count(session, resource) == 1

    def test_a_retried_patch_replays_its_first_answer(
        self, client: TestClient, auth_headers: dict, resource: str
    ) -> None:
        """The retry carries the same key, body and If-Match: it answers what the first did,
        although the ETag it names is stale by then and the record changed again since."""
        record = create(client, auth_headers, resource)
        target = url(resource, record["id"])
        headers = {**auth_headers, "Idempotency-Key": "patch-1", "If-Match": '"1"'}
        first = client.patch(target, json=PATCHES[resource], headers=headers)
        assert first.status_code == 200
        assert first.headers["etag"] == '"2"'
        other = {**PAYLOADS[resource](), **PATCHES[resource]}
        assert client.put(target, json=other, headers=auth_headers).json()["version"] == 3
        cursor = feed_cursor(client, auth_headers)
        retry = client.patch(target, json=PATCHES[resource], headers=headers)
        assert retry.status_code == 200
        assert retry.content == first.content
        assert retry.headers["etag"] == '"2"'
        assert retry.headers["idempotent-replayed"] == "true"
        assert client.get(target, headers=auth_headers).json()["version"] == 3
        assert changes_since(client, auth_headers, cursor) == []

    def test_a_retried_delete_with_its_key_replays_204(
        self, client: TestClient, auth_headers: dict, resource: str, session: Session
    ) -> None:
        record = create(client, auth_headers, resource)
        target = url(resource, record["id"])
        headers = {**auth_headers, "Idempotency-Key": "delete-1", "If-Match": '"1"'}
        first = client.delete(target, headers=headers)
        assert first.status_code == 204
        cursor = feed_cursor(client, auth_headers)
        retry = client.delete(target, headers=headers)
        assert retry.status_code == 204
        assert retry.content == b""
        assert retry.headers["idempotent-replayed"] == "true"
        assert "etag" not in retry.headers
        assert changes_since(client, auth_headers, cursor) == []
        assert count(session, resource) == 1

    def test_a_key_reused_for_another_request_is_422(
        self, client: TestClient, auth_headers: dict, resource: str
    ) -> None:
        """Another body, another record, another method or another If-Match under a key
        already used: the conflict a POST gives, and nothing is written."""
        first, second = (
            create(client, auth_headers, resource),
            create(client, auth_headers, resource),
        )
        key = {**auth_headers, "Idempotency-Key": "used"}
        assert client.patch(
            url(resource, first["id"]), json=PATCHES[resource], headers=key
        ).is_success
        cursor = feed_cursor(client, auth_headers)
        attempts = [
            client.patch(url(resource, first["id"]), json=PAYLOADS[resource](), headers=key),
            client.patch(url(resource, second["id"]), json=PATCHES[resource], headers=key),
            client.patch(
                url(resource, first["id"]),
                json=PATCHES[resource],
                headers={**key, "If-Match": '"2"'},
            ),
            client.delete(url(resource, first["id"]), headers=key),
            client.post(url(resource), json=PAYLOADS[resource](), headers=key),
        ]
        for response in attempts:
            assert response.status_code == 422, response.request.method
            assert response.json()["code"] == "idempotency_key_reused"
            assert response.json()["errors"][0]["field"] == "Idempotency-Key"
        assert changes_since(client, auth_headers, cursor) == []
        assert client.get(url(resource, second["id"]), headers=auth_headers).json() == second

    def test_keys_are_scoped_per_user(
        self,
        client: TestClient,
        auth_headers: dict,
        other_headers: dict,
        resource: str,
        session: Session,
    ) -> None:
        body = PAYLOADS[resource]()
        a = client.post(url(resource), json=body, headers={**auth_headers, "Idempotency-Key": "k"})
        b = client.post(url(resource), json=body, headers={**other_headers, "Idempotency-Key": "k"})
        assert a.status_code == b.status_code == 201
        assert a.json()["id"] != b.json()["id"]
        assert session.exec(select(func.count()).select_from(IdempotencyRecord)).one() == 2

    def test_a_trainers_stored_answer_goes_with_the_erased_client(
        self,
        client: TestClient,
        auth_headers: dict,
        other_headers: dict,
        user,
        resource: str,
        session: Session,
    ) -> None:
        code = client.post(
            "/v1/trainer/invitations", json={"can_log": True}, headers=other_headers
        ).json()["code"]
        client.post("/v1/users/me/trainers", json={"code": code}, headers=auth_headers)
        headers = {**other_headers, "Idempotency-Key": "for-client"}
        logged = client.post(
            url(resource, user=str(user.id)), json=PAYLOADS[resource](), headers=headers
        )
        assert logged.status_code == 201
        own = client.post(
            url(resource), json=PAYLOADS[resource](), headers=headers | {"Idempotency-Key": "own"}
        )
        assert own.status_code == 201
        assert client.delete("/v1/users/me", headers=auth_headers).status_code == 204
        kept = session.exec(select(IdempotencyRecord.key)).all()
        assert kept == ["own"]

    def test_expired_records_are_purged_when_a_key_is_stored(
        self,
        client: TestClient,
        auth_headers: dict,
        other_headers: dict,
        resource: str,
        session: Session,
    ) -> None:
        for key in ("old", "fresh"):
            headers = {**auth_headers, "Idempotency-Key": key}
            assert client.post(url(resource), json=PAYLOADS[resource](), headers=headers).is_success
        old = session.exec(select(IdempotencyRecord).where(IdempotencyRecord.key == "old")).one()
        old.created_at = datetime.now(UTC) - IDEMPOTENCY_TTL - timedelta(seconds=1)
        session.add(old)
        session.commit()
        headers = {**other_headers, "Idempotency-Key": "another-user"}
        assert client.post(url(resource), json=PAYLOADS[resource](), headers=headers).is_success
        session.expire_all()
        kept = session.exec(select(IdempotencyRecord.key).order_by(IdempotencyRecord.key)).all()
        assert kept == ["another-user", "fresh"]


class TestGet:
    def test_etag_and_304(self, client: TestClient, auth_headers: dict, resource: str) -> None:
        created = client.post(url(resource), json=PAYLOADS[resource](), headers=auth_headers)
        etag = created.headers["etag"]
        response = client.get(url(resource, created.json()["id"]), headers=auth_headers)
        assert response.headers["etag"] == etag
        not_modified = client.get(
            url(resource, created.json()["id"]), headers={**auth_headers, "If-None-Match": etag}
        )
        assert not_modified.status_code == 304
        assert not_modified.content == b""

    def test_unknown_id_is_404(self, client: TestClient, auth_headers: dict, resource: str) -> None:
        response = client.get(url(resource, uuid.uuid4()), headers=auth_headers)
        assert response.status_code == 404
        assert response.headers["content-type"] == "application/problem+json"


class TestPut:
    def test_creates_then_replaces(
        self, client: TestClient, auth_headers: dict, resource: str
    ) -> None:
        rid = uuid.uuid4()
        created = client.put(url(resource, rid), json=PAYLOADS[resource](), headers=auth_headers)
        assert created.status_code == 201
        assert created.json()["id"] == str(rid)
        replaced = client.put(
            url(resource, rid),
            json={**PAYLOADS[resource](), **PATCHES[resource]},
            headers=auth_headers,
        )
        assert replaced.status_code == 200
        assert replaced.json()["version"] == 2
        assert replaced.headers["etag"] != created.headers["etag"]
        for key, value in PATCHES[resource].items():
            assert replaced.json()[key] == value

    def test_stale_if_match_is_412_and_nothing_changes(
        self, client: TestClient, auth_headers: dict, resource: str
    ) -> None:
        rid = uuid.uuid4()
        first = client.put(url(resource, rid), json=PAYLOADS[resource](), headers=auth_headers)
        stale = first.headers["etag"]
        client.patch(url(resource, rid), json=PATCHES[resource], headers=auth_headers)
        current = client.get(url(resource, rid), headers=auth_headers).json()
        for method in ("put", "patch", "delete"):
            kwargs = (
                {}
                if method == "delete"
                else {"json": PAYLOADS[resource]() if method == "put" else PATCHES[resource]}
            )
            response = getattr(client, method)(
                url(resource, rid), headers={**auth_headers, "If-Match": stale}, **kwargs
            )
            assert response.status_code == 412, method
            assert response.json()["code"] == "precondition_failed"
        assert client.get(url(resource, rid), headers=auth_headers).json() == current

    def test_fresh_if_match_writes(
        self, client: TestClient, auth_headers: dict, resource: str
    ) -> None:
        rid = uuid.uuid4()
        first = client.put(url(resource, rid), json=PAYLOADS[resource](), headers=auth_headers)
        response = client.patch(
            url(resource, rid),
            json=PATCHES[resource],
            headers={**auth_headers, "If-Match": first.headers["etag"]},
        )
        assert response.status_code == 200

    def test_if_match_on_missing_resource_is_412(
        self, client: TestClient, auth_headers: dict, resource: str
    ) -> None:
        response = client.put(
            url(resource, uuid.uuid4()),
            json=PAYLOADS[resource](),
            headers={**auth_headers, "If-Match": '"1"'},
        )
        assert response.status_code == 412

    def test_put_after_delete_is_410(
        self, client: TestClient, auth_headers: dict, resource: str
    ) -> None:
        rid = uuid.uuid4()
        client.put(url(resource, rid), json=PAYLOADS[resource](), headers=auth_headers)
        assert client.delete(url(resource, rid), headers=auth_headers).status_code == 204
        response = client.put(url(resource, rid), json=PAYLOADS[resource](), headers=auth_headers)
        assert response.status_code == 410
        assert response.json()["code"] == "deleted"


class TestPatch:
    def test_changes_only_sent_fields(
        self, client: TestClient, auth_headers: dict, resource: str
    ) -> None:
        record = create(client, auth_headers, resource)
        response = client.patch(
            url(resource, record["id"]), json=PATCHES[resource], headers=auth_headers
        )
        assert response.status_code == 200
        expected = {**record, **PATCHES[resource], "version": 2}
        body = response.json()
        assert {k: v for k, v in body.items() if k != "updated_at"} == {
            k: v for k, v in expected.items() if k != "updated_at"
        }

    def test_null_for_required_field_is_422(
        self, client: TestClient, auth_headers: dict, resource: str
    ) -> None:
        record = create(client, auth_headers, resource)
        field = next(iter(PAYLOADS[resource]()))
        response = client.patch(
            url(resource, record["id"]), json={field: None}, headers=auth_headers
        )
        assert response.status_code == 422
        assert response.json()["errors"][0]["field"] == field


class TestDelete:
    def test_leaves_tombstone_and_answers_404_to_reads(
        self, client: TestClient, auth_headers: dict, resource: str, session: Session
    ) -> None:
        record = create(client, auth_headers, resource)
        assert client.delete(url(resource, record["id"]), headers=auth_headers).status_code == 204
        assert client.get(url(resource, record["id"]), headers=auth_headers).status_code == 404
        assert client.get(url(resource), headers=auth_headers).json()["items"] == []
        assert count(session, resource) == 1  # the tombstone row remains

    def test_a_retried_delete_is_410_deleted_never_404(
        self, client: TestClient, auth_headers: dict, resource: str
    ) -> None:
        record = create(client, auth_headers, resource)
        target = url(resource, record["id"])
        etag = client.get(target, headers=auth_headers).headers["etag"]
        with_etag = {**auth_headers, "If-Match": etag}
        assert client.delete(target, headers=with_etag).status_code == 204
        cursor = feed_cursor(client, auth_headers)
        for headers in (auth_headers, with_etag):  # the retry may carry the same If-Match
            again = client.delete(target, headers=headers)
            assert again.status_code == 410
            assert again.headers["content-type"] == "application/problem+json"
            assert again.json()["code"] == "deleted"
        patched = client.patch(target, json=PATCHES[resource], headers=auth_headers)
        assert patched.status_code == 410
        assert patched.json()["code"] == "deleted"
        assert changes_since(client, auth_headers, cursor) == []

    def test_unknown_id_is_404(self, client: TestClient, auth_headers: dict, resource: str) -> None:
        for method in ("delete", "patch"):
            kwargs = {"json": PATCHES[resource]} if method == "patch" else {}
            response = getattr(client, method)(
                url(resource, uuid.uuid4()), headers=auth_headers, **kwargs
            )
            assert response.status_code == 404, method


def feed_cursor(client: TestClient, headers: dict) -> str:
    """The change feed's cursor now (after every change so far)."""
    feed = client.get("/v1/users/me/changes", params={"limit": 500}, headers=headers).json()
    assert not feed["has_more"]
    return str(feed["next_cursor"])


def changes_since(client: TestClient, headers: dict, cursor: str) -> list:
    response = client.get("/v1/users/me/changes", params={"since": cursor}, headers=headers)
    assert response.status_code == 200
    return list(response.json()["changes"])


class TestWritingBackTheReadShape:
    """The body a GET answers can be written back as it is: the members the server owns are
    accepted (`id` checked against the path, the others ignored), unknown ones still refused."""

    def test_a_get_body_put_or_patched_back_changes_nothing(
        self, client: TestClient, auth_headers: dict, resource: str
    ) -> None:
        record = create(client, auth_headers, resource)
        target = url(resource, record["id"])
        got = client.get(target, headers=auth_headers)
        cursor = feed_cursor(client, auth_headers)
        for method in ("put", "patch"):
            response = getattr(client, method)(target, json=got.json(), headers=auth_headers)
            assert response.status_code == 200, response.text
            assert response.json() == got.json() == record
            assert response.headers["etag"] == got.headers["etag"]
        ops = [
            {"method": m, "path": f"{resource}/{record['id']}", "body": got.json()}
            for m in ("PUT", "PATCH")
        ]
        results = client.post(
            "/v1/users/me/batch", json={"operations": ops}, headers=auth_headers
        ).json()["results"]
        assert results == [{"status": 200, "body": record}] * 2
        assert changes_since(client, auth_headers, cursor) == []

    def test_a_changed_get_body_is_a_new_version_with_the_servers_own_members(
        self, client: TestClient, auth_headers: dict, user, resource: str
    ) -> None:
        record = create(client, auth_headers, resource)
        sent = {
            **record,
            **PATCHES[resource],
            "version": 41,
            "created_by": str(uuid.uuid4()),
            "created_at": "2001-02-03T04:05:06+00:00",
            "updated_at": "2001-02-03T04:05:06+00:00",
        }
        response = client.put(url(resource, record["id"]), json=sent, headers=auth_headers)
        assert response.status_code == 200, response.text
        body = response.json()
        assert body["version"] == 2
        assert body["created_by"] == str(user.id)
        assert body["created_at"] == record["created_at"]
        assert body["updated_at"] > record["updated_at"]
        for key, value in PATCHES[resource].items():
            assert body[key] == value

    def test_an_id_other_than_the_paths_is_422_naming_it(
        self, client: TestClient, auth_headers: dict, resource: str, session: Session
    ) -> None:
        record = create(client, auth_headers, resource)
        elsewhere = {**record, "id": str(uuid.uuid4())}
        for method, target in (
            ("put", url(resource, record["id"])),
            ("put", url(resource, uuid.uuid4())),
            ("patch", url(resource, record["id"])),
            ("post", url(resource)),  # the server chooses a POST's id
        ):
            response = getattr(client, method)(target, json=elsewhere, headers=auth_headers)
            assert response.status_code == 422, method
            assert [e["field"] for e in response.json()["errors"]] == ["id"]
        assert count(session, resource) == 1

    def test_a_new_id_in_the_body_and_the_path_creates(
        self, client: TestClient, auth_headers: dict, resource: str
    ) -> None:
        rid = str(uuid.uuid4())
        body = {**PAYLOADS[resource](), "id": rid}
        response = client.put(url(resource, rid), json=body, headers=auth_headers)
        assert response.status_code == 201
        assert response.json()["id"] == rid

    @pytest.mark.parametrize(
        ("member", "value"),
        [
            ("version", 0),
            ("version", "2"),
            ("created_at", "2026-01-01T10:00:00"),
            ("updated_at", 1767261600),
            ("created_by", "someone"),
        ],
    )
    def test_a_malformed_server_owned_member_is_422_naming_it(
        self, client: TestClient, auth_headers: dict, resource: str, member: str, value: object
    ) -> None:
        record = create(client, auth_headers, resource)
        sent = {**record, member: value}
        response = client.put(url(resource, record["id"]), json=sent, headers=auth_headers)
        assert response.status_code == 422
        assert [e["field"] for e in response.json()["errors"]] == [member]


class TestUnchangingWrites:
    """A PUT or PATCH that changes nothing answers 200 with the record as it was: same ETag,
    version and updated_at, and nothing new in the change feed."""

    def test_put_of_the_same_input_changes_nothing(
        self, client: TestClient, auth_headers: dict, resource: str
    ) -> None:
        rid = uuid.uuid4()
        body = PAYLOADS[resource]()
        created = client.put(url(resource, rid), json=body, headers=auth_headers)
        assert created.status_code == 201
        cursor = feed_cursor(client, auth_headers)
        for headers in (auth_headers, {**auth_headers, "If-Match": created.headers["etag"]}):
            again = client.put(url(resource, rid), json=body, headers=headers)
            assert again.status_code == 200, again.text
            assert again.headers["etag"] == created.headers["etag"]
            assert again.json() == created.json()
        assert changes_since(client, auth_headers, cursor) == []
        assert client.get(url(resource, rid), headers=auth_headers).json() == created.json()

    def test_patch_to_the_values_held_changes_nothing(
        self, client: TestClient, auth_headers: dict, resource: str
    ) -> None:
        record = create(client, auth_headers, resource, **PATCHES[resource])
        cursor = feed_cursor(client, auth_headers)
        for body in (PATCHES[resource], {}):
            response = client.patch(url(resource, record["id"]), json=body, headers=auth_headers)
            assert response.status_code == 200
            assert response.headers["etag"] == '"1"'
            assert response.json() == record
        assert changes_since(client, auth_headers, cursor) == []

    def test_a_write_that_changes_one_field_is_a_new_version(
        self, client: TestClient, auth_headers: dict, resource: str
    ) -> None:
        rid = uuid.uuid4()
        created = client.put(url(resource, rid), json=PAYLOADS[resource](), headers=auth_headers)
        cursor = feed_cursor(client, auth_headers)
        changed = {**PAYLOADS[resource](), **PATCHES[resource]}
        replaced = client.put(url(resource, rid), json=changed, headers=auth_headers)
        assert replaced.status_code == 200
        assert replaced.json()["version"] == 2
        assert replaced.json()["updated_at"] > created.json()["updated_at"]
        assert [c["id"] for c in changes_since(client, auth_headers, cursor)] == [str(rid)]


class TestList:
    def test_walks_pages_without_gaps_or_duplicates(
        self, client: TestClient, auth_headers: dict, resource: str
    ) -> None:
        ids = {create(client, auth_headers, resource)["id"] for _ in range(12)}
        seen: list[str] = []
        cursor = None
        while True:
            params = {"limit": 5, **({"cursor": cursor} if cursor else {})}
            page = client.get(url(resource), params=params, headers=auth_headers).json()
            seen += [item["id"] for item in page["items"]]
            cursor = page["next_cursor"]
            if not cursor:
                break
        assert len(seen) == len(set(seen)) == 12
        assert set(seen) == ids

    def test_limit_over_500_is_422(
        self, client: TestClient, auth_headers: dict, resource: str
    ) -> None:
        response = client.get(url(resource), params={"limit": 501}, headers=auth_headers)
        assert response.status_code == 422
        assert response.json()["errors"][0]["field"] == "limit"

    def test_naive_from_is_422(self, client: TestClient, auth_headers: dict, resource: str) -> None:
        response = client.get(
            url(resource), params={"from": "2026-01-01T00:00:00"}, headers=auth_headers
        )
        assert response.status_code == 422
        assert response.json()["errors"][0]["field"] == "from"


READ_SCHEMAS = {
    "workouts": WorkoutRead,
    "pain-scores": PainScoreRead,
    "bodyweights": BodyweightRead,
}
PAGE_SCHEMAS = {
    "workouts": WorkoutPage,
    "pain-scores": PainScorePage,
    "bodyweights": BodyweightPage,
}


def test_answers_are_serialised_exactly_as_their_schema_would(
    client: TestClient, auth_headers: dict, resource: str
) -> None:
    """Records are answered without building models: the bytes must still be the schema's."""
    schema, page = READ_SCHEMAS[resource], PAGE_SCHEMAS[resource]
    posted = client.post(url(resource), json=PAYLOADS[resource](), headers=auth_headers)
    record_id = posted.json()["id"]
    put = client.put(url(resource, uuid.uuid4()), json=PAYLOADS[resource](), headers=auth_headers)
    got = client.get(url(resource, record_id), headers=auth_headers)
    listed = client.get(url(resource), params={"limit": 1}, headers=auth_headers)
    for answer in (posted, put, got):
        assert (
            answer.content == schema.model_validate_json(answer.content).model_dump_json().encode()
        )
    assert listed.content == page.model_validate_json(listed.content).model_dump_json().encode()
    assert listed.json()["next_cursor"] is not None


class TestCachedPages:
    """List pages answer records already read at their current version from the app's
    cache (api/services/record_cache.py); every write must show on the next page."""

    def test_a_cached_page_is_the_bytes_a_fresh_read_gives(
        self, client: TestClient, auth_headers: dict, resource: str, app, engine, database_url
    ) -> None:
        for days_ago in (1, 2, 3):
            create(client, auth_headers, resource, **{TIME_FIELDS[resource]: at(days_ago)})
        first = client.get(url(resource), headers=auth_headers)
        second = client.get(url(resource), headers=auth_headers)
        assert len(app.state.caches.records) == 3
        uncached = create_app(make_settings(database_url, record_cache_mb=0), engine=engine)
        with TestClient(uncached) as fresh_client:
            fresh = fresh_client.get(url(resource), headers=auth_headers)
            paged = fresh_client.get(url(resource), params={"limit": 2}, headers=auth_headers)
        assert len(uncached.state.caches.records) == 0
        assert first.content == second.content == fresh.content
        assert [item["id"] for item in first.json()["items"]][:2] == [
            item["id"] for item in paged.json()["items"]
        ]

    def test_writes_show_on_the_next_page(
        self, client: TestClient, auth_headers: dict, resource: str
    ) -> None:
        kept = create(client, auth_headers, resource)
        dropped = create(client, auth_headers, resource)
        client.get(url(resource), headers=auth_headers)
        patched = client.patch(
            url(resource, kept["id"]), json=PATCHES[resource], headers=auth_headers
        )
        assert patched.status_code == 200
        assert client.delete(url(resource, dropped["id"]), headers=auth_headers).status_code == 204
        items = client.get(url(resource), headers=auth_headers).json()["items"]
        assert items == [client.get(url(resource, kept["id"]), headers=auth_headers).json()]
        assert items[0]["version"] == kept["version"] + 1

    def test_a_record_changed_after_the_page_query_is_answered_as_it_is_now(
        self,
        client: TestClient,
        auth_headers: dict,
        resource: str,
        session: Session,
        monkeypatch: pytest.MonkeyPatch,
    ) -> None:
        """Between the page's ids and the records' read, another writer patches one record and
        deletes another: the page answers the patched one at its new version, leaves the deleted
        one out, and the cache keeps what was read under the version it was read at."""
        changed = create(client, auth_headers, resource)
        deleted = create(client, auth_headers, resource)
        model = MODELS[resource]
        real_page_keys = records_queries.page_keys

        def page_keys_then_writes(*args: object, **kwargs: object) -> list:
            keys = real_page_keys(*args, **kwargs)  # type: ignore[arg-type]
            row = session.get(model, uuid.UUID(changed["id"]))
            row.version += 1
            session.add(row)
            session.get(model, uuid.UUID(deleted["id"])).deleted_at = datetime.now(UTC)
            session.commit()
            return keys

        monkeypatch.setattr(records_queries, "page_keys", page_keys_then_writes)
        page = client.get(url(resource), headers=auth_headers).json()
        monkeypatch.undo()
        assert [(item["id"], item["version"]) for item in page["items"]] == [
            (changed["id"], changed["version"] + 1)
        ]
        again = client.get(url(resource), headers=auth_headers).json()
        assert again["items"] == page["items"]
