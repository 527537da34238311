"""What the figures were measured on, and who else used the CPU meanwhile (from /proc)."""

from __future__ import annotations

import os
import platform
import sqlite3
import subprocess
from collections.abc import Callable
from importlib import metadata
from pathlib import Path

_CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
PACKAGES = ("fastapi", "starlette", "uvicorn", "sqlalchemy", "sqlmodel", "pydantic", "psycopg")


def process_cpu_s(pid: int) -> float:
    """User + system CPU seconds of one process (all its threads)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / _CLOCK_TICKS


def thread_cpu_ns(pid: int) -> dict[int, int]:
    """CPU time of each live thread of a process, in ns (scheduler statistics: finer than the
    clock ticks of /proc/<pid>/stat)."""
    found: dict[int, int] = {}
    for task in Path(f"/proc/{pid}/task").glob("*/schedstat"):
        try:
            found[int(task.parent.name)] = int(task.read_text().split()[0])
        except (FileNotFoundError, ProcessLookupError):
            continue
    return found


def cpu_ns_since(pid: int, before: dict[int, int]) -> int:
    """CPU ns a process spent since `before` (a `thread_cpu_ns`): threads born meanwhile count
    from zero; a thread that ended meanwhile (an idle pool thread retiring) counts nothing."""
    now = thread_cpu_ns(pid)
    return sum(ns - before.get(tid, 0) for tid, ns in now.items())


def busy_cpu_s() -> float:
    """CPU seconds the whole machine spent busy (every core, idle and iowait excluded)."""
    values = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    user, nice, system, _idle, _iowait, irq, softirq, steal = values[:8]
    return (user + nice + system + irq + softirq + steal) / _CLOCK_TICKS


def _tcp_sockets() -> dict[str, tuple[int, int]]:
    """Socket inode → (local port, remote port) of every TCP socket on this machine."""
    found: dict[str, tuple[int, int]] = {}
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except FileNotFoundError:
            continue
        for line in lines:
            fields = line.split()
            local, remote, inode = fields[1], fields[2], fields[9]
            found[inode] = (int(local.rsplit(":", 1)[1], 16), int(remote.rsplit(":", 1)[1], 16))
    return found


def _socket_inodes(pid: int) -> list[str]:
    inodes = []
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.append(target[8:-1])
    return inodes


def connections(pids: list[int], port: int) -> list[int]:
    """How many accepted TCP connections on `port` each process holds."""
    sockets = _tcp_sockets()
    counts = []
    for pid in pids:
        ends = [sockets.get(inode) for inode in _socket_inodes(pid)]
        counts.append(sum(1 for end in ends if end and end[0] == port and end[1] != 0))
    return counts


def placement(pids: list[int], port: int) -> Callable[[int], int | None]:
    """For a load client: which of `pids` (by index) accepted the connection from a client
    port to `port` on this machine, or None while none has."""

    def place(client_port: int) -> int | None:
        sockets = _tcp_sockets()
        for index, pid in enumerate(pids):
            for inode in _socket_inodes(pid):
                if sockets.get(inode) == (port, client_port):
                    return index
        return None

    return place


def _backends_of(server_pids: list[int], port: int) -> dict[int, float]:
    """CPU seconds of the PostgreSQL backends serving these processes' connections (by pid)."""
    sockets = _tcp_sockets()
    client_ports = {
        sockets[inode][0]
        for server_pid in server_pids
        for inode in _socket_inodes(server_pid)
        if inode in sockets and sockets[inode][1] == port
    }
    found: dict[int, float] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if (entry / "comm").read_text().strip() != "postgres":
                continue
            pid = int(entry.name)
            for inode in _socket_inodes(pid):
                local, remote = sockets.get(inode, (0, 0))
                if local == port and remote in client_ports:
                    found[pid] = process_cpu_s(pid)
                    break
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue
    return found


def snapshot_for(
    server_pid: int | list[int], *, postgres_port: int | None
) -> Callable[[], dict[str, float]]:
    """A CPU snapshot function: the server (one process, or every worker of it), its PostgreSQL
    backends (when given a port; other sessions' backends are left out), and the whole machine.
    Values only grow: take deltas."""
    pids = server_pid if isinstance(server_pid, list) else [server_pid]
    seen: dict[int, float] = {}
    backends_total = 0.0

    def snapshot() -> dict[str, float]:
        nonlocal backends_total
        values = {"server": sum(process_cpu_s(pid) for pid in pids), "machine": busy_cpu_s()}
        if len(pids) > 1:
            values.update({f"worker {i + 1}": process_cpu_s(pid) for i, pid in enumerate(pids)})
        if postgres_port is not None:
            now = _backends_of(pids, postgres_port)
            # A backend born since the last look counts from zero; one gone keeps what it had.
            backends_total += sum(cpu - seen.get(pid, 0.0) for pid, cpu in now.items())
            seen.update(now)
            values["postgres"] = backends_total
        return values

    return snapshot


def memory_kib(pid: int) -> dict[str, int]:
    """VmRSS and VmHWM (peak RSS) of a process, in KiB."""
    found = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        name, _, value = line.partition(":")
        if name in ("VmRSS", "VmHWM"):
            found[name] = int(value.split()[0])
    return found


def reset_peak_rss(pid: int) -> bool:
    """Reset a process's VmHWM to its current RSS (Linux `clear_refs` 5); False if refused."""
    try:
        Path(f"/proc/{pid}/clear_refs").write_text("5")
    except OSError:
        return False
    return True


def summary(root: Path, postgres_version: str | None) -> str:
    """One line: cores, CPU, Python, databases and commit (for the sections' headers)."""
    rows = dict(describe(root, postgres_version))
    return (
        f"{rows['cores (`nproc`)']} cores ({rows['CPU']}), Python {rows['Python']}, "
        f"SQLite {rows['SQLite']}, PostgreSQL {rows['PostgreSQL']}, commit {rows['commit']}"
    )


def describe(root: Path, postgres_version: str | None) -> list[tuple[str, str]]:
    """Rows for the 'machine' table of RESULTS.md."""
    cpu_model = ""
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu_model = line.split(":", 1)[1].strip()
            break
    versions = ", ".join(f"{name} {_version(name)}" for name in PACKAGES)
    rows = [
        ("cores (`nproc`)", str(os.cpu_count())),
        ("CPU", cpu_model or platform.processor() or "unknown"),
        ("Python", platform.python_version()),
        ("packages", versions),
        ("SQLite", sqlite3.sqlite_version),
        ("PostgreSQL", postgres_version or "not measured"),
        ("commit", _commit(root)),
    ]
    return rows


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "absent"


def _commit(root: Path) -> str:
    exported = root / ".bench-commit"  # a `git archive` export has no .git: say which commit
    if exported.exists():
        return exported.read_text().strip()
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=root,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no", "--", "api", "db"],
            cwd=root,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return f"{head} (+ uncommitted changes in api/ or db/)" if dirty else head
