"""Lookups of accounts and refresh tokens."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import NamedTuple

from sqlalchemy import bindparam, delete, update
from sqlalchemy import select as core_select
from sqlmodel import Session, col, select

from db.base import table_of
from db.models import RefreshToken, User, Workout

_USERS = table_of(User)
# Built once: every authenticated request runs it. Rebuilding a statement and its cache key,
# and loading an ORM entity, cost more than the lookup itself (bench/RESULTS.md).
_AUTH_FACTS = core_select(
    _USERS.c.id, _USERS.c.role, _USERS.c.is_active, _USERS.c.token_version
).where(_USERS.c.id == bindparam("user_id"))


class AuthFacts(NamedTuple):
    """What authorising a request needs of an account."""

    id: uuid.UUID
    role: str
    is_active: bool
    token_version: int


def auth_facts(session: Session, user_id: uuid.UUID) -> AuthFacts | None:
    """The facts of the account with this id, if there is one."""
    row = session.connection().execute(_AUTH_FACTS, {"user_id": user_id}).first()
    return None if row is None else AuthFacts(*row)


def get_by_email(session: Session, email: str) -> User | None:
    """The account with this email (case-insensitive; emails are stored lower-cased)."""
    return session.exec(select(User).where(User.email == email.strip().lower())).first()


def get_refresh_token(session: Session, token_hash: str) -> RefreshToken | None:
    """The refresh token row with this hash."""
    return session.exec(select(RefreshToken).where(RefreshToken.token_hash == token_hash)).first()


def mark_refresh_used(session: Session, token_id: uuid.UUID, at: datetime) -> bool:
    """Claim a refresh token for one use; False when another request used it first."""
    result = session.execute(
        update(RefreshToken)
        .where(RefreshToken.id == token_id)  # type: ignore[arg-type]
        .where(RefreshToken.used_at.is_(None))  # type: ignore[union-attr]
        .values(used_at=at)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


def revoke_family(session: Session, family_id: uuid.UUID, at: datetime) -> None:
    """Revoke every token of a refresh family."""
    session.execute(
        update(RefreshToken)
        .where(RefreshToken.family_id == family_id)  # type: ignore[arg-type]
        .where(RefreshToken.revoked_at.is_(None))  # type: ignore[union-attr]
        .values(revoked_at=at)
    )


def revoke_all_for_user(session: Session, user_id: uuid.UUID, at: datetime) -> None:
    """Revoke every refresh token of a user."""
    session.execute(
        update(RefreshToken)
        .where(RefreshToken.user_id == user_id)  # type: ignore[arg-type]
        .where(RefreshToken.revoked_at.is_(None))  # type: ignore[union-attr]
        .values(revoked_at=at)
    )


def erase(session: Session, user_id: uuid.UUID) -> None:
    """Delete the account and every row about it (foreign keys cascade from the account, and
    idempotency records holding its data go by their `owner_id`). Its workouts go first, with
    their sets: PostgreSQL checks a set's RESTRICT on the user's custom exercise while the
    account's cascades run, whatever order they fire in."""
    session.execute(delete(Workout).where(col(Workout.user_id) == user_id))
    session.execute(delete(User).where(col(User.id) == user_id))
