"""The per-app cache of record JSON: keyed by version, bounded by bytes, least recent out."""

from __future__ import annotations

from api.services.record_cache import RecordJsonCache


def test_answers_only_the_version_it_holds() -> None:
    cache = RecordJsonCache(1024)
    cache.put_many("workouts", [("a", 1, b'{"v":1}')])
    assert cache.get_many("workouts", [("a", 1), ("a", 2), ("b", 1)]) == [b'{"v":1}', None, None]
    assert cache.get_many("pain-scores", [("a", 1)]) == [None]


def test_drops_the_least_recently_used_past_its_bound() -> None:
    cache = RecordJsonCache(30)
    cache.put_many("w", [("a", 1, b"x" * 10), ("b", 1, b"y" * 10), ("c", 1, b"z" * 10)])
    assert cache.get_many("w", [("a", 1)]) == [b"x" * 10]  # now the most recent
    cache.put_many("w", [("d", 1, b"w" * 10)])
    assert cache.get_many("w", [("a", 1), ("b", 1), ("c", 1), ("d", 1)]) == [
        b"x" * 10,
        None,
        b"z" * 10,
        b"w" * 10,
    ]
    assert cache.size_bytes == 30
    assert len(cache) == 3


def test_replacing_an_entry_counts_its_bytes_once() -> None:
    cache = RecordJsonCache(100)
    cache.put_many("w", [("a", 1, b"x" * 40)])
    cache.put_many("w", [("a", 1, b"y" * 40)])
    assert cache.size_bytes == 40
    assert len(cache) == 1


def test_keeps_nothing_larger_than_itself_or_when_off() -> None:
    small = RecordJsonCache(8)
    small.put_many("w", [("a", 1, b"x" * 9)])
    assert len(small) == 0
    off = RecordJsonCache(0)
    off.put_many("w", [("a", 1, b"x")])
    assert off.get_many("w", [("a", 1)]) == [None]
    assert len(off) == 0
