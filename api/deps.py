"""Dependencies shared by routers: session, current user, readable/writable owner, paging."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Iterator
from typing import Annotated

from fastapi import Depends, Path, Request
from fastapi.security import OAuth2PasswordBearer
from sqlalchemy import Engine
from sqlmodel import Session
from starlette.concurrency import run_in_threadpool

from api import policy
from api.errors import NotFound, Unauthorized
from api.policy import Access
from api.security import AccessClaims, PasswordHasher, TokenCodec
from api.settings import Settings
from db.engine import session_scope
from db.models import User

oauth2_scheme = OAuth2PasswordBearer(tokenUrl="/v1/auth/token", auto_error=False)


# Dependencies that do no I/O are `async def`: a sync one costs a thread-pool hop
# (≈ 90 µs measured in bench/RESULTS.md) for nothing.


async def get_settings_dep(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


async def get_engine(request: Request) -> Engine:
    engine: Engine = request.app.state.engine
    return engine


async def get_session(engine: Annotated[Engine, Depends(get_engine)]) -> AsyncIterator[Session]:
    """One session per request; creating it does no I/O, so it needs no thread hop."""
    scope = session_scope(engine)
    session = next(scope)
    try:
        yield session
    finally:
        if session.in_transaction():
            # Rolling back an open read transaction is I/O: off the event loop.
            await run_in_threadpool(_finish, scope)
        else:
            _finish(scope)


def _finish(scope: Iterator[Session]) -> None:
    next(scope, None)


async def get_hasher(request: Request) -> PasswordHasher:
    hasher: PasswordHasher = request.app.state.hasher
    return hasher


async def get_tokens(request: Request) -> TokenCodec:
    tokens: TokenCodec = request.app.state.tokens
    return tokens


SettingsDep = Annotated[Settings, Depends(get_settings_dep)]
SessionDep = Annotated[Session, Depends(get_session)]
HasherDep = Annotated[PasswordHasher, Depends(get_hasher)]
TokensDep = Annotated[TokenCodec, Depends(get_tokens)]


async def access_claims(
    tokens: TokensDep, token: Annotated[str | None, Depends(oauth2_scheme)]
) -> AccessClaims:
    """The verified claims of the bearer token (CPU only, so it stays on the event loop)."""
    if not token:
        raise Unauthorized("Missing bearer token", code="missing_token")
    return tokens.verify(token)


def _actor(request: Request, session: Session, claims: AccessClaims) -> User:
    user = session.get(User, claims.user_id)
    if user is None or not user.is_active or user.token_version != claims.token_version:
        raise Unauthorized("Invalid or expired access token", code="invalid_token")
    request.state.user_id = user.id  # for the request log line
    return user


ClaimsDep = Annotated[AccessClaims, Depends(access_claims)]


def current_user(request: Request, claims: ClaimsDep, session: SessionDep) -> User:
    """The active user the token belongs to, if the token is still current."""
    return _actor(request, session, claims)


CurrentUser = Annotated[User, Depends(current_user)]


def _owner(session: Session, actor: User, user: str) -> User | None:
    if user == "me":
        return actor
    try:
        owner_id = uuid.UUID(user)
    except ValueError:
        return None
    if owner_id == actor.id:
        return actor
    owner = session.get(User, owner_id)
    return owner if owner is not None and owner.is_active else None


UserRef = Annotated[str, Path(description="`me` or a user id.", examples=["me"])]


def _access(request: Request, actor: User, owner: User) -> Access:
    via_trainer = actor.id != owner.id and actor.role != "admin"
    if via_trainer:
        # The access-log middleware records this call (with its status) after it answers.
        request.state.access_log = (actor.id, owner.id)
    return Access(actor=actor, owner=owner, via_trainer=via_trainer)


def read_access(request: Request, user: UserRef, actor: CurrentUser, session: SessionDep) -> Access:
    """The owner named in the path, if the caller may read their data; else 404."""
    owner = _owner(session, actor, user)
    if owner is None or not policy.can_read(session, actor, owner):
        raise NotFound("No such user")
    return _access(request, actor, owner)


def write_access(request: Request, user: UserRef, claims: ClaimsDep, session: SessionDep) -> Access:
    """The owner named in the path, if the caller may write their data; else 404."""
    actor = _actor(request, session, claims)
    owner = _owner(session, actor, user)
    if owner is None or not policy.can_write(session, actor, owner):
        raise NotFound("No such user")
    return _access(request, actor, owner)


ReadAccess = Annotated[Access, Depends(read_access)]
WriteAccess = Annotated[Access, Depends(write_access)]


__all__ = [
    "CurrentUser",
    "HasherDep",
    "ReadAccess",
    "SessionDep",
    "SettingsDep",
    "TokensDep",
    "WriteAccess",
    "current_user",
    "get_session",
]
