"""What the analytics read: sets with their exercises, bodyweights, pain scores (one query each)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Row, func, select
from sqlmodel import Session, col

from db.models import Bodyweight, Exercise, PainScore, Workout, WorkoutSet


def sets(
    session: Session,
    owner_ids: Sequence[uuid.UUID],
    *,
    start: datetime | None,
    end: datetime | None,
) -> list[Row[Any]]:
    """The owners' sets in live workouts started in [start, end), with exercise facts."""
    query = (
        select(
            col(Workout.user_id),
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
        .where(col(Workout.user_id).in_(owner_ids), col(Workout.deleted_at).is_(None))
    )
    if start is not None:
        query = query.where(col(Workout.started_at) >= start)
    if end is not None:
        query = query.where(col(Workout.started_at) < end)
    return list(session.execute(query).all())


def bodyweights(session: Session, owner_ids: Sequence[uuid.UUID]) -> list[Row[Any]]:
    """Every live bodyweight entry of the owners (user_id, measured_at, weight_kg)."""
    query = select(
        col(Bodyweight.user_id), col(Bodyweight.measured_at), col(Bodyweight.weight_kg)
    ).where(col(Bodyweight.user_id).in_(owner_ids), col(Bodyweight.deleted_at).is_(None))
    return list(session.execute(query).all())


def pain_scores(
    session: Session,
    owner_ids: Sequence[uuid.UUID],
    *,
    region: str | None = None,
    start: datetime | None = None,
    end: datetime | None = None,
) -> list[Row[Any]]:
    """Live pain scores (user_id, recorded_at, region, side, score), oldest first."""
    query = select(
        col(PainScore.user_id),
        col(PainScore.recorded_at),
        col(PainScore.region),
        col(PainScore.side),
        col(PainScore.score),
    ).where(col(PainScore.user_id).in_(owner_ids), col(PainScore.deleted_at).is_(None))
    if region is not None:
        query = query.where(col(PainScore.region) == region)
    if start is not None:
        query = query.where(col(PainScore.recorded_at) >= start)
    if end is not None:
        query = query.where(col(PainScore.recorded_at) < end)
    return list(session.execute(query.order_by(col(PainScore.recorded_at))).all())


def last_workout_at(session: Session, owner_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, datetime]:
    """When each owner's latest live workout started (one GROUP BY)."""
    query = (
        select(col(Workout.user_id), func.max(col(Workout.started_at)))
        .where(col(Workout.user_id).in_(owner_ids), col(Workout.deleted_at).is_(None))
        .group_by(col(Workout.user_id))
    )
    found: dict[uuid.UUID, datetime] = {}
    for owner_id, value in session.execute(query).all():
        if isinstance(value, str):  # MAX() may bypass the column type on SQLite
            value = datetime.fromisoformat(value)
        if isinstance(value, datetime):
            found[owner_id] = value if value.tzinfo else value.replace(tzinfo=UTC)
    return found
