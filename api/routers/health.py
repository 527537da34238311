"""Liveness and readiness probes."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter
from pydantic import BaseModel
from sqlalchemy.exc import SQLAlchemyError

from api.deps import DatabaseDep
from api.errors import ServiceUnavailable, problem_responses
from db import migrations

router = APIRouter(tags=["health"])


class Health(BaseModel):
    status: Literal["ok"] = "ok"


class Readiness(BaseModel):
    status: Literal["ready"] = "ready"
    revision: str | None


@router.get("/healthz", operation_id="getHealth", openapi_extra={"security": []})
async def get_health() -> Health:
    """The process is up."""
    return Health()


@router.get(
    "/readyz",
    operation_id="getReadiness",
    responses=problem_responses(503),
    openapi_extra={"security": []},
)
async def get_readiness(database: DatabaseDep) -> Readiness:
    """The database answers and its schema is at the newest migration."""
    try:
        current = await database.run(lambda _session: migrations.current_revision(database.engine))
    except SQLAlchemyError as exc:
        raise ServiceUnavailable("Database unreachable", code="database_unavailable") from exc
    if current != migrations.head_revision():
        raise ServiceUnavailable(
            f"Database schema at {current}, expected {migrations.head_revision()}",
            code="migrations_pending",
        )
    return Readiness(revision=current)
