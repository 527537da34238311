"""Computed figures of method pcb-1: balance, trends, benchmarks, pain, summary, the method."""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated

import anyio.to_thread
from fastapi import APIRouter, Query, Response
from sqlmodel import Session

from api.analytics.constants import METHODS, PCB_1, method_as_dict
from api.deps import Caller, CallerDep
from api.errors import NotFound, problem_responses
from api.policy import Access
from api.schemas.analytics import (
    BalanceRead,
    BalanceTrendRead,
    BenchmarksRead,
    MethodRead,
    PainTrendRead,
    SummaryRead,
)
from api.schemas.common import LocalDate
from api.schemas.enums import PainRegion
from api.services import analytics as analytics_service
from db.queries import analytics as analytics_queries
from db.queries.analytics import OwnerState

router = APIRouter(tags=["analytics"])

DateFrom = Annotated[
    LocalDate | None, Query(alias="from", description="First local date (YYYY-MM-DD), inclusive.")
]
DateTo = Annotated[
    LocalDate | None, Query(alias="to", description="Last local date (YYYY-MM-DD), inclusive.")
]
ERRORS = problem_responses(401, 404, 422)


def _json(body: str) -> Response:
    return Response(body, media_type="application/json")


@dataclass(frozen=True, slots=True)
class _Held:
    """How a route answers from its owner's cursors read on the event loop: the answer this
    process holds (`peek`, else `NotCached`), or computed in a thread with those cursors
    (`compute`: no second read)."""

    peek: Callable[[OwnerState, uuid.UUID], str]
    compute: Callable[[Session, Access, OwnerState], str]


async def _answer(
    caller: Caller, answer: Callable[[Session, Access, bool], str], held: _Held | None = None
) -> Response:
    """Authorise and answer in one unit of work (`CallerDep`, see `api.deps.Caller`).

    Answers are cached per user and data version (`api.services.analytics`). On SQLite a
    cached answer is short work, served inline (`Caller.run`); only a miss is computed in a
    thread (a cold five-year trend takes a few hundred ms). On PostgreSQL, a caller reading
    their own data whose account this process remembers has the owner's cursors read on the
    event loop (`db.async_reads`): the answer held here is served with no thread hop, and a
    miss is computed in a thread with those cursors (`_Held`). Anything else (another user's
    data, an account to read again) runs in one thread.
    """

    def run(cached_only: bool) -> str:
        with caller.open_session(read_only=True) as session:
            return answer(session, caller.read(session), cached_only)

    if caller.runs_inline:
        with contextlib.suppress(analytics_service.NotCached):
            return _json(await caller.run(lambda: run(True)))
        return _json(await anyio.to_thread.run_sync(run, False))
    reads = caller.async_reads
    owner_id = caller.remembered_self() if reads is not None and held is not None else None
    if reads is None or held is None or owner_id is None:
        return _json(await anyio.to_thread.run_sync(run, False))
    state = await analytics_queries.owner_state_awaited(
        reads, owner_id, left_out=analytics_service.STATE_LEFT_OUT
    )
    if state is None:
        raise NotFound("No such user")
    with contextlib.suppress(analytics_service.NotCached):
        return _json(held.peek(state, owner_id))

    def compute() -> str:
        with caller.open_session(read_only=True) as session:
            return held.compute(session, caller.read(session), state)

    return _json(await anyio.to_thread.run_sync(compute))


@router.get(
    "/v1/users/{user}/balance",
    operation_id="getBalance",
    response_model=BalanceRead,
    responses=ERRORS,
)
async def get_balance(
    caller: CallerDep,
    at: Annotated[
        LocalDate | None,
        Query(description="Local date of the snapshot; default today in the user's time zone."),
    ] = None,
) -> Response:
    """The balance index B = P / A at a date, its regions, and every lift that went into it."""
    return await _answer(
        caller,
        lambda session, access, cached_only: analytics_service.balance_json(
            session, access, at=at, cached_only=cached_only
        ),
        _Held(
            lambda state, owner_id: analytics_service.peek_balance(state, owner_id, at=at),
            lambda session, access, state: analytics_service.balance_json(
                session, access, at=at, state=state
            ),
        ),
    )


@router.get(
    "/v1/users/{user}/balance/trend",
    operation_id="getBalanceTrend",
    response_model=BalanceTrendRead,
    responses=ERRORS,
)
async def get_balance_trend(
    caller: CallerDep, date_from: DateFrom = None, date_to: DateTo = None
) -> Response:
    """Snapshots at each training date with an index, their Theil–Sen trend and EWMA."""
    return await _answer(
        caller,
        lambda session, access, cached_only: analytics_service.balance_trend_json(
            session, access, date_from=date_from, date_to=date_to, cached_only=cached_only
        ),
        _Held(
            lambda state, owner_id: analytics_service.peek_balance_trend(
                state, owner_id, date_from=date_from, date_to=date_to
            ),
            lambda session, access, state: analytics_service.balance_trend_json(
                session, access, date_from=date_from, date_to=date_to, state=state
            ),
        ),
    )


@router.get(
    "/v1/users/{user}/benchmarks",
    operation_id="listBenchmarks",
    response_model=BenchmarksRead,
    responses=ERRORS,
)
async def list_benchmarks(
    caller: CallerDep,
    lift: Annotated[
        str | None,
        Query(
            max_length=80, examples=["deadlift"], json_schema_extra={"enum": sorted(PCB_1.lifts)}
        ),
    ] = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
) -> Response:
    """Best e1RM per day for deadlift, hip thrust, pull-ups and every other scored lift."""
    return await _answer(
        caller,
        lambda session, access, cached_only: analytics_service.benchmarks_json(
            session,
            access,
            lift=lift,
            date_from=date_from,
            date_to=date_to,
            cached_only=cached_only,
        ),
    )


@router.get(
    "/v1/users/{user}/pain/trend",
    operation_id="getPainTrend",
    response_model=PainTrendRead,
    responses=ERRORS,
)
async def get_pain_trend(
    caller: CallerDep,
    region: PainRegion | None = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
) -> Response:
    """Pain per region and side with clinically important change, and its association with
    the balance index over time (association, not causation)."""
    return await _answer(
        caller,
        lambda session, access, cached_only: analytics_service.pain_trend_json(
            session,
            access,
            region=region.value if region else None,
            date_from=date_from,
            date_to=date_to,
            cached_only=cached_only,
        ),
    )


@router.get(
    "/v1/users/{user}/summary",
    operation_id="getSummary",
    response_model=SummaryRead,
    responses=ERRORS,
)
async def get_summary(caller: CallerDep) -> Response:
    """Latest balance, recent direction, latest pain per region, and flags for trainers."""
    return await _answer(
        caller,
        lambda session, access, cached_only: analytics_service.summary_json(
            session, access, cached_only=cached_only
        ),
    )


@router.get(
    "/v1/methods/{method_id}",
    operation_id="getMethod",
    response_model=MethodRead,
    responses=problem_responses(404),
    openapi_extra={"security": []},
)
def get_method(method_id: str) -> MethodRead:
    """Every constant of a method version, so a frontend can explain each figure (public)."""
    method = METHODS.get(method_id)
    if method is None:
        raise NotFound(f"No method {method_id!r}")
    return MethodRead.model_validate(method_as_dict(method))
