"""Pain scores (NPRS 0 to 10) by body region."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, Field

from api.schemas.common import (
    CREATED_BY,
    NEVER_NULL,
    Instant,
    Notes,
    ResponseModel,
    WholeNumber,
)
from api.schemas.enums import PainContext, PainRegion, Side
from api.schemas.records import ServerOwned

Score = Annotated[int, Field(ge=0, le=10, strict=True), WholeNumber]


class PainScoreWrite(ServerOwned):
    recorded_at: Instant = Field(examples=["2026-11-21T07:45:00+01:00"])
    region: PainRegion = Field(examples=["low_back"])
    side: Side | None = None
    score: Score = Field(examples=[4])
    context: PainContext | None = None
    workout_id: uuid.UUID | None = None
    notes: Notes | None = None


class PainScorePatch(ServerOwned):
    # May be left out, never null (the others clear with null).
    recorded_at: Annotated[Instant | None, NEVER_NULL] = None
    region: Annotated[PainRegion | None, NEVER_NULL] = None
    side: Side | None = None
    score: Annotated[Score | None, NEVER_NULL] = None
    context: PainContext | None = None
    workout_id: uuid.UUID | None = None
    notes: Notes | None = None


class PainScoreRead(ResponseModel):
    id: uuid.UUID
    recorded_at: datetime
    region: PainRegion
    side: Side | None
    score: int
    context: PainContext | None
    workout_id: uuid.UUID | None
    notes: str | None
    created_at: datetime
    updated_at: datetime
    created_by: uuid.UUID | None = Field(description=CREATED_BY)
    version: int


class PainScorePage(BaseModel):
    items: list[PainScoreRead]
    next_cursor: str | None
