"""Balance snapshots over a range with their Theil–Sen trend and EWMA, continued from the
series last computed for the same range."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta
from typing import Any

from sqlmodel import Session

from api.analytics import balance as balance_core
from api.analytics import trend as trend_core
from api.analytics import volume as volume_core
from api.analytics.constants import Method, get_method
from api.analytics.volume import VOLUME, ClassifiedSet
from api.errors import FieldError, InvalidInput
from api.policy import Access
from api.schemas import analytics as schemas
from api.services.analytics.loader import (
    DEFAULT_METHOD,
    Inputs,
    Loader,
    Owner,
    answer_json,
    check_range,
    method_named,
    today,
    uncached,
)
from api.services.analytics_cache import Point

STRENGTH_MEASURE = "strength"
VOLUME_MEASURE = "volume"
MEASURES = (STRENGTH_MEASURE, VOLUME_MEASURE)


def trend_read(t: trend_core.Trend) -> schemas.TrendRead:
    return schemas.TrendRead(
        status=t.status,
        reason=t.reason,
        n=t.n,
        span_days=t.span_days,
        slope_4w=t.slope_4w,
        slope_4w_low=t.slope_4w_low,
        slope_4w_high=t.slope_4w_high,
        kendall_tau=t.kendall_tau,
        p_value=t.p_value,
        significant=t.significant,
        direction=t.direction,
        toward_balance=t.toward_balance,
        smoothed_last=t.smoothed_last,
    )


def point(snapshot: balance_core.BalanceSnapshot) -> Point:
    regions = snapshot.regions
    return (snapshot.date, snapshot.index, regions["lower"].index, regions["upper"].index)


def series_from(
    inputs: Inputs, owner: Owner, date_from: date | None, date_to: date
) -> list[balance_core.BalanceSnapshot]:
    """The snapshots at each local date in [date_from, date_to] with a counted set."""
    return balance_core.snapshot_series(
        inputs.estimates,
        inputs.bodyweights,
        owner.bodyweight_kg,
        owner.sex,
        inputs.method,
        date_from=date_from,
        date_to=date_to,
        tz=inputs.tz,
    )


def _loaded_window(date_from: date | None, days: int | None = None) -> date | None:
    """The first date whose sets a snapshot from `date_from` on reads (B: 42 days)."""
    days = days or get_method().window_days
    return date_from - timedelta(days=days - 1) if date_from else None


def points(loader: Loader, date_from: date | None, date_to: date) -> tuple[list[Point], Method]:
    """The points of the series in [date_from, date_to], continued from those last computed
    for the same range: the points before the earliest date a workout was added, changed or
    removed on are kept (a snapshot reads only its window's sets and its date's bodyweight),
    the rest computed again. Plain tuples, which the garbage collector stops tracking."""
    owner, cache = loader.owner, loader.caches.series
    inputs, loaded = loader.candidates(first=_loaded_window(date_from), last=date_to)
    key = dataclasses.replace(loaded.key, first=date_from, last=date_to)
    (held,) = cache.get_many([key])
    if held is None:
        computed = [point(s) for s in series_from(inputs, owner, date_from, date_to)]
    else:
        since = _earliest_change(held[0], loaded.workouts)
        if since is None:
            return list(held[1]), inputs.method
        start = max(since, date_from) if date_from else since
        computed = [p for p in held[1] if p[0] < start]
        computed += [point(s) for s in series_from(inputs, owner, start, date_to)]
    cache.put_many([(key, (loaded.workouts, tuple(computed)))])
    return computed, inputs.method


def _earliest_change(
    before: dict[str, tuple[int, date | None]], now: dict[str, tuple[int, date | None]]
) -> date | None:
    """The earliest local date of a workout added, changed (its old and new date) or removed
    between two loads; None when none was (workouts without estimates have no date)."""
    moved = [
        day
        for one, other in ((before, now), (now, before))
        for workout, (_, day) in one.items()
        if day is not None and other.get(workout) != one[workout]
    ]
    return min(moved, default=None)


def trend_of_points(
    points: list[Point], method: Method, date_from: date | None, date_to: date
) -> schemas.BalanceTrendRead:
    indexed = [
        (day, index, lower, upper) for day, index, lower, upper in points if index is not None
    ]
    origin = indexed[0][0] if indexed else date_to
    fit = trend_core.trend([((day - origin).days, index) for day, index, _, _ in indexed], method)
    return schemas.BalanceTrendRead(
        method=method.method_id,
        date_from=date_from,
        date_to=date_to,
        points=[
            schemas.BalancePoint(date=day, index=index, lower=lower, upper=upper, smoothed=smoothed)
            for (day, index, lower, upper), smoothed in zip(indexed, fit.smoothed, strict=True)
        ],
        trend=trend_read(fit),
    )


def volume_points(sets: list[ClassifiedSet], date_from: date | None, date_to: date) -> list[Point]:
    """The volume balance V at each local date in [date_from, date_to] with a counted
    working set (§11), as (date, V, V_lower, V_upper)."""
    return [
        (v.date, v.index, v.regions["lower"].index, v.regions["upper"].index)
        for v in volume_core.volume_series(sets, date_from=date_from, date_to=date_to)
    ]


def _balance_trend(
    loader: Loader, date_from: date | None, date_to: date | None, measure: str
) -> schemas.BalanceTrendRead:
    date_to = date_to or today(loader.owner)
    if measure == VOLUME_MEASURE:
        first = _loaded_window(date_from, VOLUME.volume_window_days)
        sets = loader.classified(first=first, last=date_to)
        read = trend_of_points(
            volume_points(sets, date_from, date_to), loader.method, date_from, date_to
        )
    else:
        read = trend_of_points(*points(loader, date_from, date_to), date_from, date_to)
    if loader.method.method_id != "pcb-1":
        read.measure = measure
    return read


def balance_trend_json(
    access: Access,
    *,
    date_from: date | None,
    date_to: date | None,
    measure: str = STRENGTH_MEASURE,
    method: str = DEFAULT_METHOD.method_id,
) -> str:
    """Snapshots with an index in [from, to] (default: all history to today) and their trend:
    of the strength balance B, or (pcb-2) of the volume balance V."""
    chosen = method_named(method)
    if measure not in MEASURES:
        raise InvalidInput([FieldError("measure", f"must be one of {list(MEASURES)}")])
    if measure == VOLUME_MEASURE and chosen.method_id == "pcb-1":
        raise InvalidInput([FieldError("measure", "`volume` needs method pcb-2")])
    return answer_json(
        access,
        "balance_trend",
        lambda loader: _balance_trend(loader, date_from, date_to, measure),
        uses_pain=False,
        date_from=date_from,
        date_to=date_to,
        option=measure,
        method=chosen,
        exclude_unset=chosen.method_id == "pcb-1",
    )


def balance_rows(
    session: Session, owner: Owner, *, date_from: date | None, date_to: date | None
) -> list[dict[str, Any]]:
    """One row per snapshot with an index (the `balance` export, pcb-2), oldest first, with
    the volume balance V at its date (§11)."""
    check_range(date_from, date_to)
    date_to = date_to or today(owner)
    loader = uncached(session, owner.id, DEFAULT_METHOD)
    inputs, _ = loader.candidates(first=_loaded_window(date_from), last=date_to)
    indexed = [s for s in series_from(inputs, owner, date_from, date_to) if s.index is not None]
    origin = indexed[0].date if indexed else None
    fit = trend_core.trend(
        [((s.date - origin).days, s.index) for s in indexed if origin and s.index is not None],
        inputs.method,
    )
    sets = loader.classified(
        first=_loaded_window(date_from, VOLUME.volume_window_days), last=date_to
    )
    volumes = {v.date: v for v in volume_core.volume_series(sets, date_from=date_from)}
    rows = []
    for s, smoothed in zip(indexed, fit.smoothed, strict=True):
        volume = volumes.get(s.date) or volume_core.volume_balance(sets, s.date)
        rows.append(
            {
                "date": s.date,
                "index": s.index,
                "lower": s.regions["lower"].index,
                "upper": s.regions["upper"].index,
                "band": s.band,
                "marked": s.marked,
                "posterior": s.posterior,
                "anterior": s.anterior,
                "smoothed": smoothed,
                "volume_index": volume.index,
                "volume_lower": volume.regions["lower"].index,
                "volume_upper": volume.regions["upper"].index,
                "volume_band": volume.band,
                "volume_marked": volume.marked,
            }
        )
    return rows
