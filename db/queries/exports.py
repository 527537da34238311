"""Reads for CSV exports: streamed in batches (never loaded all at once), or, with `limit`,
the first rows in one statement (an export small enough to answer whole, see
`api.services.exports.export_csv`)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import datetime
from typing import Any

from sqlalchemy import BindParameter, Row, Select, bindparam, func, select
from sqlmodel import Session, col

from db.base import uuid_text
from db.models import Bodyweight, Exercise, PainScore, Workout, WorkoutSet
from db.queries.ranges import (
    between,
    between_params,
    driver_instant,
    per_shape,
    range_params,
    shape_of,
)

BATCH_ROWS = 1000


def _stream(session: Session, query: Any, limit: int | None) -> Iterator[Row[Any]]:
    if limit is not None:  # one plain statement: no server-side cursor, no transaction needed
        yield from session.execute(query.limit(limit))
        return
    # Server-side cursor on PostgreSQL; SQLite's cursor is lazy already.
    result = session.execute(query.execution_options(stream_results=True, yield_per=BATCH_ROWS))
    yield from result


def sets(
    session: Session,
    owner_id: uuid.UUID,
    start: datetime | None,
    end: datetime | None,
    *,
    limit: int | None = None,
) -> Iterator[Row[Any]]:
    """Every set of the owner's live workouts in [start, end), by workout time then position
    (the first `limit` of them, if given)."""
    query = (
        select(
            col(Workout.id).label("workout_id"),
            col(Workout.started_at),
            col(Workout.title),
            col(Workout.created_by),
            col(WorkoutSet.id).label("set_id"),
            col(WorkoutSet.position),
            col(WorkoutSet.set_type),
            col(WorkoutSet.reps),
            col(WorkoutSet.load_kg),
            col(WorkoutSet.rpe),
            col(WorkoutSet.rir),
            col(WorkoutSet.duration_s),
            col(WorkoutSet.distance_m),
            col(WorkoutSet.notes),
            col(Exercise.name).label("exercise"),
            col(Exercise.slug).label("exercise_slug"),
            col(Exercise.chain),
            col(Exercise.load_type),
        )
        .join(Workout, col(Workout.id) == col(WorkoutSet.workout_id))
        .join(Exercise, col(Exercise.id) == col(WorkoutSet.exercise_id))
        .where(col(Workout.user_id) == owner_id, col(Workout.deleted_at).is_(None))
        .order_by(col(Workout.started_at), col(Workout.id), col(WorkoutSet.position))
    )
    return _stream(session, between(query, col(Workout.started_at), start, end), limit)


def _workouts_statement(*, postgresql: bool, has_start: bool, has_end: bool) -> Select[Any]:
    """Ids as text and instants as the driver returns them on PostgreSQL (no per-cell object)."""
    owner_id: BindParameter[Any] = bindparam("owner_id")
    # Counted per workout through the index on workout_set.workout_id: a join and GROUP BY of
    # the owner's sets made PostgreSQL scan every user's sets (a hash join), ~7 ms at 40,000.
    set_count = (
        select(func.count())
        .where(col(WorkoutSet.workout_id) == col(Workout.id))
        .correlate(Workout)
        .scalar_subquery()
        .label("set_count")
    )

    def instant(column: Any, name: str) -> Any:
        return driver_instant(column, name) if postgresql else column

    query = (
        select(
            uuid_text(col(Workout.id)) if postgresql else col(Workout.id),
            instant(col(Workout.started_at), "started_at"),
            instant(col(Workout.ended_at), "ended_at"),
            col(Workout.title),
            col(Workout.notes),
            set_count,
            uuid_text(col(Workout.created_by)) if postgresql else col(Workout.created_by),
        )
        .where(col(Workout.user_id) == owner_id, col(Workout.deleted_at).is_(None))
        .order_by(col(Workout.started_at), col(Workout.id))
    )
    return between_params(query, col(Workout.started_at), has_start=has_start, has_end=has_end)


# Built once: compiling this statement cost more than fetching a user's workouts.
_WORKOUTS = per_shape(
    lambda **shape: _workouts_statement(**shape).execution_options(
        stream_results=True, yield_per=BATCH_ROWS
    )
)
_FIRST_WORKOUTS = per_shape(
    lambda **shape: _workouts_statement(**shape).limit(bindparam("first_rows"))
)


def workouts(
    session: Session,
    owner_id: uuid.UUID,
    start: datetime | None,
    end: datetime | None,
    *,
    limit: int | None = None,
) -> Iterator[Row[Any]]:
    """The owner's live workouts with their set counts, oldest first (ids as text and instants
    in any zone on PostgreSQL); the first `limit` of them, if given."""
    connection = session.connection()
    shape = shape_of(connection, start, end)
    params = range_params(owner_id, start, end)
    if limit is None:
        yield from connection.execute(_WORKOUTS[shape], params)
    else:
        yield from connection.execute(_FIRST_WORKOUTS[shape], {**params, "first_rows": limit})


def pain_scores(
    session: Session,
    owner_id: uuid.UUID,
    start: datetime | None,
    end: datetime | None,
    *,
    limit: int | None = None,
) -> Iterator[Row[Any]]:
    """The owner's live pain scores, oldest first."""
    query = (
        select(PainScore)
        .where(col(PainScore.user_id) == owner_id, col(PainScore.deleted_at).is_(None))
        .order_by(col(PainScore.recorded_at), col(PainScore.id))
    )
    return _stream(session, between(query, col(PainScore.recorded_at), start, end), limit)


def bodyweights(
    session: Session,
    owner_id: uuid.UUID,
    start: datetime | None,
    end: datetime | None,
    *,
    limit: int | None = None,
) -> Iterator[Row[Any]]:
    """The owner's live bodyweight entries, oldest first."""
    query = (
        select(Bodyweight)
        .where(col(Bodyweight.user_id) == owner_id, col(Bodyweight.deleted_at).is_(None))
        .order_by(col(Bodyweight.measured_at), col(Bodyweight.id))
    )
    return _stream(session, between(query, col(Bodyweight.measured_at), start, end), limit)
