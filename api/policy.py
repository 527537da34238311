"""Who may read or write whose data. Every `/v1/users/{user}/…` route goes through here.

The user themself and admins read and write; a trainer with an active link reads, and writes
only when the client granted `can_log` (else 403 `logging_not_granted`: they can read the data,
so a 404 would hide nothing). Anyone else gets 404 (never a hint that data exists).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from functools import cached_property

from sqlmodel import Session

from api.caches import Caches
from api.errors import Forbidden, NotFound, Unauthorized
from api.security import AccessClaims, AccountFacts
from db.models import User
from db.queries import trainers as trainers_queries
from db.queries import users as users_queries


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
    via_trainer: bool
    caches: Caches = field(repr=False, compare=False)

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


class Refused(NotFound):
    """404 for a caller with no access to the owner's data; with the ids when the caller was
    the owner's trainer (their refused call goes in the owner's access log)."""

    def __init__(self, actor_id: uuid.UUID | None = None, owner_id: uuid.UUID | None = None):
        super().__init__("No such user")
        self.actor_id = actor_id
        self.owner_id = owner_id


class LoggingNotGranted(Forbidden):
    """403 for a write by the owner's active trainer whom the owner has not allowed to log:
    they read this data, so a 404 would hide nothing. The call goes in the owner's access log."""

    code, title = "logging_not_granted", "Logging not granted"

    def __init__(self, actor_id: uuid.UUID, owner_id: uuid.UUID):
        super().__init__("Your client has not allowed you to log for them")
        self.actor_id = actor_id
        self.owner_id = owner_id


def check(session: Session, actor: Principal, owner_id: uuid.UUID, *, writes: bool) -> None:
    """Allow the user, an admin, or a trainer with an active link (a write needs `can_log`);
    else raise: `LoggingNotGranted` (403) for an active trainer writing without `can_log`,
    `Refused` (404) for anyone else, marked when the caller is or was the owner's trainer."""
    if _is_self_or_admin(actor, owner_id):
        return
    link = trainers_queries.link(session, actor.id, owner_id)  # active or ended
    if link is None:
        raise Refused()
    if link.ended_at is not None:
        raise Refused(actor.id, owner_id)
    if writes and not link.can_log:
        raise LoggingNotGranted(actor.id, owner_id)


def principal(
    session: Session, claims: AccessClaims, remembered: AccountFacts, *, fresh: bool
) -> Principal:
    """The caller, if their token is still current (active account, same token version).

    A read may rest on what this process read of the account within the last
    `account_recheck_ms` (`AccountFacts`); a write (`fresh`) always reads it now."""
    role = None if fresh else remembered.accepted(claims.user_id, claims.token_version)
    if role is not None:
        return Principal(id=claims.user_id, role=role)
    facts = users_queries.auth_facts(session, claims.user_id)
    if facts is None or not facts.is_active or facts.token_version != claims.token_version:
        raise Unauthorized("Invalid or expired access token", code="invalid_token")
    remembered.remember(claims.user_id, facts.role, facts.token_version)
    return Principal(id=claims.user_id, role=facts.role)


def owner_named(session: Session, actor: Principal, user: str) -> uuid.UUID | None:
    """The id of the active account that the path's `{user}` (`me` or an id) names."""
    if user == "me":
        return actor.id
    try:
        owner_id = uuid.UUID(user)
    except ValueError:
        return None
    if owner_id == actor.id:
        return actor.id
    owner = users_queries.auth_facts(session, owner_id)
    return owner_id if owner is not None and owner.is_active else None


def authorise(
    session: Session,
    claims: AccessClaims,
    caches: Caches,
    user: str,
    *,
    writes: bool,
) -> Access:
    """The caller's access to the data of the `{user}` the path names, read or write; else
    `Unauthorized` (a token no longer current), `LoggingNotGranted` (403) or `Refused` (404)."""
    actor = principal(session, claims, caches.accounts, fresh=writes)
    owner_id = owner_named(session, actor, user)
    if owner_id is None:
        raise Refused()
    check(session, actor, owner_id, writes=writes)
    via_trainer = actor.id != owner_id and actor.role != "admin"
    return Access(actor.id, owner_id, session, via_trainer, caches)
