"""Real app processes for production-shape tests: uvicorn subprocesses on free ports."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

from tests.conftest import REDIS_URL, TEST_SECRET, redis_problem

ROOT = Path(__file__).resolve().parents[2]

__all__ = ["REDIS_URL", "AppProcess", "free_port", "redis_problem", "strong_csv"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class AppProcess:
    """`uvicorn api.app:create_app --factory` in a child process with the given settings."""

    def __init__(self, database_url: str, **env: str) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {
            **os.environ,
            "BACKCHAIN_DATABASE_URL": database_url,
            "BACKCHAIN_JWT_SECRET": TEST_SECRET,
            "BACKCHAIN_PASSWORD_TIME_COST": "1",
            "BACKCHAIN_PASSWORD_MEMORY_KIB": "1024",
            "BACKCHAIN_LOG_FORMAT": "text",
            **env,
        }
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> AppProcess:
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "uvicorn",
                "api.app:create_app",
                "--factory",
                "--host",
                "127.0.0.1",
                "--port",
                str(self.port),
                "--log-level",
                "warning",
                "--timeout-graceful-shutdown",
                "20",
            ],
            cwd=ROOT,
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{self.url}/healthz", timeout=1).status_code == 200:
                    return self
            except httpx.HTTPError:
                time.sleep(0.1)
        self.kill()
        raise RuntimeError("app process did not start")

    def signal(self, signum: int) -> None:
        assert self.process is not None
        self.process.send_signal(signum)

    def wait(self, timeout: float = 30) -> int:
        assert self.process is not None
        return self.process.wait(timeout=timeout)

    def kill(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=10)

    def __enter__(self) -> AppProcess:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.kill()


def strong_csv(workouts: int, sets_per_workout: int = 10) -> bytes:
    """A Strong export with `workouts` × `sets_per_workout` rows (distinct days)."""
    from datetime import date, timedelta

    lines = [
        "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,"
        "Notes,Workout Notes,RPE"
    ]
    start = date(2015, 1, 1)
    lifts = [
        "Deadlift (Barbell)",
        "Squat (Barbell)",
        "Bench Press (Barbell)",
        "Hip Thrust (Barbell)",
        "Pull Up",
    ]
    for w in range(workouts):
        day = (start + timedelta(days=w)).isoformat()
        for s in range(sets_per_workout):
            lift = lifts[s % len(lifts)]
            lines.append(f"{day} 18:00:00,Session {w},1h,{lift},{s + 1},{60 + s},5,0,0,,,")
    return ("\n".join(lines) + "\n").encode()
