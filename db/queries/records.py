"""Generic reads of logged records (workouts, pain scores, bodyweights): pages and lookups."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import and_, delete, or_
from sqlmodel import Session, col, select

from db.models import Exercise, Workout, WorkoutSet

RecordT = TypeVar("RecordT", bound=Any)


def get_for_update(session: Session, model: type[RecordT], record_id: uuid.UUID) -> RecordT | None:
    """Any row with this id (deleted or not, any owner), locked on PostgreSQL until commit."""
    return session.exec(select(model).where(model.id == record_id).with_for_update()).first()


def get_live(
    session: Session, model: type[RecordT], owner_id: uuid.UUID, record_id: uuid.UUID
) -> RecordT | None:
    """The owner's row with this id unless it was deleted."""
    return session.exec(
        select(model).where(
            model.id == record_id, model.user_id == owner_id, model.deleted_at.is_(None)
        )
    ).first()


def get_live_many(
    session: Session, model: type[RecordT], owner_id: uuid.UUID, ids: Sequence[uuid.UUID]
) -> list[RecordT]:
    """The owner's live rows among these ids."""
    if not ids:
        return []
    return list(
        session.exec(
            select(model).where(
                col(model.id).in_(ids), model.user_id == owner_id, model.deleted_at.is_(None)
            )
        ).all()
    )


def page(
    session: Session,
    model: type[RecordT],
    time_attr: str,
    owner_id: uuid.UUID,
    *,
    limit: int,
    after: tuple[datetime, uuid.UUID] | None,
    time_from: datetime | None,
    time_to: datetime | None,
) -> list[RecordT]:
    """Newest first by (time, id): a keyset page, stable under concurrent inserts."""
    time_col = getattr(model, time_attr)
    query = select(model).where(model.user_id == owner_id, model.deleted_at.is_(None))
    if time_from is not None:
        query = query.where(time_col >= time_from)
    if time_to is not None:
        query = query.where(time_col < time_to)
    if after is not None:
        at, last_id = after
        query = query.where(or_(time_col < at, and_(time_col == at, model.id < last_id)))
    query = query.order_by(time_col.desc(), col(model.id).desc()).limit(limit)
    return list(session.exec(query).all())


def sets_with_slugs(
    session: Session, workout_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, list[tuple[WorkoutSet, str]]]:
    """Sets of several workouts with their exercise slugs, in one query, by position."""
    found: dict[uuid.UUID, list[tuple[WorkoutSet, str]]] = defaultdict(list)
    if not workout_ids:
        return found
    rows = session.exec(
        select(WorkoutSet, Exercise.slug)
        .join(Exercise, col(Exercise.id) == col(WorkoutSet.exercise_id))
        .where(col(WorkoutSet.workout_id).in_(workout_ids))
        .order_by(col(WorkoutSet.workout_id), col(WorkoutSet.position))
    ).all()
    for workout_set, slug in rows:
        found[workout_set.workout_id].append((workout_set, slug))
    return found


def delete_sets(session: Session, workout_id: uuid.UUID) -> None:
    """Remove every set of a workout now (a Core DELETE: re-inserted set ids must not clash)."""
    session.execute(delete(WorkoutSet).where(col(WorkoutSet.workout_id) == workout_id))


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
    return get_live(session, Workout, owner_id, workout_id) is not None
