"""The exercise catalog."""

from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import BaseModel, Field

from api.schemas.common import RequestModel, ResponseModel
from api.schemas.enums import BodyRegion, Chain, LoadType


class ExerciseCreate(RequestModel):
    name: str = Field(min_length=1, max_length=120, examples=["Single-leg hip thrust"])
    chain: Chain = Field(examples=["posterior"])
    region: BodyRegion = Field(examples=["lower"])
    pattern: str | None = Field(default=None, max_length=32, examples=["hip_extension"])
    load_type: LoadType = LoadType.external


class ExerciseUpdate(RequestModel):
    name: str | None = Field(default=None, min_length=1, max_length=120)
    chain: Chain | None = None
    region: BodyRegion | None = None
    pattern: str | None = Field(default=None, max_length=32)
    load_type: LoadType | None = None


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
    is_system: bool
    owner_id: uuid.UUID | None
    aliases: list[AliasRead] = Field(default_factory=list)
    created_at: datetime
    updated_at: datetime


class ExercisePage(BaseModel):
    items: list[ExerciseRead]
    next_cursor: str | None


def exercise_read(exercise: object, aliases: list[object]) -> ExerciseRead:
    """The Read model of an exercise row with its alias rows."""
    read = ExerciseRead.model_validate(exercise)
    read.aliases = [AliasRead.model_validate(a) for a in aliases]
    return read
