"""Who may read or write whose data. Every `/v1/users/{user}/…` route goes through here.

The user themself and admins read and write; a trainer with an active link reads, and writes
only when the client granted `can_log`. Anyone else gets 404 (never a hint that data exists).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from functools import cached_property

from sqlmodel import Session

from api.errors import NotFound
from db.models import User
from db.queries import trainers as trainers_queries


@dataclass(frozen=True, slots=True)
class Principal:
    """What authorisation needs to know of an account (one small row, no ORM entity)."""

    id: uuid.UUID
    role: str


@dataclass(frozen=True)
class Access:
    """The caller (actor) acting on the data of `owner`; `via_trainer` when through a link.

    The ids are what most writes and reads need; the full `actor` and `owner` accounts are
    loaded from the request's session on first use only (a workout GET never needs them).
    """

    actor_id: uuid.UUID
    owner_id: uuid.UUID
    session: Session = field(repr=False, compare=False)
    via_trainer: bool = False

    @cached_property
    def actor(self) -> User:
        return self._load(self.actor_id)

    @cached_property
    def owner(self) -> User:
        return self._load(self.owner_id)

    def _load(self, user_id: uuid.UUID) -> User:
        user = self.session.get(User, user_id)
        if user is None:  # deleted since the access check, in another transaction
            raise NotFound("No such user")
        return user


def _is_self_or_admin(actor: Principal, owner_id: uuid.UUID) -> bool:
    return actor.id == owner_id or actor.role == "admin"


def can_read(session: Session, actor: Principal, owner_id: uuid.UUID) -> bool:
    """The user, an admin, or a trainer with an active link."""
    if _is_self_or_admin(actor, owner_id):
        return True
    return trainers_queries.active_link(session, actor.id, owner_id) is not None


def can_write(session: Session, actor: Principal, owner_id: uuid.UUID) -> bool:
    """The user, an admin, or a trainer whose active link has can_log."""
    if _is_self_or_admin(actor, owner_id):
        return True
    found = trainers_queries.active_link(session, actor.id, owner_id)
    return found is not None and found.can_log


def was_linked(session: Session, actor: Principal, owner_id: uuid.UUID) -> bool:
    """Whether the caller is or was the owner's trainer (a link, active or ended): their
    refused calls belong in the owner's access log; a stranger's do not."""
    return trainers_queries.link(session, actor.id, owner_id) is not None
