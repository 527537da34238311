"""The one way a route reaches the database: a `Work` dependency (the verified caller, the
`{user}` the path names) whose `run` authorises through `api.policy` and calls one service
function in a thread (`db.engine.Database.run`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Concatenate, ParamSpec, TypeVar

from fastapi import Depends, Path, Request
from fastapi.security import OAuth2PasswordBearer
from sqlmodel import Session

from api import policy
from api.errors import Unauthorized
from api.policy import Access
from api.security import AccessClaims, PasswordHasher, TokenCodec
from api.settings import Settings
from db.engine import Database

T = TypeVar("T")
P = ParamSpec("P")

UserRef = Annotated[str, Path(description="`me` or a user id.", examples=["me"])]


# Dependencies are `async def`: they do no I/O, and a sync one costs a thread hop.


async def get_settings_dep(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


async def get_database(request: Request) -> Database:
    database: Database = request.app.state.db
    return database


async def get_hasher(request: Request) -> PasswordHasher:
    hasher: PasswordHasher = request.app.state.hasher
    return hasher


async def get_tokens(request: Request) -> TokenCodec:
    tokens: TokenCodec = request.app.state.tokens
    return tokens


SettingsDep = Annotated[Settings, Depends(get_settings_dep)]
DatabaseDep = Annotated[Database, Depends(get_database)]
HasherDep = Annotated[PasswordHasher, Depends(get_hasher)]
TokensDep = Annotated[TokenCodec, Depends(get_tokens)]


@dataclass(frozen=True, slots=True)
class Work:
    """A request's unit of work: the caller's verified token and the `{user}` it acts on.
    `run(service_function, *args)` authorises the caller (`api.policy`) and calls
    `service_function(access, *args)` with a session of its own, in one thread."""

    request: Request
    claims: AccessClaims
    user: str
    writes: bool

    async def run(
        self, work: Callable[Concatenate[Access, P], T], *args: P.args, **kwargs: P.kwargs
    ) -> T:
        def authorised(session: Session) -> T:
            return work(self.authorise(session), *args, **kwargs)

        database: Database = self.request.app.state.db
        return await database.run(authorised)

    def authorise(self, session: Session) -> Access:
        """The caller's `Access` on this session (`api.policy.authorise`), or 401/403/404; a
        refused trainer's call is noted for the owner's access log."""
        state = self.request.app.state
        try:
            access = policy.authorise(
                session, self.claims, state.caches, self.user, writes=self.writes
            )
        except (policy.Refused, policy.LoggingNotGranted) as refused:
            if refused.owner_id is not None:
                self.request.state.access_log = (refused.actor_id, refused.owner_id)
            raise
        self.request.state.user_id = access.actor_id  # for the request log line
        if access.via_trainer:  # the middleware logs the call with its status
            self.request.state.access_log = (access.actor_id, access.owner_id)
        return access


def _claims(request: Request, token: str | None) -> AccessClaims:
    if not token:
        raise Unauthorized("Missing bearer token", code="missing_token")
    tokens: TokenCodec = request.app.state.tokens
    return tokens.verify(token)


class _Bearer(OAuth2PasswordBearer):
    """The bearer-token scheme, answering the request's `Work` (CPU only, but for a write to
    someone else's data: see `Work`)."""

    def __init__(self, *, writes: bool) -> None:
        super().__init__(
            tokenUrl="/v1/auth/token", scheme_name="OAuth2PasswordBearer", auto_error=False
        )
        self.writes = writes

    async def work(self, request: Request, user: str) -> Work:
        token = await super().__call__(request)
        work = Work(request, _claims(request, token), user, self.writes)
        if self.writes and user != "me":
            # Someone else's data: 404 before the body is validated (a thread hop more; one's
            # own data is always writable, so `run` decides that alone).
            await work.run(_decided)
        return work


def _decided(_access: Access) -> None:
    """Nothing more: the access was decided."""


class _PathBearer(_Bearer):
    async def __call__(self, request: Request, user: UserRef) -> Work:  # type: ignore[override]
        return await self.work(request, user)


class _OwnBearer(_Bearer):
    async def __call__(self, request: Request) -> Work:  # type: ignore[override]
        return await self.work(request, "me")


ReadWork = Annotated[Work, Depends(_PathBearer(writes=False))]
"""Reads of the `{user}` in the path: the user themself, an admin or a linked trainer."""
WriteWork = Annotated[Work, Depends(_PathBearer(writes=True))]
"""Writes to the `{user}` in the path: the user, an admin or a trainer allowed to log."""
OwnWork = Annotated[Work, Depends(_OwnBearer(writes=True))]
"""The caller's own account (`access.actor`), read afresh."""


__all__ = [
    "DatabaseDep",
    "HasherDep",
    "OwnWork",
    "ReadWork",
    "SettingsDep",
    "TokensDep",
    "Work",
    "WriteWork",
]
