"""The analytics' cache of parsed workouts keeps at most its bound of sets, dropping the least
recently used workouts first."""

from __future__ import annotations

import gc
from datetime import UTC, date, datetime

from api.analytics.e1rm import SetInput
from api.services.analytics_cache import AnalyticsCaches, ParsedWorkout, WorkoutKey
from api.services.lru import BoundedLru

AT = datetime(2026, 1, 5, 12, tzinfo=UTC)
A, B, C = (WorkoutKey("owner", "UTC", None, name, 1) for name in "abc")


def holding(max_sets: int) -> BoundedLru[WorkoutKey, ParsedWorkout]:
    return AnalyticsCaches.sized(workout_sets=max_sets).workout_sets


def workout(sets: int) -> ParsedWorkout:
    """A workout as the cache holds it: its sets' fields as plain tuples."""
    made = tuple(
        tuple(SetInput(f"s{i}", "deadlift", AT, date(2026, 1, 5), "normal", 5, 100.0))
        for i in range(sets)
    )
    return made, (), ()


def test_it_answers_what_it_holds_and_none_for_the_rest() -> None:
    cache = holding(100)
    held = workout(3)
    cache.put_many([(A, held)])
    assert cache.get_many([A, B]) == [held, None]


def test_the_least_recently_used_workouts_go_first_past_the_bound() -> None:
    cache = holding(10)
    cache.put_many([(A, workout(4)), (B, workout(4))])
    cache.get_many([A])  # now B is the least recently used
    cache.put_many([(C, workout(4))])
    assert [found is not None for found in cache.get_many([A, B, C])] == [True, False, True]


def test_what_it_holds_is_not_tracked_by_the_garbage_collector() -> None:
    cache = holding(100)
    cache.put_many([(A, workout(3))])
    for _ in range(3):  # a tuple is let go once the tuples inside it have been
        gc.collect()
    (held,) = cache.get_many([A])
    assert held is not None
    assert not any(gc.is_tracked(s) for s in held[0])
    assert not gc.is_tracked(held)


def test_replacing_a_workout_counts_its_sets_once() -> None:
    cache = holding(10)
    for _ in range(5):
        cache.put_many([(A, workout(6))])
    cache.put_many([(B, workout(4))])
    assert all(found is not None for found in cache.get_many([A, B]))


def test_a_workout_with_nothing_to_estimate_still_counts_toward_the_bound() -> None:
    cache = holding(2)
    cache.put_many([(key, workout(0)) for key in (A, B, C)])
    assert len(cache) == 2
