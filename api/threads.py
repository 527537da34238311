"""The process's thread pools: few threads for requests, and pools of their own for work that
must never queue behind requests (bench/RESULTS.md: more request threads only contend for the
GIL, and a connection held while waiting for a thread could deadlock the pool)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import anyio
import anyio.to_thread
from starlette.datastructures import State

T = TypeVar("T")

# Pools beside the request threads, by name: how many threads each may use at once.
POOLS = {
    "imports": 2,  # CSV imports: seconds of work each
    "teardown": 8,  # giving a session's connection back; never waits for a connection
}


def limit_request_threads(threads: int) -> None:
    """Sync endpoints running at once in this event loop (call it in the app's lifespan)."""
    anyio.to_thread.current_default_thread_limiter().total_tokens = threads


def _limiter(state: State, pool: str) -> anyio.CapacityLimiter:
    limiters: dict[str, anyio.CapacityLimiter] = getattr(state, "thread_pools", None) or {}
    if pool not in limiters:  # made in the event loop it serves, on first use
        limiters[pool] = anyio.CapacityLimiter(POOLS[pool])
        state.thread_pools = limiters
    return limiters[pool]


async def run_in_pool(state: State, pool: str, work: Callable[[], T]) -> T:
    """Run `work` in a thread of the app's pool `pool` (a key of `POOLS`)."""
    return await anyio.to_thread.run_sync(work, limiter=_limiter(state, pool))
