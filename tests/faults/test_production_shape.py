"""Several processes on one PostgreSQL and Redis; SIGKILL mid-import; graceful SIGTERM."""

from __future__ import annotations

import contextlib
import signal
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from sqlalchemy import func
from sqlalchemy.engine import make_url
from sqlmodel import Session, select

from db.models import Workout
from tests.factories import PASSWORD, make_user, token_for
from tests.faults.processes import REDIS_URL, AppProcess, strong_csv
from tests.records import bodyweight


@pytest.fixture
def pg_url(database_url: str, request: pytest.FixtureRequest) -> str:
    """PostgreSQL, with the test Redis that the processes share (`redis_url`)."""
    if make_url(database_url).get_backend_name() != "postgresql":
        pytest.skip("several processes share PostgreSQL (SQLite is for one process)")
    request.getfixturevalue("redis_url")
    return database_url


def test_two_processes_share_throttles_idempotency_and_the_change_feed(
    pg_url: str, session: Session, settings
) -> None:
    user = make_user(session, email=f"{uuid.uuid4().hex}@example.com")
    headers = {"Authorization": f"Bearer {token_for(user, settings)}"}
    env = {"BACKCHAIN_REDIS_URL": REDIS_URL}
    with AppProcess(pg_url, **env) as a, AppProcess(pg_url, **env) as b:
        # Login throttle: 10 failures spread over both processes, then both refuse.
        for i in range(10):
            server = (a, b)[i % 2]
            wrong = httpx.post(
                f"{server.url}/v1/auth/token",
                data={"grant_type": "password", "username": user.email, "password": "wrong pw!"},
            )
            assert wrong.status_code == 400  # RFC 6749: invalid_grant
            assert wrong.json()["error"] == "invalid_grant"
        for server in (a, b):
            refused = httpx.post(
                f"{server.url}/v1/auth/token",
                data={"grant_type": "password", "username": user.email, "password": PASSWORD},
            )
            assert refused.status_code == 429

        # Idempotency: the retry lands on the other process and replays the first answer.
        key_headers = {**headers, "Idempotency-Key": str(uuid.uuid4())}
        body = bodyweight()
        first = httpx.post(f"{a.url}/v1/users/me/bodyweights", json=body, headers=key_headers)
        retry = httpx.post(f"{b.url}/v1/users/me/bodyweights", json=body, headers=key_headers)
        assert first.status_code == retry.status_code == 201
        assert retry.json() == first.json()

        # 20 writers split across both processes; a reader ends with every id, once.
        done = threading.Event()
        seen: list[str] = []

        def read() -> None:
            cursor = None
            with httpx.Client(headers=headers, timeout=30) as client:
                while True:
                    finished = done.is_set()
                    params = {"limit": 50, **({"since": cursor} if cursor else {})}
                    page = client.get(f"{a.url}/v1/users/me/changes", params=params).json()
                    seen.extend(c["id"] for c in page["changes"])
                    cursor = page["next_cursor"]
                    if finished and not page["has_more"]:
                        return

        def write(n: int) -> list[str]:
            server = (a, b)[n % 2]
            with httpx.Client(headers=headers, timeout=30) as client:
                return [
                    client.post(f"{server.url}/v1/users/me/bodyweights", json=bodyweight()).json()[
                        "id"
                    ]
                    for _ in range(10)
                ]

        reader = threading.Thread(target=read)
        reader.start()
        with ThreadPoolExecutor(20) as pool:
            written = [i for ids in pool.map(write, range(20)) for i in ids]
        done.set()
        reader.join(timeout=60)
        assert sorted(seen) == sorted([first.json()["id"], *written])


def _workouts(session: Session, user_id: uuid.UUID) -> int:
    session.expire_all()
    query = select(func.count()).select_from(Workout).where(Workout.user_id == user_id)
    return session.exec(query).one()


def test_sigkill_mid_import_leaves_nothing_half_written(
    pg_url: str, session: Session, settings
) -> None:
    user = make_user(session, email=f"{uuid.uuid4().hex}@example.com")
    headers = {"Authorization": f"Bearer {token_for(user, settings)}", "content-type": "text/csv"}
    data = strong_csv(1500, 10)  # 15,000 rows: a few seconds of work
    env = {"BACKCHAIN_IMPORT_SYNC_MAX_ROWS": "100000"}
    with AppProcess(pg_url, **env) as server:

        def post() -> None:
            with contextlib.suppress(httpx.HTTPError):  # the server dies under it
                httpx.post(
                    f"{server.url}/v1/users/me/imports", content=data, headers=headers, timeout=60
                )

        thread = threading.Thread(target=post)
        thread.start()
        time.sleep(1.0)
        server.kill()
        thread.join(timeout=30)
    assert _workouts(session, user.id) in (0, 1500)  # all or nothing, never a part
    with AppProcess(pg_url, **env) as server:
        retried = httpx.post(
            f"{server.url}/v1/users/me/imports", content=data, headers=headers, timeout=120
        )
        assert retried.status_code in (200, 201), retried.text
        again = httpx.post(
            f"{server.url}/v1/users/me/imports", content=data, headers=headers, timeout=120
        )
    assert _workouts(session, user.id) == 1500
    assert again.json()["workouts_created"] == 0
    assert again.json()["duplicates_skipped"] == 1500


def _poll_until_finished(client: httpx.Client, location: str, timeout_s: float = 60) -> dict:
    deadline = time.monotonic() + timeout_s
    while True:
        job = client.get(location).json()
        if job["status"] in ("done", "failed") or time.monotonic() > deadline:
            return dict(job)
        time.sleep(0.2)


def test_sigkill_mid_job_fails_the_job_once_its_lease_lapses(
    pg_url: str, session: Session, settings
) -> None:
    """A background import whose process is killed answers failed (retryable, nothing
    stored) once its lease lapses, instead of running forever; the retry then imports."""
    user = make_user(session, email=f"{uuid.uuid4().hex}@example.com")
    headers = {"Authorization": f"Bearer {token_for(user, settings)}", "content-type": "text/csv"}
    data = strong_csv(2000, 10)  # 20,000 rows: seconds of work
    env = {"BACKCHAIN_IMPORT_SYNC_MAX_ROWS": "1000", "BACKCHAIN_IMPORT_LEASE_SECONDS": "2"}
    with AppProcess(pg_url, **env) as server:
        started = httpx.post(
            f"{server.url}/v1/users/me/imports", content=data, headers=headers, timeout=60
        )
        assert started.status_code == 202, started.text
        time.sleep(0.5)
        server.kill()
    location = started.headers["location"]
    with (
        AppProcess(pg_url, **env) as server,
        httpx.Client(base_url=server.url, headers=headers, timeout=60) as client,
    ):
        job = _poll_until_finished(client, location, timeout_s=10)
        assert job["status"] == "failed", job
        assert job["problem"]["code"] == "import_interrupted"
        assert _workouts(session, user.id) == 0
        retried = client.post("/v1/users/me/imports", content=data)
        assert retried.status_code == 202, retried.text
        assert _poll_until_finished(client, retried.headers["location"])["status"] == "done"
    assert _workouts(session, user.id) == 2000


def test_sigterm_finishes_in_flight_requests(pg_url: str, session: Session, settings) -> None:
    user = make_user(session, email=f"{uuid.uuid4().hex}@example.com")
    headers = {"Authorization": f"Bearer {token_for(user, settings)}", "content-type": "text/csv"}
    data = strong_csv(800, 10)
    answers: list[httpx.Response] = []
    with AppProcess(pg_url, BACKCHAIN_IMPORT_SYNC_MAX_ROWS="100000") as server:
        thread = threading.Thread(
            target=lambda: answers.append(
                httpx.post(
                    f"{server.url}/v1/users/me/imports", content=data, headers=headers, timeout=60
                )
            )
        )
        thread.start()
        time.sleep(0.5)
        server.signal(signal.SIGTERM)
        thread.join(timeout=60)
        # uvicorn re-raises the signal once it has drained: -SIGTERM is its clean exit.
        assert server.wait(timeout=30) in (0, -signal.SIGTERM)
    assert answers[0].status_code == 201
    assert answers[0].json()["workouts_created"] == 800
    assert _workouts(session, user.id) == 800
