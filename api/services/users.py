"""One's own profile."""

from __future__ import annotations

from sqlmodel import Session

from api.errors import FieldError, InvalidInput
from api.schemas.users import UserUpdate
from db.base import utcnow
from db.models import User
from db.queries import users as users_queries


def update_profile(session: Session, user: User, data: UserUpdate) -> User:
    """Apply the fields that were sent; null clears the optional ones."""
    changes = data.model_dump(exclude_unset=True)
    nulls = [k for k in ("sex", "timezone", "unit_preference") if changes.get(k, "") is None]
    if nulls:
        raise InvalidInput([FieldError(k, "may not be null") for k in nulls])
    for key, value in changes.items():
        setattr(user, key, value)
    user.updated_at = utcnow()
    session.add(user)
    session.commit()
    return user


def delete_account(session: Session, user: User) -> None:
    """Erase the user and every row about it."""
    users_queries.erase(session, user.id)
    session.commit()
