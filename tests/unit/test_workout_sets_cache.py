"""The analytics' cache of parsed workouts keeps at most its bound of sets, dropping the least
recently used workouts first."""

from __future__ import annotations

import gc
from datetime import UTC, date, datetime

from api.analytics.e1rm import SetInput
from api.services.analytics_cache import _WorkoutSetsCache

AT = datetime(2026, 1, 5, 12, tzinfo=UTC)


def workout(sets: int) -> tuple[tuple[tuple[object, ...], ...], tuple[()]]:
    """A workout as the cache holds it: its sets' fields as plain tuples."""
    made = tuple(
        tuple(SetInput(f"s{i}", "deadlift", AT, date(2026, 1, 5), "normal", 5, 100.0))
        for i in range(sets)
    )
    return made, ()


def test_it_answers_what_it_holds_and_none_for_the_rest() -> None:
    cache = _WorkoutSetsCache(max_sets=100)
    held = workout(3)
    cache.put_many([("a", held)])
    assert cache.get_many(["a", "b"]) == [held, None]


def test_the_least_recently_used_workouts_go_first_past_the_bound() -> None:
    cache = _WorkoutSetsCache(max_sets=10)
    cache.put_many([("a", workout(4)), ("b", workout(4))])
    cache.get_many(["a"])  # now "b" is the least recently used
    cache.put_many([("c", workout(4))])
    assert [found is not None for found in cache.get_many(["a", "b", "c"])] == [
        True,
        False,
        True,
    ]


def test_what_it_holds_is_not_tracked_by_the_garbage_collector() -> None:
    cache = _WorkoutSetsCache(max_sets=100)
    cache.put_many([("a", workout(3))])
    for _ in range(3):  # a tuple is let go once the tuples inside it have been
        gc.collect()
    (held,) = cache.get_many(["a"])
    assert held is not None
    assert not any(gc.is_tracked(s) for s in held[0])
    assert not gc.is_tracked(held)


def test_replacing_a_workout_counts_its_sets_once() -> None:
    cache = _WorkoutSetsCache(max_sets=10)
    for _ in range(5):
        cache.put_many([("a", workout(6))])
    cache.put_many([("b", workout(4))])
    assert all(found is not None for found in cache.get_many(["a", "b"]))


def test_a_workout_with_nothing_to_estimate_still_counts_toward_the_bound() -> None:
    cache = _WorkoutSetsCache(max_sets=2)
    cache.put_many([(key, workout(0)) for key in ("a", "b", "c")])
    assert len(cache) == 2
