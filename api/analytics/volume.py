"""Volume balance, coverage, suggestions and the latest snapshot date (BALANCE_METHOD §11-§14).

`V` is what the athlete does (posterior vs anterior working sets, leading); `B` (§3) is what the
athlete can do (strength, lagging). Both take their bands from the same table (§3).
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from types import MappingProxyType
from typing import Any, NamedTuple

from api.analytics.balance import SIDES, BalanceSnapshot, Band, Side, band_of, is_marked
from api.analytics.classes import NOT_COUNTED, CountedClass
from api.analytics.constants import METHODS, REGIONS, Method, Region, method_as_dict
from api.analytics.e1rm import WARMUP_SET_TYPE
from api.analytics.lifts import LIFTS, PCB_2, lifts_as_dicts


@dataclass(frozen=True, slots=True)
class VolumeConstants:
    """The pcb-2 constants of §11-§14 (bands and trend come from the strength method)."""

    method_id: str = PCB_2.method_id
    volume_window_days: int = 28  # §11
    coverage_window_days: int = 42  # §12: the strength window (§4)
    suggestion_history_days: int = 90  # §13: "most-logged ... in the last 90 days"
    suggestion_target_ratio: float = 1.25  # §13: aim posterior sets at 1.25 × anterior
    suggestion_weeks: int = 4  # §13: the 28-day shortfall spread over four weeks
    suggestion_below: float = 0.90  # §13: B_R or V_R under this asks for posterior work
    suggested_exercises: int = 3
    default_exercises: Mapping[Region, tuple[str, ...]] = field(
        default_factory=lambda: MappingProxyType(
            {
                "lower": ("hip_thrust", "romanian_deadlift", "leg_curl"),
                "upper": ("pull_up", "barbell_row", "face_pull"),
            }
        ),
        hash=False,
    )


VOLUME = VolumeConstants()
SUGGESTION_NOTE = "A training-emphasis suggestion, not medical advice."


class ClassifiedSet(NamedTuple):
    """One logged set with its exercise's counted class (§9, after aliases are followed).

    `classified`: the exercise is a catalog exercise, an alias of one, or a custom exercise
    its owner classified (§12)."""

    set_id: str
    exercise: str  # slug of the exercise the set counts as
    local_date: date
    set_type: str
    reps: int
    duration_s: float | None
    counted_class: CountedClass
    classified: bool


def is_working_set(set_type: str, reps: int, duration_s: float | None) -> bool:
    """Not a warm-up, and reps ≥ 1 or a duration > 0 (§11)."""
    return set_type != WARMUP_SET_TYPE and (reps >= 1 or (duration_s or 0) > 0)


def _is_working(s: ClassifiedSet) -> bool:
    return is_working_set(s.set_type, s.reps, s.duration_s)


def _is_counted_work(s: ClassifiedSet) -> bool:
    return s.counted_class != NOT_COUNTED and _is_working(s)


def _window(at_date: date, days: int) -> tuple[date, date]:
    return at_date - timedelta(days=days - 1), at_date


# --- §11 volume balance -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class VolumeRegion:
    """S_post,R, S_ant,R and V_R = S_post,R / S_ant,R (None when a side has no sets)."""

    posterior_sets: int
    anterior_sets: int
    index: float | None
    band: Band | None
    marked: bool | None
    missing: tuple[Side, ...]


@dataclass(frozen=True, slots=True)
class VolumeBalance:
    """V over the working sets of the window ending at `date` (§11)."""

    method_id: str
    date: date
    window_days: int
    index: float | None
    ln_index: float | None
    band: Band | None
    marked: bool | None
    # "<region>_<side>" for each side of a region without sets, e.g. "upper_posterior".
    missing: tuple[str, ...]
    regions: Mapping[Region, VolumeRegion] = field(hash=False)


def _volume_from_counts(
    at_date: date,
    counts: Mapping[str, int],
    method: Method,
    constants: VolumeConstants,
) -> VolumeBalance:
    regions: dict[Region, VolumeRegion] = {}
    missing: list[str] = []
    for region in REGIONS:
        posterior = counts.get(f"posterior_{region}", 0)
        anterior = counts.get(f"anterior_{region}", 0)
        sides = tuple(side for side, n in zip(SIDES, (posterior, anterior), strict=True) if n == 0)
        index = posterior / anterior if not sides else None
        regions[region] = VolumeRegion(
            posterior_sets=posterior,
            anterior_sets=anterior,
            index=index,
            band=None if index is None else band_of(index, method),
            marked=None if index is None else is_marked(index, method),
            missing=sides,
        )
        missing.extend(f"{region}_{side}" for side in sides)
    available = [r.index for r in regions.values() if r.index is not None]
    # Geometric mean of the available V_R (§11), as statistics.geometric_mean computes it.
    index = math.exp(math.fsum(map(math.log, available)) / len(available)) if available else None
    return VolumeBalance(
        method_id=constants.method_id,
        date=at_date,
        window_days=constants.volume_window_days,
        index=index,
        ln_index=None if index is None else math.log(index),
        band=None if index is None else band_of(index, method),
        marked=None if index is None else is_marked(index, method),
        missing=tuple(missing),
        regions=MappingProxyType(regions),
    )


def volume_balance(
    sets: Iterable[ClassifiedSet],
    at_date: date,
    *,
    method: Method = PCB_2,
    constants: VolumeConstants = VOLUME,
) -> VolumeBalance:
    """V at a local date from the counted working sets of the 28 days ending there (§11)."""
    start, end = _window(at_date, constants.volume_window_days)
    counts: Counter[str] = Counter(
        s.counted_class for s in sets if start <= s.local_date <= end and _is_counted_work(s)
    )
    return _volume_from_counts(at_date, counts, method, constants)


def volume_series(
    sets: Iterable[ClassifiedSet],
    *,
    date_from: date | None = None,
    date_to: date | None = None,
    method: Method = PCB_2,
    constants: VolumeConstants = VOLUME,
) -> list[VolumeBalance]:
    """V at each local date with a counted working set, in O(n log n) overall (§11)."""
    days_by_class: dict[str, list[date]] = {}
    for s in sets:
        if _is_counted_work(s):
            days_by_class.setdefault(s.counted_class, []).append(s.local_date)
    for days in days_by_class.values():
        days.sort()
    dates = sorted(
        {
            d
            for days in days_by_class.values()
            for d in days
            if (date_from is None or d >= date_from) and (date_to is None or d <= date_to)
        }
    )
    series = []
    for day in dates:
        start, end = _window(day, constants.volume_window_days)
        counts = {
            cls: bisect_right(days, end) - bisect_left(days, start)
            for cls, days in days_by_class.items()
        }
        series.append(_volume_from_counts(day, counts, method, constants))
    return series


# --- §12 coverage -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Coverage:
    """How much of the training a balance answer rests on (§12); fractions of working sets."""

    date: date
    window_days: int
    working_sets: int
    classified: int
    counted: int
    scored: int
    classified_fraction: float | None
    counted_fraction: float | None
    scored_fraction: float | None


def coverage(
    sets: Iterable[ClassifiedSet],
    at_date: date,
    *,
    scored_set_ids: Collection[str] = (),
    constants: VolumeConstants = VOLUME,
) -> Coverage:
    """Counts of the working sets in the 42 days ending at a date (§12).

    `scored_set_ids`: the sets that have an e1RM and multiples, so can enter B (the counted
    estimates of e1rm.estimate_sets under the pcb-2 method)."""
    start, end = _window(at_date, constants.coverage_window_days)
    working = [s for s in sets if start <= s.local_date <= end and _is_working(s)]
    classified = sum(s.classified for s in working)
    counted = sum(s.counted_class != NOT_COUNTED for s in working)
    scored = sum(s.set_id in scored_set_ids for s in working)
    total = len(working)

    def share(n: int) -> float | None:
        return n / total if total else None

    return Coverage(
        date=at_date,
        window_days=constants.coverage_window_days,
        working_sets=total,
        classified=classified,
        counted=counted,
        scored=scored,
        classified_fraction=share(classified),
        counted_fraction=share(counted),
        scored_fraction=share(scored),
    )


# --- §13 suggestions --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Suggestion:
    """More posterior working sets per week for one region, and exercises to do them with."""

    region: Region
    weekly_sets: int
    exercises: tuple[str, ...]
    from_history: bool  # the owner's own exercises (else the defaults)
    reasons: tuple[str, ...]  # strength_below, strength_posterior_missing, volume_below
    text: str


def weekly_posterior_sets(
    posterior_sets: int, anterior_sets: int, constants: VolumeConstants = VOLUME
) -> int:
    """Δ_R = max(0, ⌈(1.25 · S_ant,R − S_post,R) / 4⌉) (§13)."""
    shortfall = constants.suggestion_target_ratio * anterior_sets - posterior_sets
    return max(0, math.ceil(shortfall / constants.suggestion_weeks))


def _most_logged(
    sets: Iterable[ClassifiedSet], region: Region, at_date: date, constants: VolumeConstants
) -> tuple[str, ...]:
    start, end = _window(at_date, constants.suggestion_history_days)
    wanted = f"posterior_{region}"
    counts = Counter(
        s.exercise
        for s in sets
        if s.counted_class == wanted and start <= s.local_date <= end and _is_working(s)
    )
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return tuple(exercise for exercise, _ in ranked[: constants.suggested_exercises])


def _text(region: Region, weekly_sets: int, exercises: Sequence[str]) -> str:
    names = ", ".join(e.replace("_", " ") for e in exercises)
    if weekly_sets:
        ask = f"Add about {weekly_sets} posterior {region}-body working sets a week"
    else:
        ask = f"Keep training the posterior {region} body"
    return f"{ask} ({names}). {SUGGESTION_NOTE}"


def suggestions(
    volume: VolumeBalance,
    strength: BalanceSnapshot | None,
    history: Iterable[ClassifiedSet],
    *,
    constants: VolumeConstants = VOLUME,
) -> list[Suggestion]:
    """Posterior work for each region where B_R or V_R is under 0.90, or B_R lacks its
    posterior side (§13); `history` holds the owner's sets (the last 90 days are used)."""
    history = list(history)
    out = []
    for region in REGIONS:
        reasons = []
        if strength is not None:
            strength_region = strength.regions[region]
            if strength_region.index is not None:
                if strength_region.index < constants.suggestion_below:
                    reasons.append("strength_below")
            elif "posterior" in strength_region.missing:
                reasons.append("strength_posterior_missing")
        volume_region = volume.regions[region]
        if volume_region.index is not None and volume_region.index < constants.suggestion_below:
            reasons.append("volume_below")
        if not reasons:
            continue
        weekly = weekly_posterior_sets(
            volume_region.posterior_sets, volume_region.anterior_sets, constants
        )
        own = _most_logged(history, region, volume.date, constants)
        exercises = own or constants.default_exercises[region]
        out.append(
            Suggestion(
                region=region,
                weekly_sets=weekly,
                exercises=exercises,
                from_history=bool(own),
                reasons=tuple(reasons),
                text=_text(region, weekly, exercises),
            )
        )
    return out


# --- §14 latest snapshot ------------------------------------------------------------------


def latest_counted_date(
    sets: Iterable[ClassifiedSet], *, on_or_before: date | None = None
) -> date | None:
    """The latest local date with a counted working set (`at=latest`, §14), or None."""
    return max(
        (
            s.local_date
            for s in sets
            if _is_counted_work(s) and (on_or_before is None or s.local_date <= on_or_before)
        ),
        default=None,
    )


def has_counted_work(sets: Iterable[ClassifiedSet], at_date: date, window_days: int) -> bool:
    """Whether the window ending at a date holds a counted working set (else an answer for
    that date names `latest_counted_date`, §14)."""
    start, end = _window(at_date, window_days)
    return any(start <= s.local_date <= end and _is_counted_work(s) for s in sets)


# --- GET /v1/methods/pcb-2 ----------------------------------------------------------------


def pcb_2_as_dict(constants: VolumeConstants = VOLUME) -> dict[str, Any]:
    """Every pcb-2 constant as JSON-ready data: the pcb-1 constants it keeps, the whole lifts
    table as a list (§10) and the volume, coverage and suggestion constants (§11-§13)."""
    out = method_as_dict(PCB_2)
    out["lifts"] = lifts_as_dicts(LIFTS)
    out["volume"] = {
        "window_days": constants.volume_window_days,
        "coverage_window_days": constants.coverage_window_days,
        "suggestion_history_days": constants.suggestion_history_days,
        "suggestion_target_ratio": constants.suggestion_target_ratio,
        "suggestion_weeks": constants.suggestion_weeks,
        "suggestion_below": constants.suggestion_below,
        "suggested_exercises": constants.suggested_exercises,
        "default_exercises": {r: list(e) for r, e in constants.default_exercises.items()},
    }
    return out


def method_document(method_id: str) -> dict[str, Any] | None:
    """What `GET /v1/methods/{method_id}` publishes: pcb-1's constants or pcb-2's, else None."""
    if method_id == PCB_2.method_id:
        return pcb_2_as_dict()
    method = METHODS.get(method_id)
    return None if method is None else method_as_dict(method)
