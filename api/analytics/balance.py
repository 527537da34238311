"""Chain scores, the balance index and snapshots (BALANCE_METHOD §2-§4)."""

from __future__ import annotations

import datetime as dt
import math
from collections import deque
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

from api.analytics.constants import PCB_1, REGIONS, Chain, Method, Reference, Region
from api.analytics.e1rm import BodyweightInput, BodyweightTimeline, SetEstimate

Band = Literal["anterior_dominant", "balanced", "posterior_dominant"]
Side = Literal["posterior", "anterior"]
SIDES: tuple[Side, ...] = ("posterior", "anterior")


@dataclass(frozen=True, slots=True)
class LiftScore:
    """A lift's best e1RM in the window and its normalised score n (None when not scored)."""

    lift: str
    chain: Chain
    region: Region
    e1rm_kg: float
    normalized: float | None
    extrapolated: bool
    date: dt.date
    set_id: str


@dataclass(frozen=True, slots=True)
class RegionScore:
    """P_R, A_R and B_R = P_R / A_R of one region; index is None when a side is missing."""

    index: float | None
    posterior: float | None
    anterior: float | None
    band: Band | None
    marked: bool | None
    missing: tuple[Side, ...]


@dataclass(frozen=True, slots=True)
class BalanceSnapshot:
    """The balance at one local date from the best e1RM per lift in the window ending there."""

    method_id: str
    date: dt.date
    reference: Reference
    bodyweight_kg: float | None
    index: float | None
    ln_index: float | None
    band: Band | None
    marked: bool | None
    posterior: float | None
    anterior: float | None
    regions: Mapping[Region, RegionScore] = field(hash=False)
    lifts: tuple[LiftScore, ...]
    # "posterior" / "anterior": no scored lift of that chain in the window (either region);
    # "bodyweight": scored lifts exist but there is no bodyweight to normalise them.
    missing: tuple[str, ...]


def reference_for(sex: str | None) -> Reference:
    """The reference table for a profile's sex; unknown or other uses the male one (§2)."""
    if sex in ("male", "female"):
        return sex  # type: ignore[return-value]  # narrowed by the membership test
    return "default"


def band_of(index: float, method: Method = PCB_1) -> Band:
    """Band of B or B_R (BALANCE_METHOD §3)."""
    if index < method.band_low:
        return "anterior_dominant"
    if index > method.band_high:
        return "posterior_dominant"
    return "balanced"


def is_marked(index: float, method: Method = PCB_1) -> bool:
    """Whether B or B_R is markedly off balance (BALANCE_METHOD §3)."""
    return index < method.marked_low or index > method.marked_high


def _ratio(posterior: float | None, anterior: float | None) -> float | None:
    return posterior / anterior if posterior is not None and anterior is not None else None


def _gmean_or_none(values: Sequence[float]) -> float | None:
    # statistics.geometric_mean's own formula, exp(fsum(log x) / n), bit for bit, without its
    # handling of iterators of unknown length (which cost a third of scoring a series).
    return math.exp(math.fsum(map(math.log, values)) / len(values)) if values else None


def _score(
    at_date: dt.date,
    best: Mapping[str, SetEstimate],
    reference: Reference,
    bodyweight_kg: float | None,
    method: Method,
) -> BalanceSnapshot:
    """Scores from the best estimate per lift (BALANCE_METHOD §3)."""
    weight = bodyweight_kg if bodyweight_kg is not None and bodyweight_kg > 0 else None
    normalized_by: dict[tuple[Region, Side], list[float]] = {
        (region, side): [] for region in REGIONS for side in SIDES
    }
    present: set[tuple[Region, Side]] = set()
    lifts: list[LiftScore] = []
    for slug, spec in method.lifts.items():  # method order keeps the listing stable
        estimate = best.get(slug)
        if estimate is None or estimate.e1rm_kg is None:
            continue
        multiple = spec.multiple(reference)
        normalized = None
        if multiple is not None:
            present.add((spec.region, spec.chain))
            if weight is not None:
                normalized = estimate.e1rm_kg / (weight * multiple)
                normalized_by[(spec.region, spec.chain)].append(normalized)
        lifts.append(
            LiftScore(
                lift=slug,
                chain=spec.chain,
                region=spec.region,
                e1rm_kg=estimate.e1rm_kg,
                normalized=normalized,
                extrapolated=estimate.extrapolated,
                date=estimate.local_date,
                set_id=estimate.set_id,
            )
        )

    regions: dict[Region, RegionScore] = {}
    for region in REGIONS:
        posterior = _gmean_or_none(normalized_by[(region, "posterior")])
        anterior = _gmean_or_none(normalized_by[(region, "anterior")])
        index = _ratio(posterior, anterior)
        regions[region] = RegionScore(
            index=index,
            posterior=posterior,
            anterior=anterior,
            band=None if index is None else band_of(index, method),
            marked=None if index is None else is_marked(index, method),
            missing=tuple(side for side in SIDES if (region, side) not in present),
        )

    posterior = _gmean_or_none([r.posterior for r in regions.values() if r.posterior is not None])
    anterior = _gmean_or_none([r.anterior for r in regions.values() if r.anterior is not None])
    index = _ratio(posterior, anterior)
    missing: list[str] = [s for s in SIDES if all((r, s) not in present for r in REGIONS)]
    if present and weight is None:
        missing.append("bodyweight")
    return BalanceSnapshot(
        method_id=method.method_id,
        date=at_date,
        reference=reference,
        bodyweight_kg=bodyweight_kg,
        index=index,
        ln_index=None if index is None else math.log(index),
        band=None if index is None else band_of(index, method),
        marked=None if index is None else is_marked(index, method),
        posterior=posterior,
        anterior=anterior,
        regions=regions,
        lifts=tuple(lifts),
        missing=tuple(missing),
    )


def _can_be_best(e: SetEstimate, method: Method) -> bool:
    """Whether a set can be a lift's best: it has an e1RM and is counted, or not scored (§2)."""
    return e.e1rm_kg is not None and e.reason in (None, "not_scored") and e.lift in method.lifts


def _listed(estimates: Iterable[SetEstimate], method: Method) -> list[tuple[float, SetEstimate]]:
    """(e1RM, estimate) of the sets that can be a lift's best."""
    # `_can_be_best` rules out a missing e1RM; mypy cannot see through the call.
    return [(e.e1rm_kg, e) for e in estimates if _can_be_best(e, method)]  # type: ignore[misc]


def candidates(estimates: Sequence[SetEstimate], method: Method = PCB_1) -> list[SetEstimate]:
    """What `snapshot` and `snapshot_series` can answer from, of estimates sharing one local
    date (one workout's sets): per lift, the one that can be its best (the last of equal
    e1RMs, as both take the latest of equals), and every estimate that cannot be a best (they
    are listed as excluded sets). In input order. Reducing each workout's estimates to these,
    in the workouts' order, changes no snapshot and no series: within a date the best of a
    lift outlasts and outranks the rest, and which dates have a counted set is kept."""
    best: dict[str, tuple[float, SetEstimate]] = {}
    for e1rm, estimate in _listed(estimates, method):
        current = best.get(estimate.lift)
        if current is None or e1rm >= current[0]:
            best[estimate.lift] = (e1rm, estimate)
    chosen = {id(estimate) for _, estimate in best.values()}
    return [e for e in estimates if id(e) in chosen or not _can_be_best(e, method)]


def snapshot(
    estimates: Iterable[SetEstimate],
    at_date: dt.date,
    *,
    sex: str | None,
    bodyweight_kg: float | None,
    method: Method = PCB_1,
) -> BalanceSnapshot:
    """The balance at a date from the best e1RM per lift in the window ending there (§4)."""
    start = at_date - dt.timedelta(days=method.window_days - 1)
    best: dict[str, tuple[float, SetEstimate]] = {}
    # Sorted by date, and ">=" so the latest of equal e1RMs wins, as in snapshot_series.
    in_window = sorted(
        (pair for pair in _listed(estimates, method) if start <= pair[1].local_date <= at_date),
        key=lambda pair: pair[1].local_date,
    )
    for e1rm, estimate in in_window:
        current = best.get(estimate.lift)
        if current is None or e1rm >= current[0]:
            best[estimate.lift] = (e1rm, estimate)
    return _score(
        at_date,
        {lift: estimate for lift, (_, estimate) in best.items()},
        reference_for(sex),
        bodyweight_kg,
        method,
    )


class _SlidingMax:
    """Best estimate of one lift in a window sliding forward by date (monotonic deque)."""

    __slots__ = ("_items", "_next", "_window")

    def __init__(self, items: list[tuple[float, SetEstimate]]) -> None:
        self._items = items  # (e1RM, estimate) sorted by local_date
        self._next = 0
        # e1RMs strictly decreasing from the left; the left end is the window's best.
        self._window: deque[tuple[float, SetEstimate]] = deque()

    def best_at(self, day: dt.date, start: dt.date) -> SetEstimate | None:
        """Advance the window to [start, day] and return its best; days must not decrease."""
        items, window = self._items, self._window
        while self._next < len(items) and items[self._next][1].local_date <= day:
            pair = items[self._next]
            # "<=" drops an older equal e1RM: the newer one lasts longer and wins ties.
            while window and window[-1][0] <= pair[0]:
                window.pop()
            window.append(pair)
            self._next += 1
        while window and window[0][1].local_date < start:
            window.popleft()
        return window[0][1] if window else None


def snapshot_series(
    estimates: Iterable[SetEstimate],
    bodyweights: Iterable[BodyweightInput],
    profile_bodyweight_kg: float | None,
    sex: str | None,
    method: Method = PCB_1,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    *,
    tz: dt.tzinfo = dt.UTC,
) -> list[BalanceSnapshot]:
    """A snapshot at each local date with a counted set, in O(n log n) overall (§4)."""
    span = dt.timedelta(days=method.window_days - 1)
    if date_from is not None:
        # No window of a date from `date_from` on reaches back past this: older sets are
        # left out before sorting (a series continued from its last date stays cheap).
        oldest = date_from - span
        estimates = [e for e in estimates if e.local_date >= oldest]
    else:
        estimates = list(estimates)
    dates = sorted(
        {
            e.local_date
            for e in estimates
            if e.is_counted
            and (date_from is None or e.local_date >= date_from)
            and (date_to is None or e.local_date <= date_to)
        }
    )
    by_lift: dict[str, list[tuple[float, SetEstimate]]] = {}
    for pair in sorted(_listed(estimates, method), key=lambda pair: pair[1].local_date):
        by_lift.setdefault(pair[1].lift, []).append(pair)
    windows = {lift: _SlidingMax(items) for lift, items in by_lift.items()}

    timeline = BodyweightTimeline.build(bodyweights, profile_bodyweight_kg, method)
    reference = reference_for(sex)
    series: list[BalanceSnapshot] = []
    for day in dates:
        best = {}
        for lift, window in windows.items():
            found = window.best_at(day, day - span)
            if found is not None:
                best[lift] = found
        series.append(_score(day, best, reference, timeline.on_date(day, tz), method))
    return series
