"""CSV imports from Strong, Hevy, FitNotes and Backchain's own export."""

from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import BaseModel, Field

from api.schemas.enums import JobStatus


class ImportRowError(BaseModel):
    line: int = Field(description="1-based line in the file; the header is line 1.")
    column: str
    message: str


class ImportResult(BaseModel):
    dry_run: bool
    format: str = Field(description="The layout read: strong, hevy, fitnotes or backchain.")
    workouts_created: int
    sets_created: int
    rows_skipped: int = Field(description="Rest-timer rows, which are not sets.")
    duplicates_skipped: int = Field(description="Workouts already imported (same content).")
    unknown_exercises: list[str] = Field(
        description="Names not in the catalog: created as your custom exercises (chain "
        "neutral) so you can classify them."
    )
    errors: list[ImportRowError]


class ImportJobRead(BaseModel):
    id: uuid.UUID
    status: JobStatus
    rows_done: int
    rows_total: int
    created_at: datetime
    finished_at: datetime | None
    result: ImportResult | None = Field(description="Set once the job is done.")
    problem: dict[str, object] | None = Field(
        default=None, description="The problem document when the import failed."
    )
