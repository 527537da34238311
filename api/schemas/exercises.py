"""The exercise catalog."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, Field, StringConstraints

from api.errors import ExerciseSuggestion
from api.schemas.common import RequestModel, ResponseModel
from api.schemas.enums import BodyRegion, Chain, LoadType, NameSource

ALIAS_OF_TEXT = "Slug or id of the system exercise this custom exercise is (null clears it)."


class ExerciseCreate(RequestModel):
    name: str = Field(min_length=1, max_length=120, examples=["Single-leg hip thrust"])
    # BALANCE_METHOD §9: given both, the exercise is classified; omitted, it is neutral/none
    # (counted nowhere) until its owner classifies it.
    chain: Chain | None = Field(default=None, examples=["posterior"])
    region: BodyRegion | None = Field(default=None, examples=["lower"])
    pattern: str | None = Field(default=None, max_length=32, examples=["hip_extension"])
    load_type: LoadType = LoadType.external
    alias_of: str | None = Field(
        default=None, max_length=80, description=ALIAS_OF_TEXT, examples=["hip_thrust"]
    )


class ExerciseUpdate(RequestModel):
    name: str | None = Field(default=None, min_length=1, max_length=120)
    chain: Chain | None = None
    region: BodyRegion | None = None
    pattern: str | None = Field(default=None, max_length=32)
    load_type: LoadType | None = None
    alias_of: str | None = Field(
        default=None, max_length=80, description=ALIAS_OF_TEXT, examples=["hip_thrust"]
    )


class AliasRead(ResponseModel):
    alias: str
    source: str


class ExerciseRead(ResponseModel):
    id: uuid.UUID
    slug: str
    name: str
    chain: Chain
    region: BodyRegion
    pattern: str | None
    load_type: LoadType
    equipment: str | None = Field(description="barbell, dumbbell, machine, cable, ...")
    is_system: bool
    owner_id: uuid.UUID | None
    alias_of: str | None = Field(
        default=None, description="Slug of the system exercise this custom exercise is."
    )
    classified: bool = Field(
        description="A system exercise, or a custom one its owner classified or aliased."
    )
    aliases: list[AliasRead] = Field(default_factory=list)
    created_at: datetime
    updated_at: datetime


class ExercisePage(BaseModel):
    items: list[ExerciseRead]
    next_cursor: str | None


MAX_RESOLVE_NAMES = 200
ExerciseName = Annotated[str, StringConstraints(min_length=1, max_length=120)]


class ResolveRequest(RequestModel):
    names: list[ExerciseName] = Field(
        min_length=1,
        max_length=MAX_RESOLVE_NAMES,
        examples=[["Squat (Barbell)", "Kreuzheben", "Incline Bench Press (Dumbbell)"]],
    )
    source: NameSource | None = Field(
        default=None, description="The app the names come from: its own names match first."
    )


class ExerciseBrief(ResponseModel):
    id: uuid.UUID
    slug: str
    name: str
    chain: Chain
    region: BodyRegion


class ResolvedName(BaseModel):
    name: str = Field(description="The name as sent.")
    exercise: ExerciseBrief | None = Field(description="What it means; null when unknown.")
    suggestions: list[ExerciseSuggestion] = Field(
        description="For an unknown name: the exercises it may mean, best first (at most 5)."
    )


class ResolveResult(BaseModel):
    items: list[ResolvedName] = Field(description="One per name sent, in order.")


def exercise_read(
    exercise: object, aliases: list[object], alias_of: str | None = None
) -> ExerciseRead:
    """The Read model of an exercise row with its alias rows and its alias target's slug."""
    read = ExerciseRead.model_validate(exercise)
    read.aliases = [AliasRead.model_validate(a) for a in aliases]
    read.alias_of = alias_of
    return read
