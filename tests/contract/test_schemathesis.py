"""Contract run: schemathesis drives every operation of the app's OpenAPI document.

Each operation gets its explicit examples, the coverage phase's boundary cases, and
`BACKCHAIN_FUZZ_EXAMPLES` Hypothesis examples per generation mode (valid and invalid data),
sent as a real signed-in user (see conftest.py). Every answer must pass:

- not_a_server_error: no 5xx;
- status_code_conformance: the status is documented for the operation;
- content_type_conformance: the media type is one documented for that status;
- response_schema_conformance: the body matches the documented schema.

Quick run (the regular suite: SQLite, in-process):
    .venv/bin/python -m pytest tests/contract
Long run (`make fuzz`):
    BACKCHAIN_FUZZ_EXAMPLES=200 BACKCHAIN_FUZZ_SEED=random \
    BACKCHAIN_FUZZ_DATABASES=sqlite,postgresql .venv/bin/python -m pytest tests/contract
"""

from __future__ import annotations

import json
import os
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import hypothesis.strategies as st
import pytest
import schemathesis
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)
from schemathesis.config import HealthCheck

from api.openapi_spec import build_spec
from tests.conftest import LiveServer
from tests.contract.conftest import FUZZ_EXAMPLES, FUZZ_SEED, FUZZ_TRANSPORT, FuzzWorld

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]

# How often a path parameter with a pool of existing rows keeps its generated value instead
# (1 in N): mostly `me` and real ids, so calls get past authorization and lookups.
KEEP_GENERATED_ONE_IN = 5


@dataclass(frozen=True)
class KnownFailure:
    """A failure already reported, with its regression test in test_regressions.py.

    Dropped only when every field matches, so a new kind of failure on the same operation still
    fails the run. Remove the entry with the fix (its strict xfail regression test turns XPASS).
    `BACKCHAIN_FUZZ_STRICT=1` keeps them all, to see the full picture.
    """

    code: str  # schemathesis failure code, e.g. ST103 (undocumented status)
    status: int
    regression: str
    applies: Callable[[Any, Any], bool]  # (case, response) -> matches


def _problem_detail(response: Any) -> str:
    try:
        detail = json.loads(response.content or b"{}").get("detail")
    except (ValueError, AttributeError):
        return ""
    return detail if isinstance(detail, str) else ""


def _detail_is(text: str) -> Callable[[Any, Any], bool]:
    """`applies` for a problem whose `detail` is exactly `text` (e.g. a framework message)."""

    def applies(case: Any, response: Any) -> bool:
        return _problem_detail(response) == text

    return applies


# Failures found earlier are fixed and pinned in test_regressions.py; new ones go here with
# a regression test (strict xfail) until fixed.
KNOWN_FAILURES: list[KnownFailure] = []
STRICT = os.environ.get("BACKCHAIN_FUZZ_STRICT") == "1"


class AsServed:
    """The app as a server runs it. Starlette re-raises an unhandled error after its 500 has
    been sent, for the server to log; a client only sees the 500, so the checks should too
    (like `TestClient(raise_server_exceptions=False)`). An error after a response started but
    before it ended (a broken stream) still raises: the client got a truncated answer."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        finished = False

        async def tracking_send(message: Any) -> None:
            nonlocal finished
            if message["type"] == "http.response.body" and not message.get("more_body", False):
                finished = True
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        except Exception:
            if not finished:
                raise


class _Target:
    """Where the operations under test are sent; set by the `fuzz_target` fixture."""

    world: FuzzWorld | None = None
    call_kwargs: dict[str, Any] = {}  # noqa: RUF012


TARGET = _Target()

# The document the app serves at /openapi.json (built without touching a database).
schema = schemathesis.openapi.from_dict(build_spec())
schema.config.generation.update(max_examples=FUZZ_EXAMPLES, deterministic=FUZZ_SEED is None)
SEED_LABEL = ""
if FUZZ_SEED is not None:
    _seed = random.getrandbits(32) if FUZZ_SEED == "random" else int(FUZZ_SEED)
    schema.config.seed = _seed
    SEED_LABEL = f"BACKCHAIN_FUZZ_SEED={_seed}"
# Every call goes through a real database: some examples are legitimately slow.
schema.config.update(suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])


@schema.hook("flatmap_path_parameters")
def known_rows(context: Any, path_parameters: dict[str, Any]) -> st.SearchStrategy[Any]:
    """Mostly `me` and ids of rows that exist; sometimes the generated value."""
    world = TARGET.world
    if not path_parameters or world is None:
        # No parameters, or collection time (explicit examples): nothing to steer.
        return st.just(path_parameters)
    path = context.operation.path
    strategies: dict[str, st.SearchStrategy[Any]] = {}
    for name, generated in path_parameters.items():
        pool = world.pool_for(path, name)
        if not pool:
            strategies[name] = st.just(generated)
            continue
        strategies[name] = st.integers(0, KEEP_GENERATED_ONE_IN - 1).flatmap(
            lambda n, pool=pool, generated=generated: (
                st.just(generated) if n == 0 else st.sampled_from(pool)
            )
        )
    return st.fixed_dictionaries(strategies)


INSTANT_FIELDS = {"started_at", "recorded_at", "measured_at"}
# A small Strong export, for CSV imports (text/csv or the multipart `file`).
STRONG_CSV = (
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,"
    "Workout Notes,RPE\n"
    "2024-11-04 18:02:11,Pull,31min,Deadlift (Barbell),1,140.0,5.0,0,0.0,,,8\n"
    "2024-11-04 18:02:11,Pull,31min,Hip Thrust,1,100.0,8.0,0,0.0,,,\n"
)


def _steered(value: Any, slug: str, instant: datetime) -> Any:
    """`value` with real references: every string `exercise` is `slug`, every record instant
    is `instant` (and `ended_at` an hour later) so cross-field rules (ended after started,
    not in the future) hold and the call reaches the code behind validation."""
    if isinstance(value, list):
        return [_steered(v, slug, instant) for v in value]
    if not isinstance(value, dict):
        return value
    steered: dict[str, Any] = {}
    for key, item in value.items():
        if key == "exercise" and isinstance(item, str):
            steered[key] = slug
        elif key in INSTANT_FIELDS and isinstance(item, str):
            steered[key] = instant.isoformat()
        elif key == "ended_at" and isinstance(item, str):
            steered[key] = (instant + timedelta(hours=1)).isoformat()
        else:
            steered[key] = _steered(item, slug, instant)
    return steered


@schema.hook("flatmap_body")
def known_references(context: Any, body: Any) -> st.SearchStrategy[Any]:
    """Mostly real references in bodies: exercise slugs, plausible instants, own credentials."""
    world = TARGET.world
    if world is None:
        return st.just(body)
    steer = st.integers(0, KEEP_GENERATED_ONE_IN - 1).map(lambda n: n != 0)
    if context.operation.path.endswith("/imports"):
        if isinstance(body, str):
            return steer.map(lambda yes: STRONG_CSV if yes else body)
        if isinstance(body, dict) and "file" in body:
            csv = STRONG_CSV.encode()
            return steer.map(lambda yes: {**body, "file": csv} if yes else body)
        return st.just(body)
    if not isinstance(body, dict):
        return st.just(body)
    if context.operation.path == "/v1/auth/token":
        credentials = {
            "password": {"username": world.email, "password": world.password},
            "refresh_token": {"refresh_token": world.refresh_token},
        }.get(body.get("grant_type"), {})
        return steer.map(lambda yes: {**body, **credentials} if yes else body)
    text = json.dumps(body, default=str)
    if not any(f'"{key}"' in text for key in ("exercise", *INSTANT_FIELDS)):
        return st.just(body)
    now = datetime.now(UTC)
    return st.tuples(
        steer,
        st.sampled_from(world.pools["exercise_slug"]),
        st.floats(min_value=0, max_value=400).map(lambda days: now - timedelta(days=days)),
    ).map(lambda drawn: _steered(body, drawn[1], drawn[2]) if drawn[0] else body)


@schema.hook("filter_failure")
def drop_known_failures(context: Any, failure: Any, case: Any, response: Any) -> bool:
    """Keep every failure but the ones already reported (see KNOWN_FAILURES)."""
    if STRICT:
        return True
    return not any(
        failure.code == known.code
        and response.status_code == known.status
        and known.applies(case, response)
        for known in KNOWN_FAILURES
    )


@pytest.fixture(scope="module")
def fuzz_target(fuzz_world: FuzzWorld) -> Iterator[FuzzWorld]:
    """Point the generated calls at the app: in-process (ASGI) or a live uvicorn."""
    TARGET.world = fuzz_world
    try:
        if FUZZ_TRANSPORT == "asgi":
            TARGET.call_kwargs = {"app": AsServed(fuzz_world.app)}
            yield fuzz_world
        elif FUZZ_TRANSPORT == "live":
            with LiveServer(fuzz_world.app) as server:
                TARGET.call_kwargs = {"base_url": server.url}
                yield fuzz_world
        else:
            raise pytest.UsageError(f"BACKCHAIN_FUZZ_TRANSPORT: unknown {FUZZ_TRANSPORT!r}")
    finally:
        TARGET.world = None
        TARGET.call_kwargs = {}


@pytest.mark.fuzz
@schema.parametrize()
def test_operation_honours_the_contract(case: schemathesis.Case, fuzz_target: FuzzWorld) -> None:
    try:
        headers = fuzz_target.auth_headers()
        response = case.call(headers=headers, **TARGET.call_kwargs)
        fuzz_target.count(case.operation.label, response.status_code)
        case.validate_response(
            response, checks=CHECKS, headers=headers, transport_kwargs=TARGET.call_kwargs
        )
    except Exception as exc:
        if SEED_LABEL:
            exc.add_note(f"reproduce with {SEED_LABEL}")
        raise
