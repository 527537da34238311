"""Streaming reads for CSV exports: rows are yielded in batches, never loaded all at once."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import datetime
from typing import Any

from sqlalchemy import Row, func, select
from sqlmodel import Session, col

from db.models import Bodyweight, Exercise, PainScore, Workout, WorkoutSet

BATCH_ROWS = 1000


def _between(query: Any, column: Any, start: datetime | None, end: datetime | None) -> Any:
    if start is not None:
        query = query.where(column >= start)
    if end is not None:
        query = query.where(column < end)
    return query


def _stream(session: Session, query: Any) -> Iterator[Row[Any]]:
    # Server-side cursor on PostgreSQL; SQLite's cursor is lazy already.
    result = session.execute(query.execution_options(stream_results=True, yield_per=BATCH_ROWS))
    yield from result


def sets(
    session: Session, owner_id: uuid.UUID, start: datetime | None, end: datetime | None
) -> Iterator[Row[Any]]:
    """Every set of the owner's live workouts in [start, end), by workout time then position."""
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
    return _stream(session, _between(query, col(Workout.started_at), start, end))


def workouts(
    session: Session, owner_id: uuid.UUID, start: datetime | None, end: datetime | None
) -> Iterator[Row[Any]]:
    """The owner's live workouts with their set counts, oldest first."""
    counts = (
        select(col(WorkoutSet.workout_id), func.count().label("set_count"))
        .join(Workout, col(Workout.id) == col(WorkoutSet.workout_id))
        .where(col(Workout.user_id) == owner_id)  # count this user's sets, not the table's
        .group_by(col(WorkoutSet.workout_id))
        .subquery()
    )
    query = (
        select(
            col(Workout.id),
            col(Workout.started_at),
            col(Workout.ended_at),
            col(Workout.title),
            col(Workout.notes),
            func.coalesce(counts.c.set_count, 0).label("set_count"),
            col(Workout.created_by),
        )
        .outerjoin(counts, counts.c.workout_id == col(Workout.id))
        .where(col(Workout.user_id) == owner_id, col(Workout.deleted_at).is_(None))
        .order_by(col(Workout.started_at), col(Workout.id))
    )
    return _stream(session, _between(query, col(Workout.started_at), start, end))


def pain_scores(
    session: Session, owner_id: uuid.UUID, start: datetime | None, end: datetime | None
) -> Iterator[Row[Any]]:
    """The owner's live pain scores, oldest first."""
    query = (
        select(PainScore)
        .where(col(PainScore.user_id) == owner_id, col(PainScore.deleted_at).is_(None))
        .order_by(col(PainScore.recorded_at), col(PainScore.id))
    )
    return _stream(session, _between(query, col(PainScore.recorded_at), start, end))


def bodyweights(
    session: Session, owner_id: uuid.UUID, start: datetime | None, end: datetime | None
) -> Iterator[Row[Any]]:
    """The owner's live bodyweight entries, oldest first."""
    query = (
        select(Bodyweight)
        .where(col(Bodyweight.user_id) == owner_id, col(Bodyweight.deleted_at).is_(None))
        .order_by(col(Bodyweight.measured_at), col(Bodyweight.id))
    )
    return _stream(session, _between(query, col(Bodyweight.measured_at), start, end))
