"""The one loader behind every analytics answer: reads an owner's rows (through the app's
caches, `api.services.analytics_cache`) and turns them into the inputs of the pure pcb-1 core
(`api.analytics`); and `answer_json`, an answer from the cache or computed."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, Protocol
from zoneinfo import ZoneInfo

from pydantic import BaseModel
from sqlmodel import Session

from api.analytics import balance as balance_core
from api.analytics.classes import counted_class
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
from api.analytics.lifts import PCB_2
from api.analytics.volume import ClassifiedSet
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
from db.queries.analytics import SET_ROW_WORKOUT, OwnerState

BODYWEIGHT_LOAD_TYPES = {"bodyweight", "bodyweight_plus", "assisted"}
# Past this many workouts not held, one read of the whole range beats naming each of them.
READ_ALL_ABOVE = 100
# Pain scores are the one resource whose writes leave the strength figures alone.
STATE_LEFT_OUT = pain_scores.KIND.resource
# The methods an answer may be computed with; pcb-2 is the default (BALANCE_METHOD §§9-15).
METHODS: dict[str, Method] = {"pcb-1": get_method("pcb-1"), PCB_2.method_id: PCB_2}
DEFAULT_METHOD = PCB_2


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
    workout's balance candidates only (`Loader.candidates`, which leaves `sets` and
    `classified` empty)."""

    method: Method
    tz: ZoneInfo
    estimates: list[SetEstimate]
    sets: dict[str, SetInput]  # estimable sets by id (benchmarks read their reps)
    bodyweights: list[BodyweightInput]
    timeline: BodyweightTimeline
    # every set but warm-ups with its counted class (volume, coverage, suggestions: §§11-13)
    classified: list[ClassifiedSet] = field(default_factory=list)


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


def method_named(method_id: str) -> Method:
    """A method an answer may use, else a 422 naming the `method` parameter."""
    method = METHODS.get(method_id)
    if method is None:
        raise InvalidInput([FieldError("method", f"must be one of {sorted(METHODS)}")])
    return method


def answer_json(
    access: Access,
    answer: str,
    compute: Callable[[Loader], BaseModel],
    *,
    uses_pain: bool,
    date_from: date | None = None,
    date_to: date | None = None,
    option: str | None = None,
    method: Method | None = None,
    exclude_unset: bool = False,
) -> str:
    """`compute`'s answer for the owner as JSON, from the cache while the owner's profile and
    the data it depends on are unchanged: every write, or (`uses_pain` False) every write but
    a pain score's. One read of the owner's state, then the cache or the computation. The
    loader computes with `method` (default pcb-1); `exclude_unset` leaves out the members the
    answer never set (a pcb-1 balance has none of pcb-2's)."""
    check_range(date_from, date_to)
    method = method or get_method()
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
        option if method.method_id == "pcb-1" else f"{option}|{method.method_id}",
    )
    caches = access.caches.analytics
    loader = Loader(access.session, owner, caches, method)
    return caches.answers.get_or_compute(
        key,
        lambda: compute(loader).model_dump_json(by_alias=True, exclude_unset=exclude_unset),
    )


def uncached(session: Session, owner_id: uuid.UUID, method: Method | None = None) -> Loader:
    """A loader that keeps nothing (exports compute once and stream)."""
    owner = facts(session, owner_id)[0]
    return Loader(session, owner, AnalyticsCaches.off(), method or get_method())


def classified_set(
    set_id: str, slug: str, chain: str, region: str, day: date, row: Sequence[Any]
) -> ClassifiedSet:
    """One non-warm-up set of a `SetRow` with its exercise's counted class (§9)."""
    set_type, reps, _load, duration_s, is_classified = row[7:12]
    return ClassifiedSet(
        set_id,
        slug,
        day,
        set_type,
        reps,
        duration_s,
        counted_class(chain, region),
        bool(is_classified),
    )


def _parse(
    set_rows: Iterable[Sequence[Any]], tz: ZoneInfo
) -> tuple[list[SetInput], dict[str, LiftSpec], list[ClassifiedSet]]:
    """`SetRow`s as the sets to estimate, the custom lifts they name and the classified sets
    (no I/O)."""
    custom: dict[str, LiftSpec] = {}
    local_dates: dict[datetime, date] = {}  # a workout's sets share its instant
    inputs: list[SetInput] = []
    classified: list[ClassifiedSet] = []
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
        set_id = canonical_uuid(set_id)
        inputs.append(SetInput(set_id, slug, started, day, set_type, reps, load_kg))
        classified.append(classified_set(set_id, slug, chain, region, day, row))
    return inputs, custom, classified


def inputs_of(
    owner: Owner,
    set_rows: Iterable[Sequence[Any]],
    bodyweight_rows: Iterable[Sequence[Any]],
    method: Method,
) -> Inputs:
    """Estimates for one owner from rows already read (no I/O): `SetRow`s and
    (measured_at, weight_kg) bodyweights."""
    tz = ZoneInfo(owner.timezone)
    inputs, custom, classified = _parse(set_rows, tz)
    return _inputs(owner, tz, inputs, custom.values(), bodyweight_rows, method, classified)


def _inputs(
    owner: Owner,
    tz: ZoneInfo,
    inputs: list[SetInput],
    custom: Iterable[LiftSpec],
    bodyweight_rows: Iterable[Sequence[Any]],
    base: Method,
    classified: list[ClassifiedSet],
) -> Inputs:
    method = _method_with(custom, base)
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
        classified=classified,
    )


def _method_with(custom: Iterable[LiftSpec], base: Method) -> Method:
    """The method with these custom lifts, in slug order: answers list them in the same order
    whichever workouts named them first."""
    ordered = sorted(custom, key=lambda c: c.slug)
    return with_custom_lifts(base, ordered) if ordered else base


def _with_custom(
    customs: Iterable[CustomLifts], base: Method
) -> tuple[Method, dict[str, LiftSpec]]:
    """The method with the custom lifts the workouts name, and those lifts by slug."""
    lifts: dict[str, LiftSpec] = {}
    for named in customs:
        for slug, chain, region, load_model in named:
            lifts[slug] = custom_lift(slug, chain, region, load_model=load_model)
    return _method_with(lifts.values(), base), lifts


@dataclass(frozen=True)
class Loader:
    """One owner's rows in a session, read through the app's analytics caches."""

    session: Session
    owner: OwnerFacts
    caches: AnalyticsCaches
    method: Method  # without the owner's custom lifts

    def estimates(self, *, first: date | None, last: date | None) -> Inputs:
        """Every estimate, and every classified set, of sets whose local date is in
        [first, last] (None: unbounded)."""
        span = self._span(first, last)
        parsed = self._parsed(span, span.keys)
        inputs: list[SetInput] = []
        classified: list[ClassifiedSet] = []
        for sets, _, volume in parsed:
            inputs.extend(map(SetInput._make, sets))
            classified.extend(map(ClassifiedSet._make, volume))
        _, custom = _with_custom((custom for _, custom, _ in parsed), self.method)
        bodyweights = analytics_queries.owner_bodyweights(self.session, self.owner.id)
        return _inputs(
            self.owner, span.tz, inputs, custom.values(), bodyweights, self.method, classified
        )

    def classified(self, *, first: date | None, last: date | None) -> list[ClassifiedSet]:
        """Every set but warm-ups whose local date is in [first, last], with its counted
        class (no estimates: the volume figures need none)."""
        span = self._span(first, last)
        out: list[ClassifiedSet] = []
        for _, _, volume in self._parsed(span, span.keys):
            out.extend(map(ClassifiedSet._make, volume))
        return out

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
            str(owner.id),
            owner.timezone,
            owner.exercises_at,
            weighed,
            owner.sex,
            first,
            last,
            self.method.method_id,
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
        method, _ = _with_custom((custom for custom, _ in workouts), self.method)
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
            by_workout[row[SET_ROW_WORKOUT]].append(row)
        read: dict[WorkoutKey, ParsedWorkout] = {}
        for key in missing:
            inputs, custom, classified = _parse(by_workout.get(key.workout_id, ()), span.tz)
            read[key] = (
                tuple(tuple(s) for s in inputs),
                tuple((c.slug, c.chain, c.region, c.load_model) for c in custom.values()),
                tuple(tuple(s) for s in classified),
            )
        cache.put_many(list(read.items()))
        return [item or read[key] for key, item in zip(keys, found, strict=True)]

    def _estimated(
        self, span: _Span, keys: list[WorkoutKey], timeline: BodyweightTimeline
    ) -> dict[WorkoutKey, HeldWorkout]:
        """Each of these workouts' custom lifts and balance candidates."""
        parsed = self._parsed(span, keys)
        method, _ = _with_custom((custom for _, custom, _ in parsed), self.method)
        return {
            key: (
                custom,
                tuple(
                    balance_core.candidates(
                        estimate_on([SetInput._make(s) for s in sets], timeline, method), method
                    )
                ),
            )
            for key, (sets, custom, _) in zip(keys, parsed, strict=True)
        }
