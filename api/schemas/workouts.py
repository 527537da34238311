"""Workouts and their ordered sets."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, Field, model_validator

from api.schemas.common import (
    CREATED_BY,
    NEVER_NULL,
    Instant,
    Notes,
    RequestModel,
    ResponseModel,
    WholeNumber,
)
from api.schemas.enums import SetType
from api.schemas.records import ServerOwned

MAX_SETS = 200

Reps = Annotated[int, Field(ge=0, le=1000, strict=True), WholeNumber]
LoadKg = Annotated[float, Field(ge=-500, le=1500, allow_inf_nan=False)]
Rpe = Annotated[float, Field(ge=1, le=10, multiple_of=0.5)]
Position = Annotated[int, Field(ge=0, lt=MAX_SETS, strict=True), WholeNumber]


class SetWrite(RequestModel):
    id: uuid.UUID | None = Field(default=None, description="Client-chosen set id (optional).")
    exercise: str = Field(
        min_length=1,
        max_length=80,
        description="Exercise id, slug, name or alias (as `POST /v1/exercises/resolve` matches"
        " names).",
        examples=["deadlift"],
    )
    # As a set reads back, so that it can be written back unchanged.
    exercise_id: uuid.UUID | None = Field(
        default=None, description="As read back: if sent, the id of `exercise`."
    )
    position: Position | None = Field(
        default=None, description="As read back: if sent, the set's 0-based place in `sets`."
    )
    set_type: SetType = SetType.normal
    reps: Reps = Field(examples=[5])
    load_kg: LoadKg = Field(
        default=0.0,
        description="Bar/machine load; for bodyweight lifts the added load (negative = assisted).",
        examples=[140.0],
    )
    rpe: Rpe | None = None
    rir: int | None = Field(default=None, ge=0, le=10)
    duration_s: float | None = Field(default=None, ge=0, le=86_400, allow_inf_nan=False)
    distance_m: float | None = Field(default=None, ge=0, le=1_000_000, allow_inf_nan=False)
    notes: Notes | None = None


class WorkoutWrite(ServerOwned):
    started_at: Instant = Field(examples=["2026-11-20T18:30:00+01:00"])
    ended_at: Instant | None = None
    title: str | None = Field(default=None, max_length=200, examples=["Pull day"])
    notes: Notes | None = None
    sets: list[SetWrite] = Field(default_factory=list, max_length=MAX_SETS)

    @model_validator(mode="after")
    def _ends_after_start(self) -> WorkoutWrite:
        if self.ended_at is not None and self.ended_at < self.started_at:
            raise ValueError("ended_at must not be before started_at")
        return self


class WorkoutPatch(ServerOwned):
    started_at: Annotated[Instant | None, NEVER_NULL] = None  # may be left out, never null
    ended_at: Instant | None = None
    title: str | None = Field(default=None, max_length=200)
    notes: Notes | None = None
    sets: list[SetWrite] | None = Field(
        default=None, max_length=MAX_SETS, description="When present, replaces every set."
    )


class SetRead(ResponseModel):
    id: uuid.UUID
    exercise: str = Field(description="Exercise slug.")
    exercise_id: uuid.UUID
    position: int
    set_type: SetType
    reps: int
    load_kg: float
    rpe: float | None
    rir: int | None
    duration_s: float | None
    distance_m: float | None
    notes: str | None


class WorkoutRead(ResponseModel):
    id: uuid.UUID
    started_at: datetime
    ended_at: datetime | None
    title: str | None
    notes: str | None
    sets: list[SetRead]
    created_at: datetime
    updated_at: datetime
    created_by: uuid.UUID | None = Field(description=CREATED_BY)
    version: int


class WorkoutPage(BaseModel):
    items: list[WorkoutRead]
    next_cursor: str | None
