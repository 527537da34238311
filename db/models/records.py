"""What users log: workouts with their sets, pain scores and bodyweights (with tombstones)."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import Column, ForeignKey, Index, Uuid
from sqlmodel import Field, SQLModel

from db.base import id_field, instant_field, utcnow


def _owner_column() -> Column[uuid.UUID]:
    return Column(Uuid, ForeignKey("user_account.id", ondelete="CASCADE"), nullable=False)


class Workout(SQLModel, table=True):
    __tablename__ = "workout"
    __table_args__ = (Index("ix_workout_user_started", "user_id", "started_at", "id"),)

    id: uuid.UUID = id_field()
    user_id: uuid.UUID = Field(sa_column=_owner_column())
    started_at: datetime = instant_field()
    ended_at: datetime | None = instant_field(default=None, nullable=True)
    title: str | None = Field(default=None, max_length=200)
    notes: str | None = Field(default=None, max_length=2000)
    # The actor who wrote it: the owner, or a trainer logging for a client; null once that
    # trainer's account is erased.
    created_by: uuid.UUID | None
    version: int = 1
    created_at: datetime = instant_field(default_factory=utcnow)
    updated_at: datetime = instant_field(default_factory=utcnow)
    deleted_at: datetime | None = instant_field(default=None, nullable=True)


class WorkoutSet(SQLModel, table=True):
    __tablename__ = "workout_set"

    id: uuid.UUID = id_field()
    workout_id: uuid.UUID = Field(
        sa_column=Column(
            Uuid, ForeignKey("workout.id", ondelete="CASCADE"), nullable=False, index=True
        )
    )
    # RESTRICT: deleting a custom exercise must never silently delete logged sets.
    exercise_id: uuid.UUID = Field(
        sa_column=Column(
            Uuid, ForeignKey("exercise.id", ondelete="RESTRICT"), nullable=False, index=True
        )
    )
    position: int
    set_type: str = Field(default="normal", max_length=16)
    reps: int
    load_kg: float = 0.0
    rpe: float | None = None
    rir: int | None = None
    duration_s: float | None = None
    distance_m: float | None = None
    notes: str | None = Field(default=None, max_length=2000)


class PainScore(SQLModel, table=True):
    __tablename__ = "pain_score"
    __table_args__ = (Index("ix_pain_score_user_recorded", "user_id", "recorded_at", "id"),)

    id: uuid.UUID = id_field()
    user_id: uuid.UUID = Field(sa_column=_owner_column())
    recorded_at: datetime = instant_field()
    region: str = Field(max_length=16)
    side: str | None = Field(default=None, max_length=8)
    score: int
    context: str | None = Field(default=None, max_length=24)
    workout_id: uuid.UUID | None = Field(
        default=None,
        sa_column=Column(Uuid, ForeignKey("workout.id", ondelete="SET NULL"), nullable=True),
    )
    notes: str | None = Field(default=None, max_length=2000)
    created_by: uuid.UUID | None
    version: int = 1
    created_at: datetime = instant_field(default_factory=utcnow)
    updated_at: datetime = instant_field(default_factory=utcnow)
    deleted_at: datetime | None = instant_field(default=None, nullable=True)


class Bodyweight(SQLModel, table=True):
    __tablename__ = "bodyweight"
    __table_args__ = (Index("ix_bodyweight_user_measured", "user_id", "measured_at", "id"),)

    id: uuid.UUID = id_field()
    user_id: uuid.UUID = Field(sa_column=_owner_column())
    measured_at: datetime = instant_field()
    weight_kg: float
    created_by: uuid.UUID | None
    version: int = 1
    created_at: datetime = instant_field(default_factory=utcnow)
    updated_at: datetime = instant_field(default_factory=utcnow)
    deleted_at: datetime | None = instant_field(default=None, nullable=True)
