"""A lean closed-loop HTTP/1.1 load generator (asyncio + uvloop, keep-alive connections).

The client shares this machine's cores with the server, so it must cost much less per request
than the cheapest endpoint measured: a general client (httpx) spends more CPU per request than the
bare FastAPI endpoint does and would cap the baseline, flattering every ratio. This one writes
prepared request bytes and reads the status line, `content-length` (or a chunked body: streamed
exports) and body, nothing else; its cost is the same for every endpoint apart from the bytes read.

`run_load` sends one kind of request; `run_mix` a weighted mix (each request names its kind and
expected status) and reports every kind apart as well as the whole.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import statistics
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import uvloop

MakeRequest = Callable[[int], bytes]
MAX_PHASE_S = 600.0  # every load phase is bounded in time
# Request n of a mix: (kind, raw bytes, expected status).
MakeMixed = Callable[[int], tuple[str, bytes, int]]


def request_bytes(
    method: str,
    path: str,
    *,
    host: str,
    port: int,
    headers: dict[str, str] | None = None,
    body: bytes | None = None,
) -> bytes:
    """One raw HTTP/1.1 keep-alive request."""
    lines = [f"{method} {path} HTTP/1.1", f"Host: {host}:{port}"]
    lines += [f"{name}: {value}" for name, value in (headers or {}).items()]
    if body is not None:
        lines += ["Content-Type: application/json", f"Content-Length: {len(body)}"]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + (body or b"")


def json_body(value: Any) -> bytes:
    return json.dumps(value, separators=(",", ":")).encode()


@dataclass(frozen=True, slots=True)
class Stats:
    """What one measured phase saw: counts, wall time, latency percentiles and CPU per request."""

    requests: int
    errors: int
    seconds: float
    median_ms: float
    p99_ms: float
    p999_ms: float
    max_ms: float
    cpu_s: dict[str, float]  # CPU seconds spent during the measured phase, by `snapshot` key
    client_cpu_us: float  # this process's CPU per request
    first_error: str | None

    def cpu_us(self, key: str) -> float | None:
        """CPU µs per request of one `snapshot` key (e.g. the server process)."""
        return self.cpu_s[key] / self.requests * 1e6 if key in self.cpu_s else None

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    @property
    def max_over_median(self) -> float:
        return self.max_ms / self.median_ms if self.median_ms else float("inf")


# Which worker process accepted the connection from this client port (None: not yet known).
Placement = Callable[[int], int | None]
MAX_REOPEN = 40


class _Run:
    def __init__(self, make: MakeMixed, place: Placement | None, quota: int) -> None:
        self.make = make
        self.place = place
        self.quota = quota  # connections per worker when `place` is given
        self.held: Counter[int] = Counter()
        self.counter: Iterator[int] = itertools.count()
        self.measuring = False
        self.stop = False
        self.latencies_ns: dict[str, list[int]] = defaultdict(list)
        self.errors: Counter[str] = Counter()
        self.first_error: str | None = None


async def _read_body(reader: asyncio.StreamReader, head: bytes) -> bytes:
    """The body after `head`: by content-length, or chunk by chunk (trailers are not sent)."""
    lowered = head.lower()
    at = lowered.find(b"\r\ncontent-length:")
    if at >= 0:
        end = lowered.find(b"\r\n", at + 2)
        length = int(lowered[at + 17 : end])
        return await reader.readexactly(length) if length else b""
    if b"\r\ntransfer-encoding: chunked" not in lowered:
        raise RuntimeError(f"response without content-length: {head!r}")
    parts: list[bytes] = []
    while True:
        size = int((await reader.readuntil(b"\r\n")).split(b";", 1)[0], 16)
        if not size:
            await reader.readuntil(b"\r\n")
            return b"".join(parts)
        parts.append((await reader.readexactly(size + 2))[:-2])


async def _open(
    host: str, port: int, run: _Run
) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
    """A connection; with `run.place`, reopened (a bounded number of times) until it lands on
    a worker that holds fewer than its share."""
    for attempt in range(MAX_REOPEN):
        reader, writer = await asyncio.open_connection(host, port, limit=1 << 20)
        if run.place is None:
            return reader, writer
        local_port = writer.get_extra_info("sockname")[1]
        worker = None
        for _ in range(100):  # the worker accepts it within a second, or it is not placed
            worker = run.place(local_port)
            if worker is not None:
                break
            await asyncio.sleep(0.01)
        if (worker is not None and run.held[worker] < run.quota) or attempt == MAX_REOPEN - 1:
            run.held[worker if worker is not None else -1] += 1
            return reader, writer
        writer.close()
        await asyncio.sleep(0.01)
    raise AssertionError("unreachable")


async def _connection(host: str, port: int, run: _Run) -> None:
    reader, writer = await _open(host, port, run)
    latencies = run.latencies_ns
    clock = time.perf_counter_ns
    try:
        while not run.stop:
            kind, request, expect = run.make(next(run.counter))
            started = clock()
            writer.write(request)
            head = await reader.readuntil(b"\r\n\r\n")
            status = int(head[9:12])
            body = await _read_body(reader, head)
            elapsed = clock() - started
            if run.measuring:
                latencies[kind].append(elapsed)
                if status != expect:
                    run.errors[kind] += 1
                    if run.first_error is None:
                        text = body[:300].decode(errors="replace")
                        run.first_error = f"{kind or 'request'}: {status}: {text}"
    finally:
        writer.close()


def _percentile(ordered: list[int], fraction: float) -> float:
    index = min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))
    return ordered[index] / 1e6


def _stats(
    latencies_ns: list[int],
    errors: int,
    seconds: float,
    *,
    cpu_s: dict[str, float],
    client_cpu_s: float,
    first_error: str | None,
) -> Stats:
    ordered = sorted(latencies_ns)
    count = len(ordered)
    if not count:
        raise RuntimeError("no request completed during the measured phase")
    return Stats(
        requests=count,
        errors=errors,
        seconds=seconds,
        median_ms=statistics.median(ordered) / 1e6,
        p99_ms=_percentile(ordered, 0.99),
        p999_ms=_percentile(ordered, 0.999),
        max_ms=ordered[-1] / 1e6,
        cpu_s=cpu_s,
        client_cpu_us=client_cpu_s / count * 1e6,
        first_error=first_error,
    )


async def _drive(
    host: str,
    port: int,
    run: _Run,
    *,
    concurrency: int,
    warmup_s: float,
    duration_s: float,
    snapshot: Callable[[], dict[str, float]] | None,
    connect_interval_s: float = 0.0,
) -> tuple[Stats, dict[str, Stats]]:
    tasks: list[asyncio.Task[None]] = []
    try:
        for _ in range(concurrency):
            tasks.append(asyncio.create_task(_connection(host, port, run)))
            if connect_interval_s:
                await asyncio.sleep(connect_interval_s)
        await asyncio.sleep(warmup_s)
        cpu0 = snapshot() if snapshot else {}
        client0 = time.process_time()
        run.measuring = True
        started = time.perf_counter()
        await asyncio.sleep(duration_s)
        run.measuring = False
        seconds = time.perf_counter() - started
        cpu1 = snapshot() if snapshot else {}
        client1 = time.process_time()
        run.stop = True
        done, _ = await asyncio.wait(tasks, timeout=30)
        for task in done:
            task.result()  # a dropped connection is a failed run, not a quiet zero
    finally:
        for task in tasks:
            task.cancel()
    every = [ns for kind in run.latencies_ns.values() for ns in kind]
    total = _stats(
        every,
        sum(run.errors.values()),
        seconds,
        cpu_s={key: cpu1[key] - cpu0[key] for key in cpu0},
        client_cpu_s=client1 - client0,
        first_error=run.first_error,
    )
    by_kind = {
        kind: _stats(
            latencies,
            run.errors[kind],
            seconds,
            cpu_s={},
            client_cpu_s=0.0,
            first_error=None,
        )
        for kind, latencies in run.latencies_ns.items()
    }
    return total, by_kind


def run_load(
    host: str,
    port: int,
    make: MakeRequest,
    *,
    expect: int,
    concurrency: int,
    warmup_s: float,
    duration_s: float,
    snapshot: Callable[[], dict[str, float]] | None = None,
) -> Stats:
    """Keep `concurrency` requests in flight; count only those finishing after the warm-up."""
    total, _ = run_mix(
        host,
        port,
        lambda n: ("", make(n), expect),
        concurrency=concurrency,
        warmup_s=warmup_s,
        duration_s=duration_s,
        snapshot=snapshot,
    )
    return total


def run_mix(
    host: str,
    port: int,
    make: MakeMixed,
    *,
    concurrency: int,
    warmup_s: float,
    duration_s: float,
    snapshot: Callable[[], dict[str, float]] | None = None,
    connect_interval_s: float = 0.0,
    place: Placement | None = None,
    workers: int = 1,
) -> tuple[Stats, dict[str, Stats]]:
    """`run_load` for a mix: the whole, and each kind apart (same wall time; no CPU split).

    `connect_interval_s` opens the connections one by one: with several uvicorn workers on one
    listening socket, a burst of connections is often accepted by a single worker (asyncio
    accepts everything pending at once), which would leave the other one idle; `place` (which
    worker holds a connection, by the client's port) spreads them evenly over `workers`."""
    if duration_s > MAX_PHASE_S or warmup_s > MAX_PHASE_S:
        raise ValueError(f"a load phase is at most {MAX_PHASE_S:g} s")
    return uvloop.run(
        _drive(
            host,
            port,
            _Run(make, place, -(-concurrency // workers)),
            concurrency=concurrency,
            warmup_s=warmup_s,
            duration_s=duration_s,
            snapshot=snapshot,
            connect_interval_s=connect_interval_s,
        )
    )
