"""Stored first answers of writes sent with an Idempotency-Key (POST, PATCH, DELETE)."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import delete
from sqlmodel import Session, col, select

from db.models import IdempotencyRecord


def get(session: Session, user_id: uuid.UUID, key: str) -> IdempotencyRecord | None:
    """The record of this user's key, if any."""
    return session.exec(
        select(IdempotencyRecord).where(
            col(IdempotencyRecord.user_id) == user_id, col(IdempotencyRecord.key) == key
        )
    ).first()


def purge_expired(session: Session, created_before: datetime, *, limit: int) -> None:
    """Delete up to `limit` records created before `created_before` (oldest first), skipping
    rows another transaction is deleting (PostgreSQL): writers never wait on each other here."""
    expired = (
        select(IdempotencyRecord.id)
        .where(col(IdempotencyRecord.created_at) < created_before)
        .order_by(col(IdempotencyRecord.created_at))
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    session.execute(delete(IdempotencyRecord).where(col(IdempotencyRecord.id).in_(expired)))
