"""Engines and sessions (SQLite pragmas: WAL, foreign keys, busy timeout; pooled PostgreSQL)
and `Database.run`, the one way database work runs."""

from __future__ import annotations

import asyncio
import contextlib
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar
from weakref import WeakKeyDictionary

import anyio
import anyio.to_thread
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, DisconnectionError
from sqlmodel import Session

T = TypeVar("T")

SQLITE_BUSY_TIMEOUT_MS = 5000
# Fewer, larger checkpoints than SQLite's default 1,000 pages: a third off the average commit
# for a slowest checkpoint of ~60 ms instead of ~25 ms (bench/RESULTS.md).
WAL_AUTOCHECKPOINT_PAGES = 4000


def _on_sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute(f"PRAGMA wal_autocheckpoint={WAL_AUTOCHECKPOINT_PAGES}")
    cursor.close()


_HOLDS_WRITE_LOCK = "backchain.holds_write_lock"
WRITE_LOCK_WAIT_S = 10.0
_WRITES = ("INSERT", "UPDATE", "DELETE")


def _queue_sqlite_writers(engine: Engine) -> None:
    """Let one connection at a time write, waiting in a queue.

    SQLite allows a single writer; the others poll in its busy handler with growing sleeps,
    which made the slowest write 30-100x the median under 8 concurrent writers
    (bench/RESULTS.md). A lock taken at a connection's first write and released at commit or
    rollback hands the database over at once. After WRITE_LOCK_WAIT_S the writer proceeds
    anyway and SQLite's own busy timeout applies (no deadlock can hang a request).
    """
    lock = threading.Lock()

    def release(info: dict[Any, Any]) -> None:
        if info.pop(_HOLDS_WRITE_LOCK, False):
            lock.release()

    @event.listens_for(engine, "before_cursor_execute")
    def _take(conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.lstrip()[:6].upper() in _WRITES and not conn.info.get(_HOLDS_WRITE_LOCK):
            conn.info[_HOLDS_WRITE_LOCK] = lock.acquire(timeout=WRITE_LOCK_WAIT_S)

    @event.listens_for(engine, "commit")
    def _committed(conn: Any) -> None:
        release(conn.info)

    @event.listens_for(engine, "rollback")
    def _rolled_back(conn: Any) -> None:
        release(conn.info)

    @event.listens_for(engine.pool, "checkin")
    def _returned(_dbapi_connection: Any, record: Any) -> None:
        release(record.info)  # a connection given back mid-transaction (e.g. invalidated)


STATEMENT_TIMEOUT_MS = 30_000

# A pooled PostgreSQL connection is pinged on checkout unless it was given back less than
# this long ago (HikariCP's "alive bypass window"): a ping cost a round trip per request. One
# that died within the window fails its request with 503, and the pool is then replaced.
PING_AFTER_IDLE_S = 0.5
_RETURNED_AT = "backchain.returned_at"


def _ping_when_idle(engine: Engine, idle_s: float) -> None:
    """Pre-ping on checkout, skipped for connections returned within `idle_s` seconds."""
    dialect = engine.dialect

    @event.listens_for(engine.pool, "checkin")
    def _returned(_dbapi_connection: Any, record: Any) -> None:
        record.info[_RETURNED_AT] = time.monotonic()

    @event.listens_for(engine.pool, "checkout")
    def _ping(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        returned = record.info.get(_RETURNED_AT)
        if returned is not None and time.monotonic() - returned < idle_s:
            return
        try:
            dialect.do_ping(dbapi_connection)
        except dialect.loaded_dbapi.Error as exc:
            # The pool discards this connection and checks out another (up to 3 tries).
            raise DisconnectionError(f"pre-ping failed: {exc}") from exc


def _statement_timeout(timeout_ms: int) -> Any:
    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        # A session setting, committed so the pool's rollback on return keeps it.
        with dbapi_connection.cursor() as cursor:
            cursor.execute(f"SET statement_timeout = {int(timeout_ms)}")
        dbapi_connection.commit()

    return on_connect


def make_engine(
    url: str, *, pool_size: int = 10, statement_timeout_ms: int = STATEMENT_TIMEOUT_MS
) -> Engine:
    """An engine for `url`; creates the SQLite file's directory when needed."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database
        pooled: dict[str, int] = {}
        if database and database != ":memory:":
            Path(database).parent.mkdir(parents=True, exist_ok=True)
            # As many pooled connections as requests in flight: an overflow connection is
            # opened (with its pragmas) and closed again per request, a measurable cost.
            pooled = {"pool_size": pool_size, "max_overflow": pool_size}
        engine = create_engine(
            url,
            **pooled,
            connect_args={"check_same_thread": False, "timeout": SQLITE_BUSY_TIMEOUT_MS / 1000},
        )
        event.listen(engine, "connect", _on_sqlite_connect)
        _queue_sqlite_writers(engine)
        return engine
    engine = create_engine(
        url,
        pool_size=pool_size,
        max_overflow=pool_size,
        pool_timeout=10,
        connect_args={"connect_timeout": 5},
    )
    _ping_when_idle(engine, PING_AFTER_IDLE_S)
    # No statement runs longer than this on PostgreSQL (it answers 503 like an outage): a
    # runaway query cannot hold a connection and a request thread indefinitely.
    event.listen(engine, "connect", _statement_timeout(statement_timeout_ms))
    return engine


@contextlib.contextmanager
def session_for(engine: Engine) -> Iterator[Session]:
    """One session per unit of work; objects stay readable after commit. Closing rolls back;
    if the database went away meanwhile, the connection is invalidated instead."""
    session = Session(engine, expire_on_commit=False)
    try:
        yield session
    finally:
        try:
            session.close()
        except DBAPIError:
            with contextlib.suppress(DBAPIError):
                session.invalidate()


class Database:
    """The app's one engine, and `run`: every unit of database work, on either database, runs
    in a thread (never on the event loop) with a session of its own, at most `threads` at
    once per event loop (a server has one; a test client may run several)."""

    def __init__(self, engine: Engine, *, threads: int) -> None:
        self.engine = engine
        self.threads = threads
        self._limiters: WeakKeyDictionary[asyncio.AbstractEventLoop, anyio.CapacityLimiter] = (
            WeakKeyDictionary()
        )

    async def run(self, work: Callable[[Session], T]) -> T:
        """`work(session)` in a thread; the session is closed (rolled back if still open)
        there, so no connection is held while the event loop answers."""
        loop = asyncio.get_running_loop()
        limiter = self._limiters.get(loop)
        if limiter is None:
            limiter = self._limiters[loop] = anyio.CapacityLimiter(self.threads)
        return await anyio.to_thread.run_sync(self.run_sync, work, limiter=limiter)

    def run_sync(self, work: Callable[[Session], T]) -> T:
        """`work(session)` here, on this thread (for work that has a thread of its own)."""
        with session_for(self.engine) as session:
            return work(session)
