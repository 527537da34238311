"""The catalog: listing, reading, and users' custom exercises."""

from __future__ import annotations

import re
import uuid

from sqlmodel import Session

from api.errors import Conflict, NotFound
from api.pagination import PageParams, decode_cursor, encode_cursor
from api.policy import Access
from api.schemas.exercises import (
    ExerciseCreate,
    ExercisePage,
    ExerciseRead,
    ExerciseUpdate,
    exercise_read,
)
from db.base import utcnow
from db.models import Exercise
from db.queries import changes as changes_queries
from db.queries import exercises as exercises_queries


def list_exercises(
    access: Access,
    page: PageParams,
    *,
    chain: str | None = None,
    region: str | None = None,
    q: str | None = None,
) -> ExercisePage:
    """System exercises and the caller's own, ordered by slug."""
    session, user_id = access.session, access.actor_id
    after = decode_cursor(page.cursor, size=1)[0] if page.cursor else None
    rows = exercises_queries.list_page(
        session, user_id, limit=page.limit + 1, after_slug=after, chain=chain, region=region, q=q
    )
    more = len(rows) > page.limit
    rows = rows[: page.limit]
    aliases = exercises_queries.aliases_for(session, [r.id for r in rows])
    return ExercisePage(
        items=[exercise_read(r, list(aliases.get(r.id, []))) for r in rows],
        next_cursor=encode_cursor([rows[-1].slug]) if more and rows else None,
    )


def get_exercise(access: Access, ref: str) -> ExerciseRead:
    """A visible exercise by id or slug."""
    exercise = exercises_queries.get_visible(access.session, access.actor_id, ref)
    if exercise is None:
        raise NotFound(f"No exercise {ref!r}")
    aliases = exercises_queries.aliases_for(access.session, [exercise.id])[exercise.id]
    return exercise_read(exercise, list(aliases))


def _custom_slug(name: str, exercise_id: uuid.UUID) -> str:
    base = re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")[:60] or "exercise"
    # A short id suffix keeps custom slugs unique across users and clear of system slugs.
    return f"{base}_{exercise_id.hex[:8]}"


def create_exercise(access: Access, data: ExerciseCreate) -> ExerciseRead:
    """A custom exercise owned by the caller."""
    exercise_id = uuid.uuid4()
    exercise = Exercise(
        id=exercise_id,
        slug=_custom_slug(data.name, exercise_id),
        is_system=False,
        owner_id=access.actor_id,
        **data.model_dump(),
    )
    access.session.add(exercise)
    access.session.commit()
    return exercise_read(exercise, [])


def _own_custom(session: Session, user_id: uuid.UUID, ref: str) -> Exercise:
    exercise = exercises_queries.get_visible(session, user_id, ref)
    if exercise is None or exercise.owner_id != user_id:
        # System exercises are read-only for everyone: not found as a writable resource.
        raise NotFound(f"No custom exercise {ref!r}")
    return exercise


def update_exercise(access: Access, ref: str, data: ExerciseUpdate) -> ExerciseRead:
    """Change the caller's custom exercise."""
    session = access.session
    exercise = _own_custom(session, access.actor_id, ref)
    for key, value in data.model_dump(exclude_unset=True).items():
        if value is None and key != "pattern":
            continue
        setattr(exercise, key, value)
    exercise.updated_at = utcnow()
    session.add(exercise)
    # A chain or region edit changes computed figures: move the user's change cursor so
    # cached analytics for unchanged records are not reused.
    changes_queries.next_seq(session, access.actor_id)
    session.commit()
    return exercise_read(exercise, [])


def delete_exercise(access: Access, ref: str) -> None:
    """Delete the caller's custom exercise, unless logged sets use it."""
    session = access.session
    exercise = _own_custom(session, access.actor_id, ref)
    if exercises_queries.is_used(session, exercise.id):
        raise Conflict(
            "Logged sets use this exercise; it cannot be deleted", code="exercise_in_use"
        )
    session.delete(exercise)
    session.commit()
