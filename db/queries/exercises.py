"""Catalog lookups: visible exercises, by id or slug, keyset pages with aliases."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Sequence

from sqlalchemy import ColumnElement, bindparam, or_
from sqlalchemy import select as core_select
from sqlmodel import Session, col, select

from db.base import table_of
from db.models import Exercise, ExerciseAlias, WorkoutSet


def visible_to(user_id: uuid.UUID) -> ColumnElement[bool]:
    """System exercises plus the user's own."""
    return or_(col(Exercise.is_system).is_(True), col(Exercise.owner_id) == user_id)


_EXERCISES = table_of(Exercise)
# Built once: every workout write runs it.
_IDS_FOR_REFS = core_select(_EXERCISES.c.id, _EXERCISES.c.slug).where(
    or_(_EXERCISES.c.is_system.is_(True), _EXERCISES.c.owner_id == bindparam("owner_id")),
    or_(
        _EXERCISES.c.id.in_(bindparam("ids", expanding=True)),
        _EXERCISES.c.slug.in_(bindparam("slugs", expanding=True)),
    ),
)


def ids_for_refs(
    session: Session, user_id: uuid.UUID, ids: Sequence[uuid.UUID], slugs: Sequence[str]
) -> list[tuple[uuid.UUID, str]]:
    """(id, slug) of the visible exercises with one of these ids or slugs."""
    result = session.connection().execute(
        _IDS_FOR_REFS, {"owner_id": user_id, "ids": list(ids), "slugs": list(slugs)}
    )
    return [(exercise_id, slug) for exercise_id, slug in result.all()]


def get_visible(session: Session, user_id: uuid.UUID, ref: str) -> Exercise | None:
    """A visible exercise by id or slug."""
    query = select(Exercise).where(visible_to(user_id))
    try:
        query = query.where(col(Exercise.id) == uuid.UUID(ref))
    except ValueError:
        query = query.where(col(Exercise.slug) == ref)
    return session.exec(query).first()


def get_system(session: Session, ref: str) -> Exercise | None:
    """A system exercise by id or slug."""
    query = select(Exercise).where(col(Exercise.is_system).is_(True))
    try:
        query = query.where(col(Exercise.id) == uuid.UUID(ref))
    except ValueError:
        query = query.where(col(Exercise.slug) == ref)
    return session.exec(query).first()


def slugs_of(session: Session, exercise_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, str]:
    """The slugs of several exercises in one query."""
    if not exercise_ids:
        return {}
    query = select(Exercise.id, Exercise.slug).where(col(Exercise.id).in_(set(exercise_ids)))
    return dict(session.exec(query).all())


def custom_names(session: Session, owner_id: uuid.UUID) -> list[tuple[str, str]]:
    """(slug, name) of the owner's custom exercises."""
    query = select(Exercise.slug, Exercise.name).where(col(Exercise.owner_id) == owner_id)
    return [(slug, name) for slug, name in session.exec(query).all()]


def visible_by_slugs(
    session: Session, user_id: uuid.UUID, slugs: Sequence[str]
) -> dict[str, Exercise]:
    """The visible exercises with these slugs, by slug (one query)."""
    if not slugs:
        return {}
    query = select(Exercise).where(visible_to(user_id), col(Exercise.slug).in_(set(slugs)))
    return {exercise.slug: exercise for exercise in session.exec(query).all()}


def list_page(
    session: Session,
    user_id: uuid.UUID,
    *,
    limit: int,
    after_slug: str | None,
    chain: str | None,
    region: str | None,
    q: str | None,
) -> list[Exercise]:
    """One page of visible exercises ordered by slug, after a keyset position."""
    query = select(Exercise).where(visible_to(user_id))
    if chain:
        query = query.where(col(Exercise.chain) == chain)
    if region:
        query = query.where(col(Exercise.region) == region)
    if q:
        pattern = f"%{q.lower()}%"
        alias_match = select(ExerciseAlias.exercise_id).where(
            col(ExerciseAlias.alias_key).like(pattern)
        )
        query = query.where(
            or_(
                col(Exercise.name).ilike(pattern),
                col(Exercise.slug).like(pattern),
                col(Exercise.id).in_(alias_match),
            )
        )
    if after_slug is not None:
        query = query.where(col(Exercise.slug) > after_slug)
    return list(session.exec(query.order_by(col(Exercise.slug)).limit(limit)).all())


def aliases_for(
    session: Session, exercise_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, list[ExerciseAlias]]:
    """Aliases of several exercises in one query."""
    found: dict[uuid.UUID, list[ExerciseAlias]] = defaultdict(list)
    if exercise_ids:
        rows = session.exec(
            select(ExerciseAlias)
            .where(col(ExerciseAlias.exercise_id).in_(exercise_ids))
            .order_by(col(ExerciseAlias.source), col(ExerciseAlias.alias_key))
        ).all()
        for row in rows:
            found[row.exercise_id].append(row)
    return found


def is_used(session: Session, exercise_id: uuid.UUID) -> bool:
    """Whether any logged set refers to this exercise."""
    query = select(WorkoutSet.id).where(col(WorkoutSet.exercise_id) == exercise_id).limit(1)
    return session.exec(query).first() is not None
