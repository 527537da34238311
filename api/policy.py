"""Who may read or write whose data. Every `/v1/users/{user}/…` route goes through here."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session

from db.models import User


@dataclass(frozen=True, slots=True)
class Access:
    """The caller (actor) acting on the data of `owner`."""

    actor: User
    owner: User


def can_read(session: Session, actor: User, owner: User) -> bool:  # noqa: ARG001
    """The user themself and admins (trainer links extend this later)."""
    return actor.id == owner.id or actor.role == "admin"


def can_write(session: Session, actor: User, owner: User) -> bool:  # noqa: ARG001
    """The user themself and admins."""
    return actor.id == owner.id or actor.role == "admin"
