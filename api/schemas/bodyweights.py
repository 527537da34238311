"""Bodyweight measurements."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, Field

from api.schemas.common import CREATED_BY, NEVER_NULL, Instant, ResponseModel
from api.schemas.records import ServerOwned

WeightKg = Annotated[float, Field(ge=20, le=400, allow_inf_nan=False)]


class BodyweightWrite(ServerOwned):
    measured_at: Instant = Field(examples=["2026-11-21T07:30:00+01:00"])
    weight_kg: WeightKg = Field(examples=[80.4])


class BodyweightPatch(ServerOwned):
    # May be left out, never null.
    measured_at: Annotated[Instant | None, NEVER_NULL] = None
    weight_kg: Annotated[WeightKg | None, NEVER_NULL] = None


class BodyweightRead(ResponseModel):
    id: uuid.UUID
    measured_at: datetime
    weight_kg: float
    created_at: datetime
    updated_at: datetime
    created_by: uuid.UUID | None = Field(description=CREATED_BY)
    version: int


class BodyweightPage(BaseModel):
    items: list[BodyweightRead]
    next_cursor: str | None
