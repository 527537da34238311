"""Balance, trends, benchmarks, pain and the summary: loads one user's rows, runs the pure
pcb-1 core (`api.analytics`) and shapes the answers. Answers are cached per user and change
cursor, so a repeated request on unchanged data costs one small query; answers that read no
pain scores keep their cursor when only pain scores are written."""

from __future__ import annotations

import statistics
import uuid
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, Final, Protocol
from zoneinfo import ZoneInfo

from pydantic import BaseModel
from sqlmodel import Session

from api.analytics import balance as balance_core
from api.analytics import pain as pain_core
from api.analytics import trend as trend_core
from api.analytics.constants import (
    LiftSpec,
    Method,
    custom_lift,
    get_method,
    with_custom_lifts,
)
from api.analytics.e1rm import (
    WARMUP_SET_TYPE,
    BodyweightInput,
    BodyweightTimeline,
    SetEstimate,
    SetInput,
    estimate_on,
    estimate_sets,
)
from api.errors import FieldError, InvalidInput, NotFound
from api.policy import Access
from api.schemas import analytics as schemas
from api.services import pain_scores
from api.services.analytics_cache import (
    RESULTS,
    SERIES,
    WINDOWS,
    WORKOUT_CANDIDATES,
    WORKOUT_SETS,
    CustomLifts,
    HeldWorkout,
    ParsedWorkout,
    WorkoutCandidates,
)
from db.base import canonical_uuid
from db.queries import analytics as analytics_queries

FIRST_CLASS_LIFTS = ("deadlift", "hip_thrust", "pull_up")
BODYWEIGHT_LOAD_TYPES = {"bodyweight", "bodyweight_plus", "assisted"}


# Where a frozen estimate (`SetEstimate.frozen`) holds its local date.
_LOCAL_DATE: Final = 2

# Past this many workouts not held, one read of the whole range beats naming each of them.
_READ_ALL_ABOVE = 100


class NotCached(Exception):
    """Raised instead of computing an answer that is not cached (`cached_only=True`)."""


class Owner(Protocol):
    """What the answers read of the owner's account: an account (`User`), or the facts read
    with the owner's cursors (`_OwnerFacts`)."""

    @property
    def id(self) -> uuid.UUID: ...

    @property
    def timezone(self) -> str: ...

    @property
    def sex(self) -> str: ...

    @property
    def bodyweight_kg(self) -> float | None: ...


@dataclass(frozen=True, slots=True)
class _OwnerFacts:
    """The owner as the cursor query read them (`OwnerState`), with the custom exercises'
    stamp: computing a cached answer reads no account and no stamp again."""

    id: uuid.UUID
    timezone: str
    sex: str
    bodyweight_kg: float | None
    custom_exercises_at: datetime | None


# Pain scores are the one resource whose writes leave the strength figures alone.
STATE_LEFT_OUT = pain_scores.KIND.resource


def _state(session: Session, access: Access) -> analytics_queries.OwnerState:
    state = analytics_queries.owner_state(session, access.owner_id, left_out=STATE_LEFT_OUT)
    if state is None:  # deleted since the access check, in another transaction
        raise NotFound("No such user")
    return state


def _key(
    state: analytics_queries.OwnerState,
    owner_id: uuid.UUID,
    name: str,
    params: tuple[Any, ...],
    *,
    uses_pain: bool,
) -> tuple[Any, ...]:
    cursor = state.any_write if uses_pain else state.strength
    return (name, owner_id, cursor, state.updated_at, params)


def _peek(
    state: analytics_queries.OwnerState,
    owner_id: uuid.UUID,
    name: str,
    params: tuple[Any, ...],
    *,
    uses_pain: bool,
) -> str:
    """The answer this process holds for the owner's `state`, else `NotCached`."""
    found = RESULTS.peek(_key(state, owner_id, name, params, uses_pain=uses_pain))
    if found is None:
        raise NotCached(name)
    return found


def _cached(
    state: analytics_queries.OwnerState,
    access: Access,
    name: str,
    params: tuple[Any, ...],
    compute: Callable[[Owner], BaseModel],
    *,
    uses_pain: bool,
    cached_only: bool = False,
) -> str:
    """`compute`'s answer for the owner as JSON, from the cache while the owner's profile and
    the data the answer depends on are unchanged: every write, or (`uses_pain` False) every
    write but a pain score's. Computed with the owner's facts as `state` read them."""
    if cached_only:
        return _peek(state, access.owner_id, name, params, uses_pain=uses_pain)
    key = _key(state, access.owner_id, name, params, uses_pain=uses_pain)
    owner = _OwnerFacts(
        access.owner_id, state.timezone, state.sex, state.bodyweight_kg, state.strength[1]
    )
    return RESULTS.get_or_compute(key, lambda: compute(owner).model_dump_json(by_alias=True))


@dataclass(frozen=True, slots=True)
class _Inputs:
    """What the answers are computed from: every estimate (`_load`), or each workout's
    balance candidates only (`_load_candidates`, which leaves `sets` empty)."""

    method: Method
    tz: ZoneInfo
    estimates: list[SetEstimate]
    sets: dict[str, SetInput]  # estimable sets by id (benchmarks read their reps)
    bodyweights: list[BodyweightInput]
    timeline: BodyweightTimeline


def today(owner: Owner) -> date:
    """The owner's calendar date now."""
    return _today_in(owner.timezone)


def _today_in(timezone: str) -> date:
    return datetime.now(ZoneInfo(timezone)).date()


def _local_start(day: date, tz: ZoneInfo) -> datetime:
    return datetime.combine(day, time.min, tzinfo=tz).astimezone(UTC)


def _parse(
    set_rows: Iterable[Sequence[Any]], tz: ZoneInfo
) -> tuple[list[SetInput], dict[str, LiftSpec]]:
    """`SetRow`s as the sets to estimate and the custom lifts they name (no I/O)."""
    custom: dict[str, LiftSpec] = {}
    local_dates: dict[datetime, date] = {}  # a workout's sets share its instant
    inputs: list[SetInput] = []
    for row in set_rows:
        set_id, slug, chain, region, load_type, is_system, started, set_type, reps, load_kg = row[
            :10
        ]
        if not is_system and chain in ("posterior", "anterior") and region in ("lower", "upper"):
            custom[slug] = custom_lift(
                slug,
                chain,
                region,
                load_model="bodyweight" if load_type in BODYWEIGHT_LOAD_TYPES else "external",
            )
        if set_type == WARMUP_SET_TYPE:
            # A warm-up never has an e1RM nor enters any answer (its estimate would only say
            # "warmup"), so it is not estimated at all.
            continue
        day = local_dates.get(started)
        if day is None:
            day = local_dates[started] = started.astimezone(tz).date()
        set_id = canonical_uuid(set_id) if isinstance(set_id, str) else str(set_id)
        inputs.append(SetInput(set_id, slug, started, day, set_type, reps, load_kg))
    return inputs, custom


def _inputs(
    owner: Owner,
    set_rows: Iterable[Sequence[Any]],
    bodyweight_rows: Iterable[Sequence[Any]],
) -> _Inputs:
    """Estimates for one owner from already-loaded rows (no I/O): `SetRow`-ordered set rows,
    (measured_at, weight_kg) bodyweight rows."""
    tz = ZoneInfo(owner.timezone)
    inputs, custom = _parse(set_rows, tz)
    return _estimated(owner, tz, inputs, custom, bodyweight_rows)


def _estimated(
    owner: Owner,
    tz: ZoneInfo,
    inputs: list[SetInput],
    custom: dict[str, LiftSpec],
    bodyweight_rows: Iterable[Sequence[Any]],
) -> _Inputs:
    method = _method_with(custom.values())
    bodyweights = [
        BodyweightInput(measured_at, weight_kg) for measured_at, weight_kg, *_ in bodyweight_rows
    ]
    timeline = BodyweightTimeline.build(bodyweights, owner.bodyweight_kg, method)
    return _Inputs(
        method=method,
        tz=tz,
        estimates=estimate_sets(inputs, bodyweights, owner.bodyweight_kg, method),
        sets={s.set_id: s for s in inputs},
        bodyweights=bodyweights,
        timeline=timeline,
    )


@dataclass(frozen=True, slots=True)
class _Range:
    """The workouts whose local date is in a range, as keys of the per-workout caches."""

    tz: ZoneInfo
    start: datetime | None
    end: datetime | None
    stamp: tuple[Any, ...]  # (owner, time zone, custom exercises' stamp)
    keys: list[tuple[Any, ...]]  # (*stamp, workout id, version)


def _range(session: Session, owner: Owner, first: date | None, last: date | None) -> _Range:
    tz = ZoneInfo(owner.timezone)
    start = _local_start(first, tz) if first else None
    end = _local_start(last + timedelta(days=1), tz) if last else None
    workouts = analytics_queries.owner_workouts(session, owner.id, start=start, end=end)
    custom_at = (  # read with the cursors when computing a cached answer
        owner.custom_exercises_at
        if isinstance(owner, _OwnerFacts)
        else analytics_queries.custom_exercises_at(session, owner.id)
    )
    # The owner's id as text: a UUID hashes and compares in Python, once per key per lookup.
    stamp = (str(owner.id), owner.timezone, custom_at)
    keys = [(*stamp, workout_id, version) for workout_id, version in workouts]
    return _Range(tz, start, end, stamp, keys)


def _parsed(
    session: Session, owner: Owner, span: _Range, keys: list[tuple[Any, ...]]
) -> list[ParsedWorkout]:
    """The parsed sets of the workouts `keys` names (of `span`), from `WORKOUT_SETS` where held;
    the others are read (all of the range's sets when more than `_READ_ALL_ABOVE` are not
    held) and kept. A workout written between the two reads is answered as it is now, as a
    read a moment later would; what is kept under its older version is never asked for again
    (versions only grow)."""
    found = WORKOUT_SETS.get_many(keys)
    missing = [key for key, item in zip(keys, found, strict=True) if item is None]
    if not missing:
        return found  # type: ignore[return-value]  # none is None
    if len(missing) > _READ_ALL_ABOVE:
        rows = analytics_queries.owner_sets(session, owner.id, start=span.start, end=span.end)
    else:
        rows = analytics_queries.workout_sets(session, [uuid.UUID(key[3]) for key in missing])
    by_workout: dict[str, list[Sequence[Any]]] = defaultdict(list)
    for row in rows:
        by_workout[row[10]].append(row)
    read: dict[Hashable, ParsedWorkout] = {}
    for key in missing:
        inputs, custom = _parse(by_workout.get(key[3], ()), span.tz)
        read[key] = (
            tuple(tuple(s) for s in inputs),
            tuple((c.slug, c.chain, c.region, c.load_model) for c in custom.values()),
        )
    WORKOUT_SETS.put_many(list(read.items()))
    return [item or read[key] for key, item in zip(keys, found, strict=True)]


def _method_with(custom: Iterable[LiftSpec]) -> Method:
    """The method with these custom lifts, in slug order: the order answers list them in is
    then the same whichever workouts of the range named them first."""
    ordered = sorted(custom, key=lambda c: c.slug)
    return with_custom_lifts(get_method(), ordered) if ordered else get_method()


def _with_custom(customs: Iterable[CustomLifts]) -> tuple[Method, dict[str, LiftSpec]]:
    """The method with the custom lifts the workouts name, and those lifts by slug."""
    lifts: dict[str, LiftSpec] = {}
    for named in customs:
        for slug, chain, region, load_model in named:
            lifts[slug] = custom_lift(slug, chain, region, load_model=load_model)
    return _method_with(lifts.values()), lifts


def _load(session: Session, owner: Owner, *, first: date | None, last: date | None) -> _Inputs:
    """Sets whose local date is in [first, last] (None = unbounded), bodyweights, estimates.
    Parsed sets come from `WORKOUT_SETS` where held (`_parsed`)."""
    span = _range(session, owner, first, last)
    parsed = _parsed(session, owner, span, span.keys)
    all_inputs: list[SetInput] = []
    for sets, _ in parsed:
        all_inputs.extend(map(SetInput._make, sets))
    _, custom = _with_custom(custom for _, custom in parsed)
    bodyweights = analytics_queries.owner_bodyweights(session, owner.id)
    return _estimated(owner, span.tz, all_inputs, custom, bodyweights)


@dataclass(frozen=True, slots=True)
class _Loaded:
    """What a candidates load was made from: the stamp of everything but the workouts (owner,
    time zone, custom exercises, bodyweights), and each workout as (version, local date of
    its estimates, None when it has none)."""

    stamp: tuple[Any, ...]
    workouts: dict[str, tuple[int, date | None]]


def _candidates_of(
    session: Session,
    owner: Owner,
    span: _Range,
    keys: list[tuple[Any, ...]],
    timeline: BodyweightTimeline,
    weighed: int,
) -> list[WorkoutCandidates]:
    """The balance candidates of the workouts `keys` names (of `span`), from
    `WORKOUT_CANDIDATES` where held and estimated with the current bodyweights, else estimated
    now from their parsed sets (`_parsed`) and kept there."""
    found = WORKOUT_CANDIDATES.get_many(keys)
    stale = [
        key
        for key, item in zip(keys, found, strict=True)
        if item is None or item[0] not in (None, weighed)
    ]
    if not stale:
        return found  # type: ignore[return-value]  # none is None
    fresh: dict[Hashable, WorkoutCandidates] = {}
    parsed = _parsed(session, owner, span, stale)
    method, _ = _with_custom(custom for _, custom in parsed)
    for key, (sets, custom) in zip(stale, parsed, strict=True):
        inputs = [SetInput._make(s) for s in sets]
        kept = balance_core.candidates(estimate_on(inputs, timeline, method), method)
        needs_bodyweight = any(
            method.lifts[s.lift].load_model != "external" for s in inputs if s.lift in method.lifts
        )
        held = tuple(estimate.frozen() for estimate in kept)
        fresh[key] = (weighed if needs_bodyweight else None, custom, held)
    WORKOUT_CANDIDATES.put_many(list(fresh.items()))
    return [fresh.get(key) or item for key, item in zip(keys, found, strict=True)]  # type: ignore[misc]


def _load_candidates(
    session: Session, owner: Owner, *, first: date | None, last: date | None
) -> tuple[_Inputs, _Loaded]:
    """`_load` for balance snapshots and series: each workout's estimates reduced to its
    candidates (`balance_core.candidates`), which answer alike. The range's last load is held
    (`WINDOWS`): only workouts not in it are looked up (`_candidates_of`), and a held workout
    is estimated again only when it names a bodyweight lift and the owner's bodyweights
    (entries or profile) changed since; `sets` is left empty."""
    span = _range(session, owner, first, last)
    bodyweights = [
        BodyweightInput(measured_at, weight_kg)
        for measured_at, weight_kg in analytics_queries.owner_bodyweights(session, owner.id)
    ]
    weighed = hash((tuple((b.measured_at, b.weight_kg) for b in bodyweights), owner.bodyweight_kg))
    # Built once: custom lifts do not change the method's bodyweight matching window.
    timeline = BodyweightTimeline.build(bodyweights, owner.bodyweight_kg, get_method())
    window = (*span.stamp, weighed, first, last)
    held = WINDOWS.peek(window)
    pairs: list[HeldWorkout | None] = (
        [None] * len(span.keys) if held is None else [held.get(key) for key in span.keys]
    )
    missing = [key for key, pair in zip(span.keys, pairs, strict=True) if pair is None]
    if missing:
        made = {
            key: (item, tuple(map(SetEstimate._make, item[2])))
            for key, item in zip(
                missing,
                _candidates_of(session, owner, span, missing, timeline, weighed),
                strict=True,
            )
        }
        pairs = [pair or made[key] for key, pair in zip(span.keys, pairs, strict=True)]
    workouts: list[HeldWorkout] = pairs  # type: ignore[assignment]  # none is None now
    estimates: list[SetEstimate] = []
    for _, held_estimates in workouts:
        estimates.extend(held_estimates)
    if missing or held is None:
        WINDOWS.put_many([(window, (len(estimates), dict(zip(span.keys, workouts, strict=True))))])
    method, _ = _with_custom(item[1] for item, _ in workouts)
    loads = _Inputs(
        method=method,
        tz=span.tz,
        estimates=estimates,
        sets={},
        bodyweights=bodyweights,
        timeline=timeline,
    )
    loaded = _Loaded(
        stamp=(*span.stamp, weighed),
        workouts={
            key[3]: (key[4], item[2][0][_LOCAL_DATE] if item[2] else None)
            for key, (item, _) in zip(span.keys, workouts, strict=True)
        },
    )
    return loads, loaded


def _trend(t: trend_core.Trend) -> schemas.TrendRead:
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


def _region(score: balance_core.RegionScore) -> schemas.RegionBalance:
    return schemas.RegionBalance(
        index=score.index,
        posterior=score.posterior,
        anterior=score.anterior,
        band=score.band,
        marked=score.marked,
        missing=list(score.missing),
    )


def _check_range(date_from: date | None, date_to: date | None) -> None:
    if date_from is not None and date_to is not None and date_from > date_to:
        raise InvalidInput([FieldError("from", "must not be after `to`")])


# ---------------------------------------------------------------- balance


def _balance(session: Session, owner: Owner, at: date) -> schemas.BalanceRead:
    window_start = at - timedelta(days=get_method().window_days - 1)
    inputs, _ = _load_candidates(session, owner, first=window_start, last=at)
    return _balance_from(inputs, owner, at)


def _balance_from(inputs: _Inputs, owner: Owner, at: date) -> schemas.BalanceRead:
    snap = balance_core.snapshot(
        inputs.estimates,
        at,
        sex=owner.sex,
        bodyweight_kg=inputs.timeline.on_date(at, inputs.tz),
        method=inputs.method,
    )
    return schemas.BalanceRead(
        method=snap.method_id,
        date=snap.date,
        reference=snap.reference,
        bodyweight_kg=snap.bodyweight_kg,
        index=snap.index,
        ln_index=snap.ln_index,
        band=snap.band,
        marked=snap.marked,
        posterior=snap.posterior,
        anterior=snap.anterior,
        regions=schemas.RegionsBalance(
            lower=_region(snap.regions["lower"]), upper=_region(snap.regions["upper"])
        ),
        lifts=[
            schemas.LiftBalance(
                lift=ls.lift,
                chain=ls.chain,
                region=ls.region,
                e1rm_kg=ls.e1rm_kg,
                normalized=ls.normalized,
                extrapolated=ls.extrapolated,
                date=ls.date,
                set_id=ls.set_id,
            )
            for ls in snap.lifts
        ],
        missing=list(snap.missing),
        excluded_sets=[
            schemas.ExcludedSet(
                set_id=e.set_id,
                lift=e.lift,
                date=e.local_date,
                reason=e.reason or "",
            )
            for e in inputs.estimates
            if e.reason in ("no_bodyweight", "non_positive_load") and e.local_date <= at
        ],
    )


def _balance_params(state: analytics_queries.OwnerState, at: date | None) -> tuple[date]:
    return (at or _today_in(state.timezone),)


def balance_json(
    session: Session,
    access: Access,
    *,
    at: date | None,
    cached_only: bool = False,
    state: analytics_queries.OwnerState | None = None,
) -> str:
    """The balance snapshot at a local date (default: the owner's today). `state`: the owner's
    cursors, when the caller read them already (`peek_balance` missed)."""
    state = state or _state(session, access)
    params = _balance_params(state, at)
    return _cached(
        state,
        access,
        "balance",
        params,
        lambda owner: _balance(session, owner, params[0]),
        uses_pain=False,
        cached_only=cached_only,
    )


def peek_balance(
    state: analytics_queries.OwnerState, owner_id: uuid.UUID, *, at: date | None
) -> str:
    """`balance_json` as this process holds it for the owner's `state`, else `NotCached`."""
    return _peek(state, owner_id, "balance", _balance_params(state, at), uses_pain=False)


def _series(
    session: Session, owner: Owner, date_from: date | None, date_to: date
) -> tuple[list[balance_core.BalanceSnapshot], Method]:
    """The snapshots with a counted set in [date_from, date_to] (`_series_from`)."""
    window = timedelta(days=get_method().window_days - 1)
    first = date_from - window if date_from else None
    inputs, _ = _load_candidates(session, owner, first=first, last=date_to)
    return _series_from(inputs, owner, date_from, date_to)


# A snapshot as the trend and the pain association read it: (date, B, B_lower, B_upper).
_Point = tuple[date, float | None, float | None, float | None]


def _point(snapshot: balance_core.BalanceSnapshot) -> _Point:
    regions = snapshot.regions
    return (snapshot.date, snapshot.index, regions["lower"].index, regions["upper"].index)


def _points(
    session: Session, owner: Owner, date_from: date | None, date_to: date
) -> tuple[list[_Point], Method]:
    """The points of `_series`, continued from those last computed for the same range and
    stamp (`SERIES`): the points before the earliest date a workout was added, changed or
    removed on are kept, the rest computed again (a snapshot reads only its window's sets and
    the bodyweight of its date, both unchanged before that date). Points are tuples of plain
    values, which the garbage collector stops tracking."""
    window = timedelta(days=get_method().window_days - 1)
    first = date_from - window if date_from else None
    inputs, loaded = _load_candidates(session, owner, first=first, last=date_to)
    key = (*loaded.stamp, owner.sex, date_from, date_to)
    held = SERIES.get_many([key])[0]
    if held is None:
        series, method = _series_from(inputs, owner, date_from, date_to)
        points = [_point(s) for s in series]
    else:
        since = _earliest_change(held[0], loaded.workouts)
        if since is None:
            return list(held[1]), inputs.method
        start = max(since, date_from) if date_from else since
        series, method = _series_from(inputs, owner, start, date_to)
        points = [p for p in held[1] if p[0] < start] + [_point(s) for s in series]
    SERIES.put_many([(key, (loaded.workouts, tuple(points)))])
    return points, method


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


def _series_from(
    inputs: _Inputs, owner: Owner, date_from: date | None, date_to: date
) -> tuple[list[balance_core.BalanceSnapshot], Method]:
    series = balance_core.snapshot_series(
        inputs.estimates,
        inputs.bodyweights,
        owner.bodyweight_kg,
        owner.sex,
        inputs.method,
        date_from=date_from,
        date_to=date_to,
        tz=inputs.tz,
    )
    return series, inputs.method


def _balance_trend(
    session: Session, owner: Owner, date_from: date | None, date_to: date
) -> schemas.BalanceTrendRead:
    return _trend_of_points(*_points(session, owner, date_from, date_to), date_from, date_to)


def _trend_of(
    series: list[balance_core.BalanceSnapshot],
    method: Method,
    date_from: date | None,
    date_to: date,
) -> schemas.BalanceTrendRead:
    return _trend_of_points([_point(s) for s in series], method, date_from, date_to)


def _trend_of_points(
    points: list[_Point], method: Method, date_from: date | None, date_to: date
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
        trend=_trend(fit),
    )


def _trend_params(
    state: analytics_queries.OwnerState, date_from: date | None, date_to: date | None
) -> tuple[date | None, date]:
    return (date_from, date_to or _today_in(state.timezone))


def balance_trend_json(
    session: Session,
    access: Access,
    *,
    date_from: date | None,
    date_to: date | None,
    cached_only: bool = False,
    state: analytics_queries.OwnerState | None = None,
) -> str:
    """Snapshots with an index in [from, to] (default: all history to today) and their trend.
    `state`: the owner's cursors, when the caller read them already (`peek_balance_trend`
    missed)."""
    _check_range(date_from, date_to)  # before any read
    state = state or _state(session, access)
    params = _trend_params(state, date_from, date_to)
    return _cached(
        state,
        access,
        "balance_trend",
        params,
        lambda owner: _balance_trend(session, owner, *params),
        uses_pain=False,
        cached_only=cached_only,
    )


def peek_balance_trend(
    state: analytics_queries.OwnerState,
    owner_id: uuid.UUID,
    *,
    date_from: date | None,
    date_to: date | None,
) -> str:
    """`balance_trend_json` as this process holds it for the owner's `state`, else
    `NotCached`."""
    _check_range(date_from, date_to)
    params = _trend_params(state, date_from, date_to)
    return _peek(state, owner_id, "balance_trend", params, uses_pain=False)


# ---------------------------------------------------------------- benchmarks


def _benchmarks(
    session: Session, owner: Owner, lift: str | None, date_from: date | None, date_to: date | None
) -> schemas.BenchmarksRead:
    inputs = _load(session, owner, first=None, last=None)
    method = inputs.method
    daily: dict[str, dict[date, SetEstimate]] = defaultdict(dict)
    for e in inputs.estimates:
        if e.e1rm_kg is None or e.reason not in (None, "not_scored"):
            continue
        best = daily[e.lift].get(e.local_date)
        if best is None or (best.e1rm_kg or 0.0) < e.e1rm_kg:
            daily[e.lift][e.local_date] = e
    scored = [slug for slug, spec in method.lifts.items() if spec.is_scored]
    order = list(FIRST_CLASS_LIFTS) + sorted(
        s for s in daily if s not in FIRST_CLASS_LIFTS and (s in scored or s in method.lifts)
    )
    if lift is not None:
        if lift not in method.lifts:
            raise InvalidInput([FieldError("lift", f"not a lift of {method.method_id}: {lift!r}")])
        order = [lift]
    answers = []
    for slug in order:
        spec = method.lifts[slug]
        days = sorted(daily.get(slug, {}).items())
        all_time = max(days, key=lambda item: (item[1].e1rm_kg or 0.0, item[0]), default=None)
        in_range = [
            (d, e)
            for d, e in days
            if (date_from is None or d >= date_from) and (date_to is None or d <= date_to)
        ]
        origin = in_range[0][0] if in_range else None
        values = [e.e1rm_kg or 0.0 for _, e in in_range]
        fit = trend_core.trend(
            [((d - origin).days, e.e1rm_kg or 0.0) for d, e in in_range] if origin else [],
            method,
            center=None,
            directions=trend_core.VALUE_DIRECTIONS,
            stable_threshold=method.benchmark_stable_fraction * statistics.median(values)
            if values
            else None,
        )
        strict_reps = None
        if spec.load_model == "bodyweight":
            strict = [
                s.reps
                for s in inputs.sets.values()
                if s.lift == slug and s.set_type != "warmup" and s.load_kg == 0
            ]
            strict_reps = max(strict, default=None)
        answers.append(
            schemas.LiftBenchmark(
                lift=slug,
                chain=spec.chain,
                region=spec.region,
                points=[
                    schemas.E1rmPoint(
                        date=d,
                        e1rm_kg=e.e1rm_kg or 0.0,
                        set_id=e.set_id,
                        extrapolated=e.extrapolated,
                    )
                    for d, e in in_range
                ],
                latest=schemas.DatedValue(
                    date=in_range[-1][0], e1rm_kg=in_range[-1][1].e1rm_kg or 0.0
                )
                if in_range
                else None,
                best=schemas.DatedValue(date=all_time[0], e1rm_kg=all_time[1].e1rm_kg or 0.0)
                if all_time
                else None,
                trend=_trend(fit),
                best_strict_reps=strict_reps,
            )
        )
    return schemas.BenchmarksRead(method=method.method_id, lifts=answers)


def benchmarks_json(
    session: Session,
    access: Access,
    *,
    lift: str | None,
    date_from: date | None,
    date_to: date | None,
    cached_only: bool = False,
) -> str:
    """Per-lift best e1RM per day, latest, all-time best and trend."""
    _check_range(date_from, date_to)
    state = _state(session, access)
    return _cached(
        state,
        access,
        "benchmarks",
        (lift, date_from, date_to, _today_in(state.timezone)),
        lambda owner: _benchmarks(session, owner, lift, date_from, date_to),
        uses_pain=False,
        cached_only=cached_only,
    )


# ---------------------------------------------------------------- pain


def _pain_trend(
    session: Session,
    owner: Owner,
    region: str | None,
    date_from: date | None,
    date_to: date | None,
) -> schemas.PainTrendRead:
    method = get_method()
    tz = ZoneInfo(owner.timezone)
    start = _local_start(date_from, tz) if date_from else None
    end = _local_start(date_to + timedelta(days=1), tz) if date_to else None
    rows = analytics_queries.pain_scores(session, [owner.id], start=start, end=end)
    groups: dict[tuple[str, str | None], list[Any]] = defaultdict(list)
    for row in rows:
        if region is None or row.region == region:
            groups[(row.region, row.side)].append(row)
    region_order = {r: i for i, r in enumerate(method.pain_regions)}
    series = []
    for (reg, side), entries in sorted(
        groups.items(), key=lambda item: (region_order.get(item[0][0], 99), item[0][1] or "")
    ):
        first, last = entries[0], entries[-1]
        origin = first.recorded_at
        fit = trend_core.trend(
            [((e.recorded_at - origin).total_seconds() / 86400, float(e.score)) for e in entries],
            method,
            center=None,
            directions=trend_core.VALUE_DIRECTIONS,
            stable_threshold=method.pain_stable_points,
        )
        change = pain_core.pain_change(first.score, last.score, method)
        series.append(
            schemas.PainSeries(
                region=reg,
                side=side,
                points=[
                    schemas.PainPoint(
                        recorded_at=e.recorded_at,
                        date=e.recorded_at.astimezone(tz).date(),
                        score=e.score,
                    )
                    for e in entries
                ],
                latest=schemas.PainLatest(
                    score=last.score,
                    band=pain_core.pain_band(last.score, method),
                    recorded_at=last.recorded_at,
                ),
                change=schemas.PainChangeRead(
                    baseline=change.baseline,
                    last=change.last,
                    delta=change.delta,
                    percent=change.percent,
                    clinically_important=change.clinically_important,
                    direction=change.direction,
                ),
                trend=_trend(fit),
            )
        )
    assoc_region = region or method.association_default_region
    points, _ = _points(session, owner, None, date_to or today(owner))
    assoc = pain_core.association(
        [(r.recorded_at.astimezone(tz).date(), r.score) for r in rows if r.region == assoc_region],
        [(day, index) for day, index, *_ in points],
        method,
        region=assoc_region,
    )
    return schemas.PainTrendRead(
        method=method.method_id,
        series=series,
        association=schemas.AssociationRead(
            region=assoc.region,
            note=assoc.note,
            lags=[
                schemas.LagAssociation(
                    lag_days=lag.lag_days,
                    n=lag.n,
                    rho=lag.rho,
                    p_value=lag.p_value,
                    status=lag.status,
                    reason=lag.reason,
                    supports_hypothesis=lag.supports_hypothesis,
                )
                for lag in assoc.lags
            ],
        ),
    )


def pain_trend_json(
    session: Session,
    access: Access,
    *,
    region: str | None,
    date_from: date | None,
    date_to: date | None,
    cached_only: bool = False,
) -> str:
    """Per region and side: points, latest band, change from the first entry, trend; and the
    pain–balance association."""
    _check_range(date_from, date_to)
    state = _state(session, access)
    return _cached(
        state,
        access,
        "pain_trend",
        (region, date_from, date_to, _today_in(state.timezone)),
        lambda owner: _pain_trend(session, owner, region, date_from, date_to),
        uses_pain=True,
        cached_only=cached_only,
    )


# ---------------------------------------------------------------- summary


def _flags(
    owner: Owner,
    method: Method,
    snapshot: schemas.BalanceRead,
    fit: schemas.TrendRead,
    pain_rows: Sequence[Any],
    last_workout: datetime | None,
) -> list[schemas.Flag]:
    now = datetime.now(UTC)
    flags: list[schemas.Flag] = []
    recent_high = [
        r
        for r in pain_rows
        if r.score >= method.pain_high_score
        and now - r.recorded_at <= timedelta(days=method.pain_high_days)
    ]
    if recent_high:
        worst = max(recent_high, key=lambda r: r.score)
        flags.append(
            schemas.Flag(
                code="pain_high",
                detail=f"{worst.region.replace('_', ' ')} pain {worst.score}/10 within the last "
                f"{method.pain_high_days} days",
            )
        )
    by_site: dict[tuple[str, str | None], list[Any]] = defaultdict(list)
    for r in pain_rows:
        if now - r.recorded_at <= timedelta(days=method.pain_rising_days):
            by_site[(r.region, r.side)].append(r)
    rising = []
    for (reg, _side), entries in by_site.items():
        change = pain_core.pain_change(entries[0].score, entries[-1].score, method)
        if change.clinically_important and change.direction == "worsened":
            rising.append(f"{reg.replace('_', ' ')} {entries[0].score}→{entries[-1].score}")
    if rising:
        flags.append(
            schemas.Flag(
                code="pain_rising",
                detail=f"clinically important rise in the last {method.pain_rising_days} days: "
                + ", ".join(sorted(rising)),
            )
        )
    if snapshot.marked:
        flags.append(
            schemas.Flag(
                code="marked_imbalance",
                detail=f"balance index {snapshot.index:.2f} is outside "
                f"{method.marked_low}–{method.marked_high}",
            )
        )
    if last_workout is None or now - last_workout > timedelta(days=method.inactive_days):
        flags.append(
            schemas.Flag(
                code="inactive",
                detail="no workout logged yet"
                if last_workout is None
                else f"no workout for {(now - last_workout).days} days",
            )
        )
    if (
        fit.status == "ok"
        and fit.significant
        and fit.toward_balance is False
        and fit.direction != "stable"
    ):
        flags.append(
            schemas.Flag(
                code="worsening",
                detail=f"balance moving away from 1.0 ({fit.slope_4w:+.3f} per 4 weeks, "
                f"p={fit.p_value:.3f})",
            )
        )
    del owner
    return flags


def _summary_from(
    owner: Owner, inputs: _Inputs, pain_rows: Sequence[Any], last_workout: datetime | None
) -> schemas.SummaryRead:
    """The summary from already-loaded rows: the summary endpoint and the roster share it."""
    method = get_method()
    day = today(owner)
    snapshot = _balance_from(inputs, owner, day)
    since = day - timedelta(days=method.summary_trend_days)
    recent = _trend_of(*_series_from(inputs, owner, since, day), since, day)
    latest: dict[tuple[str, str | None], Any] = {}
    for row in pain_rows:
        latest[(row.region, row.side)] = row
    region_order = {r: i for i, r in enumerate(method.pain_regions)}
    return schemas.SummaryRead(
        method=method.method_id,
        balance=schemas.SummaryBalance(
            date=snapshot.date,
            index=snapshot.index,
            band=snapshot.band,
            marked=snapshot.marked,
            lower=snapshot.regions.lower.index,
            upper=snapshot.regions.upper.index,
            missing=snapshot.missing,
        ),
        balance_trend=recent.trend,
        pain=[
            schemas.PainLatestByRegion(
                region=r.region,
                side=r.side,
                score=r.score,
                band=pain_core.pain_band(r.score, method),
                recorded_at=r.recorded_at,
            )
            for _, r in sorted(
                latest.items(),
                key=lambda item: (region_order.get(item[0][0], 99), item[0][1] or ""),
            )
        ],
        last_workout_at=last_workout,
        flags=_flags(owner, method, snapshot, recent.trend, pain_rows, last_workout),
    )


def summaries(
    session: Session, owners: Sequence[Owner], *, pain_since: datetime | None = None
) -> dict[Any, schemas.SummaryRead]:
    """Summaries of many users with a constant number of queries (one per dataset)."""
    if not owners:
        return {}
    method = get_method()
    ids = [o.id for o in owners]
    # Enough history for today's window and the recent trend, whatever each time zone.
    days = method.summary_trend_days + method.window_days + 2
    start = datetime.now(UTC) - timedelta(days=days)
    set_rows: dict[Any, list[Any]] = defaultdict(list)
    for row in analytics_queries.sets(session, ids, start=start, end=None):
        set_rows[row.user_id].append(row)
    bodyweight_rows: dict[Any, list[Any]] = defaultdict(list)
    for row in analytics_queries.bodyweights(session, ids):
        bodyweight_rows[row.user_id].append((row.measured_at, row.weight_kg))
    pain_rows: dict[Any, list[Any]] = defaultdict(list)
    for row in analytics_queries.pain_scores(session, ids, start=pain_since):
        pain_rows[row.user_id].append(row)
    last_workouts = analytics_queries.last_workout_at(session, ids)
    return {
        o.id: _summary_from(
            o,
            _inputs(o, set_rows[o.id], bodyweight_rows[o.id]),
            pain_rows[o.id],
            last_workouts.get(o.id),
        )
        for o in owners
    }


def _summary(session: Session, owner: Owner) -> schemas.SummaryRead:
    return summaries(session, [owner])[owner.id]


def summary_json(session: Session, access: Access, *, cached_only: bool = False) -> str:
    """Latest balance, 12-week direction, latest pain per region and the trainer flags."""
    state = _state(session, access)
    return _cached(
        state,
        access,
        "summary",
        (_today_in(state.timezone),),
        lambda owner: _summary(session, owner),
        uses_pain=True,
        cached_only=cached_only,
    )


# ---------------------------------------------------------------- export rows


def daily_bests(
    session: Session, owner: Owner, *, date_from: date | None, date_to: date | None
) -> list[dict[str, Any]]:
    """Best e1RM per lift and local date (the `benchmarks` export), by date then lift."""
    _check_range(date_from, date_to)
    data = _benchmarks(session, owner, None, date_from, date_to)
    rows = [
        {
            "date": point.date,
            "lift": lift.lift,
            "chain": lift.chain,
            "region": lift.region,
            "e1rm_kg": point.e1rm_kg,
            "extrapolated": point.extrapolated,
            "set_id": point.set_id,
        }
        for lift in data.lifts
        for point in lift.points
    ]
    return sorted(rows, key=lambda r: (r["date"], r["lift"]))


def balance_rows(
    session: Session, owner: Owner, *, date_from: date | None, date_to: date | None
) -> list[dict[str, Any]]:
    """One row per snapshot with an index (the `balance` export), oldest first."""
    _check_range(date_from, date_to)
    series, method = _series(session, owner, date_from, date_to or today(owner))
    indexed = [s for s in series if s.index is not None]
    origin = indexed[0].date if indexed else None
    fit = trend_core.trend(
        [((s.date - origin).days, s.index) for s in indexed if origin and s.index is not None],
        method,
    )
    return [
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
        }
        for s, smoothed in zip(indexed, fit.smoothed, strict=True)
    ]
