"""Offline sync plumbing: the per-user change feed, its counter, idempotency records."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import BigInteger, Column, ForeignKey, Index, PrimaryKeyConstraint, Uuid
from sqlmodel import Field, SQLModel

from db.base import id_field, instant_field, utcnow


class ChangeCounter(SQLModel, table=True):
    """One row per user; bumping it in the writing transaction orders that user's writes."""

    __tablename__ = "change_counter"

    user_id: uuid.UUID = Field(
        sa_column=Column(Uuid, ForeignKey("user_account.id", ondelete="CASCADE"), primary_key=True)
    )
    last_seq: int = Field(default=0, sa_type=BigInteger)


class Change(SQLModel, table=True):
    """The latest change of one resource (older ones are compacted away)."""

    __tablename__ = "change"
    __table_args__ = (
        PrimaryKeyConstraint("user_id", "seq"),
        Index("ix_change_user_resource", "user_id", "resource", "resource_id"),
    )

    user_id: uuid.UUID = Field(
        sa_column=Column(Uuid, ForeignKey("user_account.id", ondelete="CASCADE"), nullable=False)
    )
    seq: int = Field(sa_type=BigInteger)
    resource: str = Field(max_length=32)
    resource_id: uuid.UUID
    op: str = Field(max_length=8)
    changed_at: datetime = instant_field(default_factory=utcnow)


class IdempotencyRecord(SQLModel, table=True):
    """The first answer to a POST with an Idempotency-Key, replayed for 24 hours (expired ones
    are purged as new ones are written)."""

    __tablename__ = "idempotency_record"
    __table_args__ = (Index("uq_idempotency_record_user_key", "user_id", "key", unique=True),)

    id: uuid.UUID = id_field()
    # Whose key it is: the actor (a trainer logging for a client, or the owner).
    user_id: uuid.UUID = Field(
        sa_column=Column(Uuid, ForeignKey("user_account.id", ondelete="CASCADE"), nullable=False)
    )
    # Whose data the stored answer holds: it goes with that account too.
    owner_id: uuid.UUID = Field(
        sa_column=Column(
            Uuid, ForeignKey("user_account.id", ondelete="CASCADE"), nullable=False, index=True
        )
    )
    key: str = Field(max_length=255)
    fingerprint: str = Field(max_length=64)
    status_code: int
    response_body: str
    created_at: datetime = instant_field(default_factory=utcnow, index=True)
