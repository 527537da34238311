"""Registration, sign-in, refresh-token rotation with reuse detection, logout, password change."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from api.errors import Conflict, FieldError, InvalidInput, Unauthorized
from api.schemas.users import UserRegister
from api.security import PasswordHasher, TokenCodec, hash_token, new_refresh_token
from api.throttle import Throttle
from db.base import utcnow
from db.models import RefreshToken, User
from db.queries import users as users_queries


@dataclass(frozen=True, slots=True)
class IssuedTokens:
    access_token: str
    expires_in: int
    refresh_token: str


def register(session: Session, hasher: PasswordHasher, data: UserRegister) -> User:
    """Create an account; a taken email (in any case) is a conflict."""
    email = data.email.strip().lower()
    if users_queries.get_by_email(session, email) is not None:
        raise Conflict("An account with this email already exists", code="email_taken")
    user = User(
        email=email,
        password_hash=hasher.hash(data.password),
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
    family_id: uuid.UUID | None = None,
    parent_id: uuid.UUID | None = None,
) -> IssuedTokens:
    refresh = new_refresh_token()
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


def login(
    session: Session,
    hasher: PasswordHasher,
    tokens: TokenCodec,
    throttle: Throttle,
    *,
    email: str,
    password: str,
    client_ip: str,
    refresh_days: int,
) -> IssuedTokens:
    """Password grant: unknown email and wrong password answer alike, in about the same time."""
    keys = (f"email:{email.strip().lower()}", f"ip:{client_ip}")
    throttle.check(*keys)
    user = users_queries.get_by_email(session, email)
    valid, new_hash = hasher.verify(password, user.password_hash if user else None)
    if user is None or not valid or not user.is_active:
        throttle.hit(*keys)
        raise Unauthorized("Incorrect email or password", code="invalid_credentials")
    if new_hash is not None:  # hashing parameters changed since this hash was made
        user.password_hash = new_hash
    issued = _issue(session, tokens, user, refresh_days=refresh_days)
    session.commit()
    return issued


def refresh(
    session: Session, tokens: TokenCodec, *, refresh_token: str, refresh_days: int
) -> IssuedTokens:
    """Rotate a refresh token; presenting a used one revokes its whole family."""
    now = utcnow()
    row = users_queries.get_refresh_token(session, hash_token(refresh_token))
    invalid = Unauthorized("Invalid or expired refresh token", code="invalid_grant")
    if row is None or row.revoked_at is not None or row.expires_at <= now:
        raise invalid
    if row.used_at is not None or not users_queries.mark_refresh_used(session, row.id, now):
        # Reuse means the token leaked (or a client replayed it): kill the family.
        users_queries.revoke_family(session, row.family_id, now)
        session.commit()
        raise invalid
    user = session.get(User, row.user_id)
    if user is None or not user.is_active:
        session.rollback()
        raise invalid
    issued = _issue(
        session, tokens, user, refresh_days=refresh_days, family_id=row.family_id, parent_id=row.id
    )
    session.commit()
    return issued


def logout(session: Session, *, refresh_token: str) -> None:
    """Revoke the family of this refresh token (unknown tokens are ignored)."""
    row = users_queries.get_refresh_token(session, hash_token(refresh_token))
    if row is not None:
        users_queries.revoke_family(session, row.family_id, utcnow())
        session.commit()


def change_password(
    session: Session, hasher: PasswordHasher, user: User, *, current: str, new: str
) -> None:
    """Set a new password; every access token and refresh token issued before dies."""
    valid, _ = hasher.verify(current, user.password_hash)
    if not valid:
        raise InvalidInput(
            [FieldError("current_password", "does not match")], code="invalid_password"
        )
    user.password_hash = hasher.hash(new)
    user.token_version += 1
    user.updated_at = utcnow()
    session.add(user)
    users_queries.revoke_all_for_user(session, user.id, utcnow())
    session.commit()
