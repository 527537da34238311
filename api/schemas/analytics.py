"""Computed figures (methods pcb-1 and pcb-2): balance, volume, coverage, suggestions, trends,
benchmarks, pain, summary, the method."""

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
    e1rm_kg: float
    normalized: float | None = Field(description="e1RM / (bodyweight · reference multiple).")
    extrapolated: bool = Field(description="Estimated from more than 10 reps.")
    date: dt.date
    set_id: uuid.UUID


class ExcludedSet(BaseModel):
    set_id: uuid.UUID
    lift: str
    date: dt.date
    reason: str = Field(description="Why the set has no e1RM, e.g. no_bodyweight.")


class VolumeRegion(BaseModel):
    posterior_sets: int = Field(description="S_post,R: working sets of posterior R exercises.")
    anterior_sets: int = Field(description="S_ant,R: working sets of anterior R exercises.")
    index: float | None = Field(description="V_R = S_post,R / S_ant,R; null when a side has none.")
    band: Band | None
    marked: bool | None
    missing: list[str] = Field(description="`posterior` or `anterior`: a side without sets.")


class VolumeRegions(BaseModel):
    lower: VolumeRegion
    upper: VolumeRegion


class VolumeRead(BaseModel):
    """Volume balance V (pcb-2, BALANCE_METHOD §11): what the athlete does, over 28 days."""

    date: dt.date
    window_days: int
    index: float | None = Field(description="V: geometric mean of the available V_R.")
    ln_index: float | None
    band: Band | None
    marked: bool | None
    missing: list[str] = Field(
        description="`<region>_<side>` for each side of a region without working sets."
    )
    regions: VolumeRegions


class CoverageRead(BaseModel):
    """How much of the training the figures rest on (pcb-2, §12): working sets of the 42 days
    ending at the date, and the fractions of them."""

    date: dt.date
    window_days: int
    working_sets: int
    classified: int = Field(description="Catalog exercise, alias of one, or owner-classified.")
    counted: int = Field(description="Counted class: anterior or posterior, lower or upper.")
    scored: int = Field(description="Has an e1RM and reference multiples: enters B.")
    classified_fraction: float | None
    counted_fraction: float | None
    scored_fraction: float | None


class SuggestionRead(BaseModel):
    """More posterior working sets a week for one region (pcb-2, §13); not medical advice."""

    region: str
    weekly_sets: int = Field(description="Δ_R = max(0, ⌈(1.25 · S_ant,R − S_post,R) / 4⌉).")
    exercises: list[str] = Field(description="Slugs: the owner's most-logged, else defaults.")
    from_history: bool
    reasons: list[str] = Field(
        description="`strength_below`, `strength_posterior_missing` or `volume_below`."
    )
    text: str


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
    # pcb-2 only (BALANCE_METHOD §§11-14); a pcb-1 answer has none of these members.
    volume: VolumeRead | None = Field(default=None, description="pcb-2 only.")
    coverage: CoverageRead | None = Field(default=None, description="pcb-2 only.")
    suggestions: list[SuggestionRead] | None = Field(default=None, description="pcb-2 only.")
    latest_date: dt.date | None = Field(
        default=None,
        description="pcb-2 only: the latest local date up to `date` with a counted working set "
        "(null when there is none); `at=latest` answers for it (§14).",
    )
    window_empty: bool | None = Field(
        default=None,
        description="pcb-2 only: no counted working set in the 42 days ending at `date`; a "
        "client shows the figures at `latest_date` instead.",
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
    measure: str | None = Field(
        default=None,
        description="pcb-2 only: `strength` (B, §10) or `volume` (V, §11).",
        examples=["volume"],
    )
    date_from: dt.date | None = Field(alias="from")
    date_to: dt.date = Field(alias="to")
    points: list[BalancePoint]
    trend: TrendRead

    model_config = ConfigDict(populate_by_name=True)


class E1rmPoint(BaseModel):
    date: dt.date
    e1rm_kg: float
    set_id: uuid.UUID
    extrapolated: bool


class DatedValue(BaseModel):
    date: dt.date
    e1rm_kg: float


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


class SummaryVolume(BaseModel):
    date: dt.date
    index: float | None = Field(description="Volume balance V over the 28 days ending today.")
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
    volume: SummaryVolume
    balance_trend: TrendRead = Field(description="Balance trend over the recent weeks.")
    pain: list[PainLatestByRegion]
    last_workout_at: dt.datetime | None
    flags: list[Flag]


class MethodRead(BaseModel):
    """Every constant of a method version (lifts with chain, region and multiples by sex)."""

    model_config = ConfigDict(extra="allow")

    method_id: str
    lifts: dict[str, Any] | list[dict[str, Any]] = Field(
        description="pcb-1: by slug; pcb-2: the whole table as rows {exercise, chain, region, "
        "load_rule, fraction, m_male, m_female, source, reference, ratio_male, ratio_female}."
    )
    window_days: int
    pain_bands: list[dict[str, Any]]
