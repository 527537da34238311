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

from db.models import Bodyweight, Exercise, PainScore, Workout, WorkoutSet
from db.queries.ranges import between, between_params, range_params

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


def _workouts_statement(*, has_start: bool, has_end: bool) -> Select[Any]:
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
    query = (
        select(
            col(Workout.id),
            col(Workout.started_at),
            col(Workout.ended_at),
            col(Workout.title),
            col(Workout.notes),
            set_count,
            col(Workout.created_by),
        )
        .where(col(Workout.user_id) == owner_id, col(Workout.deleted_at).is_(None))
        .order_by(col(Workout.started_at), col(Workout.id))
    )
    return between_params(query, col(Workout.started_at), has_start=has_start, has_end=has_end)


# Built once per range shape (has a start, has an end): compiling this statement cost more
# than fetching a user's workouts.
_WORKOUTS = {
    (has_start, has_end): _workouts_statement(has_start=has_start, has_end=has_end)
    for has_start in (False, True)
    for has_end in (False, True)
}


def workouts(
    session: Session,
    owner_id: uuid.UUID,
    start: datetime | None,
    end: datetime | None,
    *,
    limit: int | None = None,
) -> Iterator[Row[Any]]:
    """The owner's live workouts with their set counts, oldest first (the first `limit` of
    them, if given)."""
    query = _WORKOUTS[start is not None, end is not None]
    params = range_params(owner_id, start, end)
    if limit is None:
        query = query.execution_options(stream_results=True, yield_per=BATCH_ROWS)
    else:
        query = query.limit(bindparam("first_rows"))
        params["first_rows"] = limit
    yield from session.connection().execute(query, params)


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
