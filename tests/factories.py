"""Plain factory functions: keyword overrides; they commit so the app's sessions see the rows."""

from __future__ import annotations

from typing import Any

from pwdlib import PasswordHash
from pwdlib.hashers.argon2 import Argon2Hasher
from sqlmodel import Session

from api.security import TokenCodec
from api.settings import Settings
from db.models import User

PASSWORD = "correct horse battery"
_FAST_HASH = PasswordHash((Argon2Hasher(time_cost=1, memory_cost=1024),))
_PASSWORD_HASH = _FAST_HASH.hash(PASSWORD)


def make_user(session: Session, **overrides: Any) -> User:
    values: dict[str, Any] = {
        "email": "user@example.com",
        "password_hash": _PASSWORD_HASH,
        "display_name": "Test User",
        "timezone": "UTC",
    }
    values.update(overrides)
    user = User(**values)
    session.add(user)
    session.commit()
    return user


def token_for(user: User, settings: Settings) -> str:
    return TokenCodec(settings).issue(user.id, user.token_version)
