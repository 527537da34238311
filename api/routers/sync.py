"""Offline sync: the change feed and batched writes."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from api.deps import ReadWork, WriteWork
from api.errors import problem_responses
from api.pagination import MAX_LIMIT
from api.schemas.sync import BatchRequest, BatchResponse, ChangesPage
from api.services import sync as sync_service

router = APIRouter(prefix="/v1/users/{user}", tags=["sync"])


@router.get("/changes", operation_id="listChanges", responses=problem_responses(401, 404, 422))
async def list_changes(
    work: ReadWork,
    since: Annotated[
        str | None, Query(max_length=64, description="`next_cursor` of the previous poll.")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 100,
) -> ChangesPage:
    """Every change to the user's records after `since` (all of them without it), in order."""
    return await work.run(sync_service.changes, since=since, limit=limit)


@router.post(
    "/batch", operation_id="applyBatch", responses=problem_responses(401, 403, 404, 413, 422)
)
async def apply_batch(data: BatchRequest, work: WriteWork) -> BatchResponse:
    """Up to 100 PUT/PATCH/DELETE operations, each atomic on its own, answered in order. If
    the database fails midway, that operation answers 503 and the rest 424 `not_attempted`;
    those answered 2xx are committed."""
    return BatchResponse(results=await work.run(sync_service.batch, data.operations))
