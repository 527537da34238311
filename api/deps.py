"""Dependencies shared by routers: session, current user, readable/writable owner, paging."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import OAuth2PasswordBearer
from sqlalchemy import Engine
from sqlmodel import Session

from api.errors import Unauthorized
from api.security import AccessClaims, PasswordHasher, TokenCodec
from api.settings import Settings
from db.engine import session_scope
from db.models import User

oauth2_scheme = OAuth2PasswordBearer(tokenUrl="/v1/auth/token", auto_error=False)


def get_settings_dep(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def get_engine(request: Request) -> Engine:
    engine: Engine = request.app.state.engine
    return engine


def get_session(engine: Annotated[Engine, Depends(get_engine)]) -> Iterator[Session]:
    yield from session_scope(engine)


def get_hasher(request: Request) -> PasswordHasher:
    hasher: PasswordHasher = request.app.state.hasher
    return hasher


def get_tokens(request: Request) -> TokenCodec:
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


def current_user(
    claims: Annotated[AccessClaims, Depends(access_claims)], session: SessionDep
) -> User:
    """The active user the token belongs to, if the token is still current."""
    user = session.get(User, claims.user_id)
    if user is None or not user.is_active or user.token_version != claims.token_version:
        raise Unauthorized("Invalid or expired access token", code="invalid_token")
    return user


CurrentUser = Annotated[User, Depends(current_user)]


def parse_user_ref(user: str, actor: User) -> uuid.UUID | None:
    """`me` or a UUID; None when the reference is not a UUID (answers 404)."""
    if user == "me":
        return actor.id
    try:
        return uuid.UUID(user)
    except ValueError:
        return None


__all__ = [
    "CurrentUser",
    "HasherDep",
    "SessionDep",
    "SettingsDep",
    "TokensDep",
    "current_user",
    "get_session",
    "parse_user_ref",
]
