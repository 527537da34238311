"""Rendered analytics answers shared by every worker through Redis, behind each app's own
(`api.services.analytics_cache.AnswerCache`): after a write, the worker asked first computes
the answer and the others read it (docs/ARCHITECTURE.md has the figures). Keys name the data
an answer was made from (owner, cursors, profile stamp, parameters), so an entry never goes
stale: it is only never asked for again, and expires.

Redis is an accelerator here, never a dependency: any error (down, slow, full) answers "not
shared" and the worker computes, and after one the workers leave Redis alone for a while
instead of paying a timeout on every request."""

from __future__ import annotations

import hashlib
import logging
import threading
import time
from collections.abc import Hashable
from importlib import metadata
from typing import Protocol

import redis

from api.analytics.constants import get_method

logger = logging.getLogger("backchain.shared_answers")

# An answer is asked for again within seconds or never (its key names the data's cursor).
TTL_S = 900
# How long the workers leave Redis alone after an error.
PAUSE_AFTER_ERROR_S = 5.0
# Redis on the same network answers in well under a millisecond.
TIMEOUT_S = 0.25


class AnswerStore(Protocol):
    """Where the workers share answers (Redis in production; a dict in tests)."""

    def get(self, key: Hashable) -> str | None: ...

    def put(self, key: Hashable, answer: str) -> None: ...


def _version() -> str:
    try:
        return metadata.version("backchain")
    except metadata.PackageNotFoundError:  # run from a source tree without installing
        return "source"


class RedisAnswers:
    """`AnswerStore` on Redis. Keys are hashed into a namespace of the database, the package
    version and the balance method: two deployments, or two releases during a rolling
    upgrade, never read each other's answers."""

    def __init__(self, redis_url: str, *, database_url: str) -> None:
        self._client = redis.Redis.from_url(
            redis_url, socket_timeout=TIMEOUT_S, socket_connect_timeout=TIMEOUT_S
        )
        scope = f"{database_url}|{_version()}|{get_method().method_id}"
        self._prefix = "backchain:answer:" + hashlib.sha256(scope.encode()).hexdigest()[:16] + ":"
        self._paused_until = 0.0
        self._lock = threading.Lock()

    def redis_key(self, key: Hashable) -> str:
        # The repr of a key (str, int, date, datetime, UUID, None): the same in every process.
        return self._prefix + hashlib.sha256(repr(key).encode()).hexdigest()

    def get(self, key: Hashable) -> str | None:
        if self._paused():
            return None
        try:
            found = self._client.get(self.redis_key(key))
        except redis.RedisError as exc:
            self._pause(exc)
            return None
        return found.decode() if isinstance(found, bytes) else None

    def put(self, key: Hashable, answer: str) -> None:
        if self._paused():
            return
        try:
            self._client.set(self.redis_key(key), answer.encode(), ex=TTL_S)
        except redis.RedisError as exc:
            self._pause(exc)

    def _paused(self) -> bool:
        return time.monotonic() < self._paused_until

    def _pause(self, exc: Exception) -> None:
        with self._lock:
            if self._paused():
                return
            self._paused_until = time.monotonic() + PAUSE_AFTER_ERROR_S
        logger.warning(
            "shared answers unavailable; computing locally",
            extra={"error": type(exc).__name__, "pause_s": PAUSE_AFTER_ERROR_S},
        )
