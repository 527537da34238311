"""The analytics' caches: rendered answers by the owner's cursors (`RESULTS`), and each
workout's parsed sets by its version (`WORKOUT_SETS`). Per process; several workers each keep
their own and agree with the database, since every key names the data it was made from."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Sequence
from typing import Any

from api.analytics.constants import Chain, LoadModel, Region

CACHE_SIZE = 1024


class _ResultCache:
    """A small LRU of rendered answers; keys carry the user's change cursor."""

    def __init__(self, size: int) -> None:
        self._size = size
        self._items: OrderedDict[Hashable, str] = OrderedDict()
        self._lock = threading.Lock()

    def peek(self, key: Hashable) -> str | None:
        """The cached answer, if any (marked as recently used)."""
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        return None

    def get_or_compute(self, key: Hashable, compute: Callable[[], str]) -> str:
        found = self.peek(key)
        if found is not None:
            return found
        value = compute()
        with self._lock:
            self._items[key] = value
            while len(self._items) > self._size:
                self._items.popitem(last=False)
        return value

    def clear(self) -> None:
        with self._lock:
            self._items.clear()


RESULTS = _ResultCache(CACHE_SIZE)

# A workout's sets as the analytics read them: its estimable sets (`SetInput` fields) and the
# custom lifts they name ((slug, chain, region, load model)). Plain tuples of strings, numbers
# and instants, which the garbage collector stops tracking: held objects it had to traverse
# made every full collection cost as much as the cache held (100-270 ms pauses at 5 years of
# history, bench/RESULTS.md).
ParsedWorkout = tuple[tuple[tuple[Any, ...], ...], tuple[tuple[str, Chain, Region, LoadModel], ...]]
MAX_CACHED_SETS = 100_000  # ~300 bytes each held: ~30 MB at most per process


class _WorkoutSetsCache:
    """Recently read workouts' sets, parsed, by (owner, time zone, custom exercises' stamp,
    workout id, version): a recomputed answer reads again only the workouts written since.

    Every write to a workout bumps its version (its sets are written with it), a deleted one
    is no longer listed, local dates depend on the time zone and exercise facts on the owner's
    custom exercises: all in the key. The system catalog does not change while the app runs.
    Bounded by the sets held, least recently used dropped first."""

    def __init__(self, max_sets: int) -> None:
        self.max_sets = max_sets
        self._items: OrderedDict[Hashable, ParsedWorkout] = OrderedDict()
        self._sets = 0
        self._lock = threading.Lock()

    def get_many(self, keys: Sequence[Hashable]) -> list[ParsedWorkout | None]:
        with self._lock:
            found = []
            for key in keys:
                item = self._items.get(key)
                if item is not None:
                    self._items.move_to_end(key)
                found.append(item)
            return found

    def put_many(self, items: Sequence[tuple[Hashable, ParsedWorkout]]) -> None:
        with self._lock:
            for key, item in items:
                old = self._items.pop(key, None)
                if old is not None:
                    self._sets -= len(old[0])
                self._items[key] = item
                self._sets += len(item[0])
            while self._sets > self.max_sets and self._items:
                _, dropped = self._items.popitem(last=False)
                self._sets -= len(dropped[0])

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self._sets = 0


WORKOUT_SETS = _WorkoutSetsCache(MAX_CACHED_SETS)
