"""What the analytics read: sets with their exercises, bodyweights, pain scores (one query each)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Row, func, select
from sqlmodel import Session, col

from db.models import Bodyweight, Exercise, PainScore, Workout, WorkoutSet


def sets(
    session: Session, owner_id: uuid.UUID, *, start: datetime | None, end: datetime | None
) -> list[Row[Any]]:
    """The owner's logged sets in live workouts started in [start, end), with exercise facts."""
    query = (
        select(
            col(WorkoutSet.id),
            col(Exercise.slug),
            col(Exercise.chain),
            col(Exercise.region),
            col(Exercise.load_type),
            col(Exercise.is_system),
            col(Workout.started_at),
            col(WorkoutSet.set_type),
            col(WorkoutSet.reps),
            col(WorkoutSet.load_kg),
        )
        .join(Workout, col(Workout.id) == col(WorkoutSet.workout_id))
        .join(Exercise, col(Exercise.id) == col(WorkoutSet.exercise_id))
        .where(col(Workout.user_id) == owner_id, col(Workout.deleted_at).is_(None))
    )
    if start is not None:
        query = query.where(col(Workout.started_at) >= start)
    if end is not None:
        query = query.where(col(Workout.started_at) < end)
    return list(session.execute(query).all())


def bodyweights(session: Session, owner_id: uuid.UUID) -> list[Row[Any]]:
    """Every live bodyweight entry of the owner (measured_at, weight_kg)."""
    query = select(col(Bodyweight.measured_at), col(Bodyweight.weight_kg)).where(
        col(Bodyweight.user_id) == owner_id, col(Bodyweight.deleted_at).is_(None)
    )
    return list(session.execute(query).all())


def pain_scores(
    session: Session,
    owner_id: uuid.UUID,
    *,
    region: str | None = None,
    start: datetime | None = None,
    end: datetime | None = None,
) -> list[Row[Any]]:
    """Live pain scores (recorded_at, region, side, score), oldest first."""
    query = select(
        col(PainScore.recorded_at),
        col(PainScore.region),
        col(PainScore.side),
        col(PainScore.score),
    ).where(col(PainScore.user_id) == owner_id, col(PainScore.deleted_at).is_(None))
    if region is not None:
        query = query.where(col(PainScore.region) == region)
    if start is not None:
        query = query.where(col(PainScore.recorded_at) >= start)
    if end is not None:
        query = query.where(col(PainScore.recorded_at) < end)
    return list(session.execute(query.order_by(col(PainScore.recorded_at))).all())


def last_workout_at(session: Session, owner_id: uuid.UUID) -> datetime | None:
    """When the owner's latest live workout started."""
    query = select(func.max(col(Workout.started_at))).where(
        col(Workout.user_id) == owner_id, col(Workout.deleted_at).is_(None)
    )
    value = session.execute(query).scalar_one_or_none()
    if isinstance(value, str):  # MAX() bypasses the column type on SQLite
        value = datetime.fromisoformat(value)
    if isinstance(value, datetime) and value.tzinfo is None:
        value = value.replace(tzinfo=UTC)  # stored as UTC wall time
    return value
