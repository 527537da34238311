"""The database goes away and comes back: 503 problem+json while it is down, recovery after.

The app talks to PostgreSQL through a TCP proxy that the test stops and restarts, so the
outage is real (connections refused, pooled connections cut) without touching the server.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
import uuid
from collections.abc import Iterator
from typing import Any

import httpx
import psycopg
import pytest
from fastapi import FastAPI
from sqlalchemy.engine import make_url

from api.app import create_app
from api.services import sync as sync_service
from db import engine as db_engine
from db.engine import make_engine
from tests.conftest import LiveServer, make_settings
from tests.factories import make_user, token_for


class TcpProxy:
    """Forwards a loopback port to PostgreSQL; `stop()` refuses and cuts every connection."""

    def __init__(self, target_port: int) -> None:
        self.target_port = target_port
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self._sockets: list[socket.socket] = []
        self._listener: socket.socket | None = None

    def start(self) -> None:
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(50)
        self._listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            upstream = socket.create_connection(("127.0.0.1", self.target_port))
            self._sockets += [client, upstream]
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def _pipe(src: socket.socket, dst: socket.socket) -> None:
        try:
            while data := src.recv(65536):
                dst.sendall(data)
        except OSError:
            pass
        finally:
            for s in (src, dst):
                with contextlib.suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)

    def stop(self) -> None:
        if self._listener is not None:
            # shutdown() wakes the thread blocked in accept(); close() alone would not.
            with contextlib.suppress(OSError):
                self._listener.shutdown(socket.SHUT_RDWR)
            self._listener.close()
            self._listener = None
        for s in self._sockets:
            try:
                s.shutdown(socket.SHUT_RDWR)
                s.close()
            except OSError:
                pass
        self._sockets.clear()


@pytest.fixture
def proxied_url(database_url: str) -> Iterator[tuple[str, TcpProxy]]:
    url = make_url(database_url)
    if url.get_backend_name() != "postgresql":
        pytest.skip("the outage is simulated for PostgreSQL (SQLite is a local file)")
    proxy = TcpProxy(url.port or 5432)
    proxy.start()
    yield url.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False), proxy
    proxy.stop()


def test_outage_answers_503_and_the_app_recovers(
    proxied_url: tuple[str, TcpProxy], session, settings
) -> None:
    url, proxy = proxied_url
    user = make_user(session, email="outage@example.com")
    headers = {"Authorization": f"Bearer {token_for(user, settings)}"}
    app = create_app(make_settings(url), engine=make_engine(url, pool_size=2))
    with LiveServer(app) as server, httpx.Client(base_url=server.url, timeout=20) as client:
        assert client.get("/readyz").status_code == 200
        assert client.get("/v1/users/me/workouts", headers=headers).status_code == 200

        pain = {"recorded_at": "2026-01-05T08:00:00+01:00", "region": "neck", "score": 2}
        proxy.stop()
        started = time.monotonic()
        ready = client.get("/readyz")
        down = client.get("/v1/users/me/workouts", headers=headers)
        # A write's authorisation (the caller's account read afresh, awaited) fails alike.
        write = client.post("/v1/users/me/pain-scores", json=pain, headers=headers)
        assert time.monotonic() - started < 15  # no hang beyond the timeouts
        assert ready.status_code == 503
        for answer in (down, write):
            assert answer.status_code == 503, answer.text
            assert answer.headers["content-type"] == "application/problem+json"
            assert answer.json()["code"] == "database_unavailable"
            assert "retry-after" in answer.headers

        proxy.start()
        assert client.get("/readyz").status_code == 200
        assert client.get("/v1/users/me/workouts", headers=headers).status_code == 200
        again = client.post("/v1/users/me/pain-scores", json=pain, headers=headers)
        assert again.status_code == 201, again.text


def test_batch_cut_by_an_outage_reports_what_was_committed(
    proxied_url: tuple[str, TcpProxy], session, settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The database goes away after a batch's first operation committed: the batch answers
    that operation's 201, 503 for the one the outage hit and 424 `not_attempted` for the
    rest, so the client resends only those; after the outage they apply."""
    url, proxy = proxied_url
    user = make_user(session, email="batch-outage@example.com")
    headers = {"Authorization": f"Bearer {token_for(user, settings)}"}
    original = sync_service._apply
    calls: list[int] = []

    def cut_after_first(*args: Any) -> Any:
        result = original(*args)
        calls.append(1)
        if len(calls) == 1:
            proxy.stop()
        return result

    monkeypatch.setattr(sync_service, "_apply", cut_after_first)
    app = create_app(make_settings(url), engine=make_engine(url, pool_size=2))
    ids = [uuid.uuid4() for _ in range(3)]
    ops = [
        {
            "method": "PUT",
            "path": f"bodyweights/{record_id}",
            "body": {"measured_at": f"2026-01-0{day}T08:00:00Z", "weight_kg": 80},
        }
        for day, record_id in enumerate(ids, start=5)
    ]
    with LiveServer(app) as server, httpx.Client(base_url=server.url, timeout=20) as client:
        assert client.get("/v1/users/me/bodyweights", headers=headers).status_code == 200
        response = client.post("/v1/users/me/batch", json={"operations": ops}, headers=headers)
        assert response.status_code == 200, response.text
        results = response.json()["results"]
        assert [r["status"] for r in results] == [201, 503, 424]
        assert results[1]["body"]["code"] == "database_unavailable"
        assert results[2]["body"]["code"] == "not_attempted"

        proxy.start()
        deadline = time.monotonic() + 20
        while (
            listed := client.get("/v1/users/me/bodyweights", headers=headers)
        ).status_code != 200:
            assert time.monotonic() < deadline
            time.sleep(0.5)
        assert [b["id"] for b in listed.json()["items"]] == [str(ids[0])]
        resent = [op for op, r in zip(ops, results, strict=True) if r["status"] in (503, 424)]
        # The write's awaited authorisation may meet a cut connection of its own first (a
        # whole-request 503 before any operation ran): resend until the batch itself answers.
        again = client.post("/v1/users/me/batch", json={"operations": resent}, headers=headers)
        while again.status_code == 503 and time.monotonic() < deadline:
            time.sleep(0.5)
            again = client.post("/v1/users/me/batch", json={"operations": resent}, headers=headers)
        assert [r["status"] for r in again.json()["results"]] == [201, 201], again.text


def _terminate_backends(database_url: str, application_name: str) -> int:
    """Close, from the server side, every connection the app opened (by application name)."""
    conninfo = make_url(database_url).set(drivername="postgresql").render_as_string(False)
    with psycopg.connect(conninfo, autocommit=True) as admin:
        rows = admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = %s",
            (application_name,),
        ).fetchall()
    return len(rows)


def _app_named(
    database_url: str, session, settings, monkeypatch: pytest.MonkeyPatch, email: str
) -> tuple[FastAPI, dict[str, str], str]:
    """An app whose connections carry an application name of their own (for
    `_terminate_backends`), a user's headers, and a ping window of 0.2 s."""
    url = make_url(database_url)
    if url.get_backend_name() != "postgresql":
        pytest.skip("server-side disconnects are a PostgreSQL matter")
    name = f"backchain-test-{uuid.uuid4().hex[:8]}"
    app_url = url.update_query_dict({"application_name": name}).render_as_string(False)
    user = make_user(session, email=email)
    headers = {"Authorization": f"Bearer {token_for(user, settings)}"}
    monkeypatch.setattr(db_engine, "PING_AFTER_IDLE_S", 0.2)
    app = create_app(make_settings(app_url), engine=make_engine(app_url, pool_size=2))
    return app, headers, name


def test_connections_closed_by_the_server_are_replaced(
    database_url: str, session, settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """pg_terminate_backend on the pool's connections: one idle past the ping window is
    pinged and replaced unseen; one returned within it fails its statement, which answers 503
    problem+json (not 500) and invalidates the pool, so the next request succeeds."""
    app, headers, name = _app_named(
        database_url, session, settings, monkeypatch, "terminated@example.com"
    )
    with LiveServer(app) as server, httpx.Client(base_url=server.url, timeout=20) as client:
        assert client.get("/v1/users/me/workouts", headers=headers).status_code == 200
        assert _terminate_backends(database_url, name) >= 1
        time.sleep(0.3)  # past the window: the checkout pings, finds it dead, reconnects
        assert client.get("/v1/users/me/workouts", headers=headers).status_code == 200

        assert _terminate_backends(database_url, name) >= 1
        down = client.get("/v1/users/me/workouts", headers=headers)  # within the window
        assert down.status_code == 503, down.text
        assert down.headers["content-type"] == "application/problem+json"
        assert down.json()["code"] == "database_unavailable"
        assert client.get("/v1/users/me/workouts", headers=headers).status_code == 200


def test_a_cached_answer_answers_503_through_an_outage_and_recovers(
    proxied_url: tuple[str, TcpProxy], session, settings
) -> None:
    """A cached balance still reads its owner's cursors: cut, that read answers 503
    problem+json, not 500 and not a hang; back, the pool reconnects."""
    url, proxy = proxied_url
    user = make_user(session, email="awaited@example.com")
    headers = {"Authorization": f"Bearer {token_for(user, settings)}"}
    app = create_app(make_settings(url), engine=make_engine(url, pool_size=2))
    with LiveServer(app) as server, httpx.Client(base_url=server.url, timeout=20) as client:
        for _ in range(2):  # computed, then served from the cache
            assert client.get("/v1/users/me/balance", headers=headers).status_code == 200

        proxy.stop()
        started = time.monotonic()
        down = client.get("/v1/users/me/balance", headers=headers)
        assert time.monotonic() - started < 15
        assert down.status_code == 503, down.text
        assert down.headers["content-type"] == "application/problem+json"
        assert down.json()["code"] == "database_unavailable"

        proxy.start()
        deadline = time.monotonic() + 20
        while (status := client.get("/v1/users/me/balance", headers=headers).status_code) != 200:
            assert status == 503, status
            assert time.monotonic() < deadline
            time.sleep(0.5)


def test_a_cached_answer_survives_a_connection_the_server_closed_while_idle(
    database_url: str, session, settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A connection idle past the ping window is pinged when handed out: one the server
    closed meanwhile is replaced unseen (the cached balance answers)."""
    app, headers, name = _app_named(
        database_url, session, settings, monkeypatch, "idle-awaited@example.com"
    )
    with LiveServer(app) as server, httpx.Client(base_url=server.url, timeout=20) as client:
        for _ in range(2):  # computed, then served from the cache
            assert client.get("/v1/users/me/balance", headers=headers).status_code == 200
        assert _terminate_backends(database_url, name) >= 1
        time.sleep(0.3)  # past the window: handed out, pinged, found dead, replaced
        assert client.get("/v1/users/me/balance", headers=headers).status_code == 200
