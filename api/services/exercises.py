"""The catalog: listing, reading, and users' custom exercises."""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence

from sqlmodel import Session

from api.errors import Conflict, ExerciseSuggestion, FieldError, InvalidInput, NotFound
from api.exercise_names import OwnerResolver, Resolution, own_entries
from api.pagination import PageParams, decode_cursor, encode_cursor
from api.policy import Access
from api.schemas.exercises import (
    ExerciseBrief,
    ExerciseCreate,
    ExercisePage,
    ExerciseRead,
    ExerciseUpdate,
    ResolvedName,
    ResolveRequest,
    ResolveResult,
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
    targets = exercises_queries.slugs_of(session, [r.alias_of_id for r in rows if r.alias_of_id])
    return ExercisePage(
        items=[
            exercise_read(
                r,
                list(aliases.get(r.id, [])),
                targets.get(r.alias_of_id) if r.alias_of_id else None,
            )
            for r in rows
        ],
        next_cursor=encode_cursor([rows[-1].slug]) if more and rows else None,
    )


def _read(session: Session, exercise: Exercise) -> ExerciseRead:
    aliases = exercises_queries.aliases_for(session, [exercise.id])[exercise.id]
    target = None
    if exercise.alias_of_id is not None:
        target = exercises_queries.slugs_of(session, [exercise.alias_of_id])[exercise.alias_of_id]
    return exercise_read(exercise, list(aliases), target)


def get_exercise(access: Access, ref: str) -> ExerciseRead:
    """A visible exercise by id or slug."""
    exercise = exercises_queries.get_visible(access.session, access.actor_id, ref)
    if exercise is None:
        raise NotFound(f"No exercise {ref!r}")
    return _read(access.session, exercise)


def _custom_slug(name: str, exercise_id: uuid.UUID) -> str:
    base = re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")[:60] or "exercise"
    # A short id suffix keeps custom slugs unique across users and clear of system slugs.
    return f"{base}_{exercise_id.hex[:8]}"


def _alias_target(session: Session, ref: str) -> Exercise:
    """The system exercise `alias_of` names (by slug or id); anything else is a 422."""
    target = exercises_queries.get_system(session, ref)
    if target is None:
        raise InvalidInput([FieldError("alias_of", f"No system exercise {ref!r}")])
    return target


def _become_alias(exercise: Exercise, target: Exercise, given: set[str]) -> None:
    """Make `exercise` an alias of `target`: it counts as the target, so it takes the target's
    class, pattern and load type, except what the same request gives explicitly."""
    exercise.alias_of_id = target.id
    for key in ("chain", "region", "pattern", "load_type"):
        if key not in given:
            setattr(exercise, key, getattr(target, key))
    exercise.classified = True


def create_exercise(access: Access, data: ExerciseCreate) -> ExerciseRead:
    """A custom exercise owned by the caller: classified when it comes with both chain and
    region or an `alias_of`, else neutral/none until its owner classifies it (§9)."""
    session = access.session
    given = {k for k in data.model_fields_set if getattr(data, k) is not None}
    if (data.chain is None) != (data.region is None) and data.alias_of is None:
        missing = "region" if data.region is None else "chain"
        raise InvalidInput([FieldError(missing, "chain and region are given together")])
    target = _alias_target(session, data.alias_of) if data.alias_of is not None else None
    exercise_id = uuid.uuid4()
    exercise = Exercise(
        id=exercise_id,
        slug=_custom_slug(data.name, exercise_id),
        name=data.name,
        chain=data.chain or "neutral",
        region=data.region or "none",
        pattern=data.pattern,
        load_type=data.load_type,
        is_system=False,
        owner_id=access.actor_id,
        classified=data.chain is not None and data.region is not None,
    )
    if target is not None:
        _become_alias(exercise, target, given)
    session.add(exercise)
    session.commit()
    return exercise_read(exercise, [], target.slug if target else None)


def _own_custom(session: Session, user_id: uuid.UUID, ref: str) -> Exercise:
    exercise = exercises_queries.get_visible(session, user_id, ref)
    if exercise is None or exercise.owner_id != user_id:
        # System exercises are read-only for everyone: not found as a writable resource.
        raise NotFound(f"No custom exercise {ref!r}")
    return exercise


def update_exercise(access: Access, ref: str, data: ExerciseUpdate) -> ExerciseRead:
    """Change the caller's custom exercise: chain or region classify it; `alias_of` makes it
    count as a system exercise (null clears the link and keeps the class it had)."""
    session = access.session
    exercise = _own_custom(session, access.actor_id, ref)
    changes = data.model_dump(exclude_unset=True, exclude={"alias_of"})
    for key, value in changes.items():
        if value is None and key != "pattern":
            continue
        setattr(exercise, key, value)
        if key in ("chain", "region"):
            exercise.classified = True
    if "alias_of" in data.model_fields_set:
        if data.alias_of is None:
            exercise.alias_of_id = None
        else:
            given = {key for key, value in changes.items() if value is not None}
            _become_alias(exercise, _alias_target(session, data.alias_of), given)
    exercise.updated_at = utcnow()
    session.add(exercise)
    # A class or alias edit changes computed figures: move the user's change cursor so
    # cached analytics for unchanged records are not reused.
    changes_queries.next_seq(session, access.actor_id)
    session.commit()
    return _read(session, exercise)


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


def owner_resolver(session: Session, owner_id: uuid.UUID) -> OwnerResolver:
    """The one name matcher of imports, sets and `resolve`: the owner's custom exercises (an
    own name wins), then the system catalog."""
    return OwnerResolver(own_entries(exercises_queries.custom_names(session, owner_id)))


def suggestions_of(resolution: Resolution) -> list[ExerciseSuggestion]:
    """The suggestions of an unresolved name, as the API shows them."""
    return [
        ExerciseSuggestion(slug=s.slug, name=s.name, score=s.score) for s in resolution.suggestions
    ]


def resolve_exercises(
    session: Session, owner_id: uuid.UUID, names: Sequence[str], source: str | None = None
) -> tuple[list[Resolution], dict[str, Exercise]]:
    """Each name's resolution, and the owner's visible exercises they resolved to by slug (a
    catalog slug the database lacks counts as unknown: the caller sees no row for it)."""
    resolutions = owner_resolver(session, owner_id).resolve_many(names, source)
    slugs = [r.slug for r in resolutions if r.slug is not None]
    return resolutions, exercises_queries.visible_by_slugs(session, owner_id, slugs)


def resolve_names(access: Access, data: ResolveRequest) -> ResolveResult:
    """What each name means among the caller's exercises and the catalog, with suggestions."""
    resolutions, rows = resolve_exercises(access.session, access.actor_id, data.names, data.source)
    items = []
    for resolution in resolutions:
        row = rows.get(resolution.slug) if resolution.slug is not None else None
        items.append(
            ResolvedName(
                name=resolution.name,
                exercise=ExerciseBrief.model_validate(row) if row is not None else None,
                suggestions=suggestions_of(resolution),
            )
        )
    return ResolveResult(items=items)
