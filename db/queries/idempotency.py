"""Stored first answers of idempotent POSTs."""

from __future__ import annotations

import uuid

from sqlmodel import Session, col, select

from db.models import IdempotencyRecord


def get(session: Session, user_id: uuid.UUID, key: str) -> IdempotencyRecord | None:
    """The record of this user's key, if any."""
    return session.exec(
        select(IdempotencyRecord).where(
            col(IdempotencyRecord.user_id) == user_id, col(IdempotencyRecord.key) == key
        )
    ).first()
