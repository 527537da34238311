"""Engine settings that protect the service: PostgreSQL's statement timeout."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from db.engine import make_engine


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
