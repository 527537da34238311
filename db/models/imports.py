"""CSV imports: which source workouts were imported (for idempotency) and background jobs."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import Column, ForeignKey, Text, UniqueConstraint, Uuid
from sqlmodel import Field, SQLModel

from db.base import id_field, instant_field, utcnow


class ImportRecord(SQLModel, table=True):
    """One imported workout keyed by its content: importing it again creates nothing."""

    __tablename__ = "import_record"
    __table_args__ = (UniqueConstraint("user_id", "content_hash"),)

    id: uuid.UUID = id_field()
    user_id: uuid.UUID = Field(
        sa_column=Column(Uuid, ForeignKey("user_account.id", ondelete="CASCADE"), nullable=False)
    )
    content_hash: str = Field(max_length=64)
    source_key: str = Field(max_length=300)
    workout_id: uuid.UUID = Field(
        sa_column=Column(
            Uuid, ForeignKey("workout.id", ondelete="CASCADE"), nullable=False, index=True
        )
    )
    created_at: datetime = instant_field(default_factory=utcnow)


class ImportJob(SQLModel, table=True):
    """A large import running after its 202 answer; the result is kept for polling."""

    __tablename__ = "import_job"

    id: uuid.UUID = id_field()
    user_id: uuid.UUID = Field(
        sa_column=Column(
            Uuid, ForeignKey("user_account.id", ondelete="CASCADE"), nullable=False, index=True
        )
    )
    status: str = Field(default="queued", max_length=16)
    rows_total: int = 0
    rows_done: int = 0
    result: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    created_at: datetime = instant_field(default_factory=utcnow)
    finished_at: datetime | None = instant_field(default=None, nullable=True)
    # Renewed by the worker while the job is queued or running; once passed, the worker is
    # gone (the process was killed) and the job is failed (api/services/imports.py).
    lease_expires_at: datetime | None = instant_field(default=None, nullable=True)
