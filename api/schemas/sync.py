"""The change feed and batched writes for offline clients."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, Field

from api.schemas.bodyweights import BodyweightRead
from api.schemas.common import RequestModel
from api.schemas.enums import ChangeOp, ResourceName
from api.schemas.pain_scores import PainScoreRead
from api.schemas.workouts import WorkoutRead

MAX_BATCH = 100


class ChangeRead(BaseModel):
    cursor: str = Field(description="Resume after this change with `since=<cursor>`.")
    resource: ResourceName
    id: uuid.UUID
    op: ChangeOp
    data: WorkoutRead | PainScoreRead | BodyweightRead | None = Field(
        description="The full current resource for `upsert`; null for `delete`."
    )
    changed_at: datetime


class ChangesPage(BaseModel):
    changes: list[ChangeRead]
    next_cursor: str = Field(
        description="Poll again with `since=next_cursor`; equals `since` when nothing is new."
    )
    has_more: bool


class BatchOperation(RequestModel):
    method: Literal["PUT", "PATCH", "DELETE"]
    path: str = Field(
        max_length=200,
        description="Relative to the user, e.g. `workouts/<id>`.",
        examples=["workouts/2f0c6a4e-3b4d-4a53-9a47-2f1e8d0b9c11"],
    )
    body: dict[str, Any] | None = None
    if_match: str | None = Field(default=None, max_length=100)


class BatchRequest(RequestModel):
    operations: list[BatchOperation] = Field(min_length=1, max_length=MAX_BATCH)


class BatchResult(BaseModel):
    status: int = Field(
        description="The operation's own HTTP status. 503 (`database_unavailable`): the "
        "database failed during this operation, which was rolled back; 424 "
        "(`not_attempted`): not tried, because an earlier operation met a database failure. "
        "Send those again; operations answered 2xx are committed."
    )
    body: dict[str, Any] | None = Field(description="The resource, or a problem document.")


class BatchResponse(BaseModel):
    results: list[BatchResult] = Field(description="One per operation, in request order.")
