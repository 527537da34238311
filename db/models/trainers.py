"""Trainer relationships: invitations, client-controlled links, private notes, the access log."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import Column, ForeignKey, Index, UniqueConstraint, Uuid
from sqlmodel import Field, SQLModel

from db.base import id_field, instant_field, utcnow


def _user_fk(*, ondelete: str = "CASCADE", nullable: bool = False, index: bool = True) -> Column:  # type: ignore[type-arg]
    return Column(
        Uuid, ForeignKey("user_account.id", ondelete=ondelete), nullable=nullable, index=index
    )


class TrainerInvitation(SQLModel, table=True):
    __tablename__ = "trainer_invitation"

    id: uuid.UUID = id_field()
    trainer_id: uuid.UUID = Field(sa_column=_user_fk())
    # SHA-256 of the one-time code (≥ 128 bits): the code is shown once and never stored.
    code_hash: str = Field(max_length=64, unique=True)
    note: str | None = Field(default=None, max_length=500)
    can_log: bool = False
    expires_at: datetime = instant_field()
    created_at: datetime = instant_field(default_factory=utcnow)
    accepted_at: datetime | None = instant_field(default=None, nullable=True)
    accepted_by: uuid.UUID | None = Field(
        default=None, sa_column=_user_fk(ondelete="SET NULL", nullable=True, index=False)
    )
    revoked_at: datetime | None = instant_field(default=None, nullable=True)


class TrainerLink(SQLModel, table=True):
    """A trainer's access to a client; active while ended_at is null (one row per pair)."""

    __tablename__ = "trainer_link"
    __table_args__ = (UniqueConstraint("trainer_id", "client_id"),)

    id: uuid.UUID = id_field()
    trainer_id: uuid.UUID = Field(sa_column=_user_fk())
    client_id: uuid.UUID = Field(sa_column=_user_fk())
    can_log: bool = False
    since: datetime = instant_field(default_factory=utcnow)
    ended_at: datetime | None = instant_field(default=None, nullable=True)


class TrainerNote(SQLModel, table=True):
    """A trainer's private note about a client: visible to its author only."""

    __tablename__ = "trainer_note"
    __table_args__ = (Index("ix_trainer_note_pair", "trainer_id", "client_id", "created_at"),)

    id: uuid.UUID = id_field()
    trainer_id: uuid.UUID = Field(sa_column=_user_fk(index=False))
    client_id: uuid.UUID = Field(sa_column=_user_fk(index=False))
    body: str = Field(max_length=5000)
    created_at: datetime = instant_field(default_factory=utcnow)
    updated_at: datetime = instant_field(default_factory=utcnow)


class AccessLogEntry(SQLModel, table=True):
    """One read or write a trainer (or former trainer) made or tried on a client's data."""

    __tablename__ = "access_log"
    __table_args__ = (Index("ix_access_log_client_at", "client_id", "at", "id"),)

    id: uuid.UUID = id_field()
    client_id: uuid.UUID = Field(sa_column=_user_fk(index=False))
    trainer_id: uuid.UUID | None = Field(
        default=None, sa_column=_user_fk(ondelete="SET NULL", nullable=True, index=False)
    )
    at: datetime = instant_field(default_factory=utcnow)
    method: str = Field(max_length=8)
    path: str = Field(max_length=300)
    resource: str = Field(max_length=32)
    status: int
