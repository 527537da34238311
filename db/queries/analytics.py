"""What the analytics read: an owner's cursors, workouts, sets, bodyweights and pain scores.

The one-owner reads behind every answer are Core statements built once at import and run on the
session's connection (no compilation or cache-key walk per call), tuples out."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any, NamedTuple

from sqlalchemy import BindParameter, Row, Select, bindparam, func, or_, select
from sqlalchemy.orm import aliased
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
from db.queries.ranges import between


class OwnerState(NamedTuple):
    """What the keys of an owner's cached answers are made of, and the profile facts the
    answers are computed with (read with them: a recompute loads no account)."""

    timezone: str  # the profile's: which date "today" is
    updated_at: datetime  # the profile's last change (sex, bodyweight, time zone)
    any_write: int  # the change counter: moves on every write (0 before any)
    strength: int  # moves on every write but to the resource left out
    exercises_at: datetime | None  # the owner's custom exercises' last change
    sex: str
    bodyweight_kg: float | None


_OWNER: BindParameter[Any] = bindparam("owner_id")
# One statement, four index lookups: the profile; the counter row; the newest change that is
# not the left-out resource's (backwards on the (user_id, seq) key: every write appends a
# change with a new sequence number, deletions included); the last edit of the owner's custom
# exercises (an edit bumps the counter but appends no change).
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
    select(func.max(col(Exercise.updated_at)))
    .where(col(Exercise.owner_id) == _OWNER)
    .scalar_subquery(),
    col(User.sex),
    col(User.bodyweight_kg),
).where(col(User.id) == _OWNER)


def owner_state(session: Session, owner_id: uuid.UUID, *, left_out: str) -> OwnerState | None:
    """The owner's `OwnerState`, its `strength` cursor blind to writes to the resource
    `left_out`; None if the account is gone."""
    params = {"owner_id": owner_id, "left_out": left_out}
    row = session.connection().execute(_OWNER_STATE, params).first()
    if row is None:
        return None
    timezone, updated_at, last_seq, strength_seq, exercises_at, sex, bodyweight_kg = row
    return OwnerState(
        timezone,
        updated_at,
        int(last_seq or 0),
        int(strength_seq or 0),
        exercises_at,
        sex,
        bodyweight_kg,
    )


# An unbounded side of a range: one statement then serves every range.
_EARLIEST = datetime(1900, 1, 1, tzinfo=UTC)
_LATEST = datetime(9999, 12, 31, tzinfo=UTC)


def _range(owner_id: uuid.UUID, start: datetime | None, end: datetime | None) -> dict[str, Any]:
    return {"owner_id": owner_id, "start": start or _EARLIEST, "end": end or _LATEST}


# (set id, slug, chain, region, load_type, is_system, started_at, set_type, reps, load_kg,
# duration_s, classified), then (in the one-owner reads) the workout's id. A custom exercise
# its owner declared an alias of a catalog exercise reads as that exercise (slug, chain,
# region, load type: BALANCE_METHOD §9). `classified`: a catalog exercise, an alias of one, or
# a custom one its owner classified (§12). Ids are read as text (far cheaper than building
# uuid.UUID objects: `canonical_uuid`).
SetRow = tuple[Any, ...]
SET_ROW_WORKOUT = 12  # the position of the workout's id in a one-owner `SetRow`
_TARGET = aliased(Exercise, name="alias_target")
_SET_COLUMNS = (
    uuid_text(col(WorkoutSet.id)),
    func.coalesce(_TARGET.slug, col(Exercise.slug)),
    func.coalesce(_TARGET.chain, col(Exercise.chain)),
    func.coalesce(_TARGET.region, col(Exercise.region)),
    func.coalesce(_TARGET.load_type, col(Exercise.load_type)),
    func.coalesce(_TARGET.is_system, col(Exercise.is_system)),
    col(Workout.started_at),
    col(WorkoutSet.set_type),
    col(WorkoutSet.reps),
    col(WorkoutSet.load_kg),
    col(WorkoutSet.duration_s),
    or_(
        col(Exercise.is_system),
        col(Exercise.classified),
        col(Exercise.alias_of_id).is_not(None),
    ),
)


def _with_exercises(query: Select[Any]) -> Select[Any]:
    """`query` over sets joined to their workout, exercise and the exercise it is an alias of."""
    return (
        query.join(Workout, col(Workout.id) == col(WorkoutSet.workout_id))
        .join(Exercise, col(Exercise.id) == col(WorkoutSet.exercise_id))
        .outerjoin(_TARGET, col(Exercise.alias_of_id) == _TARGET.id)
    )


_LIVE_IN_RANGE = (
    col(Workout.user_id) == _OWNER,
    col(Workout.deleted_at).is_(None),
    col(Workout.started_at) >= bindparam("start"),
    col(Workout.started_at) < bindparam("end"),
)
# Each workout's sets in position order.
_SETS = _with_exercises(select(*_SET_COLUMNS, uuid_text(col(WorkoutSet.workout_id)))).order_by(
    col(WorkoutSet.workout_id), col(WorkoutSet.position)
)
_OWNER_SETS = _SETS.where(*_LIVE_IN_RANGE)
_WORKOUT_IDS: BindParameter[Any] = bindparam("workout_ids", expanding=True)
# Filtered on both sides of the join, the workout's key and the sets' `workout_id` (the same
# rows): PostgreSQL then starts from those few workouts and reaches their sets through the
# `workout_id` index, whatever its statistics say (one side alone hashed a whole table for
# the join: 0.8-6 ms instead of 0.7 ms, bench/RESULTS.md).
_WORKOUT_SETS = _SETS.where(
    col(Workout.id).in_(_WORKOUT_IDS), col(WorkoutSet.workout_id).in_(_WORKOUT_IDS)
)
_OWNER_WORKOUTS = (
    select(uuid_text(col(Workout.id)), col(Workout.version))
    .where(*_LIVE_IN_RANGE)
    .order_by(col(Workout.started_at), col(Workout.id))
)


def owner_sets(
    session: Session, owner_id: uuid.UUID, *, start: datetime | None, end: datetime | None
) -> list[SetRow]:
    """One owner's sets in live workouts started in [start, end) (None: unbounded) as `SetRow`
    tuples followed by the workout's id; each workout's sets in position order."""
    rows = session.connection().execute(_OWNER_SETS, _range(owner_id, start, end)).all()
    return [tuple(row) for row in rows]


def workout_sets(session: Session, workout_ids: Sequence[str]) -> list[SetRow]:
    """`owner_sets` of these workouts (ids as `uuid_text` reads them), whatever their time."""
    if not workout_ids:
        return []
    params = {"workout_ids": [uuid.UUID(workout_id) for workout_id in workout_ids]}
    return [tuple(row) for row in session.connection().execute(_WORKOUT_SETS, params).all()]


def owner_workouts(
    session: Session, owner_id: uuid.UUID, *, start: datetime | None, end: datetime | None
) -> list[tuple[str, int]]:
    """(id as `uuid_text` reads it, version) of the owner's live workouts started in
    [start, end), oldest first (every write to a workout bumps its version)."""
    rows = session.connection().execute(_OWNER_WORKOUTS, _range(owner_id, start, end)).all()
    return [(workout_id, int(version)) for workout_id, version in rows]


def sets(
    session: Session,
    owner_ids: Sequence[uuid.UUID],
    *,
    start: datetime | None,
    end: datetime | None,
) -> list[Row[Any]]:
    """The owners' sets in live workouts started in [start, end), with exercise facts: the
    `SetRow` columns, then user_id."""
    query = _with_exercises(select(*_SET_COLUMNS, col(Workout.user_id))).where(
        col(Workout.user_id).in_(owner_ids), col(Workout.deleted_at).is_(None)
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
