"""The analytics' caches: rendered answers by the owner's cursors (`RESULTS`), each workout's
parsed sets by its version (`WORKOUT_SETS`) and its balance candidates (`WORKOUT_CANDIDATES`),
and the balance series' points last computed per owner and range (`SERIES`). Per process; several
workers each keep their own and agree with the database, since every key names the data it
was made from. Rendered answers are also shared between workers when Redis is configured
(`api.services.shared_answers`)."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from datetime import date
from typing import Any

from api.analytics.constants import Chain, LoadModel, Region
from api.analytics.e1rm import FrozenEstimate, SetEstimate
from api.services.lru import BoundedLru
from api.services.shared_answers import AnswerStore

CACHE_SIZE = 1024


class _ResultCache(BoundedLru[Hashable, str]):
    """A small LRU of rendered answers (at most `size`); keys carry the user's cursors. Behind
    it, when the app shares answers between workers (`share_with`), the store they share."""

    def __init__(self, size: int) -> None:
        super().__init__(size, lambda _answer: 1)
        self._shared: AnswerStore | None = None

    def share_with(self, store: AnswerStore | None) -> None:
        """Read answers other workers computed from `store`, and give it those computed here
        (None: this process only). Set by the app at start-up."""
        self._shared = store

    def peek(self, key: Hashable) -> str | None:
        """The answer held in this process, if any (marked as recently used)."""
        return self.get_many([key])[0]

    def get_or_compute(self, key: Hashable, compute: Callable[[], str]) -> str:
        """The answer held here, else the one another worker shared, else `compute`'s (then
        held and shared)."""
        found = self.peek(key)
        if found is not None:
            return found
        shared = self._shared
        value = shared.get(key) if shared is not None else None
        if value is None:
            value = compute()
            if shared is not None:
                shared.put(key, value)
        self.put_many([(key, value)])
        return value


RESULTS = _ResultCache(CACHE_SIZE)

# A workout's sets as the analytics read them: its estimable sets (`SetInput` fields) and the
# custom lifts they name ((slug, chain, region, load model)). Plain tuples of strings, numbers
# and instants, which the garbage collector stops tracking: held objects it had to traverse
# made every full collection cost as much as the cache held (100-270 ms pauses at 5 years of
# history, bench/RESULTS.md).
CustomLifts = tuple[tuple[str, Chain, Region, LoadModel], ...]
ParsedWorkout = tuple[tuple[tuple[Any, ...], ...], CustomLifts]
MAX_CACHED_SETS = 100_000  # ~300 bytes each held: ~30 MB at most per process


class _WorkoutSetsCache(BoundedLru[Hashable, ParsedWorkout]):
    """Recently read workouts' sets, parsed, by (owner, time zone, custom exercises' stamp,
    workout id, version): a recomputed answer reads again only the workouts written since.

    Every write to a workout bumps its version (its sets are written with it), a deleted one
    is no longer listed, local dates depend on the time zone and exercise facts on the owner's
    custom exercises: all in the key. The system catalog does not change while the app runs.
    Bounded by the sets held, least recently used dropped first."""

    def __init__(self, max_sets: int) -> None:
        super().__init__(max_sets, _sets_in)


def _counted(items: tuple[Any, ...]) -> int:
    # An entry holding nothing (a workout with no sets, or warm-ups only) counts as one:
    # entries that weighed nothing would escape the bound.
    return max(1, len(items))


def _sets_in(workout: ParsedWorkout) -> int:
    return _counted(workout[0])


WORKOUT_SETS = _WorkoutSetsCache(MAX_CACHED_SETS)


# A workout's estimates reduced to what balance snapshots and series answer from
# (`api.analytics.balance.candidates`, a few per workout), with the custom lifts it names and
# the stamp of the owner's bodyweights they were estimated with (None when no set needs one).
# Frozen as plain tuples, which the garbage collector stops tracking (see `ParsedWorkout`).
WorkoutCandidates = tuple[int | None, CustomLifts, tuple[FrozenEstimate, ...]]
MAX_CACHED_CANDIDATES = 100_000  # a few per workout


class _WorkoutCandidatesCache(BoundedLru[Hashable, WorkoutCandidates]):
    """Recently estimated workouts' balance candidates, keyed as `WORKOUT_SETS` is; an entry
    whose workout names a bodyweight lift holds only while the bodyweight stamp in it is the
    owner's current one (the caller compares). Bounded by the estimates held."""

    def __init__(self, max_estimates: int) -> None:
        super().__init__(max_estimates, lambda item: _counted(item[2]))


WORKOUT_CANDIDATES = _WorkoutCandidatesCache(MAX_CACHED_CANDIDATES)


# The last candidates load per owner and range (`api.services.analytics._load_candidates`):
# each workout's candidates, as held above, with their estimates built, by the workout's key.
# A recompute after a write finds the range's other workouts here (one dict lookup each) and
# estimates only the new ones, instead of asking `WORKOUT_CANDIDATES` for every workout and
# rebuilding every estimate (a balance recompute at ~300 workouts in the window: 3,540 ->
# 2,931 µs of CPU, bench/RESULTS.md). Estimates are objects the garbage collector tracks:
# bounded by the estimates held (~100 bytes each), the least recently used window first out.
HeldWorkout = tuple[WorkoutCandidates, tuple[SetEstimate, ...]]
HeldWindow = tuple[int, dict[Hashable, HeldWorkout]]  # (estimates held, by workout key)
MAX_WINDOW_ESTIMATES = 50_000


class _WindowsCache(BoundedLru[Hashable, HeldWindow]):
    """The last load of each (owner, time zone, custom exercises' stamp, bodyweight stamp,
    range): its workouts by key (owner stamp, workout id, version)."""

    def __init__(self, max_estimates: int) -> None:
        super().__init__(max_estimates, lambda held: max(1, held[0]))

    def peek(self, key: Hashable) -> dict[Hashable, HeldWorkout] | None:
        found = self.get_many([key])[0]
        return None if found is None else found[1]


WINDOWS = _WindowsCache(MAX_WINDOW_ESTIMATES)


# A balance series as last computed for (owner, time zone, custom exercises' stamp, bodyweight
# stamp, sex, from, to): each workout it was computed from as (version, local date), and its
# snapshots as (date, B, B_lower, B_upper) tuples, which the garbage collector stops tracking;
# a recompute keeps those dated before the earliest workout change.
HeldSeries = tuple[
    dict[str, tuple[int, date | None]],
    tuple[tuple[date, float | None, float | None, float | None], ...],
]
MAX_CACHED_SNAPSHOTS = 20_000  # ~1,000 per user with 5 years of history


class _SeriesCache(BoundedLru[Hashable, HeldSeries]):
    """The last series computed per owner and range, bounded by the snapshots held."""

    def __init__(self, max_snapshots: int) -> None:
        super().__init__(max_snapshots, lambda held: _counted(held[1]))


SERIES = _SeriesCache(MAX_CACHED_SNAPSHOTS)
