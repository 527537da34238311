"""Fresh, migrated databases for one benchmark run: a SQLite file and a PostgreSQL schema."""

from __future__ import annotations

import os
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg
from sqlalchemy.engine import make_url

from db import migrations

DEFAULT_PG_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
PG_URL = os.environ.get("BACKCHAIN_BENCH_POSTGRES_URL", DEFAULT_PG_URL)


def _conninfo(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def postgres_problem() -> str | None:
    """Why PostgreSQL cannot be used, or None when it answers."""
    try:
        with psycopg.connect(_conninfo(PG_URL), connect_timeout=3):
            return None
    except psycopg.Error as exc:
        return str(exc).strip().splitlines()[0] if str(exc).strip() else repr(exc)


@contextmanager
def sqlite_database(workdir: Path) -> Iterator[str]:
    """A migrated SQLite file in `workdir` (removed with it)."""
    path = Path(tempfile.mkdtemp(prefix="sqlite-", dir=workdir)) / "bench.db"
    url = f"sqlite:///{path}"
    migrations.upgrade(url)
    yield url


@contextmanager
def postgres_database() -> Iterator[str]:
    """A migrated schema of its own (as tests/conftest.py does), dropped afterwards."""
    schema = f"bench_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(_conninfo(PG_URL), autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    try:
        url = (
            make_url(PG_URL)
            .update_query_dict({"options": f"-csearch_path={schema}"})
            .render_as_string(hide_password=False)
        )
        migrations.upgrade(url)
        yield url
    finally:
        with psycopg.connect(_conninfo(PG_URL), autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')
