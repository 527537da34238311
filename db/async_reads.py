"""One-statement reads awaited on the event loop (PostgreSQL): no thread hop, no ORM session.

A cached analytics answer needs one small read first, its owner's cursors; a write to one's
own data, the caller's account read afresh. Through a request thread, an ORM session and
SQLAlchemy such a read cost ~370 µs of CPU; awaited on an asyncio psycopg connection, ~95 µs
(bench/RESULTS.md). The statements stay SQLAlchemy Core selects, compiled once for the
engine's dialect, and their rows go through the columns' own result processors, so they read
exactly as through a session.

The connections are a small `psycopg_pool.AsyncConnectionPool` per process, in autocommit, with
the engine's statement timeout; it is made on first use in the event loop that serves the
requests (and closed by the app's lifespan). A connection idle past the engine's ping window
is pinged when handed out, one that broke is discarded, and the pool opens new ones: an outage
answers 503 (`psycopg.OperationalError`, as `api.errors` maps it) and the reads recover by
themselves.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from weakref import WeakKeyDictionary

from psycopg import AsyncConnection
from psycopg.conninfo import make_conninfo
from psycopg_pool import AsyncConnectionPool
from sqlalchemy import Engine
from sqlalchemy.engine import URL, Dialect
from sqlalchemy.sql import ClauseElement
from sqlalchemy.sql.compiler import SQLCompiler

from db import engine as db_engine

POOL_WAIT_S = 5.0  # a read waits this long for a connection, then answers 503


@dataclass(slots=True)
class _Compiled:
    sql: str
    defaults: dict[str, Any]  # parameters the statement carries itself (e.g. LIMIT 1)
    binds: dict[str, Callable[[Any], Any]]  # the parameters' own bind processors
    types: tuple[Any, ...]  # the result columns' SQLAlchemy types
    # Per result column; made on the first result (numeric columns need the driver's type).
    processors: tuple[Callable[[Any], Any] | None, ...] | None = None

    def parameters(self, values: Mapping[str, Any]) -> dict[str, Any]:
        binds = self.binds
        return {
            **self.defaults,
            **{
                name: value
                if value is None or (process := binds.get(name)) is None
                else process(value)
                for name, value in values.items()
            },
        }

    def row(
        self, values: Sequence[Any], dialect: Dialect, type_codes: Sequence[Any]
    ) -> tuple[Any, ...]:
        processors = self.processors
        if processors is None:
            processors = self.processors = tuple(
                type_._cached_result_processor(dialect, code)
                for type_, code in zip(self.types, type_codes, strict=True)
            )
        return tuple(
            value if process is None or value is None else process(value)
            for value, process in zip(values, processors, strict=True)
        )


class AsyncQuery:
    """A Core select run by `AsyncReads`: compiled once per dialect, rows processed as
    SQLAlchemy's own result would process them."""

    def __init__(self, statement: ClauseElement) -> None:
        self.statement = statement
        self._compiled: dict[Dialect, _Compiled] = {}
        self._lock = threading.Lock()

    def compiled(self, dialect: Dialect) -> _Compiled:
        found = self._compiled.get(dialect)
        if found is None:
            compiled = self.statement.compile(dialect=dialect)
            assert isinstance(compiled, SQLCompiler)
            with self._lock:
                found = self._compiled.setdefault(dialect, self._compile(compiled))
        return found

    @staticmethod
    def _compile(compiled: SQLCompiler) -> _Compiled:
        return _Compiled(
            sql=compiled.string,
            defaults={
                name: value
                for name, value in compiled.construct_params(_check=False).items()
                if value is not None
            },
            binds={
                name: process
                for name, process in compiled._bind_processors.items()
                if callable(process)
            },
            types=tuple(entry.type for entry in compiled._result_columns),
        )


def conninfo_of(url: URL) -> str:
    """A PostgreSQL URL as a libpq connection string (its query options kept)."""
    query = {
        key: value if isinstance(value, str) else value[-1] for key, value in url.query.items()
    }
    return make_conninfo(
        "",
        host=url.host,
        port=url.port,
        dbname=url.database,
        user=url.username,
        password=url.password,
        **query,
    )


class AsyncReads:
    """Awaited one-statement reads on this process's pool of asyncio connections."""

    def __init__(self, engine: Engine, *, connections: int, statement_timeout_ms: int) -> None:
        self.dialect = engine.dialect
        self.conninfo = conninfo_of(engine.url)
        self.connections = connections
        self.statement_timeout_ms = statement_timeout_ms
        self._returned: WeakKeyDictionary[AsyncConnection, float] = WeakKeyDictionary()
        self._pool: AsyncConnectionPool | None = None
        self._loop: asyncio.AbstractEventLoop | None = None

    async def _configure(self, connection: AsyncConnection) -> None:
        await connection.execute(f"SET statement_timeout = {int(self.statement_timeout_ms)}")

    async def _given_back(self, connection: AsyncConnection) -> None:
        self._returned[connection] = time.monotonic()

    async def _check(self, connection: AsyncConnection) -> None:
        # Pinged when handed out, unless given back within the engine's window
        # (`db.engine.PING_AFTER_IDLE_S`, as its pool does): a dead one raises here, and the
        # pool discards it and hands out another.
        returned = self._returned.get(connection)
        if returned is None or time.monotonic() - returned >= db_engine.PING_AFTER_IDLE_S:
            await AsyncConnectionPool.check_connection(connection)

    async def _opened(self) -> AsyncConnectionPool:
        loop = asyncio.get_running_loop()
        if self._pool is None or self._loop is not loop:
            # Made in the loop that awaits it (a pool is bound to its event loop).
            pool = AsyncConnectionPool(
                self.conninfo,
                min_size=1,
                max_size=self.connections,
                kwargs={"autocommit": True},
                configure=self._configure,
                reset=self._given_back,
                check=self._check,
                timeout=POOL_WAIT_S,
                open=False,
                name="backchain-async-reads",
            )
            await pool.open(wait=False)
            self._pool, self._loop = pool, loop
        return self._pool

    async def first(self, query: AsyncQuery, values: Mapping[str, Any]) -> tuple[Any, ...] | None:
        """The statement's first row (processed), or None."""
        compiled = query.compiled(self.dialect)
        pool = await self._opened()
        async with pool.connection() as connection:
            cursor = await connection.execute(
                compiled.sql, compiled.parameters(values), prepare=True
            )
            row = await cursor.fetchone()
            codes = [column.type_code for column in cursor.description or ()]
        return None if row is None else compiled.row(row, self.dialect, codes)

    async def close(self) -> None:
        """Close the pool, if this loop made it."""
        pool, self._pool = self._pool, None
        if pool is not None and self._loop is asyncio.get_running_loop():
            await pool.close()
