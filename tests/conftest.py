"""Fixtures: every database test runs on SQLite and on PostgreSQL (own schema per run)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import psycopg
import pytest
import redis
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Engine, text
from sqlalchemy.engine import make_url
from sqlmodel import Session

from api.app import create_app
from api.security import AccountFacts
from api.settings import Settings
from db import migrations
from db.base import metadata
from db.engine import make_engine
from db.models import User
from tests.factories import make_user, token_for

DEFAULT_PG_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
PG_URL = os.environ.get("BACKCHAIN_TEST_POSTGRES_URL", DEFAULT_PG_URL)
REQUIRE_PG = os.environ.get("BACKCHAIN_REQUIRE_POSTGRES") == "1"
TEST_SECRET = "test-secret-" + "x" * 40
KEEP_ROWS = {"exercise": "is_system = false", "exercise_alias": None}


def _pg_conninfo(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def _pg_reachable() -> str | None:
    try:
        with psycopg.connect(_pg_conninfo(PG_URL), connect_timeout=3):
            return None
    except psycopg.Error as exc:
        return str(exc).strip().splitlines()[0] if str(exc).strip() else repr(exc)


@pytest.fixture(scope="session")
def sqlite_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    path: Path = tmp_path_factory.mktemp("sqlite") / "backchain.db"
    url = f"sqlite:///{path}"
    migrations.upgrade(url)
    return url


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    problem = _pg_reachable()
    if problem is not None:
        message = f"PostgreSQL unreachable at {PG_URL}: {problem}"
        if REQUIRE_PG:
            pytest.fail(message)
        pytest.skip(message)
    # A schema of its own per run (and per xdist worker): runs never collide.
    schema = f"bc_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(_pg_conninfo(PG_URL), autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    url = (
        make_url(PG_URL)
        .update_query_dict({"options": f"-csearch_path={schema}"})
        .render_as_string(hide_password=False)
    )
    migrations.upgrade(url)
    yield url
    with psycopg.connect(_pg_conninfo(PG_URL), autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest) -> str:
    fixture = "sqlite_url" if request.param == "sqlite" else "postgres_url"
    url: str = request.getfixturevalue(fixture)
    return url


@pytest.fixture(scope="session")
def engine(database_url: str) -> Iterator[Engine]:
    engine = make_engine(database_url, pool_size=5)
    yield engine
    engine.dispose()


def _clean(engine: Engine) -> None:
    with engine.begin() as conn:
        for table in reversed(metadata.sorted_tables):
            if table.name == "exercise_alias":
                conn.execute(
                    text(
                        "DELETE FROM exercise_alias WHERE exercise_id IN "
                        "(SELECT id FROM exercise WHERE is_system = false)"
                    )
                )
            elif table.name == "exercise":
                conn.execute(text("DELETE FROM exercise WHERE is_system = false"))
            else:
                conn.execute(table.delete())


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    """A session for arranging and checking rows; every row is removed after the test."""
    with Session(engine, expire_on_commit=False) as session:
        yield session
    _clean(engine)


def make_settings(database_url: str, **overrides: object) -> Settings:
    values: dict[str, object] = {
        "database_url": database_url,
        "jwt_secret": TEST_SECRET,
        # Cheap Argon2 parameters keep the suite fast; production defaults are in Settings.
        "password_time_cost": 1,
        "password_memory_kib": 1024,
        "redis_url": None,
        "gc_freeze": False,
    }
    values.update(overrides)
    return Settings(**values)  # type: ignore[arg-type]


@pytest.fixture
def settings(database_url: str) -> Settings:
    return make_settings(database_url)


@pytest.fixture
def app(settings: Settings, engine: Engine, session: Session) -> FastAPI:
    return create_app(settings, engine=engine)


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app, raise_server_exceptions=False) as client:
        yield client


@pytest.fixture
def user(session: Session) -> User:
    return make_user(session, email="athlete@example.com")


@pytest.fixture
def auth_headers(user: User, settings: Settings) -> dict[str, str]:
    return {"Authorization": f"Bearer {token_for(user, settings)}"}


@pytest.fixture
def other_user(session: Session) -> User:
    return make_user(session, email="someone.else@example.com")


@pytest.fixture
def other_headers(other_user: User, settings: Settings) -> dict[str, str]:
    return {"Authorization": f"Bearer {token_for(other_user, settings)}"}


class LiveServer:
    """The app served by a real uvicorn on a free loopback port, in a background thread."""

    def __init__(self, app: FastAPI) -> None:
        import socket
        import threading

        import uvicorn

        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> LiveServer:
        import time

        self.thread.start()
        deadline = time.monotonic() + 10
        while not self.server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("live server did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture
def live_server(app: FastAPI) -> Iterator[LiveServer]:
    with LiveServer(app) as server:
        yield server


class QueryCounter:
    """Counts SQL statements sent through an engine while active, and keeps their text (one
    line each)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.count = 0
        self.statements: list[str] = []

    def _count(self, _conn: object, _cursor: object, statement: str, *_args: object) -> None:
        self.count += 1
        self.statements.append(" ".join(statement.split()))

    def __enter__(self) -> QueryCounter:
        from sqlalchemy import event

        event.listen(self.engine, "before_cursor_execute", self._count)
        return self

    def __exit__(self, *exc: object) -> None:
        from sqlalchemy import event

        event.remove(self.engine, "before_cursor_execute", self._count)


@pytest.fixture
def count_queries(engine: Engine) -> type[QueryCounter]:
    """`with count_queries(engine) as counter: ...; counter.count`."""
    return QueryCounter


@pytest.fixture
def thread_hops(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the callables run in worker threads (`anyio.to_thread.run_sync`) from
    here on, in order."""
    import anyio.to_thread

    hops: list[str] = []
    original = anyio.to_thread.run_sync

    async def counting(func, *args, **kwargs):  # type: ignore[no-untyped-def]
        hops.append(getattr(func, "__name__", repr(func)))
        return await original(func, *args, **kwargs)

    monkeypatch.setattr(anyio.to_thread, "run_sync", counting)
    return hops


@pytest.fixture
def accounts_remembered(app: FastAPI) -> None:
    """The app trusts the account facts it read for an hour instead of a second, so that a
    count of statements does not depend on how long the test took (`AccountFacts`)."""
    app.state.caches = replace(app.state.caches, accounts=AccountFacts(3600.0))


REDIS_URL = os.environ.get("BACKCHAIN_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


def redis_problem() -> str | None:
    """Why the test Redis cannot be used, or None when it answers."""
    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping()
    except redis.RedisError as exc:
        return str(exc)
    return None


@pytest.fixture
def redis_url() -> str:
    """The test Redis; skipped when unreachable, a failure where PostgreSQL is required (CI)."""
    problem = redis_problem()
    if problem is not None:
        (pytest.fail if REQUIRE_PG else pytest.skip)(f"Redis unreachable: {problem}")
    return REDIS_URL
