"""Dependencies shared by routers: session, current user, readable/writable owner, paging."""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Annotated, TypeVar

from fastapi import Depends, Path, Request
from fastapi.security import OAuth2PasswordBearer
from sqlalchemy import Engine
from sqlmodel import Session

from api import policy
from api.errors import NotFound, Unauthorized
from api.policy import Access, Principal
from api.security import AccessClaims, AccountFacts, PasswordHasher, TokenCodec
from api.services.record_cache import RecordJsonCache
from api.settings import Settings
from api.threads import run_in_pool, run_short, runs_inline
from db.async_reads import AsyncReads
from db.engine import session_for, session_scope
from db.models import User
from db.queries import users as users_queries

T = TypeVar("T")

oauth2_scheme = OAuth2PasswordBearer(tokenUrl="/v1/auth/token", auto_error=False)


# Dependencies that do no I/O are `async def`: a sync one costs a thread-pool hop
# (≈ 90 µs measured in bench/RESULTS.md) for nothing.


async def get_settings_dep(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


async def get_engine(request: Request) -> Engine:
    engine: Engine = request.app.state.engine
    return engine


async def get_session(request: Request) -> AsyncIterator[Session]:
    """One session per request; creating it does no I/O, so it needs no thread hop."""
    async with _request_session(request) as session:
        yield session


@contextlib.asynccontextmanager
async def _request_session(request: Request) -> AsyncIterator[Session]:
    # The engine is read here, not through `get_engine`: each dependency is a step FastAPI
    # resolves on every request.
    scope = session_scope(request.app.state.engine)
    session = next(scope)
    try:
        yield session
    finally:
        if session.in_transaction():
            # Rolling back an open read transaction is I/O: off the event loop, in threads of
            # its own: it only gives a connection back, so it must never queue behind
            # requests that wait for one (api/threads.py).
            await run_in_pool(request.app.state, "teardown", functools.partial(_finish, scope))
        else:
            _finish(scope)


def _finish(scope: Iterator[Session]) -> None:
    next(scope, None)


def _release(session: Session) -> None:
    """End the dependency's transaction, giving its connection back before the endpoint's
    own thread hop: a connection held between hops, with few request threads, could leave
    every thread waiting for a connection that only a waiting request would return."""
    session.commit()  # keeps loaded objects as they are (expire_on_commit=False)


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
    request: Request, token: Annotated[str | None, Depends(oauth2_scheme)]
) -> AccessClaims:
    """The verified claims of the bearer token (CPU only, so it stays on the event loop)."""
    return _verify(request, token)


def _verify(request: Request, token: str | None) -> AccessClaims:
    if not token:
        raise Unauthorized("Missing bearer token", code="missing_token")
    tokens: TokenCodec = request.app.state.tokens
    return tokens.verify(token)


def _principal(
    request: Request, session: Session, claims: AccessClaims, *, fresh: bool
) -> Principal:
    """The caller, if the token is still current (active account, same token version): as
    this process read it within the last `account_recheck_ms` (`AccountFacts`), unless
    `fresh`, else read now."""
    facts: AccountFacts = request.app.state.account_facts
    role = None if fresh else facts.accepted(claims.user_id, claims.token_version)
    if role is None:
        return _current(request, claims, users_queries.auth_facts(session, claims.user_id))
    request.state.user_id = claims.user_id  # for the request log line
    return Principal(id=claims.user_id, role=role)


def _current(
    request: Request, claims: AccessClaims, facts: users_queries.AuthFacts | None
) -> Principal:
    """The caller, from their account's facts just read, if the token is still current
    (remembered for later reads: `AccountFacts`)."""
    if facts is None or not facts.is_active or facts.token_version != claims.token_version:
        raise Unauthorized("Invalid or expired access token", code="invalid_token")
    remembered: AccountFacts = request.app.state.account_facts
    remembered.remember(claims.user_id, facts.role, facts.token_version)
    request.state.user_id = claims.user_id  # for the request log line
    return Principal(id=claims.user_id, role=facts.role)


ClaimsDep = Annotated[AccessClaims, Depends(access_claims)]


def current_user(request: Request, claims: ClaimsDep, session: SessionDep) -> User:
    """The active user the token belongs to, if the token is still current (as an entity:
    routes under /v1/me change it)."""
    principal = _principal(request, session, claims, fresh=True)
    user = session.get(User, principal.id)
    if user is None:
        raise Unauthorized("Invalid or expired access token", code="invalid_token")
    _release(session)
    return user


CurrentUser = Annotated[User, Depends(current_user)]


def _owner_id(session: Session, actor: Principal, user: str) -> uuid.UUID | None:
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


UserRef = Annotated[str, Path(description="`me` or a user id.", examples=["me"])]


def _access(request: Request, session: Session, actor: Principal, owner_id: uuid.UUID) -> Access:
    via_trainer = actor.id != owner_id and actor.role != "admin"
    if via_trainer:
        # The access-log middleware records this call (with its status) after it answers.
        request.state.access_log = (actor.id, owner_id)
    return Access(actor_id=actor.id, owner_id=owner_id, session=session, via_trainer=via_trainer)


@dataclass(frozen=True, slots=True)
class Caller:
    """A verified bearer token and the `{user}` the path names, not yet authorised.

    `read`/`write` authorise it against the database (through `api.policy`) and are the only
    way to an `Access`, which every record service requires. Hot routes call them in the one
    unit of work they run (`run`) with a session they open there
    (`open_session`): at most one thread-pool hop per request and no generator dependency,
    the two largest fixed costs of a request here (bench/RESULTS.md). Other routes use the
    `ReadAccess`/`WriteAccess` dependencies below.
    """

    request: Request
    claims: AccessClaims
    user: str

    def open_session(self, *, read_only: bool = False) -> AbstractContextManager[Session]:
        """A session for this request, closed (rolled back if still open) on leaving;
        `read_only` work runs on `app.state.read_engine` (no BEGIN/ROLLBACK on PostgreSQL)."""
        state = self.request.app.state
        return session_for(state.read_engine if read_only else state.engine)

    @property
    def record_cache(self) -> RecordJsonCache:
        """The app's cache of record JSON (`api.services.record_cache`)."""
        cache: RecordJsonCache = self.request.app.state.record_cache
        return cache

    @property
    def runs_inline(self) -> bool:
        """Whether short database work runs on the event loop here (SQLite)."""
        return runs_inline(self.request.app.state)

    async def run(self, work: Callable[[], T], *, writes: bool = False) -> T:
        """Run this request's short unit of database work (inline on SQLite:
        `api.threads.run_short`)."""
        return await run_short(self.request.app.state, work, writes=writes)

    @property
    def async_reads(self) -> AsyncReads | None:
        """The app's awaited reads (`db.async_reads`; on PostgreSQL), else None."""
        reads: AsyncReads | None = self.request.app.state.async_reads
        return reads

    def _names_self(self) -> bool:
        """Whether the path's `{user}` is the caller (`me` or their own id)."""
        if self.user == "me":
            return True
        try:
            return uuid.UUID(self.user) == self.claims.user_id
        except ValueError:
            return False

    def remembered_self(self) -> uuid.UUID | None:
        """The caller's id, when the path names the caller and this process remembers their
        account as current (`AccountFacts`): a read of their own data that needs no
        authorising query (`read` would decide the same without one). Else None."""
        claims = self.claims
        if not self._names_self():
            return None
        facts: AccountFacts = self.request.app.state.account_facts
        if facts.accepted(claims.user_id, claims.token_version) is None:
            return None
        self.request.state.user_id = claims.user_id  # for the request log line
        return claims.user_id

    async def write_awaited(self, session: Session) -> Access | None:
        """`write` decided on the event loop, when the path names the caller and the app
        has awaited reads (`db.async_reads`, PostgreSQL): the caller's account read afresh
        with one awaited statement (no thread hop, no session of its own), and a caller may
        always write their own data. None otherwise: `write` decides, in a thread."""
        reads = self.async_reads
        if reads is None or not self._names_self():
            return None
        claims = self.claims
        actor = _current(
            self.request, claims, await users_queries.auth_facts_awaited(reads, claims.user_id)
        )
        return _access(self.request, session, actor, actor.id)

    def read(self, session: Session) -> Access:
        """The owner named in the path, if the caller may read their data; else 404."""
        return self._authorise(session, policy.can_read, fresh=False)

    def write(self, session: Session) -> Access:
        """The owner named in the path, if the caller may write their data; else 404. (The
        caller's account is read afresh: a write never rests on remembered facts.)"""
        return self._authorise(session, policy.can_write, fresh=True)

    def _authorise(
        self,
        session: Session,
        allowed: Callable[[Session, Principal, uuid.UUID], bool],
        *,
        fresh: bool,
    ) -> Access:
        actor = _principal(self.request, session, self.claims, fresh=fresh)
        owner_id = _owner_id(session, actor, self.user)
        if owner_id is None or not allowed(session, actor, owner_id):
            if owner_id is not None and policy.was_linked(session, actor, owner_id):
                # Refused (withdrawn, or a write without `can_log`): the client sees the
                # attempt in their access log, with its 404.
                self.request.state.access_log = (actor.id, owner_id)
            raise NotFound("No such user")
        return _access(self.request, session, actor, owner_id)


class _BearerCaller(OAuth2PasswordBearer):
    """The bearer-token scheme (the same one `oauth2_scheme` declares) whose dependency
    answers a `Caller`: the token's verified claims and the path's user, CPU only (no hop).

    One dependency instead of three (header, claims, caller): FastAPI resolves every level on
    every request, a measurable share of a read (bench/RESULTS.md)."""

    async def __call__(self, request: Request, user: UserRef) -> Caller:  # type: ignore[override]
        token = await super().__call__(request)
        return Caller(request, _verify(request, token), user)


caller = _BearerCaller(
    tokenUrl="/v1/auth/token", scheme_name="OAuth2PasswordBearer", auto_error=False
)
CallerDep = Annotated[Caller, Depends(caller)]


async def read_access(caller: CallerDep, session: SessionDep) -> Access:
    """The owner named in the path, if the caller may read their data; else 404."""
    return await caller.run(functools.partial(_authorised, caller, caller.read, session))


async def write_access(caller: CallerDep, session: SessionDep) -> Access:
    """The owner named in the path, if the caller may write their data; else 404.
    (Deciding is short database work: awaited for the caller's own data on PostgreSQL
    (`Caller.write_awaited`), inline on SQLite, like `Caller.run`, else in a thread.)"""
    access = await caller.write_awaited(session)
    if access is not None:
        return access
    return await caller.run(functools.partial(_authorised, caller, caller.write, session))


async def inline_write_access(caller: CallerDep) -> AsyncIterator[Access]:
    """`write_access` for routes that write through `run_short(..., session=access.session)`,
    with the request's session of its own (one dependency fewer to resolve per write). On
    SQLite the session keeps its connection for that write, which follows on the event loop
    (one checkout and one transaction instead of two; `run_short` gives it back before any
    wait for a thread). Elsewhere the same as `write_access`."""
    async with _request_session(caller.request) as session:
        if caller.runs_inline:
            yield caller.write(session)
        else:
            yield await write_access(caller, session)


def _authorised(caller: Caller, decide: Callable[[Session], Access], session: Session) -> Access:
    """`decide` for the request's `session`, which the route goes on with. On SQLite it decides
    on that session (its connection stays free: `_release`). Elsewhere it decides on a
    read-only session of its own (`Caller.open_session`): on PostgreSQL its statements run
    in autocommit, without the BEGIN and COMMIT round trips of a transaction that only
    reads, and the request's session starts its transaction when the route writes."""
    if caller.runs_inline:
        access = decide(session)
        _release(session)
        return access
    with caller.open_session(read_only=True) as reading:
        return dataclasses.replace(decide(reading), session=session)


ReadAccess = Annotated[Access, Depends(read_access)]
WriteAccess = Annotated[Access, Depends(write_access)]
InlineWriteAccess = Annotated[Access, Depends(inline_write_access)]


__all__ = [
    "CallerDep",
    "CurrentUser",
    "HasherDep",
    "InlineWriteAccess",
    "ReadAccess",
    "SessionDep",
    "SettingsDep",
    "TokensDep",
    "WriteAccess",
    "current_user",
    "get_session",
]
