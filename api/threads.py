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


async def run_read(state: State, work: Callable[[], T]) -> T:
    """Run a bounded, read-only unit of database work (one record, one page) for a request.

    On SQLite it runs inline, on the event loop: the database is a library reading a local
    file (WAL readers never wait for writers), so the read is CPU work like parsing JSON, and
    a thread-pool hop cost a tenth of a workout GET (bench/RESULTS.md). Elsewhere it runs in
    a request thread, where waiting on the network does not hold up the loop.
    """
    if getattr(state, "inline_reads", False):
        return work()
    return await anyio.to_thread.run_sync(work)


async def run_in_pool(state: State, pool: str, work: Callable[[], T]) -> T:
    """Run `work` in a thread of the app's pool `pool` (a key of `POOLS`)."""
    return await anyio.to_thread.run_sync(work, limiter=_limiter(state, pool))
