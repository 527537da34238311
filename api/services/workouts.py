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
from api.services.records import Item, RecordKind, assign
from db.base import new_id
from db.models import Workout
from db.queries import exercises as exercises_queries
from db.queries import records as records_queries


def _resolve_exercises(
    session: Session, owner_id: uuid.UUID, refs: Sequence[str]
) -> dict[str, tuple[uuid.UUID, str]]:
    """Map each exercise ref (id or slug) the owner can see to (id, slug), keyed by the id's
    text and by the slug (one query)."""
    ids: list[uuid.UUID] = []
    slugs: list[str] = []
    for ref in set(refs):
        try:
            ids.append(uuid.UUID(ref))
        except ValueError:
            slugs.append(ref)
    found: dict[str, tuple[uuid.UUID, str]] = {}
    for exercise_id, slug in exercises_queries.ids_for_refs(session, owner_id, ids, slugs):
        found[str(exercise_id)] = found[slug] = (exercise_id, slug)
    return found


def _resolve_names(
    session: Session,
    owner_id: uuid.UUID,
    refs: Sequence[str],
    resolved: dict[str, tuple[uuid.UUID, str]],
) -> list[FieldError]:
    """Resolve the refs that are no id or slug as exercise names or aliases (the imports'
    matcher, over what the owner can see), adding them to `resolved`; an error with
    suggestions for each name that means nothing."""
    names = [
        ref
        for ref in dict.fromkeys(refs)
        if resolved.get(ref) is None and resolved.get(ref.lower()) is None
    ]
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


def _set_errors(
    sets: list[dict[str, Any]], resolved: dict[str, tuple[uuid.UUID, str]]
) -> list[FieldError]:
    """What the set's read shape adds, if sent back, must agree: `exercise_id` the id of
    `exercise`, `position` the set's place (an unknown exercise is `_resolve_names`' error)."""
    errors = []
    for i, s in enumerate(sets):
        ref = s["exercise"]
        found = resolved.get(ref) or resolved.get(ref.lower())
        if found is not None and s.get("exercise_id") not in (None, found[0]):
            errors.append(FieldError(f"sets.{i}.exercise_id", f"is not the id of {ref!r}"))
        if s.get("position") not in (None, i):
            errors.append(FieldError(f"sets.{i}.position", f"must be {i}, the set's place"))
        if s.get("id") is not None and s["id"] in [t.get("id") for t in sets[:i]]:
            errors.append(FieldError(f"sets.{i}.id", "duplicate set id"))
    return errors


# What a set holds besides its id, exercise and position: equal sets are the same set.
SET_CONTENT = ("set_type", "reps", "load_kg", "rpe", "rir", "duration_s", "distance_m", "notes")


def _keep_unchanged(
    rows: list[dict[str, Any]], existing: list[Item], sent_ids: set[uuid.UUID]
) -> bool:
    """Give each set sent without an id the id of the stored set at its place when they hold
    the same (a retried write changes nothing); whether the sets still differ from those."""
    differs = len(rows) != len(existing)
    for row, old in zip(rows, existing, strict=False):
        same = str(row["exercise_id"]) == old["exercise_id"] and all(
            row[name] == old[name] for name in SET_CONTENT
        )
        old_id = uuid.UUID(old["id"])
        if same and row["id"] is None and old_id not in sent_ids:
            row["id"] = old_id
        differs = differs or not same or row["id"] != old_id
    return differs


def _replace_sets(
    session: Session,
    workout: Workout,
    sets: list[dict[str, Any]],
    access: Access,
    *,
    is_new: bool,
) -> bool:
    """Prepare the workout's sets (written by `write_sets`); whether they differ from the
    stored ones."""
    refs = [s["exercise"] for s in sets]
    resolved = _resolve_exercises(session, access.owner_id, refs)
    errors = _resolve_names(session, access.owner_id, refs, resolved)
    errors += _set_errors(sets, resolved)
    errors += _taken_set_ids(session, workout.id, [s.get("id") for s in sets])
    if errors:
        raise InvalidInput(errors)
    rows: list[dict[str, Any]] = []
    slugs: list[str] = []
    for position, s in enumerate(sets):
        ref = s["exercise"]
        exercise_id, slug = resolved.get(ref) or resolved[ref.lower()]
        rows.append(
            {
                "id": s.get("id"),
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
        )
        slugs.append(slug)
    changed = True
    if not is_new:
        stored = records_queries.sets_with_slugs(session, [workout.id]).get(str(workout.id), [])
        existing = [dict(zip(SET_FIELDS, row, strict=False)) for row in stored]
        sent_ids = {s["id"] for s in sets if s.get("id") is not None}
        changed = _keep_unchanged(rows, existing, sent_ids)
    for row in rows:
        row["id"] = row["id"] or new_id()
    if changed:
        # Written once the workout row is (`write_sets`), as plain rows in one executemany:
        # ORM entities cost more than the statements (bench/RESULTS.md).
        session.info.setdefault(PENDING_SETS, {})[workout.id] = (rows, is_new)
    # The answer is built from what was written, without reading the sets back.
    session.info.setdefault(WRITTEN_SETS, {})[workout.id] = [
        {name: item[name] for name in SET_FIELDS}
        for item in ({**row, "exercise": slug} for row, slug in zip(rows, slugs, strict=True))
    ]
    return changed


# `SetRead`'s fields, which `sets_with_slugs` rows begin with, in the same order.
SET_FIELDS = tuple(SetRead.model_fields)


def apply(session: Session, workout: Workout, values: dict[str, Any], access: Access) -> bool:
    """Set the sent fields; `sets`, when sent, replaces every set (positions follow order).
    Whether anything changed."""
    sets = values.pop("sets", None)
    state = inspect(workout, raiseerr=False)
    is_new = state is None or not state.persistent
    changed = assign(workout, values)
    if workout.ended_at is not None and workout.ended_at < workout.started_at:
        raise InvalidInput([FieldError("ended_at", "must not be before started_at")])
    if sets is not None:
        with session.no_autoflush:  # the workout is written once, with every field set
            changed = _replace_sets(session, workout, sets, access, is_new=is_new) or changed
    return changed


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
