"""Engine settings that protect the service (PostgreSQL's statement timeout) and
`Database.run`, the one way database work runs."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import anyio
import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError
from sqlmodel import Session

from db.engine import Database, make_engine


def test_a_statement_over_the_timeout_is_cancelled_and_the_pool_recovers(
    postgres_url: str,
) -> None:
    engine = make_engine(postgres_url, pool_size=1, statement_timeout_ms=200)
    try:
        with engine.connect() as conn, pytest.raises(OperationalError, match="statement timeout"):
            conn.execute(text("SELECT pg_sleep(2)"))
        with engine.connect() as conn:  # the same pooled connection, still usable
            assert conn.execute(text("SELECT 1")).scalar() == 1
            assert conn.execute(text("SHOW statement_timeout")).scalar() == "200ms"
    finally:
        engine.dispose()


def test_database_work_runs_in_threads_at_most_threads_at_once(tmp_path: Path) -> None:
    """`Database.run`: each unit of work in a thread of its own session, never on the event
    loop, and no more at once than the limiter allows."""
    database = Database(make_engine(f"sqlite:///{tmp_path}/run.db"), threads=2)
    loop_thread = threading.get_ident()
    running, most = [0], [0]
    lock = threading.Lock()

    def work(session: Session) -> int:
        with lock:
            running[0] += 1
            most[0] = max(most[0], running[0])
        time.sleep(0.05)
        with lock:
            running[0] -= 1
        assert threading.get_ident() != loop_thread
        return int(session.execute(text("SELECT 1")).scalar_one())

    async def main() -> list[int]:
        results: list[int] = []

        async def one() -> None:
            results.append(await database.run(work))

        async with anyio.create_task_group() as group:
            for _ in range(6):
                group.start_soon(one)
        return results

    assert anyio.run(main) == [1] * 6
    assert most[0] == 2
    database.engine.dispose()


def test_a_session_is_closed_and_rolled_back_when_its_work_fails(tmp_path: Path) -> None:
    database = Database(make_engine(f"sqlite:///{tmp_path}/fail.db"), threads=1)
    with database.engine.begin() as conn:
        conn.execute(text("CREATE TABLE t (n INTEGER)"))

    def failing(session: Session) -> None:
        session.execute(text("INSERT INTO t VALUES (1)"))
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        anyio.run(database.run, failing)
    with database.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM t")).scalar() == 0
    assert database.engine.pool.checkedout() == 0  # type: ignore[attr-defined]
    database.engine.dispose()
