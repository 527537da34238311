"""The analytics answers' second level: what `AnswerCache` asks of the shared store, and the
Redis store itself (keys, expiry, namespaces, and what it does when Redis fails)."""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Hashable
from datetime import UTC, date, datetime

import pytest
import redis

from api.services import shared_answers
from api.services.analytics_cache import AnswerCache, AnswerKey
from api.services.shared_answers import RedisAnswers
from tests.faults.processes import free_port

KEY = AnswerKey(
    "balance",
    uuid.UUID("6f1c2d3e-1111-2222-3333-444455556666"),
    12,
    datetime(2026, 11, 26, 9, 30, tzinfo=UTC),
    datetime(2026, 11, 1, tzinfo=UTC),
    date(2026, 11, 26),
)


class DictStore:
    def __init__(self) -> None:
        self.held: dict[Hashable, str] = {}
        self.gets = 0

    def get(self, key: Hashable) -> str | None:
        self.gets += 1
        return self.held.get(key)

    def put(self, key: Hashable, answer: str) -> None:
        self.held[key] = answer


def counting(answer: str) -> tuple[list[int], object]:
    calls: list[int] = []

    def compute() -> str:
        calls.append(1)
        return answer

    return calls, compute


def test_an_answer_another_worker_shared_is_not_computed_again() -> None:
    store = DictStore()
    worker_a, worker_b = AnswerCache(8, store), AnswerCache(8, store)
    calls, compute = counting('{"index": 1.2}')

    assert worker_a.get_or_compute(KEY, compute) == '{"index": 1.2}'  # type: ignore[arg-type]
    assert worker_b.get_or_compute(KEY, compute) == '{"index": 1.2}'  # type: ignore[arg-type]

    assert len(calls) == 1
    assert store.held == {KEY: '{"index": 1.2}'}
    # Now held by worker B itself: the store is not asked again.
    assert worker_b.get_or_compute(KEY, compute) == '{"index": 1.2}'  # type: ignore[arg-type]
    assert store.gets == 2


def test_without_a_shared_store_each_worker_computes() -> None:
    worker_a, worker_b = AnswerCache(8), AnswerCache(8)
    calls, compute = counting("{}")
    worker_a.get_or_compute(KEY, compute)  # type: ignore[arg-type]
    worker_b.get_or_compute(KEY, compute)  # type: ignore[arg-type]
    assert len(calls) == 2


def test_redis_store_round_trip_with_expiry(redis_url: str) -> None:
    database = f"postgresql://db-{uuid.uuid4().hex}/x"
    store = RedisAnswers(redis_url, database_url=database)
    answer = '{"points": [1, 2, 3], "name": "Zoë"}'
    store.put(KEY, answer)

    # Another worker (another instance on the same database) reads it under the same key.
    assert RedisAnswers(redis_url, database_url=database).get(KEY) == answer
    ttl = redis.Redis.from_url(redis_url).ttl(store.redis_key(KEY))
    assert 0 < ttl <= shared_answers.TTL_S
    # Another database never sees it, nor does a different key.
    assert RedisAnswers(redis_url, database_url=database + "2").get(KEY) is None
    assert store.get(dataclasses.replace(KEY, today=date(2026, 11, 25))) is None


def test_redis_down_answers_not_shared_and_pauses(monkeypatch: pytest.MonkeyPatch) -> None:
    store = RedisAnswers(f"redis://127.0.0.1:{free_port()}/0", database_url="sqlite://")
    tries: list[str] = []
    connect = store._client.get

    def get(name: str) -> object:
        tries.append(name)
        return connect(name)

    monkeypatch.setattr(store._client, "get", get)

    assert store.get(KEY) is None  # refused: computed locally instead
    store.put(KEY, "{}")  # no error either
    assert store.get(KEY) is None
    assert len(tries) == 1  # paused after the first failure: no further attempts

    monkeypatch.setattr(shared_answers.time, "monotonic", lambda: 1e12)  # the pause is over
    assert store.get(KEY) is None
    assert len(tries) == 2
