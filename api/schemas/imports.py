"""CSV imports from Strong, Hevy, FitNotes and Backchain's own export."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from pydantic import BaseModel, Field, model_validator

from api.errors import ExerciseSuggestion
from api.schemas.enums import JobStatus


class ImportRowError(BaseModel):
    line: int = Field(description="1-based line in the file; the header is line 1.")
    column: str
    message: str


class UnknownExercise(BaseModel):
    name: str = Field(description="The name as the file writes it.")
    exercise_id: uuid.UUID | None = Field(
        description="The custom exercise made for it (neutral, unclassified: classify it or "
        "make it an alias with `PATCH /v1/exercises/{id}`); null in a dry run."
    )
    suggestions: list[ExerciseSuggestion] = Field(
        description="Catalog exercises the name may mean, best first."
    )

    @model_validator(mode="before")
    @classmethod
    def _from_name(cls, data: Any) -> Any:
        # Jobs finished before issue 23 stored the bare names.
        if isinstance(data, str):
            return {"name": data, "exercise_id": None, "suggestions": []}
        return data


class ImportResult(BaseModel):
    dry_run: bool
    format: str = Field(description="The layout read: strong, hevy, fitnotes or backchain.")
    workouts_created: int
    sets_created: int
    rows_skipped: int = Field(description="Rest-timer rows, which are not sets.")
    duplicates_skipped: int = Field(description="Workouts already imported (same content).")
    unknown_exercises: list[UnknownExercise] = Field(
        description="Names the catalog and your own exercises do not know: created as your "
        "custom exercises (chain neutral, unclassified) so you can classify them."
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
