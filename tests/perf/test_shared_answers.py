"""Workers sharing analytics answers through Redis, over HTTP: two apps on one database, as two
worker processes would be (each app has caches of its own)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlmodel import Session

from api.app import create_app
from api.services.analytics import balance as balance_service
from tests.api.test_analytics import EXAMPLE_A, TODAY, athlete, log
from tests.conftest import make_settings
from tests.faults.processes import free_port


def worker(database_url: str, engine: Engine, redis_url: str, **overrides: object) -> TestClient:
    settings = make_settings(database_url, redis_url=redis_url, **overrides)
    return TestClient(create_app(settings, engine=engine), raise_server_exceptions=False)


@pytest.fixture
def headers(session: Session, settings) -> dict[str, str]:
    """An athlete's bearer token."""
    return athlete(session, settings, sex="male", bodyweight_kg=80)[1]


@pytest.fixture
def computes(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """One entry per balance computed, in any app of this process."""
    calls: list[int] = []
    compute = balance_service._pcb_2  # the default method's computation

    def counted(*args: object, **kwargs: object) -> object:
        calls.append(1)
        return compute(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(balance_service, "_pcb_2", counted)
    return calls


def test_an_answer_computed_by_one_worker_is_read_by_the_other(
    database_url: str, engine: Engine, redis_url: str, headers: dict, computes: list[int]
) -> None:
    with worker(database_url, engine, redis_url) as a:
        log(a, headers, TODAY, EXAMPLE_A)
        first = a.get("/v1/users/me/balance", headers=headers)
    assert first.status_code == 200, first.text
    assert computes == [1]

    with worker(database_url, engine, redis_url) as b:
        second = b.get("/v1/users/me/balance", headers=headers)
        assert second.status_code == 200
        assert second.content == first.content
        assert computes == [1]  # read from Redis, not computed

        # A write moves the cursor: the next answer is computed once more, and is new.
        log(b, headers, TODAY, [("deadlift", 200, 5)])
        third = b.get("/v1/users/me/balance", headers=headers)
        assert third.status_code == 200
        assert computes == [1, 1]
        lifts = {lift["lift"]: lift["e1rm_kg"] for lift in third.json()["lifts"]}
        assert (
            lifts["deadlift"] > {x["lift"]: x["e1rm_kg"] for x in first.json()["lifts"]}["deadlift"]
        )


def test_sharing_turned_off_keeps_answers_per_process(
    database_url: str, engine: Engine, redis_url: str, headers: dict, computes: list[int]
) -> None:
    for _ in range(2):
        with worker(database_url, engine, redis_url, share_answers=False) as w:
            if not computes:
                log(w, headers, TODAY, EXAMPLE_A)
            assert w.get("/v1/users/me/balance", headers=headers).status_code == 200
    assert computes == [1, 1]


def test_redis_down_still_answers(
    database_url: str, engine: Engine, headers: dict, computes: list[int]
) -> None:
    # Nothing listens there; rate limits are not asked on these routes.
    with worker(database_url, engine, f"redis://127.0.0.1:{free_port()}/0") as w:
        log(w, headers, TODAY, EXAMPLE_A)
        answer = w.get("/v1/users/me/balance", headers=headers)
        assert answer.status_code == 200, answer.text
        assert answer.json()["lifts"]
        assert w.get("/v1/users/me/balance", headers=headers).content == answer.content
    assert computes == [1]
