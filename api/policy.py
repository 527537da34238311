"""Who may read or write whose data. Every `/v1/users/{user}/…` route goes through here.

The user themself and admins read and write; a trainer with an active link reads, and writes
only when the client granted `can_log`. Anyone else gets 404 (never a hint that data exists).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session

from db.models import User
from db.queries import trainers as trainers_queries


@dataclass(frozen=True, slots=True)
class Access:
    """The caller (actor) acting on the data of `owner`; `via_trainer` when through a link."""

    actor: User
    owner: User
    via_trainer: bool = False


def _is_self_or_admin(actor: User, owner: User) -> bool:
    return actor.id == owner.id or actor.role == "admin"


def can_read(session: Session, actor: User, owner: User) -> bool:
    """The user, an admin, or a trainer with an active link."""
    if _is_self_or_admin(actor, owner):
        return True
    return trainers_queries.active_link(session, actor.id, owner.id) is not None


def can_write(session: Session, actor: User, owner: User) -> bool:
    """The user, an admin, or a trainer whose active link has can_log."""
    if _is_self_or_admin(actor, owner):
        return True
    found = trainers_queries.active_link(session, actor.id, owner.id)
    return found is not None and found.can_log
