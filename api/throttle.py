"""Rate limits with the `limits` library: Redis when configured (shared by workers), else memory."""

from __future__ import annotations

import math
import time

from limits import RateLimitItemPerMinute, storage, strategies

from api.errors import TooManyRequests


class Throttle:
    """Counts events per key in a moving window and refuses once the budget is spent."""

    def __init__(self, storage_url: str | None, *, per_minute: int, namespace: str) -> None:
        self._storage = storage.storage_from_string(storage_url or "memory://")
        self._limiter = strategies.MovingWindowRateLimiter(self._storage)
        self._item = RateLimitItemPerMinute(per_minute, namespace=namespace)

    def check(self, *keys: str) -> None:
        """Raise 429 with Retry-After when any key has no budget left."""
        for key in keys:
            if not self._limiter.test(self._item, key):
                reset_at = self._limiter.get_window_stats(self._item, key).reset_time
                raise TooManyRequests(math.ceil(reset_at - time.time()))

    def hit(self, *keys: str) -> None:
        """Count one event against every key."""
        for key in keys:
            self._limiter.hit(self._item, key)

    def reset(self) -> None:
        self._storage.reset()
