"""The one loader behind every analytics answer: reads an owner's rows (through the app's
caches, `api.services.analytics_cache`) and turns them into the inputs of the pure pcb-1 core
(`api.analytics`); and `answer_json`, an answer from the cache or computed."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, Protocol
from zoneinfo import ZoneInfo

from pydantic import BaseModel
from sqlmodel import Session

from api.analytics import balance as balance_core
from api.analytics.constants import LiftSpec, Method, custom_lift, get_method, with_custom_lifts
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
from api.services import pain_scores
from api.services.analytics_cache import (
    AnalyticsCaches,
    AnswerKey,
    CustomLifts,
    HeldWorkout,
    ParsedWorkout,
    RangeKey,
    WorkoutKey,
)
from db.base import canonical_uuid
from db.queries import analytics as analytics_queries
from db.queries.analytics import OwnerState

BODYWEIGHT_LOAD_TYPES = {"bodyweight", "bodyweight_plus", "assisted"}
# Past this many workouts not held, one read of the whole range beats naming each of them.
READ_ALL_ABOVE = 100
# Pain scores are the one resource whose writes leave the strength figures alone.
STATE_LEFT_OUT = pain_scores.KIND.resource


class Owner(Protocol):
    """What the answers read of the owner's account (a `User`, or `OwnerFacts`)."""

    @property
    def id(self) -> uuid.UUID: ...

    @property
    def timezone(self) -> str: ...

    @property
    def sex(self) -> str: ...

    @property
    def bodyweight_kg(self) -> float | None: ...


@dataclass(frozen=True, slots=True)
class OwnerFacts:
    """The owner as read with their cursors: computing an answer reads no account."""

    id: uuid.UUID
    timezone: str
    sex: str
    bodyweight_kg: float | None
    exercises_at: datetime | None


def today(owner: Owner) -> date:
    """The owner's calendar date now."""
    return datetime.now(ZoneInfo(owner.timezone)).date()


def local_start(day: date, tz: ZoneInfo) -> datetime:
    return datetime.combine(day, time.min, tzinfo=tz).astimezone(UTC)


def check_range(date_from: date | None, date_to: date | None) -> None:
    if date_from is not None and date_to is not None and date_from > date_to:
        raise InvalidInput([FieldError("from", "must not be after `to`")])


@dataclass(frozen=True, slots=True)
class Inputs:
    """What the answers are computed from: every estimate (`Loader.estimates`), or each
    workout's balance candidates only (`Loader.candidates`, which leaves `sets` empty)."""

    method: Method
    tz: ZoneInfo
    estimates: list[SetEstimate]
    sets: dict[str, SetInput]  # estimable sets by id (benchmarks read their reps)
    bodyweights: list[BodyweightInput]
    timeline: BodyweightTimeline


@dataclass(frozen=True, slots=True)
class Loaded:
    """What a candidates load was made from: the range's key, and each workout as (version,
    local date of its estimates, None when it has none)."""

    key: RangeKey
    workouts: dict[str, tuple[int, date | None]]


@dataclass(frozen=True, slots=True)
class _Span:
    """The workouts whose local date is in a range, as keys of the per-workout caches."""

    tz: ZoneInfo
    start: datetime | None
    end: datetime | None
    keys: list[WorkoutKey]


def facts(session: Session, owner_id: uuid.UUID) -> tuple[OwnerFacts, OwnerState]:
    """The owner as read with their cursors (`OwnerState`)."""
    state = analytics_queries.owner_state(session, owner_id, left_out=STATE_LEFT_OUT)
    if state is None:  # deleted since the access check, in another transaction
        raise NotFound("No such user")
    owner = OwnerFacts(owner_id, state.timezone, state.sex, state.bodyweight_kg, state.exercises_at)
    return owner, state


def answer_json(
    access: Access,
    answer: str,
    compute: Callable[[Loader], BaseModel],
    *,
    uses_pain: bool,
    date_from: date | None = None,
    date_to: date | None = None,
    option: str | None = None,
) -> str:
    """`compute`'s answer for the owner as JSON, from the cache while the owner's profile and
    the data it depends on are unchanged: every write, or (`uses_pain` False) every write but
    a pain score's. One read of the owner's state, then the cache or the computation."""
    check_range(date_from, date_to)
    owner, state = facts(access.session, access.owner_id)
    key = AnswerKey(
        answer,
        owner.id,
        state.any_write if uses_pain else state.strength,
        state.exercises_at,
        state.updated_at,
        today(owner),
        date_from,
        date_to,
        option,
    )
    caches = access.caches.analytics
    loader = Loader(access.session, owner, caches)
    return caches.answers.get_or_compute(
        key, lambda: compute(loader).model_dump_json(by_alias=True)
    )


def uncached(session: Session, owner_id: uuid.UUID) -> Loader:
    """A loader that keeps nothing (exports compute once and stream)."""
    return Loader(session, facts(session, owner_id)[0], AnalyticsCaches.off())


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
        if set_type == WARMUP_SET_TYPE:  # never has an e1RM nor enters any answer
            continue
        day = local_dates.get(started)
        if day is None:
            day = local_dates[started] = started.astimezone(tz).date()
        inputs.append(SetInput(canonical_uuid(set_id), slug, started, day, set_type, reps, load_kg))
    return inputs, custom


def inputs_of(
    owner: Owner, set_rows: Iterable[Sequence[Any]], bodyweight_rows: Iterable[Sequence[Any]]
) -> Inputs:
    """Estimates for one owner from rows already read (no I/O): `SetRow`s and
    (measured_at, weight_kg) bodyweights."""
    tz = ZoneInfo(owner.timezone)
    inputs, custom = _parse(set_rows, tz)
    return _inputs(owner, tz, inputs, custom.values(), bodyweight_rows)


def _inputs(
    owner: Owner,
    tz: ZoneInfo,
    inputs: list[SetInput],
    custom: Iterable[LiftSpec],
    bodyweight_rows: Iterable[Sequence[Any]],
) -> Inputs:
    method = _method_with(custom)
    bodyweights = [
        BodyweightInput(measured_at, weight_kg) for measured_at, weight_kg, *_ in bodyweight_rows
    ]
    return Inputs(
        method=method,
        tz=tz,
        estimates=estimate_sets(inputs, bodyweights, owner.bodyweight_kg, method),
        sets={s.set_id: s for s in inputs},
        bodyweights=bodyweights,
        timeline=BodyweightTimeline.build(bodyweights, owner.bodyweight_kg, method),
    )


def _method_with(custom: Iterable[LiftSpec]) -> Method:
    """The method with these custom lifts, in slug order: answers list them in the same order
    whichever workouts named them first."""
    ordered = sorted(custom, key=lambda c: c.slug)
    return with_custom_lifts(get_method(), ordered) if ordered else get_method()


def _with_custom(customs: Iterable[CustomLifts]) -> tuple[Method, dict[str, LiftSpec]]:
    """The method with the custom lifts the workouts name, and those lifts by slug."""
    lifts: dict[str, LiftSpec] = {}
    for named in customs:
        for slug, chain, region, load_model in named:
            lifts[slug] = custom_lift(slug, chain, region, load_model=load_model)
    return _method_with(lifts.values()), lifts


@dataclass(frozen=True)
class Loader:
    """One owner's rows in a session, read through the app's analytics caches."""

    session: Session
    owner: OwnerFacts
    caches: AnalyticsCaches

    def estimates(self, *, first: date | None, last: date | None) -> Inputs:
        """Every estimate of sets whose local date is in [first, last] (None: unbounded)."""
        span = self._span(first, last)
        parsed = self._parsed(span, span.keys)
        inputs: list[SetInput] = []
        for sets, _ in parsed:
            inputs.extend(map(SetInput._make, sets))
        _, custom = _with_custom(custom for _, custom in parsed)
        bodyweights = analytics_queries.owner_bodyweights(self.session, self.owner.id)
        return _inputs(self.owner, span.tz, inputs, custom.values(), bodyweights)

    def candidates(self, *, first: date | None, last: date | None) -> tuple[Inputs, Loaded]:
        """`estimates` reduced to each workout's balance candidates
        (`balance_core.candidates`), which snapshots and series answer alike. The range's last
        load is held: only workouts not in it are estimated (`sets` is left empty)."""
        owner = self.owner
        span = self._span(first, last)
        bodyweights = [
            BodyweightInput(measured_at, weight_kg)
            for measured_at, weight_kg in analytics_queries.owner_bodyweights(
                self.session, owner.id
            )
        ]
        weighed = hash(
            (tuple((b.measured_at, b.weight_kg) for b in bodyweights), owner.bodyweight_kg)
        )
        # Built once: custom lifts do not change the method's bodyweight matching window.
        timeline = BodyweightTimeline.build(bodyweights, owner.bodyweight_kg, get_method())
        window = RangeKey(
            str(owner.id), owner.timezone, owner.exercises_at, weighed, owner.sex, first, last
        )
        (held,) = self.caches.windows.get_many([window])
        held_workouts = {} if held is None else held[1]
        missing = [key for key in span.keys if key not in held_workouts]
        made = self._estimated(span, missing, timeline) if missing else {}
        workouts = [held_workouts.get(key) or made[key] for key in span.keys]
        estimates: list[SetEstimate] = []
        for _, held_estimates in workouts:
            estimates.extend(held_estimates)
        if missing:
            by_key = dict(zip(span.keys, workouts, strict=True))
            self.caches.windows.put_many([(window, (len(estimates), by_key))])
        method, _ = _with_custom(custom for custom, _ in workouts)
        inputs = Inputs(method, span.tz, estimates, {}, bodyweights, timeline)
        loaded = Loaded(
            window,
            {
                key.workout_id: (key.version, found[0].local_date if found else None)
                for key, (_, found) in zip(span.keys, workouts, strict=True)
            },
        )
        return inputs, loaded

    def _span(self, first: date | None, last: date | None) -> _Span:
        owner = self.owner
        tz = ZoneInfo(owner.timezone)
        start = local_start(first, tz) if first else None
        end = local_start(last + timedelta(days=1), tz) if last else None
        workouts = analytics_queries.owner_workouts(self.session, owner.id, start=start, end=end)
        owner_id = str(owner.id)
        keys = [
            WorkoutKey(owner_id, owner.timezone, owner.exercises_at, workout_id, version)
            for workout_id, version in workouts
        ]
        return _Span(tz, start, end, keys)

    def _parsed(self, span: _Span, keys: list[WorkoutKey]) -> list[ParsedWorkout]:
        """The parsed sets of these workouts of `span`, from the cache where held; the others
        are read (the whole range when more than `READ_ALL_ABOVE` are not held) and kept. A
        workout written between the two reads is answered as it is now; what is kept under
        its older version is never asked for again (versions only grow)."""
        cache = self.caches.workout_sets
        found = cache.get_many(keys)
        missing = [key for key, item in zip(keys, found, strict=True) if item is None]
        if not missing:
            return found  # type: ignore[return-value]  # none is None
        owner_id = self.owner.id
        if len(missing) > READ_ALL_ABOVE:
            rows = analytics_queries.owner_sets(
                self.session, owner_id, start=span.start, end=span.end
            )
        else:
            ids = [key.workout_id for key in missing]
            rows = analytics_queries.workout_sets(self.session, ids)
        by_workout: dict[str, list[Sequence[Any]]] = defaultdict(list)
        for row in rows:
            by_workout[row[10]].append(row)
        read: dict[WorkoutKey, ParsedWorkout] = {}
        for key in missing:
            inputs, custom = _parse(by_workout.get(key.workout_id, ()), span.tz)
            read[key] = (
                tuple(tuple(s) for s in inputs),
                tuple((c.slug, c.chain, c.region, c.load_model) for c in custom.values()),
            )
        cache.put_many(list(read.items()))
        return [item or read[key] for key, item in zip(keys, found, strict=True)]

    def _estimated(
        self, span: _Span, keys: list[WorkoutKey], timeline: BodyweightTimeline
    ) -> dict[WorkoutKey, HeldWorkout]:
        """Each of these workouts' custom lifts and balance candidates."""
        parsed = self._parsed(span, keys)
        method, _ = _with_custom(custom for _, custom in parsed)
        return {
            key: (
                custom,
                tuple(
                    balance_core.candidates(
                        estimate_on([SetInput._make(s) for s in sets], timeline, method), method
                    )
                ),
            )
            for key, (sets, custom) in zip(keys, parsed, strict=True)
        }
