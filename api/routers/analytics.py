"""Computed figures (pcb-2 by default, pcb-1 on request): balance with volume, coverage and
suggestions, trends, benchmarks, pain, summary, the methods."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Response

from api.analytics.constants import PCB_1
from api.analytics.volume import method_document
from api.deps import ReadWork
from api.errors import NotFound, problem_responses
from api.schemas.analytics import (
    BalanceRead,
    BalanceTrendRead,
    BenchmarksRead,
    MethodRead,
    PainTrendRead,
    SummaryRead,
)
from api.schemas.common import LocalDate, LocalDateOrLatest
from api.schemas.enums import PainRegion
from api.services import analytics as analytics_service

router = APIRouter(tags=["analytics"])

DateFrom = Annotated[
    LocalDate | None, Query(alias="from", description="First local date (YYYY-MM-DD), inclusive.")
]
DateTo = Annotated[
    LocalDate | None, Query(alias="to", description="Last local date (YYYY-MM-DD), inclusive.")
]
MethodId = Annotated[
    Literal["pcb-2", "pcb-1"],
    Query(description="The method: `pcb-2` (every exercise, volume) or `pcb-1` (ten lifts)."),
]
ERRORS = problem_responses(401, 404, 422)


def _json(body: str) -> Response:
    return Response(body, media_type="application/json")


@router.get(
    "/v1/users/{user}/balance",
    operation_id="getBalance",
    response_model=BalanceRead,
    responses=ERRORS,
)
async def get_balance(
    work: ReadWork,
    at: Annotated[
        LocalDateOrLatest | None,
        Query(
            description="Local date of the snapshot (YYYY-MM-DD); default today in the user's "
            "time zone; `latest` (pcb-2): the latest date with a counted working set.",
            examples=["2026-03-31", "latest"],
        ),
    ] = None,
    method: MethodId = "pcb-2",
) -> Response:
    """The balance index B = P / A at a date, its regions and every lift that went into it;
    under pcb-2 also the volume balance V, the coverage and training suggestions."""
    return _json(await work.run(analytics_service.balance_json, at=at, method=method))


@router.get(
    "/v1/users/{user}/balance/trend",
    operation_id="getBalanceTrend",
    response_model=BalanceTrendRead,
    responses=ERRORS,
)
async def get_balance_trend(
    work: ReadWork,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    measure: Annotated[
        Literal["strength", "volume"],
        Query(description="`strength` (B) or `volume` (V, pcb-2 only)."),
    ] = "strength",
    method: MethodId = "pcb-2",
) -> Response:
    """Snapshots at each training date with an index, their Theil–Sen trend and EWMA."""
    return _json(
        await work.run(
            analytics_service.balance_trend_json,
            date_from=date_from,
            date_to=date_to,
            measure=measure,
            method=method,
        )
    )


@router.get(
    "/v1/users/{user}/benchmarks",
    operation_id="listBenchmarks",
    response_model=BenchmarksRead,
    responses=ERRORS,
)
async def list_benchmarks(
    work: ReadWork,
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
    return _json(
        await work.run(
            analytics_service.benchmarks_json, lift=lift, date_from=date_from, date_to=date_to
        )
    )


@router.get(
    "/v1/users/{user}/pain/trend",
    operation_id="getPainTrend",
    response_model=PainTrendRead,
    responses=ERRORS,
)
async def get_pain_trend(
    work: ReadWork,
    region: PainRegion | None = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
) -> Response:
    """Pain per region and side with clinically important change, and its association with
    the balance index over time (association, not causation)."""
    return _json(
        await work.run(
            analytics_service.pain_trend_json, region=region, date_from=date_from, date_to=date_to
        )
    )


@router.get(
    "/v1/users/{user}/summary",
    operation_id="getSummary",
    response_model=SummaryRead,
    responses=ERRORS,
)
async def get_summary(work: ReadWork) -> Response:
    """Latest balance, recent direction, latest pain per region, and flags for trainers."""
    return _json(await work.run(analytics_service.summary_json))


@router.get(
    "/v1/methods/{method_id}",
    operation_id="getMethod",
    response_model=MethodRead,
    responses=problem_responses(404),
    openapi_extra={"security": []},
)
def get_method(method_id: str) -> MethodRead:
    """Every constant of a method version, so a frontend can explain each figure (public);
    pcb-2 publishes its whole lifts table with each row's source."""
    document = method_document(method_id)
    if document is None:
        raise NotFound(f"No method {method_id!r}")
    return MethodRead.model_validate(document)
