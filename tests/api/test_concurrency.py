"""Concurrent writers against a real server: the change feed misses nothing, keys replay once."""

from __future__ import annotations

import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor

import httpx
from sqlalchemy import func
from sqlmodel import Session, select

from db.models import Bodyweight, WorkoutSet
from tests.conftest import LiveServer
from tests.records import bodyweight, pain_score, workout

WRITERS = 20
RECORDS = 200
ROUNDS = 20


def test_reader_polling_changes_sees_exactly_every_record(
    live_server: LiveServer, auth_headers: dict
) -> None:
    done = threading.Event()
    seen: list[str] = []

    def read_feed() -> None:
        cursor = None
        with httpx.Client(base_url=live_server.url, headers=auth_headers, timeout=30) as client:
            while True:
                finished = done.is_set()  # read the flag before polling: one last full poll
                params = {"limit": 50, **({"since": cursor} if cursor else {})}
                page = client.get("/v1/users/me/changes", params=params).json()
                seen.extend(c["id"] for c in page["changes"])
                cursor = page["next_cursor"]
                if finished and not page["has_more"]:
                    return

    def write(batch: int) -> list[str]:
        ids = []
        with httpx.Client(base_url=live_server.url, headers=auth_headers, timeout=30) as client:
            for i in range(RECORDS // WRITERS):
                body = bodyweight() if (batch + i) % 2 else pain_score()
                resource = "bodyweights" if (batch + i) % 2 else "pain-scores"
                response = client.post(f"/v1/users/me/{resource}", json=body)
                assert response.status_code == 201, response.text
                ids.append(response.json()["id"])
        return ids

    reader = threading.Thread(target=read_feed)
    reader.start()
    with ThreadPoolExecutor(WRITERS) as pool:
        written = [i for ids in pool.map(write, range(WRITERS)) for i in ids]
    done.set()
    reader.join(timeout=60)
    assert len(written) == RECORDS
    assert sorted(seen) == sorted(written)  # exactly the 200 ids: none missed, none twice


def test_concurrent_retries_with_one_idempotency_key_store_one_record(
    live_server: LiveServer, auth_headers: dict, session: Session
) -> None:
    body = bodyweight()
    headers = {**auth_headers, "Idempotency-Key": str(uuid.uuid4())}

    def post(_: int) -> tuple[int, str]:
        with httpx.Client(base_url=live_server.url, headers=headers, timeout=30) as client:
            response = client.post("/v1/users/me/bodyweights", json=body)
            return response.status_code, response.json()["id"]

    with ThreadPoolExecutor(8) as pool:
        answers = list(pool.map(post, range(8)))
    assert {status for status, _ in answers} == {201}
    assert len({rid for _, rid in answers}) == 1
    assert session.exec(select(func.count()).select_from(Bodyweight)).one() == 1


def test_concurrent_retries_of_a_keyed_patch_and_delete_answer_as_the_first(
    live_server: LiveServer, auth_headers: dict
) -> None:
    """Eight copies of a PATCH naming version 1, then eight of a DELETE naming version 2, each
    kind under one key, sent at once: every copy answers what the first to commit answered
    (not 412 for a stale ETag, not 410), and the record is patched once and deleted once."""
    with httpx.Client(base_url=live_server.url, headers=auth_headers, timeout=30) as client:
        created = client.post("/v1/users/me/bodyweights", json=bodyweight()).json()
        cursor = client.get("/v1/users/me/changes").json()["next_cursor"]
    target = f"/v1/users/me/bodyweights/{created['id']}"

    def send(method: str, key: str, etag: str) -> httpx.Response:
        headers = {**auth_headers, "Idempotency-Key": key, "If-Match": etag}
        with httpx.Client(base_url=live_server.url, headers=headers, timeout=30) as client:
            kwargs = {"json": {"weight_kg": 77.5}} if method == "PATCH" else {}
            return client.request(method, target, **kwargs)

    with ThreadPoolExecutor(8) as pool:
        patches = list(pool.map(lambda _: send("PATCH", "p", '"1"'), range(8)))
    assert {(r.status_code, r.headers["etag"]) for r in patches} == {(200, '"2"')}
    assert len({r.content for r in patches}) == 1
    with ThreadPoolExecutor(8) as pool:
        deletes = list(pool.map(lambda _: send("DELETE", "d", '"2"'), range(8)))
    assert {r.status_code for r in deletes} == {204}
    with httpx.Client(base_url=live_server.url, headers=auth_headers, timeout=30) as client:
        feed = client.get("/v1/users/me/changes", params={"since": cursor}).json()["changes"]
    assert [(c["id"], c["op"]) for c in feed] == [(created["id"], "delete")]


def test_concurrent_puts_creating_one_id_store_one_record(
    live_server: LiveServer, auth_headers: dict, session: Session
) -> None:
    """Offline clients retry a PUT on several connections at once: one creates (201), the
    others replace (200); never a 500, and one record."""
    record_id = str(uuid.uuid4())
    body = bodyweight()
    start = threading.Barrier(8)

    def put(_: int) -> int:
        with httpx.Client(base_url=live_server.url, headers=auth_headers, timeout=30) as client:
            start.wait()
            return client.put(f"/v1/users/me/bodyweights/{record_id}", json=body).status_code

    with ThreadPoolExecutor(8) as pool:
        statuses = list(pool.map(put, range(8)))
    assert sorted(statuses) == [200] * 7 + [201]
    assert session.exec(select(func.count()).select_from(Bodyweight)).one() == 1


def test_a_write_waiting_for_the_database_never_holds_up_other_requests(
    live_server: LiveServer, auth_headers: dict, engine, database_url: str
) -> None:
    """SQLite runs short record work on the event loop only when it can take the write lock
    at once; while another writer holds it (a long import, say), a POST waits in a thread and
    the server keeps answering. On PostgreSQL every write runs in a thread anyway."""
    from sqlalchemy import text

    holding, release = threading.Event(), threading.Event()

    def long_writer() -> None:
        with engine.begin() as conn:
            conn.execute(text("UPDATE user_account SET token_version = token_version"))
            holding.set()
            release.wait(10)

    writer = threading.Thread(target=long_writer)
    writer.start()
    assert holding.wait(10)
    with (
        ThreadPoolExecutor(1) as pool,
        httpx.Client(base_url=live_server.url, headers=auth_headers, timeout=30) as client,
    ):
        posting = pool.submit(client.post, "/v1/users/me/bodyweights", json=bodyweight())
        time.sleep(0.3)  # the POST is now waiting for the writer
        started = time.monotonic()
        assert client.get("/healthz").status_code == 200
        assert client.get("/v1/users/me/bodyweights").status_code == 200
        assert time.monotonic() - started < 2
        assert not posting.done() or database_url.startswith("postgresql")
        release.set()
        assert posting.result(timeout=20).status_code == 201
    writer.join(10)


def test_concurrent_workouts_holding_one_set_id_store_it_once(
    live_server: LiveServer, auth_headers: dict, session: Session
) -> None:
    """Two clients PUT different workouts holding the same set id at once, round after
    round: one gets 201, the other 422 naming the set (never a 500), and the set is stored
    once."""
    for _ in range(ROUNDS):
        set_id = str(uuid.uuid4())
        body = workout(sets=[{"id": set_id, "exercise": "deadlift", "reps": 5}])
        start = threading.Barrier(2)

        def put(_: int, body: dict = body, start: threading.Barrier = start) -> httpx.Response:
            with httpx.Client(base_url=live_server.url, headers=auth_headers, timeout=30) as client:
                start.wait()
                return client.put(f"/v1/users/me/workouts/{uuid.uuid4()}", json=body)

        with ThreadPoolExecutor(2) as pool:
            answers = list(pool.map(put, range(2)))
        assert sorted(a.status_code for a in answers) == [201, 422], [a.text for a in answers]
        refused = next(a for a in answers if a.status_code == 422)
        assert [e["field"] for e in refused.json()["errors"]] == ["sets.0.id"]
        assert (
            session.exec(
                select(func.count())
                .select_from(WorkoutSet)
                .where(WorkoutSet.id == uuid.UUID(set_id))
            ).one()
            == 1
        )
