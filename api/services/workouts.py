"""Workouts: applying input (with exercise resolution and set replacement) and reading back."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import inspect
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from api.errors import FieldError, InvalidInput
from api.policy import Access
from api.schemas.workouts import SetRead, WorkoutRead
from api.services import exercises as exercises_service
from api.services.records import Item, RecordKind
from db.base import new_id
from db.models import Workout
from db.queries import exercises as exercises_queries
from db.queries import records as records_queries


def _resolve_exercises(
    session: Session, owner_id: uuid.UUID, refs: Sequence[str]
) -> dict[str, tuple[uuid.UUID, str]]:
    """Map each exercise ref that is the id or slug of an exercise the owner can see to
    (id, slug), keyed by the ref as sent (one query)."""
    ids: dict[str, uuid.UUID] = {}
    slugs: list[str] = []
    for ref in set(refs):
        try:
            ids[ref] = uuid.UUID(ref)
        except ValueError:
            slugs.append(ref)
    found: dict[uuid.UUID | str, tuple[uuid.UUID, str]] = {}
    for exercise_id, slug in exercises_queries.ids_for_refs(
        session, owner_id, list(ids.values()), slugs
    ):
        found[exercise_id] = found[slug] = (exercise_id, slug)
    return {ref: hit for ref in set(refs) if (hit := found.get(ids.get(ref) or ref)) is not None}


def _resolve_names(
    session: Session,
    owner_id: uuid.UUID,
    refs: Sequence[str],
    resolved: dict[str, tuple[uuid.UUID, str]],
) -> list[FieldError]:
    """Resolve the refs that are no id or slug as exercise names or aliases (the imports'
    matcher, over what the owner can see), adding them to `resolved`; an error with
    suggestions for each name that means nothing."""
    names = [ref for ref in dict.fromkeys(refs) if ref not in resolved]
    if not names:
        return []
    resolutions, rows = exercises_service.resolve_exercises(session, owner_id, names)
    unknown = {}
    for resolution in resolutions:
        row = rows.get(resolution.slug) if resolution.slug is not None else None
        if row is None:
            unknown[resolution.name] = resolution
        else:
            resolved[resolution.name] = (row.id, row.slug)
    return [
        FieldError(
            f"sets.{i}.exercise",
            f"unknown exercise {ref!r}",
            suggestions=tuple(exercises_service.suggestions_of(unknown[ref])),
        )
        for i, ref in enumerate(refs)
        if ref in unknown
    ]


WRITTEN_SETS = "backchain.written_sets"
PENDING_SETS = "backchain.pending_sets"


def _taken_set_ids(
    session: Session, workout_id: uuid.UUID, set_ids: Sequence[uuid.UUID | None]
) -> list[FieldError]:
    """An error for each of the sets' own ids that another workout's set holds."""
    chosen = [set_id for set_id in set_ids if set_id is not None]
    taken = records_queries.foreign_set_ids(session, workout_id, chosen) if chosen else set()
    return [
        FieldError(f"sets.{i}.id", "set id already used by another workout")
        for i, set_id in enumerate(set_ids)
        if set_id in taken
    ]


def _replace_sets(
    session: Session,
    workout: Workout,
    sets: list[dict[str, Any]],
    access: Access,
    *,
    is_new: bool,
) -> None:
    refs = [s["exercise"] for s in sets]
    resolved = _resolve_exercises(session, access.owner_id, refs)
    errors = _resolve_names(session, access.owner_id, refs, resolved)
    seen: set[uuid.UUID] = set()
    for i, s in enumerate(sets):
        if s.get("id") is not None:
            if s["id"] in seen:
                errors.append(FieldError(f"sets.{i}.id", "duplicate set id"))
            seen.add(s["id"])
    errors += _taken_set_ids(session, workout.id, [s.get("id") for s in sets])
    if errors:
        raise InvalidInput(errors)
    rows: list[dict[str, Any]] = []
    written: list[Item] = []
    for position, s in enumerate(sets):
        ref = s["exercise"]
        exercise_id, slug = resolved[ref]
        row = {
            "id": s.get("id") or new_id(),
            "workout_id": workout.id,
            "exercise_id": exercise_id,
            "position": position,
            "set_type": str(s["set_type"]),
            "reps": s["reps"],
            "load_kg": s["load_kg"],
            "rpe": s.get("rpe"),
            "rir": s.get("rir"),
            "duration_s": s.get("duration_s"),
            "distance_m": s.get("distance_m"),
            "notes": s.get("notes"),
        }
        rows.append(row)
        written.append({**row, "exercise": slug})
    # Written once the workout row is (`write_sets`), as plain rows in one executemany: ORM
    # entities cost more than the statements (bench/RESULTS.md).
    session.info.setdefault(PENDING_SETS, {})[workout.id] = (rows, is_new)
    # The answer is built from what was written, without reading the sets back.
    session.info.setdefault(WRITTEN_SETS, {})[workout.id] = [
        {name: item[name] for name in SET_FIELDS} for item in written
    ]


# `SetRead`'s fields, which `sets_with_slugs` rows begin with, in the same order.
SET_FIELDS = tuple(SetRead.model_fields)


def apply(session: Session, workout: Workout, values: dict[str, Any], access: Access) -> None:
    """Set the sent fields; `sets`, when sent, replaces every set (positions follow order)."""
    sets = values.pop("sets", None)
    state = inspect(workout, raiseerr=False)
    is_new = state is None or not state.persistent
    for key, value in values.items():
        setattr(workout, key, value)
    if workout.ended_at is not None and workout.ended_at < workout.started_at:
        raise InvalidInput([FieldError("ended_at", "must not be before started_at")])
    if sets is not None:
        with session.no_autoflush:  # the workout is written once, with every field set
            _replace_sets(session, workout, sets, access, is_new=is_new)


def write_sets(session: Session, workout: Workout) -> None:
    """Replace the workout's sets with those `apply` prepared (after the workout row)."""
    pending = session.info.get(PENDING_SETS, {}).pop(workout.id, None)
    if pending is None:
        return
    rows, is_new = pending
    if not is_new:
        records_queries.delete_sets(session, workout.id)
    try:
        records_queries.insert_sets(session, rows)
    except IntegrityError as exc:
        if not records_queries.is_set_id_taken(exc):
            raise
        # Another request stored one of these set ids after `apply` checked them (on
        # PostgreSQL this insert waited for it to commit). Nothing of this write may stay:
        # roll back, then answer what the check answers now.
        session.rollback()
        errors = _taken_set_ids(session, workout.id, [row["id"] for row in rows])
        raise InvalidInput(
            errors or [FieldError("sets", "set id already used by another workout")]
        ) from exc


def read(session: Session, workouts: Sequence[Any]) -> list[Item]:
    """Workouts (ORM objects or rows) as read back (`WorkoutRead`), with their sets (one
    query for all)."""
    # Sets this session just wrote (popped: a later read must not see a rolled-back write).
    pending = session.info.get(WRITTEN_SETS, {})
    sets: dict[str, list[Item]] = {
        str(w.id): pending.pop(w.id) for w in workouts if w.id in pending
    }
    unknown = [w.id for w in workouts if str(w.id) not in sets]
    if unknown:
        for workout_id, rows in records_queries.sets_with_slugs(session, unknown).items():
            sets[workout_id] = [dict(zip(SET_FIELDS, row, strict=False)) for row in rows]
    return [
        {
            "id": w.id,
            "started_at": w.started_at,
            "ended_at": w.ended_at,
            "title": w.title,
            "notes": w.notes,
            "sets": sets.get(str(w.id), []),
            "created_at": w.created_at,
            "updated_at": w.updated_at,
            "created_by": w.created_by,
            "version": w.version,
        }
        for w in workouts
    ]


KIND = RecordKind(
    resource="workouts",
    model=Workout,
    schema=WorkoutRead,
    time_attr="started_at",
    required=("started_at",),
    apply=apply,
    read=read,
    write_children=write_sets,
)
