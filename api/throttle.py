"""Rate limits with the `limits` library: Redis when configured (shared by workers), else memory."""

from __future__ import annotations

import math
import time
from dataclasses import dataclass

from limits import RateLimitItemPerMinute, storage, strategies

from api.errors import TooManyRequests


class Throttle:
    """Counts events per key in a moving window and refuses once the budget is spent."""

    def __init__(
        self, storage_url: str | None, *, limit: int, window_minutes: int = 1, namespace: str
    ) -> None:
        self._storage = storage.storage_from_string(storage_url or "memory://")
        self._limiter = strategies.MovingWindowRateLimiter(self._storage)
        self._item = RateLimitItemPerMinute(limit, window_minutes, namespace=namespace)

    def check(self, *keys: str) -> None:
        """Raise 429 with Retry-After when any key has no budget left."""
        for key in keys:
            if not self._limiter.test(self._item, key):
                raise self._refusal(key)

    def hit(self, *keys: str) -> None:
        """Count one event against every key."""
        for key in keys:
            self._limiter.hit(self._item, key)

    def reserve(self, *keys: str) -> None:
        """Count one attempt against every key, or raise 429 with Retry-After when a key has
        no budget left: each key is checked and counted in one step (atomic in memory and in
        Redis), so concurrent attempts cannot all pass a limit they exceed together. Keys
        before the refusing one keep the refused attempt."""
        for key in keys:
            if not self._limiter.hit(self._item, key):
                raise self._refusal(key)

    def clear(self, *keys: str) -> None:
        """Forget every attempt counted against these keys."""
        for key in keys:
            self._limiter.clear(self._item, key)

    def reset(self) -> None:
        self._storage.reset()

    def _refusal(self, key: str) -> TooManyRequests:
        reset_at = self._limiter.get_window_stats(self._item, key).reset_time
        return TooManyRequests(math.ceil(reset_at - time.time()))


@dataclass(frozen=True, slots=True)
class SignInThrottle:
    """Sign-in attempts per (email, client address) and per client address, and per email a
    much higher ceiling against guessing spread over many addresses: failures from one client
    never lock the account for others (issue 21)."""

    attempts: Throttle
    per_email: Throttle

    def reserve(self, email: str, client_ip: str) -> None:
        """Count an attempt before its password is checked (429 when over a limit)."""
        self.attempts.reserve(f"email:{email}|ip:{client_ip}", f"ip:{client_ip}")
        self.per_email.reserve(f"email:{email}")

    def succeeded(self, email: str, client_ip: str) -> None:
        """The right password from this client: its earlier attempts at this email are
        forgotten. The per-address and per-email counts keep it, or one valid account would
        let a client reset its budget for guessing others."""
        self.attempts.clear(f"email:{email}|ip:{client_ip}")
