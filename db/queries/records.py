"""Generic reads of logged records (workouts, pain scores, bodyweights): pages and lookups.

The hot reads (a record's version, a page's keys, the rows and sets the record cache lacks)
are Core statements built once per table and filter shape and executed on the session's
connection: rebuilding a statement, computing its cache key and loading ORM entities cost
more than the database itself (bench/RESULTS.md). Rows are read by attribute like the ORM
rows they replace. Updates load ORM rows; new rows are Core INSERTs.
"""

from __future__ import annotations

import functools
import uuid
from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import Row, Select, Table, and_, bindparam, delete, insert, or_, update
from sqlalchemy import select as core_select
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from db.base import canonical_uuid, table_of, uuid_text
from db.models import Exercise, Workout, WorkoutSet

RecordT = TypeVar("RecordT", bound=Any)


def get_for_update(session: Session, model: type[RecordT], record_id: uuid.UUID) -> RecordT | None:
    """Any row with this id (deleted or not, any owner), locked on PostgreSQL until commit."""
    return session.exec(select(model).where(model.id == record_id).with_for_update()).first()


@functools.cache
def _live_version_statement(table: Table) -> Select[Any]:
    return core_select(table.c.version).where(
        table.c.id == bindparam("record_id"),
        table.c.user_id == bindparam("owner_id"),
        table.c.deleted_at.is_(None),
    )


def live_version(
    session: Session, model: type[Any], owner_id: uuid.UUID, record_id: uuid.UUID
) -> int | None:
    """The version of the owner's record with this id, unless it was deleted."""
    statement = _live_version_statement(table_of(model))
    value = (
        session.connection()
        .execute(statement, {"record_id": record_id, "owner_id": owner_id})
        .scalar()
    )
    return None if value is None else int(value)


@functools.cache
def _live_many_statement(table: Table) -> Select[Any]:
    return core_select(table).where(
        table.c.id.in_(bindparam("record_ids", expanding=True)),
        table.c.user_id == bindparam("owner_id"),
        table.c.deleted_at.is_(None),
    )


def get_live_many(
    session: Session, model: type[Any], owner_id: uuid.UUID, ids: Sequence[uuid.UUID]
) -> list[Row[Any]]:
    """The owner's live rows among these ids."""
    if not ids:
        return []
    result = session.connection().execute(
        _live_many_statement(table_of(model)), {"record_ids": list(ids), "owner_id": owner_id}
    )
    return list(result.all())


@functools.cache
def _page_statement(
    table: Table, time_attr: str, *, bounded_from: bool, bounded_to: bool, after: bool
) -> Select[Any]:
    time_col = table.c[time_attr]
    query = core_select(uuid_text(table.c.id), table.c.version, time_col).where(
        table.c.user_id == bindparam("owner_id"), table.c.deleted_at.is_(None)
    )
    if bounded_from:
        query = query.where(time_col >= bindparam("time_from", type_=time_col.type))
    if bounded_to:
        query = query.where(time_col < bindparam("time_to", type_=time_col.type))
    if after:
        at = bindparam("after_at", type_=time_col.type)
        query = query.where(
            or_(time_col < at, and_(time_col == at, table.c.id < bindparam("after_id")))
        )
    return query.order_by(time_col.desc(), table.c.id.desc()).limit(bindparam("limit"))


def page_keys(
    session: Session,
    model: type[Any],
    time_attr: str,
    owner_id: uuid.UUID,
    *,
    limit: int,
    after: tuple[datetime, uuid.UUID] | None,
    time_from: datetime | None,
    time_to: datetime | None,
) -> list[tuple[str, int, datetime]]:
    """Newest first by (time, id): a keyset page, stable under concurrent inserts, as
    (id as canonical text, version, time) of each row (the rows themselves: `get_live_many`)."""
    statement = _page_statement(
        table_of(model),
        time_attr,
        bounded_from=time_from is not None,
        bounded_to=time_to is not None,
        after=after is not None,
    )
    params: dict[str, Any] = {"owner_id": owner_id, "limit": limit}
    if time_from is not None:
        params["time_from"] = time_from
    if time_to is not None:
        params["time_to"] = time_to
    if after is not None:
        params["after_at"], params["after_id"] = after
    result = session.connection().execute(statement, params)
    return [(canonical_uuid(record_id), version, at) for record_id, version, at in result.tuples()]


_SET_TABLE = table_of(WorkoutSet)
_EXERCISE_TABLE = table_of(Exercise)
# A set as it reads back (the exercise by slug, ids as text), then its workout's id (text).
_SETS_WITH_SLUGS = (
    core_select(
        uuid_text(_SET_TABLE.c.id),
        _EXERCISE_TABLE.c.slug.label("exercise"),
        uuid_text(_SET_TABLE.c.exercise_id),
        _SET_TABLE.c.position,
        _SET_TABLE.c.set_type,
        _SET_TABLE.c.reps,
        _SET_TABLE.c.load_kg,
        _SET_TABLE.c.rpe,
        _SET_TABLE.c.rir,
        _SET_TABLE.c.duration_s,
        _SET_TABLE.c.distance_m,
        _SET_TABLE.c.notes,
        uuid_text(_SET_TABLE.c.workout_id),
    )
    .join(_EXERCISE_TABLE, _EXERCISE_TABLE.c.id == _SET_TABLE.c.exercise_id)
    .where(_SET_TABLE.c.workout_id.in_(bindparam("workout_ids", expanding=True)))
    .order_by(_SET_TABLE.c.workout_id, _SET_TABLE.c.position)
)


def sets_with_slugs(
    session: Session, workout_ids: Sequence[uuid.UUID]
) -> dict[str, list[tuple[Any, ...]]]:
    """Sets of several workouts by position, by workout id (text): tuples of (id, exercise
    (its slug), exercise_id, position, set_type, reps, load_kg, rpe, rir, duration_s,
    distance_m, notes), ids as canonical text. Plain driver values: no per-cell processing."""
    found: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
    if not workout_ids:
        return found
    result = session.connection().execute(_SETS_WITH_SLUGS, {"workout_ids": list(workout_ids)})
    repeated: dict[str, str] = {}  # workout and exercise ids recur on many rows
    for row in result.tuples().all():
        set_id, exercise, exercise_id, *rest, workout_id = row
        if (workout := repeated.get(workout_id)) is None:
            workout = repeated[workout_id] = canonical_uuid(workout_id)
        if (exercise_key := repeated.get(exercise_id)) is None:
            exercise_key = repeated[exercise_id] = canonical_uuid(exercise_id)
        found[workout].append((canonical_uuid(set_id), exercise, exercise_key, *rest))
    return found


def insert_row(session: Session, model: type[Any], row: Any) -> None:
    """Insert a new record of `model` as one INSERT of its column values, read off `row`
    (any object with them as attributes: it stays out of the session)."""
    table = table_of(model)
    values = {column.key: getattr(row, column.key) for column in table.columns}
    session.connection().execute(insert(table), values)


def insert_sets(session: Session, rows: Sequence[dict[str, Any]]) -> None:
    """Insert sets (one executemany; their workout must be written already)."""
    if rows:
        session.connection().execute(insert(_SET_TABLE), list(rows))


def delete_sets(session: Session, workout_id: uuid.UUID) -> None:
    """Remove every set of a workout now (a Core DELETE: re-inserted set ids must not clash)."""
    session.execute(delete(WorkoutSet).where(col(WorkoutSet.workout_id) == workout_id))


def is_set_id_taken(exc: IntegrityError) -> bool:
    """Whether the database refused a set because another set holds its id."""
    diag = getattr(exc.orig, "diag", None)
    if diag is not None:  # PostgreSQL names the constraint
        return bool(diag.constraint_name == _SET_TABLE.primary_key.name)
    return str(exc.orig) == f"UNIQUE constraint failed: {_SET_TABLE.name}.id"  # SQLite


def foreign_set_ids(
    session: Session, workout_id: uuid.UUID, set_ids: Sequence[uuid.UUID]
) -> set[uuid.UUID]:
    """Which of these set ids already belong to another workout."""
    if not set_ids:
        return set()
    rows = session.exec(
        select(WorkoutSet.id).where(
            col(WorkoutSet.id).in_(set_ids), col(WorkoutSet.workout_id) != workout_id
        )
    ).all()
    return set(rows)


def live_workout_exists(session: Session, owner_id: uuid.UUID, workout_id: uuid.UUID) -> bool:
    """Whether the owner has this workout (not deleted)."""
    return live_version(session, Workout, owner_id, workout_id) is not None


def clear_author(
    session: Session, model: type[Any], author_id: uuid.UUID, at: datetime
) -> list[tuple[uuid.UUID, uuid.UUID]]:
    """Null `created_by` where `author_id` wrote others' records; the live ones move to a new
    version (their ETags and cached answers named the author). (owner id, id) of those."""
    table = table_of(model)
    written = and_(table.c.created_by == author_id, table.c.user_id != author_id)
    live = session.execute(
        update(table)
        .where(written, table.c.deleted_at.is_(None))
        .values(created_by=None, version=table.c.version + 1, updated_at=at)
        .returning(table.c.user_id, table.c.id)
    ).all()
    session.execute(update(table).where(written).values(created_by=None))  # tombstones
    return [(owner_id, record_id) for owner_id, record_id in live]
