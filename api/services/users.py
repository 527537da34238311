"""One's own profile."""

from __future__ import annotations

import uuid
from collections import defaultdict

from api.errors import FieldError, InvalidInput
from api.policy import Access
from api.schemas.users import UserRead, UserUpdate
from api.services import bodyweights as bodyweights_service
from api.services import pain_scores as pain_scores_service
from api.services import workouts as workouts_service
from db.base import utcnow
from db.queries import changes as changes_queries
from db.queries import records as records_queries
from db.queries import users as users_queries


def get_profile(access: Access) -> UserRead:
    """The caller's profile."""
    return UserRead.model_validate(access.actor)


def update_profile(access: Access, data: UserUpdate) -> UserRead:
    """Apply the fields that were sent; null clears the optional ones."""
    changes = data.model_dump(exclude_unset=True)
    nulls = [k for k in ("sex", "timezone", "unit_preference") if changes.get(k, "") is None]
    if nulls:
        raise InvalidInput([FieldError(k, "may not be null") for k in nulls])
    user = access.actor
    for key, value in changes.items():
        setattr(user, key, value)
    user.updated_at = utcnow()
    access.session.add(user)
    access.session.commit()
    return UserRead.model_validate(user)


def delete_account(access: Access) -> None:
    """Erase the user and every row about it. Records it logged for its clients stay theirs
    with `created_by` null, as a new version reported in each client's change feed."""
    session, user_id, now = access.session, access.actor_id, utcnow()
    for kind in (workouts_service.KIND, pain_scores_service.KIND, bodyweights_service.KIND):
        by_owner: dict[uuid.UUID, list[uuid.UUID]] = defaultdict(list)
        for owner_id, record_id in records_queries.clear_author(session, kind.model, user_id, now):
            by_owner[owner_id].append(record_id)
        for owner_id, record_ids in by_owner.items():
            changes_queries.record_many(
                session,
                owner_id,
                resource=kind.resource,
                resource_ids=record_ids,
                at=now,
                is_new=False,
            )
    users_queries.erase(session, user_id)
    session.commit()
    access.caches.accounts.forget(user_id)  # other processes: AccountFacts
