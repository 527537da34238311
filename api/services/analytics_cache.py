"""The analytics' caches, one set per app (`api.caches.Caches.analytics`): rendered answers by
the owner's cursors, each workout's parsed sets by its version, and per range the balance
candidates and the balance series last computed. Every key names the data its value was made
from, so nothing goes stale: an entry is only never asked for again."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from api.analytics.constants import Chain, LoadModel, Region
from api.analytics.e1rm import SetEstimate
from api.services.lru import BoundedLru
from api.services.shared_answers import AnswerStore


@dataclass(frozen=True, slots=True)
class AnswerKey:
    """What an answer was computed from: the owner's cursor (every write moves it; answers
    that read no pain leave pain scores out), custom exercises' and profile's last change,
    the owner's today, and the request's parameters."""

    answer: str
    owner_id: uuid.UUID
    cursor: int
    exercises_at: datetime | None
    profile_at: datetime
    today: date
    date_from: date | None = None
    date_to: date | None = None
    option: str | None = None  # the lift or region asked for


@dataclass(frozen=True, slots=True)
class WorkoutKey:
    """One workout as read for an owner in a time zone with their custom exercises as they
    were (every write to a workout bumps its version)."""

    owner_id: str  # as text: hashed and compared once per workout per lookup
    timezone: str
    exercises_at: datetime | None
    workout_id: str
    version: int


@dataclass(frozen=True, slots=True)
class RangeKey:
    """An owner's range of local dates, with what every figure of it depends on but the
    workouts: time zone, custom exercises, bodyweights (`weighed`) and sex."""

    owner_id: str
    timezone: str
    exercises_at: datetime | None
    weighed: int
    sex: str
    first: date | None
    last: date | None
    method: str = "pcb-1"  # the method id the candidates and series were computed with


class AnswerCache:
    """Rendered answers (at most `size`) and, behind them, the store the workers share."""

    def __init__(self, size: int, shared: AnswerStore | None = None) -> None:
        self._lru: BoundedLru[AnswerKey, str] = BoundedLru(size, lambda _answer: 1)
        self._shared = shared

    def get_or_compute(self, key: AnswerKey, compute: Callable[[], str]) -> str:
        """The answer held here, else the one another worker shared, else `compute`'s (then
        held and shared)."""
        (found,) = self._lru.get_many([key])
        if found is not None:
            return found
        value = self._shared.get(key) if self._shared is not None else None
        if value is None:
            value = compute()
            if self._shared is not None:
                self._shared.put(key, value)
        self._lru.put_many([(key, value)])
        return value


# A workout's sets as the analytics read them: its estimable sets (`SetInput` fields), the
# custom lifts they name and its sets with their counted class (`ClassifiedSet` fields).
# Plain tuples of strings, numbers and instants, which the garbage collector stops tracking:
# held objects it had to traverse made every full collection cost as much as the cache held
# (100-270 ms pauses at 5 years of history, bench/RESULTS.md).
CustomLifts = tuple[tuple[str, Chain, Region, LoadModel], ...]
ParsedWorkout = tuple[tuple[tuple[Any, ...], ...], CustomLifts, tuple[tuple[Any, ...], ...]]
# A workout's custom lifts and its estimates reduced to its balance candidates.
HeldWorkout = tuple[CustomLifts, tuple[SetEstimate, ...]]
HeldWindow = tuple[int, dict[WorkoutKey, HeldWorkout]]  # (estimates held, by workout)
# A balance series: each workout it was computed from as (version, local date), and its
# snapshots as (date, B, B_lower, B_upper).
Point = tuple[date, float | None, float | None, float | None]
HeldSeries = tuple[dict[str, tuple[int, date | None]], tuple[Point, ...]]


def _counted(items: tuple[Any, ...]) -> int:
    # An entry holding nothing counts as one: entries that weighed nothing would escape the
    # bound.
    return max(1, len(items))


@dataclass(frozen=True)
class AnalyticsCaches:
    answers: AnswerCache
    workout_sets: BoundedLru[WorkoutKey, ParsedWorkout]
    windows: BoundedLru[RangeKey, HeldWindow]
    series: BoundedLru[RangeKey, HeldSeries]

    @classmethod
    def sized(
        cls,
        *,
        answers: int = 1024,
        workout_sets: int = 100_000,  # sets, ~300 bytes each held
        windows: int = 50_000,  # estimates, ~100 bytes each
        series: int = 20_000,  # snapshots, ~1,000 per user with 5 years of history
        shared: AnswerStore | None = None,
    ) -> AnalyticsCaches:
        """Caches bounded by these weights (0: that cache keeps nothing)."""
        return cls(
            answers=AnswerCache(answers, shared),
            workout_sets=BoundedLru(workout_sets, lambda held: _counted(held[0])),
            windows=BoundedLru(windows, lambda held: max(1, held[0])),
            series=BoundedLru(series, lambda held: _counted(held[1])),
        )

    @classmethod
    def off(cls) -> AnalyticsCaches:
        """Caches that keep nothing (exports, which compute once and stream)."""
        return cls.sized(answers=0, workout_sets=0, windows=0, series=0)
