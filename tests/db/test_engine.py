"""Engine settings that protect the service: PostgreSQL's statement timeout, SQLite's queue
of writers and the write turn that lets work run on the event loop without ever waiting."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from db.engine import make_engine, write_turn


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


def _sqlite_engine(tmp_path: Path):  # type: ignore[no-untyped-def]
    engine = make_engine(f"sqlite:///{tmp_path}/turn.db")
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE t (n INTEGER)"))
    return engine


def test_a_write_turn_covers_the_writes_of_its_block(tmp_path: Path) -> None:
    engine = _sqlite_engine(tmp_path)
    with write_turn(engine) as ours:
        assert ours
        # Two transactions in the block write without waiting for the lock they hold.
        started = time.monotonic()
        for n in (1, 2):
            with engine.begin() as conn:
                conn.execute(text("INSERT INTO t VALUES (:n)"), {"n": n})
        assert time.monotonic() - started < 1
        with write_turn(engine) as nested:  # not twice on one thread
            assert not nested
    with write_turn(engine) as again:  # given back at the end of the block
        assert again
    engine.dispose()


def test_no_write_turn_while_a_thread_is_writing(tmp_path: Path) -> None:
    engine = _sqlite_engine(tmp_path)
    writing, done = threading.Event(), threading.Event()

    def writer() -> None:
        with engine.begin() as conn:
            conn.execute(text("INSERT INTO t VALUES (1)"))  # takes the lock until commit
            writing.set()
            done.wait(10)

    thread = threading.Thread(target=writer)
    thread.start()
    assert writing.wait(10)
    started = time.monotonic()
    with write_turn(engine) as ours:
        assert not ours  # answered at once: the caller runs its work in a thread instead
    assert time.monotonic() - started < 0.5
    done.set()
    thread.join(10)
    with write_turn(engine) as ours:
        assert ours
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM t")).scalar() == 1
    engine.dispose()


def test_other_databases_have_no_write_turn(postgres_url: str) -> None:
    engine = make_engine(postgres_url, pool_size=1)
    with write_turn(engine) as ours:
        assert not ours
    engine.dispose()
