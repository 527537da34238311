"""Registration, sign-in, refresh-token rotation with reuse detection and its grace period,
revocation and logout, password change.

Registration, sign-in and password change are coroutines: their Argon2 work runs in the
hasher's own threads (`PasswordHasher.hash_in_pool`), their database work (`Database.run`)
each side of it, so no database thread waits for a hash."""

from __future__ import annotations

import functools
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from anyio.to_thread import run_sync
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from api.errors import (
    Conflict,
    FieldError,
    InvalidGrant,
    InvalidInput,
    Unauthorized,
    UnsupportedTokenType,
)
from api.policy import Access
from api.schemas.users import UserRegister
from api.security import PasswordHasher, TokenCodec, hash_token, new_refresh_token
from api.throttle import SignInThrottle, Throttle
from db.base import utcnow
from db.engine import Database
from db.models import RefreshToken, User
from db.queries import users as users_queries

if TYPE_CHECKING:
    from api.deps import Work


@dataclass(frozen=True, slots=True)
class IssuedTokens:
    access_token: str
    expires_in: int
    refresh_token: str


async def register(
    database: Database,
    hasher: PasswordHasher,
    throttle: Throttle,
    data: UserRegister,
    *,
    client_ip: str,
) -> User:
    """Create an account; a taken email (in any case) is a conflict."""
    await run_sync(throttle.reserve, f"ip:{client_ip}")
    # Hashed before the email is looked up, taken or not: a 409 costs what a 201 does, so
    # its timing does not tell which emails have accounts.
    password_hash = await hasher.hash_in_pool(data.password)
    return await database.run(
        functools.partial(_create_user, data=data, password_hash=password_hash)
    )


def _create_user(session: Session, *, data: UserRegister, password_hash: str) -> User:
    email = data.email.strip().lower()
    if users_queries.get_by_email(session, email) is not None:
        raise Conflict("An account with this email already exists", code="email_taken")
    user = User(
        email=email,
        password_hash=password_hash,
        **data.model_dump(exclude={"email", "password"}),
    )
    session.add(user)
    try:
        session.commit()
    except IntegrityError as exc:  # a concurrent registration won the race
        session.rollback()
        raise Conflict("An account with this email already exists", code="email_taken") from exc
    return user


def _issue(
    session: Session,
    tokens: TokenCodec,
    user: User,
    *,
    refresh_days: int,
    refresh: str | None = None,
    family_id: uuid.UUID | None = None,
    parent_id: uuid.UUID | None = None,
) -> IssuedTokens:
    refresh = refresh or new_refresh_token()
    session.add(
        RefreshToken(
            user_id=user.id,
            token_hash=hash_token(refresh),
            family_id=family_id or uuid.uuid4(),
            parent_id=parent_id,
            expires_at=utcnow() + timedelta(days=refresh_days),
        )
    )
    access = tokens.issue(user.id, user.token_version)
    return IssuedTokens(access, int(tokens.lifetime.total_seconds()), refresh)


async def login(
    database: Database,
    hasher: PasswordHasher,
    tokens: TokenCodec,
    throttle: SignInThrottle,
    *,
    email: str,
    password: str,
    client_ip: str,
    refresh_days: int,
) -> IssuedTokens:
    """Password grant: unknown email and wrong password answer alike, in about the same time."""
    email = email.strip().lower()

    def reserve_and_read(session: Session) -> User | None:
        # The attempt is counted before its password is checked, in the same step as the
        # limit: concurrent guesses cannot all pass it (30 at once were 13 checked against 10).
        throttle.reserve(email, client_ip)
        return users_queries.get_by_email(session, email)

    user = await database.run(reserve_and_read)
    valid, new_hash = await hasher.verify_in_pool(password, user.password_hash if user else None)
    if user is None or not valid or not user.is_active:
        raise InvalidGrant("Incorrect email or password", code="invalid_credentials")

    def issue(session: Session) -> IssuedTokens:
        throttle.succeeded(email, client_ip)
        if new_hash is not None:  # hashing parameters changed since this hash was made
            user.password_hash = new_hash
            session.add(user)
        issued = _issue(session, tokens, user, refresh_days=refresh_days)
        session.commit()
        return issued

    return await database.run(issue)


async def refresh(
    database: Database,
    tokens: TokenCodec,
    *,
    refresh_token: str,
    refresh_days: int,
    grace_seconds: int,
) -> IssuedTokens:
    """Rotate a refresh token. Presenting a used one again within `grace_seconds` of its
    first use answers as that use did; later, it revokes the whole family."""
    return await database.run(
        functools.partial(
            _rotate,
            tokens=tokens,
            refresh_token=refresh_token,
            refresh_days=refresh_days,
            grace=timedelta(seconds=grace_seconds),
        )
    )


def _rotate(
    session: Session,
    *,
    tokens: TokenCodec,
    refresh_token: str,
    refresh_days: int,
    grace: timedelta,
) -> IssuedTokens:
    now = utcnow()
    row = users_queries.get_refresh_token(session, hash_token(refresh_token))
    if row is None or row.revoked_at is not None or row.expires_at <= now:
        raise InvalidGrant("Invalid or expired refresh token")
    if row.used_at is None and users_queries.mark_refresh_used(session, row.id, now):
        user = session.get(User, row.user_id)
        if user is None or not user.is_active:
            session.rollback()
            raise InvalidGrant("Invalid or expired refresh token")
        issued = _issue(
            session,
            tokens,
            user,
            refresh_days=refresh_days,
            refresh=tokens.rotated_refresh_token(refresh_token),
            family_id=row.family_id,
            parent_id=row.id,
        )
        session.commit()
        return issued
    # Used already, perhaps a moment ago by a concurrent request: read that use as committed.
    session.refresh(row)
    retried = _answer_again(session, tokens, row, refresh_token, now=now, grace=grace)
    if retried is not None:
        return retried
    # Reuse means the token leaked (or a client replayed it): kill the family.
    users_queries.revoke_family(session, row.family_id, now)
    session.commit()
    raise InvalidGrant("Invalid or expired refresh token")


def _answer_again(
    session: Session,
    tokens: TokenCodec,
    row: RefreshToken,
    refresh_token: str,
    *,
    now: datetime,
    grace: timedelta,
) -> IssuedTokens | None:
    """The answer to a refresh token used again within the grace period: the refresh token
    its first use issued (derived from it, so the same one) with a new access token, while
    that token is still unused. None otherwise: only the latest rotation may be retried
    (as Auth0's reuse interval), an older token is a reuse."""
    if row.used_at is None or row.revoked_at is not None or now - row.used_at > grace:
        return None
    for child_token in tokens.rotated_refresh_tokens(refresh_token):
        child = users_queries.get_refresh_token(session, hash_token(child_token))
        if child is not None and child.parent_id == row.id:
            break
    else:
        return None
    if child.used_at is not None or child.revoked_at is not None or child.expires_at <= now:
        return None
    user = session.get(User, row.user_id)
    if user is None or not user.is_active:
        return None
    session.rollback()  # nothing to write: the family stays as the first use left it
    access = tokens.issue(user.id, user.token_version)
    return IssuedTokens(access, int(tokens.lifetime.total_seconds()), child_token)


def logout(session: Session, *, refresh_token: str) -> None:
    """Revoke the family of this refresh token (unknown tokens are ignored)."""
    _revoke_family(session, refresh_token)


def revoke(session: Session, *, tokens: TokenCodec, token: str) -> None:
    """RFC 7009: revoke the family of a refresh token; an unknown or invalid token is ignored.
    A valid access token is refused (`unsupported_token_type`): it cannot be revoked alone
    and simply expires."""
    if _revoke_family(session, token):
        return
    try:
        tokens.verify(token)
    except Unauthorized:
        return
    minutes = int(tokens.lifetime.total_seconds() // 60)
    raise UnsupportedTokenType(
        f"Access tokens cannot be revoked; they expire within {minutes} minutes. "
        "Revoke the refresh token to end the sign-in."
    )


def _revoke_family(session: Session, refresh_token: str) -> bool:
    row = users_queries.get_refresh_token(session, hash_token(refresh_token))
    if row is None:
        return False
    users_queries.revoke_family(session, row.family_id, utcnow())
    session.commit()
    return True


async def change_password(
    work: Work,
    hasher: PasswordHasher,
    throttle: Throttle,
    *,
    current: str,
    new: str,
) -> None:
    """Set a new password; every access token and refresh token issued before dies. Attempts
    are counted per account like sign-ins: a stolen access token must not allow guessing."""
    user: User = await work.run(_account)
    await run_sync(throttle.reserve, f"user:{user.id}")
    valid, _ = await hasher.verify_in_pool(current, user.password_hash)
    if not valid:
        raise InvalidInput(
            [FieldError("current_password", "does not match")], code="invalid_password"
        )
    password_hash = await hasher.hash_in_pool(new)
    await work.run(_set_password, password_hash)


def _account(access: Access) -> User:
    return access.actor


def _set_password(access: Access, password_hash: str) -> None:
    session, user = access.session, access.actor
    user.password_hash = password_hash
    user.token_version += 1
    user.updated_at = utcnow()
    session.add(user)
    users_queries.revoke_all_for_user(session, user.id, utcnow())
    session.commit()
    # At once here; other processes within BACKCHAIN_ACCOUNT_RECHECK_MS (AccountFacts).
    access.caches.accounts.forget(user.id)
