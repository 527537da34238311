"""Where a request's database work runs: inline on SQLite when it is short (`run_short`), else
in few request threads, with pools of their own for work that must never queue behind requests
(bench/RESULTS.md: more request threads only contend for the GIL, and a connection held while
waiting for a thread could deadlock the pool)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import anyio
import anyio.to_thread
from sqlmodel import Session
from starlette.datastructures import State

from db.engine import write_turn

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


def runs_inline(state: State) -> bool:
    """Whether short database work runs on the event loop (`run_short`): on SQLite."""
    return bool(getattr(state, "inline_database", False))


async def run_short(
    state: State, work: Callable[[], T], *, writes: bool = False, session: Session | None = None
) -> T:
    """Run a short, bounded unit of database work for a request (authorising it, reading or
    writing one record or page); `writes` when it may write.

    On SQLite it runs inline, on the event loop: the database is a library working on a local
    file, so the work is CPU work like parsing JSON. SQLite takes one writer at a time and
    request threads default to one there anyway, so a thread only added a hand-off and GIL
    contention: a third of a workout POST's CPU (bench/RESULTS.md). Reads never wait (WAL);
    writes run inline only with the write lock in hand, since a writer in a thread (an import,
    another route) holds it for its whole transaction and the loop must never wait for it.
    Elsewhere the work runs in a request thread, where waiting on the network does not hold
    up the loop. Long work (analytics, exports, imports) always runs in threads.

    `session`, the request's session that `work` goes on with (see
    `api.deps.InlineWriteAccess`), gives its connection back before the work waits for a
    thread: a request waiting for a thread must hold no connection.
    """
    if runs_inline(state):
        if not writes:
            return work()
        with write_turn(state.engine) as ours:
            if ours:
                return work()
        if session is not None:
            session.commit()  # it has only read so far: on SQLite, no I/O
    return await anyio.to_thread.run_sync(work)


async def run_in_pool(state: State, pool: str, work: Callable[[], T]) -> T:
    """Run `work` in a thread of the app's pool `pool` (a key of `POOLS`)."""
    return await anyio.to_thread.run_sync(work, limiter=_limiter(state, pool))
