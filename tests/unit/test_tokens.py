"""Access tokens: the cache of verified tokens never outlives a token or trusts a changed one."""

from __future__ import annotations

import time
import uuid
from datetime import UTC, datetime

import jwt
import pytest

from api import security
from api.errors import Unauthorized
from api.security import LEEWAY_S, AccountFacts, TokenCodec
from tests.conftest import make_settings


class Clock:
    def __init__(self) -> None:
        self.now = time.time()

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def codec(clock: Clock) -> TokenCodec:
    return TokenCodec(make_settings("sqlite://", access_token_minutes=15), clock=clock)


def test_a_cached_token_answers_without_decoding_again(
    codec: TokenCodec, monkeypatch: pytest.MonkeyPatch
) -> None:
    user_id = uuid.uuid4()
    token = codec.issue(user_id, 3)
    first = codec.verify(token)

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("decoded again")

    monkeypatch.setattr(jwt, "decode", refuse)
    assert codec.verify(token) == first
    assert (first.user_id, first.token_version) == (user_id, 3)


def test_a_cached_token_still_expires(codec: TokenCodec, clock: Clock) -> None:
    token = codec.issue(uuid.uuid4(), 0)
    codec.verify(token)
    clock.now += codec.lifetime.total_seconds() + LEEWAY_S - 1
    codec.verify(token)  # inside the leeway, as for a token seen for the first time
    clock.now += 2
    with pytest.raises(Unauthorized):
        codec.verify(token)


def test_an_expired_token_is_never_cached(codec: TokenCodec) -> None:
    issued = datetime.fromtimestamp(time.time() - 3600, UTC)
    token = codec.issue(uuid.uuid4(), 0, now=issued)
    for _ in range(2):
        with pytest.raises(Unauthorized):
            codec.verify(token)


def test_a_changed_token_is_verified_not_looked_up(codec: TokenCodec) -> None:
    token = codec.issue(uuid.uuid4(), 0)
    codec.verify(token)
    header, payload, signature = token.split(".")
    forged_payload = jwt.utils.base64url_encode(
        jwt.utils.base64url_decode(payload).replace(b'"tv":0', b'"tv":9')
    ).decode()
    for forged in (f"{header}.{forged_payload}.{signature}", token[:-2] + "AA"):
        with pytest.raises(Unauthorized):
            codec.verify(forged)


def test_the_cache_is_bounded(codec: TokenCodec, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(security, "VERIFIED_CACHE_SIZE", 8)
    tokens = [codec.issue(uuid.uuid4(), i) for i in range(20)]
    for token in tokens:
        codec.verify(token)
    assert len(codec._verified) <= 8
    assert codec.verify(tokens[0]).token_version == 0  # evicted, verified again


class TestAccountFacts:
    """What a process remembers of an account between read requests."""

    def test_remembers_an_acceptance_for_max_age(self) -> None:
        now = [100.0]
        facts = AccountFacts(1.0, clock=lambda: now[0])
        user_id = uuid.uuid4()
        assert facts.accepted(user_id, 3) is None
        facts.remember(user_id, "trainer", 3)
        assert facts.accepted(user_id, 3) == "trainer"
        now[0] += 1.0
        assert facts.accepted(user_id, 3) == "trainer"
        now[0] += 0.001
        assert facts.accepted(user_id, 3) is None  # too old: read again

    def test_another_token_version_is_read_again(self) -> None:
        facts = AccountFacts(60.0)
        user_id = uuid.uuid4()
        facts.remember(user_id, "user", 3)
        assert facts.accepted(user_id, 4) is None  # a newer token: never refused from memory
        assert facts.accepted(user_id, 2) is None

    def test_forget_and_off(self) -> None:
        facts = AccountFacts(60.0)
        user_id = uuid.uuid4()
        facts.remember(user_id, "user", 0)
        facts.forget(user_id)
        assert facts.accepted(user_id, 0) is None
        off = AccountFacts(0)
        off.remember(user_id, "user", 0)
        assert off.accepted(user_id, 0) is None

    def test_bounded(self) -> None:
        facts = AccountFacts(60.0, size=2)
        first, second, third = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
        for user_id in (first, second, third):
            facts.remember(user_id, "user", 0)
        assert facts.accepted(first, 0) is None  # the oldest went first
        assert facts.accepted(second, 0) == facts.accepted(third, 0) == "user"
