"""Contract run: schemathesis drives every operation of the app's OpenAPI document.

Each operation gets its explicit examples, the coverage phase's boundary cases, and
`BACKCHAIN_FUZZ_EXAMPLES` Hypothesis examples per generation mode (valid and invalid data),
sent as a real signed-in user (see conftest.py); then the stateful phase chains operations
along the document's links. Every answer must pass every schemathesis check (`--checks all`):
no 5xx; documented statuses, media types, headers and bodies; schema-valid requests accepted
and schema-violating ones refused; `Allow` on 405; deleted resources gone; auth enforced.

A schema-valid request is accepted unless the server's state refuses it, which a schema cannot
say: a stale `If-Match` (412) or a deleted id (410) are such answers, and so are made-up
references. The hooks below send real ones (an exercise, a zone, a cursor left out, a fresh
`Idempotency-Key`, a fresh set id, an instant not in the future, a real CSV), and only in
place of schema-valid values, so a schema-violating case stays one.

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
import re
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import hypothesis
import hypothesis.strategies as st
import pytest
import schemathesis
from schemathesis.config import HealthCheck, PositiveDataAcceptanceConfig

from api.openapi_spec import build_spec
from api.schemas.common import MAX_TIMEZONE_LENGTH, YEARS_PATTERN
from api.schemas.enums import ImportFormat
from tests.conftest import LiveServer
from tests.contract.conftest import (
    FUZZ_EXAMPLES,
    FUZZ_SEED,
    FUZZ_TIMEZONE,
    FUZZ_TRANSPORT,
    FuzzWorld,
)

# A system exercise a custom one may be an alias of (`alias_of` names system exercises only).
ALIAS_TARGET = "hip_thrust"
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
# Every check (`st run --checks all`). A valid request may still meet a state that refuses it:
# a stale ETag (412) and a deleted id (410) are documented answers, not rejected data; so is
# 400, the OAuth2 endpoints' refusal of a well-formed grant (a used refresh token, a wrong
# password: RFC 6749 §5.2), their 401. No other operation answers 400.
schema.config.checks.update(included_check_names=["all"])
schema.config.checks.positive_data_acceptance = PositiveDataAcceptanceConfig(
    expected_statuses=["2xx", "3xx", 400, 401, 403, 404, 409, 410, 412, 429, "5xx"]
)


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
        if not pool or (_is_uuid(pool[0]) and not _is_uuid(generated)):
            # Nothing to steer to, or a malformed id a negative case needs refused as it is.
            strategies[name] = st.just(generated)
            continue
        strategies[name] = st.integers(0, KEEP_GENERATED_ONE_IN - 1).flatmap(
            lambda n, pool=pool, generated=generated: (
                st.just(generated) if n == 0 else st.sampled_from(pool)
            )
        )
    return st.fixed_dictionaries(strategies)


INSTANT_FIELDS = {"started_at", "recorded_at", "measured_at"}
# The collections of logged records (whose bodies carry their read shape's `id` back).
RECORDS = r"^/v1/users/\{user\}/(workouts|pain-scores|bodyweights)$"
YEARS = YEARS_PATTERN
IMPORT_FORMATS = {f.value for f in ImportFormat}
# A small Strong export, for CSV imports (text/csv or the multipart `file`).
STRONG_CSV = (
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,"
    "Workout Notes,RPE\n"
    "2024-11-04 18:02:11,Pull,31min,Deadlift (Barbell),1,140.0,5.0,0,0.0,,,8\n"
    "2024-11-04 18:02:11,Pull,31min,Hip Thrust,1,100.0,8.0,0,0.0,,,\n"
)


def _is_text(value: Any, *, max_length: int = 10_000) -> bool:
    """A string the schema accepts as free text (no NUL, something left once stripped)."""
    return isinstance(value, str) and "\x00" not in value and 0 < len(value.strip()) <= max_length


def _is_zone_name(value: Any) -> bool:
    """A string the schema accepts as a time zone name (the app then looks it up)."""
    return isinstance(value, str) and "\x00" not in value and 0 < len(value) <= MAX_TIMEZONE_LENGTH


def _is_uuid(value: Any) -> bool:
    try:
        uuid.UUID(value)
    except (TypeError, ValueError, AttributeError):
        return False
    return True


def _is_instant(value: Any) -> bool:
    """An RFC 3339 instant with an offset in the years the schema allows."""
    try:
        parsed = datetime.fromisoformat(value)
    except (TypeError, ValueError):
        return False
    return parsed.tzinfo is not None and re.match(YEARS, value) is not None


def _as_instant(value: Any) -> datetime | None:
    """A query bound (a date or an instant) as an aware instant, if it is one."""
    try:
        parsed = datetime.fromisoformat(value)
    except (TypeError, ValueError):
        return None
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=UTC)


def _is_position(value: Any) -> bool:
    """A set position the schema accepts (an integer, written 4 or 4.0, 0 to 199)."""
    return (
        isinstance(value, int | float)
        and not isinstance(value, bool)
        and float(value).is_integer()
        and 0 <= value < 200
    )


def _steered(value: Any, slug: str, instant: datetime, exercise_id: str = "") -> Any:
    """`value` with real references in place of schema-valid made-up ones: every `exercise` is
    `slug` (and an `exercise_id` beside it its id), every `alias_of` a system exercise, every
    record instant is `instant` (and `ended_at` an hour later) so cross-field rules (ended after
    started, not in the future) hold; a pain score names no workout; a set's own id is fresh and
    its `position` its place. Schema-violating values are left for the checks to see refused."""
    if isinstance(value, list):
        items = [_steered(v, slug, instant, exercise_id) for v in value]
        return [
            {**v, "position": i} if isinstance(v, dict) and _is_position(v.get("position")) else v
            for i, v in enumerate(items)
        ]
    if not isinstance(value, dict):
        return value
    steered: dict[str, Any] = {}
    for key, item in value.items():
        if key == "exercise" and _is_text(item, max_length=80):
            steered[key] = slug
        elif key == "exercise_id" and _is_uuid(item) and exercise_id:
            steered[key] = exercise_id
        elif key in INSTANT_FIELDS and _is_instant(item):
            steered[key] = instant.isoformat()
        elif key == "ended_at" and _is_instant(item):
            # After the start sent with it, or else after any start already stored.
            end = instant + timedelta(hours=1) if "started_at" in value else datetime.now(UTC)
            steered[key] = end.isoformat()
        elif key == "workout_id" and _is_uuid(item):
            steered[key] = None
        elif key == "id" and "exercise" in value and _is_uuid(item):
            steered[key] = str(uuid.uuid4())
        elif key == "alias_of" and _is_text(item, max_length=80):
            steered[key] = ALIAS_TARGET
        elif key == "timezone" and _is_zone_name(item):
            steered[key] = FUZZ_TIMEZONE
        else:
            steered[key] = _steered(item, slug, instant, exercise_id)
    return steered


def _steered_body(
    path: str, body: Any, world: FuzzWorld, rng: random.Random, *, own_data: bool = True
) -> Any:
    """Real references in bodies: exercise slugs (the caller's custom exercise only on their
    own data: another user cannot see it), plausible instants, zones, own credentials, a
    real CSV to import."""
    if path.endswith("/imports"):
        if isinstance(body, str):
            return STRONG_CSV
        if isinstance(body, dict) and isinstance(body.get("file"), bytes):
            return {**body, "file": STRONG_CSV.encode()}
        return body
    if not isinstance(body, dict):
        return body
    if path == "/v1/auth/token":
        credentials = {
            "password": {"username": world.email, "password": world.password},
            "refresh_token": {"refresh_token": world.refresh_token},
        }.get(body.get("grant_type"), {})
        return {**body, **credentials} if rng.randrange(KEEP_GENERATED_ONE_IN) else body
    current, new = body.get("current_password"), body.get("new_password")
    if (
        path == "/v1/auth/password"
        and isinstance(current, str)
        and len(current) <= 128
        and "\x00" not in current
        and isinstance(new, str)
        and 10 <= len(new) <= 128
        and "\x00" not in new
    ):
        # The right current password; the same new one, so later sign-ins still work.
        return {**body, "current_password": world.password, "new_password": world.password}
    slugs = world.pools["exercise_slug"]
    slug = rng.choice(slugs if own_data else [s for s in slugs if s != world.custom_slug])
    instant = datetime.now(UTC) - timedelta(days=rng.uniform(0, 400))
    if "started_at" in body and "ended_at" not in body:
        # Before any end already stored (those lie within the last 400 days): a start sent
        # alone must not fall after the stored end.
        instant -= timedelta(days=401)
    return _steered(body, slug, instant, world.exercise_ids.get(slug, ""))


def _steered_record_id(case: schemathesis.Case) -> None:
    """A record's own `id` sent back in its body names the record in the path (a POST, whose
    id the server chooses, sends none): another id is refused like a made-up reference."""
    body, record_id = case.body, (case.path_parameters or {}).get("record_id")
    if not isinstance(body, dict) or not _is_uuid(body.get("id")):
        return
    if case.operation.method.upper() == "POST" and re.search(RECORDS, case.operation.path):
        del body["id"]
    elif record_id is not None and _is_uuid(record_id):
        body["id"] = record_id


def _steered_query(query: Any) -> Any:
    """A real zone for `tz`; no made-up cursor (a cursor is the server's own token, and one it
    never issued is refused like a made-up id)."""
    if not isinstance(query, dict):
        return query
    steered = dict(query)
    for name, max_length in (("cursor", 512), ("since", 64)):
        if isinstance(steered.get(name), str) and len(steered[name]) <= max_length:
            del steered[name]
    if _is_zone_name(steered.get("tz")):
        steered["tz"] = FUZZ_TIMEZONE
    bounds = [_as_instant(steered.get(name)) for name in ("from", "to")]
    if bounds[0] is not None and bounds[1] is not None and bounds[0] > bounds[1]:
        steered["from"], steered["to"] = steered["to"], steered["from"]  # a window, not empty
    if isinstance(steered.get("format"), str) and steered["format"] in IMPORT_FORMATS:
        steered["format"] = "auto"  # the CSV sent is a Strong export
    return steered


def _steer(case: schemathesis.Case) -> None:
    """Real references in place of schema-valid made-up ones, in every phase (examples,
    coverage, fuzzing, stateful); schema-violating values stay for the checks to see refused.
    A fresh `Idempotency-Key`: a key reused with another body is refused by design."""
    world = TARGET.world
    assert world is not None
    rng = random.Random(repr((case.operation.label, case.body, case.query)))
    user = (case.path_parameters or {}).get("user", "me")
    own_data = user in ("me", str(world.user_id))
    case.body = _steered_body(case.operation.path, case.body, world, rng, own_data=own_data)
    _steered_record_id(case)
    case.query = _steered_query(case.query)
    key = case.headers.get("Idempotency-Key") if case.headers is not None else None
    if isinstance(key, str) and 0 < len(key) <= 255:
        case.headers["Idempotency-Key"] = uuid.uuid4().hex
    # Checks that send requests of their own (the same call without credentials, say) pick
    # their transport from the schema the case was made from: the app, when in-process.
    case.operation.schema.app = TARGET.call_kwargs.get("app")


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
        _steer(case)
        response = case.call(headers=headers, **TARGET.call_kwargs)
        fuzz_target.count(case.operation.label, response.status_code)
        case.validate_response(response, headers=headers, transport_kwargs=TARGET.call_kwargs)
    except Exception as exc:
        if SEED_LABEL:
            exc.add_note(f"reproduce with {SEED_LABEL}")
        raise


class Scenarios(schema.as_state_machine()):  # type: ignore[misc]
    """The stateful phase: operations chained along the document's links (a created record
    read, changed and deleted; an invitation made and accepted), every check on every step."""

    def get_call_kwargs(self, case: schemathesis.Case) -> dict[str, Any]:
        assert TARGET.world is not None
        _steer(case)
        return {"headers": TARGET.world.auth_headers(), **TARGET.call_kwargs}

    def after_call(self, response: Any, case: schemathesis.Case) -> None:
        super().after_call(response, case)
        assert TARGET.world is not None
        TARGET.world.count(case.operation.label, response.status_code)

    def validate_response(
        self, response: Any, case: schemathesis.Case, additional_checks: Any = None, **kwargs: Any
    ) -> None:
        headers = kwargs.pop("headers", None)
        case.validate_response(
            response,
            additional_checks=additional_checks,
            headers=headers,
            transport_kwargs=kwargs or None,
            recorder=getattr(self, "recorder", None),
        )


@pytest.mark.fuzz
def test_scenarios_honour_the_contract(fuzz_target: FuzzWorld) -> None:
    try:
        Scenarios.run(
            settings=hypothesis.settings(
                max_examples=FUZZ_EXAMPLES,
                stateful_step_count=6,
                deadline=None,
                derandomize=FUZZ_SEED is None,
                database=None,
                suppress_health_check=list(hypothesis.HealthCheck),
            )
        )
    except Exception as exc:
        if SEED_LABEL:
            exc.add_note(f"reproduce with {SEED_LABEL}")
        raise
