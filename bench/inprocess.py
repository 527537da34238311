"""The app in this process, no network: thread-pool hops per request, and a CPU profile.

Hops are counted by wrapping `anyio.to_thread.run_sync` (Starlette's `run_in_threadpool` and
FastAPI's sync dependencies, generator dependencies and endpoints all go through it). For the
profile, that function runs its callable inline, so pyinstrument (which samples one thread) sees
every frame of a request: what the app's own code costs, the hops left out (they are measured
apart, as bare `def` against bare `async def`).
"""

from __future__ import annotations

import asyncio
import functools
import sysconfig
import time
from collections import Counter
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import anyio.to_thread
import httpx
from fastapi import FastAPI
from sqlalchemy import event

from bench.scenarios import Scenario
from bench.server import ROOT

# Only frames under the app's entry count: the in-process client is not what is measured.
APP_ROOT = "FastAPI.__call__ (fastapi/applications.py"
JSON = {"Content-Type": "application/json"}
STDLIB = sysconfig.get_paths()["stdlib"]


@contextmanager
def _patched_run_sync(replacement: Callable[..., Awaitable[Any]]) -> Iterator[None]:
    original = anyio.to_thread.run_sync
    anyio.to_thread.run_sync = replacement  # type: ignore[assignment]
    try:
        yield
    finally:
        anyio.to_thread.run_sync = original


async def _send(client: httpx.AsyncClient, scenario: Scenario) -> None:
    body = scenario.body()
    headers = scenario.headers if body is None else {**scenario.headers, **JSON}
    response = await client.request(scenario.method, scenario.path, headers=headers, content=body)
    if response.status_code != scenario.expect:
        raise RuntimeError(f"{scenario.key}: {response.status_code} {response.text[:300]}")


def _client(app: FastAPI) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://bench")


def _describe(func: Callable[..., Any]) -> str:
    """What a hop runs: a dependency, a generator dependency's enter/exit, the endpoint."""
    while isinstance(func, functools.partial):
        if func.func.__name__ == "_run_sync_endpoint":
            return f"endpoint `{func.keywords['function'].__name__}`"
        func = func.func
    generator = getattr(getattr(func, "__self__", None), "gen", None)
    if generator is not None:
        return f"`{generator.__name__}` {func.__name__.strip('_')}"
    return f"`{getattr(func, '__qualname__', repr(func))}`"


@dataclass(frozen=True)
class Work:
    """What one request does besides computing: thread-pool hops and SQL statements."""

    hops: float
    hop_calls: list[str]
    statements: float
    statement_kinds: list[str]


def count_work(app: FastAPI, scenario: Scenario, *, requests: int = 5) -> Work:
    """Hops and SQL statements per request (after one warm-up request)."""
    calls: Counter[str] = Counter()
    statements: Counter[str] = Counter()
    original = anyio.to_thread.run_sync
    engine = getattr(app.state, "engine", None)  # the bare app has none

    async def counting(func: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        calls[_describe(func)] += 1
        return await original(func, *args, **kwargs)

    def on_execute(*args: Any) -> None:
        statement: str = args[2]
        words = statement.split()
        kind = words[0].upper() if words else "?"
        if kind in {"SELECT", "INSERT", "UPDATE", "DELETE"}:
            table = _table_of(words)
            kind = f"{kind} {table}" if table else kind
        statements[kind] += 1

    async def drive() -> None:
        async with _client(app) as client:
            await _send(client, scenario)  # warm caches before counting
            calls.clear()
            statements.clear()
            for _ in range(requests):
                await _send(client, scenario)

    if engine is not None:
        event.listen(engine, "before_cursor_execute", on_execute)
    try:
        with _patched_run_sync(counting):
            asyncio.run(drive())
    finally:
        if engine is not None:
            event.remove(engine, "before_cursor_execute", on_execute)
    return Work(
        hops=sum(calls.values()) / requests,
        hop_calls=[_times(name, count / requests) for name, count in calls.items()],
        statements=sum(statements.values()) / requests,
        statement_kinds=[_times(name, count / requests) for name, count in statements.items()],
    )


def _times(name: str, count: float) -> str:
    return name if count == 1 else f"{name} ×{count:g}"


def _table_of(words: list[str]) -> str | None:
    upper = [w.upper() for w in words]
    for keyword in ("FROM", "INTO", "UPDATE"):
        if keyword in upper:
            index = upper.index(keyword) + 1
            if index < len(words):
                return words[index].strip('"(')
    return None


@dataclass(frozen=True)
class InlineProfile:
    requests: int
    collapsed: list[str]  # py-spy style "f1;f2;...;leaf count_in_microseconds" lines


def _frame_name(info: str) -> str:
    identifier, _, attributes = info.partition("\x01")
    function, file_path, _line = [*identifier.split("\x00"), "", ""][:3]
    class_name = line = ""
    for attribute in attributes.split("\x01") if attributes else []:
        if attribute.startswith("c"):
            class_name = attribute[1:]
        elif attribute.startswith("l"):
            line = attribute[1:]
    short = file_path
    for marker in ("/site-packages/", f"{ROOT}/", f"{STDLIB}/"):
        if marker in short:
            short = short.split(marker, 1)[1]
            break
    qualified = f"{class_name}.{function}" if class_name else function
    return f"{qualified} ({short}:{line})"


def profile_inline(app: FastAPI, scenario: Scenario, *, seconds: float) -> InlineProfile:
    """pyinstrument over `seconds` of sequential requests, every hop run inline."""
    from pyinstrument import Profiler

    async def inline(func: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        kwargs.pop("limiter", None)
        kwargs.pop("abandon_on_cancel", None)
        kwargs.pop("cancellable", None)
        return func(*args, **kwargs)

    profiler = Profiler(interval=0.0002, async_mode="disabled")
    count = 0

    async def drive() -> None:
        nonlocal count
        async with _client(app) as client:
            for _ in range(50):
                await _send(client, scenario)
            profiler.start()
            deadline = time.perf_counter() + seconds
            while time.perf_counter() < deadline:
                await _send(client, scenario)
                count += 1
            profiler.stop()

    with _patched_run_sync(inline):
        asyncio.run(drive())
    session = profiler.last_session
    assert session is not None
    merged: Counter[str] = Counter()
    for stack, seconds_spent in session.frame_records:
        names = [_frame_name(info) for info in stack]
        roots = [i for i, name in enumerate(names) if name.startswith(APP_ROOT)]
        if roots:
            merged[";".join(names[roots[0] :])] += round(seconds_spent * 1e6)
    return InlineProfile(
        requests=count, collapsed=[f"{stack} {us}" for stack, us in merged.items() if us]
    )
