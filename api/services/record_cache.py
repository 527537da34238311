"""Recently read records as their JSON, by (resource, id, version): a list page reads only
its rows' ids and versions and answers what it has read before from here.

A record's JSON is fixed by its version: every write bumps the version (and a deleted record
is never live again), and the parts of the answer that live in other tables cannot change
under it (a set's exercise slug is fixed when the exercise is created; an exercise in use
cannot be deleted). A page whose versions moved simply misses and reads the rows again, so
several processes each keeping their own cache agree with the database. Only committed reads
fill it. Each app has its own (app.state.record_cache): tests that reuse ids across
databases never share one.

Building a list page of 50 workouts of 5 sets from rows (300 rows through the driver and
SQLAlchemy, 300 dicts, JSON) was most of its CPU (bench/RESULTS.md).
"""

from __future__ import annotations

from collections.abc import Sequence

from api.services.lru import BoundedLru

Key = tuple[str, str, int]  # (resource, id as canonical text, version)


class RecordJsonCache:
    """A least-recently-used map of record JSON, bounded by its bytes (0: keeps nothing)."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self._lru: BoundedLru[Key, bytes] = BoundedLru(max_bytes, len)

    def __len__(self) -> int:
        return len(self._lru)

    @property
    def size_bytes(self) -> int:
        return self._lru.weight

    def get_many(self, resource: str, keys: Sequence[tuple[str, int]]) -> list[bytes | None]:
        """The JSON of each (id, version), None where it is not held."""
        return self._lru.get_many([(resource, record_id, version) for record_id, version in keys])

    def put_many(self, resource: str, bodies: Sequence[tuple[str, int, bytes]]) -> None:
        """Keep each (id, version, JSON), dropping the least recently used past the bound."""
        self._lru.put_many(
            ((resource, record_id, version), body) for record_id, version, body in bodies
        )
