"""What the analytics read: sets with their exercises, bodyweights, pain scores (one query each).

The one-owner reads behind balance and trend are Core statements built once at import and run on
the session's connection: no ORM compilation or cache-key walk per call, tuples out."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any, NamedTuple

from sqlalchemy import BindParameter, Row, Select, bindparam, func, select
from sqlmodel import Session, col

from db.base import uuid_text
from db.models import (
    Bodyweight,
    Change,
    ChangeCounter,
    Exercise,
    PainScore,
    User,
    Workout,
    WorkoutSet,
)
from db.queries import ranges
from db.queries.ranges import between, between_params, driver_instant


class OwnerState(NamedTuple):
    """What the keys of an owner's cached answers are made of, and the profile facts the
    answers are computed with (read with them: a recompute loads no account)."""

    timezone: str  # the profile's: which date "today" is
    updated_at: datetime  # the profile's last change (sex, bodyweight, time zone)
    any_write: int  # the change counter: moves on every write (0 before any)
    strength: tuple[int, datetime | None]  # moves on every write but to the resource left out
    sex: str
    bodyweight_kg: float | None


_OWNER: BindParameter[Any] = bindparam("owner_id")
_CUSTOM_EXERCISES_AT = select(func.max(col(Exercise.updated_at))).where(
    col(Exercise.owner_id) == _OWNER
)
# One statement, four index lookups: the profile; the counter row; the newest change that is
# not the left-out resource's (backwards on the (user_id, seq) key: every write appends a
# change with a new sequence number, deletions included, so this moves with each of them);
# the last edit of the owner's custom exercises (an edit bumps the counter but appends no
# change); and the profile facts the answers are computed with.
_OWNER_STATE = select(
    col(User.timezone),
    col(User.updated_at),
    select(col(ChangeCounter.last_seq))
    .where(col(ChangeCounter.user_id) == _OWNER)
    .scalar_subquery(),
    select(col(Change.seq))
    .where(col(Change.user_id) == _OWNER, col(Change.resource) != bindparam("left_out"))
    .order_by(col(Change.seq).desc())
    .limit(1)
    .scalar_subquery(),
    _CUSTOM_EXERCISES_AT.scalar_subquery(),
    col(User.sex),
    col(User.bodyweight_kg),
).where(col(User.id) == _OWNER)


def owner_state(session: Session, owner_id: uuid.UUID, *, left_out: str) -> OwnerState | None:
    """The owner's `OwnerState`, its `strength` cursor blind to writes to the resource
    `left_out`; None if the account is gone."""
    params = {"owner_id": owner_id, "left_out": left_out}
    return _owner_state_of(session.connection().execute(_OWNER_STATE, params).first())


def _owner_state_of(row: Sequence[Any] | None) -> OwnerState | None:
    if row is None:
        return None
    timezone, updated_at, last_seq, strength_seq, exercises_at, sex, bodyweight_kg = row
    return OwnerState(
        timezone,
        updated_at,
        int(last_seq or 0),
        (int(strength_seq or 0), exercises_at),
        sex,
        bodyweight_kg,
    )


# (set id, slug, chain, region, load_type, is_system, started_at, set_type, reps, load_kg),
# then (in the one-owner reads) the workout's id
SetRow = tuple[Any, ...]


def _set_columns(*, postgresql: bool) -> list[Any]:
    # Ids are read as text (far cheaper than building uuid.UUID objects: `canonical_uuid`).
    # PostgreSQL returns aware instants, so the UTC TypeDecorator is skipped there.
    started = col(Workout.started_at)
    return [
        uuid_text(col(WorkoutSet.id)),
        col(Exercise.slug),
        col(Exercise.chain),
        col(Exercise.region),
        col(Exercise.load_type),
        col(Exercise.is_system),
        driver_instant(started, "started_at") if postgresql else started,
        col(WorkoutSet.set_type),
        col(WorkoutSet.reps),
        col(WorkoutSet.load_kg),
    ]


def _sets_of_workouts(*, postgresql: bool) -> Select[Any]:
    """`SetRow` columns and the workout's id, each workout's sets in position order."""
    workout_id = col(WorkoutSet.workout_id)
    return (
        select(*_set_columns(postgresql=postgresql), uuid_text(workout_id))
        .join(Workout, col(Workout.id) == workout_id)
        .join(Exercise, col(Exercise.id) == col(WorkoutSet.exercise_id))
        .order_by(workout_id, col(WorkoutSet.position))
    )


def _owner_sets_statement(*, postgresql: bool, has_start: bool, has_end: bool) -> Select[Any]:
    query = _sets_of_workouts(postgresql=postgresql).where(
        col(Workout.user_id) == bindparam("owner_id"), col(Workout.deleted_at).is_(None)
    )
    return between_params(query, col(Workout.started_at), has_start=has_start, has_end=has_end)


_OWNER_SETS = ranges.per_shape(_owner_sets_statement)
_WORKOUT_IDS: BindParameter[Any] = bindparam("workout_ids", expanding=True)
# Filtered on both sides of the join, the workout's key and the sets' `workout_id` (the same
# rows): PostgreSQL then starts from those few workouts and reaches their sets through the
# `workout_id` index, whatever its statistics say. Filtered on the sets' column alone it
# hashed the whole `workout` table for the join (0.8 ms at 2,000 workouts); on the workout's
# alone, without statistics (fresh tables, autovacuum behind), it hashed every user's sets
# (~6 ms at 41,600 sets for 9 workouts; 0.7 ms with both: bench/RESULTS.md).
_WORKOUT_SETS = {
    postgresql: _sets_of_workouts(postgresql=postgresql).where(
        col(Workout.id).in_(_WORKOUT_IDS), col(WorkoutSet.workout_id).in_(_WORKOUT_IDS)
    )
    for postgresql in (False, True)
}


def owner_sets(
    session: Session, owner_id: uuid.UUID, *, start: datetime | None, end: datetime | None
) -> list[SetRow]:
    """One owner's sets in live workouts started in [start, end) as `SetRow` tuples (ids as
    `uuid_text` reads them, aware start instant, not necessarily in UTC, exercise facts)
    followed by the workout's id; each workout's sets in position order."""
    connection = session.connection()
    shape = ranges.shape_of(connection, start, end)
    rows = connection.execute(_OWNER_SETS[shape], ranges.range_params(owner_id, start, end)).all()
    return [tuple(row) for row in rows]


def workout_sets(session: Session, workout_ids: Sequence[uuid.UUID]) -> list[SetRow]:
    """`owner_sets` of these workouts, whatever their time."""
    if not workout_ids:
        return []
    connection = session.connection()
    postgresql = connection.dialect.name == "postgresql"
    rows = connection.execute(_WORKOUT_SETS[postgresql], {"workout_ids": list(workout_ids)}).all()
    return [tuple(row) for row in rows]


def _owner_workouts_statement(
    *,
    postgresql: bool,  # noqa: ARG001 (`ranges.per_shape` asks; the same on every database)
    has_start: bool,
    has_end: bool,
) -> Select[Any]:
    workout_id = col(Workout.id)
    query = (
        select(uuid_text(workout_id), col(Workout.version))
        .where(col(Workout.user_id) == bindparam("owner_id"), col(Workout.deleted_at).is_(None))
        .order_by(col(Workout.started_at), workout_id)
    )
    return between_params(query, col(Workout.started_at), has_start=has_start, has_end=has_end)


_OWNER_WORKOUTS = ranges.per_shape(_owner_workouts_statement)


def owner_workouts(
    session: Session, owner_id: uuid.UUID, *, start: datetime | None, end: datetime | None
) -> list[tuple[str, int]]:
    """(id as `uuid_text` reads it, version) of the owner's live workouts started in
    [start, end), oldest first: what their sets are cached by (every write to a workout bumps
    its version)."""
    connection = session.connection()
    shape = ranges.shape_of(connection, start, end)
    query = _OWNER_WORKOUTS[shape]
    rows = connection.execute(query, ranges.range_params(owner_id, start, end)).all()
    return [(workout_id, int(version)) for workout_id, version in rows]


def custom_exercises_at(session: Session, owner_id: uuid.UUID) -> datetime | None:
    """When the owner's custom exercises last changed (None: they have none)."""
    value: datetime | None = (
        session.connection().execute(_CUSTOM_EXERCISES_AT, {"owner_id": owner_id}).scalar()
    )
    return value


def sets(
    session: Session,
    owner_ids: Sequence[uuid.UUID],
    *,
    start: datetime | None,
    end: datetime | None,
) -> list[Row[Any]]:
    """The owners' sets in live workouts started in [start, end), with exercise facts: the
    `SetRow` columns, then user_id."""
    query = (
        select(*_set_columns(postgresql=False), col(Workout.user_id))
        .join(Workout, col(Workout.id) == col(WorkoutSet.workout_id))
        .join(Exercise, col(Exercise.id) == col(WorkoutSet.exercise_id))
        .where(col(Workout.user_id).in_(owner_ids), col(Workout.deleted_at).is_(None))
    )
    return list(session.execute(between(query, col(Workout.started_at), start, end)).all())


_BODYWEIGHTS = select(col(Bodyweight.measured_at), col(Bodyweight.weight_kg)).where(
    col(Bodyweight.user_id) == bindparam("owner_id"), col(Bodyweight.deleted_at).is_(None)
)


def owner_bodyweights(session: Session, owner_id: uuid.UUID) -> list[tuple[datetime, float]]:
    """Every live bodyweight entry of one owner: (measured_at, weight_kg)."""
    rows = session.connection().execute(_BODYWEIGHTS, {"owner_id": owner_id}).all()
    return [(row[0], row[1]) for row in rows]


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
    query = between(query, col(PainScore.recorded_at), start, end)
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
