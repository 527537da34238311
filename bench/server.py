"""Start an ASGI app under uvicorn as a subprocess, with identical settings for every app."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from types import TracebackType

import httpx

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
READY_TIMEOUT_S = 30.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        port: int = sock.getsockname()[1]
        return port


def uvicorn_command(factory: str, port: int, workers: int = 1) -> list[str]:
    """The one uvicorn command line used for the real app and the bare one."""
    return [
        sys.executable,
        "-m",
        "uvicorn",
        factory,
        "--factory",
        "--host",
        HOST,
        "--port",
        str(port),
        "--workers",
        str(workers),
        "--log-level",
        "warning",
    ]


class Server:
    """One uvicorn process (`--workers 1` runs the app in that very process, so its pid is the
    one to profile and to read CPU time from; with more, the workers are its children)."""

    def __init__(
        self,
        factory: str,
        *,
        env: dict[str, str],
        log_path: Path,
        ready_path: str,
        workers: int = 1,
    ):
        self.factory = factory
        self.workers = workers
        self.env = env
        self.log_path = log_path
        self.ready_path = ready_path
        self.port = free_port()
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def pid(self) -> int:
        assert self.process is not None
        return self.process.pid

    @property
    def base_url(self) -> str:
        return f"http://{HOST}:{self.port}"

    def __enter__(self) -> Server:
        with self.log_path.open("wb") as log:
            self.process = subprocess.Popen(
                uvicorn_command(self.factory, self.port, self.workers),
                cwd=ROOT,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        self._wait_ready()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self.process is None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def worker_pids(self) -> list[int]:
        """The processes that serve requests: this one, or its uvicorn worker children."""
        if self.workers == 1:
            return [self.pid]
        return [pid for pid in children(self.pid) if _is_worker(pid)]

    def _wait_ready(self) -> None:
        assert self.process is not None
        deadline = time.monotonic() + READY_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.factory} exited:\n{self.log_path.read_text()[-3000:]}")
            try:
                ready = httpx.get(self.base_url + self.ready_path, timeout=2).status_code == 200
            except httpx.TransportError:
                ready = False
            if ready and len(self.worker_pids()) >= self.workers:
                return
            time.sleep(0.1)
        raise RuntimeError(f"{self.factory} not ready after {READY_TIMEOUT_S:.0f} s")


def children(pid: int) -> list[int]:
    """Direct children of a process (from /proc)."""
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        try:
            found += [int(child) for child in task.read_text().split()]
        except (FileNotFoundError, ProcessLookupError):
            continue
    return found


def _is_worker(pid: int) -> bool:
    """A uvicorn worker (a multiprocessing spawn child), not the resource tracker."""
    try:
        command = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except (FileNotFoundError, ProcessLookupError):
        return False
    return b"resource_tracker" not in b" ".join(command)


def app_settings(database_url: str, data_dir: Path) -> dict[str, str]:
    """The benchmark's settings, by `Settings` field name."""
    return {
        "database_url": database_url,
        "data_dir": str(data_dir),
        "jwt_secret": "bench-secret-" + "x" * 40,
        "access_token_minutes": "120",
        # Cheap Argon2: sign-in cost is not what is measured here.
        "password_time_cost": "1",
        "password_memory_kib": "1024",
        "login_attempts_per_minute": "100000",
        "registrations_per_ip_per_hour": "100000",
    }


def app_env(settings: dict[str, str]) -> dict[str, str]:
    """A server's environment: this one without BACKCHAIN_*, plus `settings` as BACKCHAIN_*."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("BACKCHAIN_")}
    env.update({f"BACKCHAIN_{name.upper()}": value for name, value in settings.items()})
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env
