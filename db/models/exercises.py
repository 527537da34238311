"""The exercise catalog: system lifts and users' custom exercises, with import aliases."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import Column, ForeignKey, UniqueConstraint, Uuid, false
from sqlmodel import Field, SQLModel

from db.base import id_field, instant_field, utcnow


class Exercise(SQLModel, table=True):
    __tablename__ = "exercise"

    id: uuid.UUID = id_field()
    slug: str = Field(max_length=80, unique=True)
    name: str = Field(max_length=120)
    chain: str = Field(max_length=16)
    region: str = Field(max_length=16)
    pattern: str | None = Field(default=None, max_length=32)
    load_type: str = Field(max_length=16)
    # barbell, dumbbell, machine, ... (db/catalog); None on custom exercises unless given.
    equipment: str | None = Field(default=None, max_length=16)
    is_system: bool = False
    owner_id: uuid.UUID | None = Field(
        default=None,
        sa_column=Column(
            Uuid, ForeignKey("user_account.id", ondelete="CASCADE"), nullable=True, index=True
        ),
    )
    # The system exercise a custom exercise *is* (its owner said so): figures count it as that.
    # No ON DELETE action: only system exercises are targets, and only a downgrade deletes them
    # (SQLite keeps no ON DELETE of a column added by ALTER TABLE where reflection sees it).
    alias_of_id: uuid.UUID | None = Field(
        default=None,
        sa_column=Column(Uuid, ForeignKey("exercise.id"), nullable=True, index=True),
    )
    # BALANCE_METHOD §9/§12: system exercises are classified; a custom one once its owner gave
    # chain and region or an alias_of. Unclassified ones stay neutral/none.
    classified: bool = Field(default=False, sa_column_kwargs={"server_default": false()})
    created_at: datetime = instant_field(default_factory=utcnow)
    updated_at: datetime = instant_field(default_factory=utcnow)


class ExerciseAlias(SQLModel, table=True):
    __tablename__ = "exercise_alias"
    __table_args__ = (UniqueConstraint("alias_key", "source"),)

    id: uuid.UUID = id_field()
    exercise_id: uuid.UUID = Field(
        sa_column=Column(
            Uuid, ForeignKey("exercise.id", ondelete="CASCADE"), nullable=False, index=True
        )
    )
    alias: str = Field(max_length=120)
    # Lower-cased alias: imports match names case-insensitively.
    alias_key: str = Field(max_length=120)
    source: str = Field(max_length=16)
