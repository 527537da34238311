"""Fixtures for the generated Python client's tests: the client on sys.path and a live server.

The server is the real app under uvicorn on a free port (real HTTP), on a fresh SQLite database
migrated first, with cheap password hashing; it is stopped when the session ends.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from support import ROOT  # also puts the generated package on sys.path for every test module

STARTUP_SECONDS = 30.0


def _python() -> str:
    venv_python = ROOT / ".venv" / "bin" / "python"
    return str(venv_python) if venv_python.exists() else sys.executable


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _server_env(database_url: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("BACKCHAIN_")}
    env.update(
        BACKCHAIN_DATABASE_URL=database_url,
        BACKCHAIN_JWT_SECRET="clients-test-secret-" + "s" * 40,
        BACKCHAIN_PASSWORD_TIME_COST="1",
        BACKCHAIN_PASSWORD_MEMORY_KIB="1024",
        BACKCHAIN_DATA_DIR=str(Path(database_url.removeprefix("sqlite:///")).parent),
    )
    return env


def _wait_healthy(process: subprocess.Popen[bytes], base_url: str, log: Path) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"uvicorn exited with {process.returncode}:\n{log.read_text()}")
        try:
            if httpx.get(f"{base_url}/healthz", timeout=1.0).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    raise RuntimeError(
        f"no 200 from {base_url}/healthz within {STARTUP_SECONDS}s:\n{log.read_text()}"
    )


@pytest.fixture(scope="session")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """URL of a live Backchain server started for this test session."""
    tmp = tmp_path_factory.mktemp("server")
    database_url = f"sqlite:///{tmp / 'c.db'}"
    env = _server_env(database_url)
    subprocess.run(
        [_python(), "-c", f"from db.migrations import upgrade; upgrade({database_url!r})"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
    )
    log = tmp / "uvicorn.log"
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    with log.open("wb") as sink:
        process = subprocess.Popen(
            [
                *(_python(), "-m", "uvicorn", "api.app:create_app", "--factory"),
                *("--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"),
            ],
            cwd=ROOT,
            env=env,
            stdout=sink,
            stderr=subprocess.STDOUT,
        )
    try:
        _wait_healthy(process, url, log)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
