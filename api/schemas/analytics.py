"""Computed figures (method pcb-1): balance, trends, benchmarks, pain, summary, the method."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from api.schemas.enums import (
    Band,
    FlagCode,
    PainBand,
    PainDirection,
    PainRegion,
    Reference,
    Side,
    TrendDirection,
    TrendStatus,
)
from api.schemas.weights import ComputedKg

METHOD_FIELD = Field(
    description="The method version every figure was computed with.", examples=["pcb-1"]
)


class RegionBalance(BaseModel):
    index: float | None = Field(description="B_R = P_R / A_R; null when a side is missing.")
    posterior: float | None
    anterior: float | None
    band: Band | None
    marked: bool | None
    missing: list[str]


class RegionsBalance(BaseModel):
    lower: RegionBalance
    upper: RegionBalance


class LiftBalance(BaseModel):
    lift: str
    chain: str
    region: str
    e1rm_kg: ComputedKg
    normalized: float | None = Field(description="e1RM / (bodyweight · reference multiple).")
    extrapolated: bool = Field(description="Estimated from more than 10 reps.")
    date: dt.date
    set_id: uuid.UUID


class ExcludedSet(BaseModel):
    set_id: uuid.UUID
    lift: str
    date: dt.date
    reason: str = Field(description="Why the set has no e1RM, e.g. no_bodyweight.")


class BalanceRead(BaseModel):
    method: str = METHOD_FIELD
    date: dt.date
    reference: Reference
    bodyweight_kg: float | None
    index: float | None = Field(description="B = P / A; null when a side is missing.")
    ln_index: float | None
    band: Band | None
    marked: bool | None
    posterior: float | None
    anterior: float | None
    regions: RegionsBalance
    lifts: list[LiftBalance]
    missing: list[str] = Field(description="`posterior`, `anterior` or `bodyweight`.")
    excluded_sets: list[ExcludedSet] = Field(
        description="Sets in the window that could not be counted, with the reason."
    )


class TrendRead(BaseModel):
    status: TrendStatus
    reason: str | None = Field(description="`too_few_points` or `span_too_short`.")
    n: int
    span_days: float
    slope_4w: float | None = Field(description="Theil–Sen slope per 28 days.")
    slope_4w_low: float | None
    slope_4w_high: float | None
    kendall_tau: float | None
    p_value: float | None
    significant: bool | None
    direction: TrendDirection | None
    toward_balance: bool | None = Field(description="Balance series only.")
    smoothed_last: float | None


class BalancePoint(BaseModel):
    date: dt.date
    index: float
    lower: float | None
    upper: float | None
    smoothed: float


class BalanceTrendRead(BaseModel):
    method: str = METHOD_FIELD
    date_from: dt.date | None = Field(alias="from")
    date_to: dt.date = Field(alias="to")
    points: list[BalancePoint]
    trend: TrendRead

    model_config = ConfigDict(populate_by_name=True)


class E1rmPoint(BaseModel):
    date: dt.date
    e1rm_kg: ComputedKg
    set_id: uuid.UUID
    extrapolated: bool


class DatedValue(BaseModel):
    date: dt.date
    e1rm_kg: ComputedKg


class LiftBenchmark(BaseModel):
    lift: str
    chain: str
    region: str
    points: list[E1rmPoint] = Field(description="Best e1RM per local date, oldest first.")
    latest: DatedValue | None
    best: DatedValue | None = Field(description="All-time best, whatever the range.")
    trend: TrendRead
    best_strict_reps: int | None = Field(
        default=None, description="Pull-ups and chin-ups: most reps at bodyweight (no load)."
    )


class BenchmarksRead(BaseModel):
    method: str = METHOD_FIELD
    lifts: list[LiftBenchmark]


class PainPoint(BaseModel):
    recorded_at: dt.datetime
    date: dt.date
    score: int


class PainLatest(BaseModel):
    score: int
    band: PainBand
    recorded_at: dt.datetime


class PainChangeRead(BaseModel):
    baseline: int
    last: int
    delta: int
    percent: float | None
    clinically_important: bool
    direction: PainDirection


class PainSeries(BaseModel):
    region: PainRegion
    side: Side | None
    points: list[PainPoint]
    latest: PainLatest
    change: PainChangeRead
    trend: TrendRead


class LagAssociation(BaseModel):
    lag_days: int
    n: int
    rho: float | None
    p_value: float | None
    status: TrendStatus
    reason: str | None
    supports_hypothesis: bool


class AssociationRead(BaseModel):
    region: PainRegion
    note: str = Field(examples=["association over time, not causation"])
    lags: list[LagAssociation]


class PainTrendRead(BaseModel):
    method: str = METHOD_FIELD
    series: list[PainSeries]
    association: AssociationRead


class Flag(BaseModel):
    code: FlagCode
    detail: str = Field(description="Why the flag is raised, in words.")


class SummaryBalance(BaseModel):
    date: dt.date
    index: float | None
    band: Band | None
    marked: bool | None
    lower: float | None
    upper: float | None
    missing: list[str]


class PainLatestByRegion(BaseModel):
    region: PainRegion
    side: Side | None
    score: int
    band: PainBand
    recorded_at: dt.datetime


class SummaryRead(BaseModel):
    method: str = METHOD_FIELD
    balance: SummaryBalance
    balance_trend: TrendRead = Field(description="Balance trend over the recent weeks.")
    pain: list[PainLatestByRegion]
    last_workout_at: dt.datetime | None
    flags: list[Flag]


class MethodRead(BaseModel):
    """Every constant of a method version (lifts with chain, region and multiples by sex)."""

    model_config = ConfigDict(extra="allow")

    method_id: str
    documentation_url: str = Field(
        default="/docs/method.md",
        description="The methods explained in words (Markdown), relative to this server.",
    )
    lifts: dict[str, Any]
    window_days: int
    pain_bands: list[dict[str, Any]]
