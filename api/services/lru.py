"""A thread-safe least-recently-used map bounded by the total weight of what it holds: the one
mechanism behind the app's caches (`api.caches.Caches`)."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class BoundedLru(Generic[K, V]):
    """Values by key, at most `max_weight` of them by `weigh` (0: keeps nothing; a value heavier
    than the bound is not kept); the least recently used go first."""

    def __init__(self, max_weight: int, weigh: Callable[[V], int]) -> None:
        self.max_weight = max_weight
        self._weigh = weigh
        self._entries: OrderedDict[K, V] = OrderedDict()
        self._weight = 0
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._entries)

    @property
    def weight(self) -> int:
        return self._weight

    def get_many(self, keys: Sequence[K]) -> list[V | None]:
        """The value of each key, None where it is not held (the others become most recent)."""
        if not self.max_weight:
            return [None] * len(keys)
        found: list[V | None] = []
        entries = self._entries
        with self._lock:
            for key in keys:
                value = entries.get(key)
                if value is not None:
                    entries.move_to_end(key)
                found.append(value)
        return found

    def put_many(self, items: Iterable[tuple[K, V]]) -> None:
        """Keep each (key, value), dropping the least recently used past the bound."""
        if not self.max_weight:
            return
        entries = self._entries
        with self._lock:
            for key, value in items:
                weight = self._weigh(value)
                if weight > self.max_weight:
                    continue
                old = entries.pop(key, None)
                if old is not None:
                    self._weight -= self._weigh(old)
                entries[key] = value
                self._weight += weight
            while self._weight > self.max_weight:
                _, dropped = entries.popitem(last=False)
                self._weight -= self._weigh(dropped)

    def forget(self, key: K) -> None:
        """Drop the value of `key`, if held."""
        with self._lock:
            old = self._entries.pop(key, None)
            if old is not None:
                self._weight -= self._weigh(old)
