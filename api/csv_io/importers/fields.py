"""The fields every layout shares, each validated as the API validates a set or a workout:
`read_set` reads a row's set, `read_moment` a date-time cell, `read_title` and `read_notes` text."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime
from decimal import Decimal
from functools import lru_cache
from typing import Final

from api.csv_io.importers.detect import DISTANCE_COLUMNS, WEIGHT_COLUMNS
from api.csv_io.importers.limits import (
    FUTURE_TOLERANCE,
    MAX_DISTANCE_M,
    MAX_DURATION_S,
    MAX_EXERCISE_NAME_CHARS,
    MAX_LOAD_KG,
    MAX_NOTES_CHARS,
    MAX_REPS,
    MAX_RIR,
    MAX_TITLE_CHARS,
    MIN_LOAD_KG,
)
from api.csv_io.importers.results import SET_TYPES, Layout, ParsedSet, SetType
from api.csv_io.importers.rows import Context, Row, remember
from api.csv_io.units import METRE_QUANTUM, METRES_PER_DISTANCE_UNIT, WeightUnit, lb_to_kg
from api.csv_io.values import local_to_utc, parse_wall_clock, wall_clock_text

# "Pull Up (Assisted)", "Assisted Dip", "Band-Assisted Chin Up"; not "Unassisted ...".
_ASSISTED: Final = re.compile(r"\bassisted\b", re.IGNORECASE)


def make_source_key(layout: Layout, *parts: str) -> str:
    return "|".join((layout, *parts))


@lru_cache(maxsize=4096)
def collapse_spaces(text: str) -> str:
    return " ".join(text.split())


def read_set(
    row: Row,
    context: Context,
    *,
    exercise_key: str,
    set_type: SetType,
    duration_key: str | None,
    duration_parser: Callable[[str], Decimal | None] | None,
    notes_key: str | None,
    is_app_layout: bool,
    superset_key: str | None = None,
) -> ParsedSet | None:
    """The set fields every layout shares; None once any field of the row failed.

    The fields depend only on the cells read, `set_type` and the other arguments (the same for
    every row of a layout), so cells read before without error are looked up, not read again.
    """
    signature = (exercise_key, duration_key, notes_key, superset_key)
    columns = context.set_columns.get(signature)
    if columns is None:
        columns = context.set_columns[signature] = context.cells_of(
            _set_columns(context, *signature)
        )
    cells = (set_type, *row.texts(columns))
    known = context.sets.get(cells)
    if known is not None:
        return None if row.errors else ParsedSet(row.line, *known)  # type: ignore[arg-type]
    errors = len(row.errors)
    exercise_name = read_exercise_name(row, exercise_key)
    reps = _reps(row, "reps", context)
    load_kg = _load_kg(row, context, exercise_name, is_app_layout=is_app_layout)
    rpe = _rpe(row, context, zero_is_blank=is_app_layout)
    rir = _rir(row, context) if "rir" in context.keys else None
    parser = duration_parser or context.decimal
    duration_s = _seconds(row, duration_key, parser, zero_is_blank=is_app_layout)
    distance_m = _distance_m(row, context, zero_is_blank=is_app_layout)
    notes = read_notes(row, notes_key)
    slug = (row.text("exercise_slug") or None) if "exercise_slug" in context.keys else None
    superset_id = (row.text(superset_key) or None) if superset_key else None
    if len(row.errors) == errors:
        fields = (exercise_name, set_type, reps, load_kg, rpe, rir, duration_s, distance_m)
        remember(context.sets, cells, (*fields, notes, slug, superset_id))
    if row.errors:
        return None
    return ParsedSet(
        line=row.line,
        exercise_name=exercise_name,
        set_type=set_type,
        reps=reps,
        load_kg=load_kg,
        rpe=rpe,
        rir=rir,
        duration_s=duration_s,
        distance_m=distance_m,
        notes=notes,
        exercise_slug=slug,
        superset_id=superset_id,
    )


def _set_columns(
    context: Context,
    exercise_key: str,
    duration_key: str | None,
    notes_key: str | None,
    superset_key: str | None,
) -> tuple[str | None, ...]:
    """Every column `read_set` reads."""
    return (
        exercise_key,
        "reps",
        *context.weight_keys,
        context.first_present(("weight unit", "unit")),
        "rpe",
        "rir",
        duration_key,
        *context.distance_keys,
        context.first_present(("distance unit",)),
        notes_key,
        "exercise_slug",
        superset_key,
    )


def read_exercise_name(row: Row, key: str) -> str:
    name = collapse_spaces(row.text(key))
    if not name:
        row.fail(key, "an exercise name is required")
    elif len(name) > MAX_EXERCISE_NAME_CHARS:
        row.fail(key, f"must be at most {MAX_EXERCISE_NAME_CHARS} characters")
    return name


def _reps(row: Row, key: str, context: Context) -> int:
    text = row.text(key)
    try:
        value = context.decimal(text)
    except ValueError:
        row.fail(key, f"{text!r} is not a whole number of reps")
        return 0
    if value is None:
        return 0
    if value != value.to_integral_value():
        row.fail(key, f"{text!r} is not a whole number of reps")
        return 0
    if not 0 <= value <= MAX_REPS:
        row.fail(key, f"must be between 0 and {MAX_REPS}, got {value.normalize():f}")
        return 0
    return int(value)


def _load_kg(row: Row, context: Context, exercise_name: str, *, is_app_layout: bool) -> float:
    key = next((key for key in context.weight_keys if row.text(key)), None)
    value = row.number(key, context)
    if key is None or value is None:
        return 0.0
    unit = WEIGHT_COLUMNS[context.layout][key] or _row_weight_unit(row, context)
    if unit is None:
        return 0.0
    load = value if unit == "kg" else lb_to_kg(value)
    # Assistance is a negative load in Backchain; the apps log it as a positive weight.
    if is_app_layout and load > 0 and _ASSISTED.search(exercise_name):
        load = -load
    if not MIN_LOAD_KG <= load <= MAX_LOAD_KG:
        row.fail(key, f"load must be between {MIN_LOAD_KG} and {MAX_LOAD_KG} kg, got {load} kg")
        return 0.0
    return float(load)


def _row_weight_unit(row: Row, context: Context) -> WeightUnit | None:
    key = context.first_present(("weight unit", "unit"))
    text = row.text(key).lower().rstrip(".")
    if not text:
        return context.unit
    if text in ("kg", "kgs"):
        return "kg"
    if text in ("lb", "lbs"):
        return "lb"
    row.fail(key or "weight unit", f"{row.text(key)!r} is not kg or lbs")
    return None


def _rpe(row: Row, context: Context, *, zero_is_blank: bool) -> float | None:
    value = row.number("rpe", context)
    if value is None or (zero_is_blank and value == 0):
        return None
    if not 1 <= value <= 10 or (value * 2) % 1 != 0:
        row.fail("rpe", f"must be between 1 and 10 in steps of 0.5, got {value}")
        return None
    return float(value)


def _rir(row: Row, context: Context) -> int | None:
    value = row.number("rir", context)
    if value is None:
        return None
    if value != value.to_integral_value() or not 0 <= value <= MAX_RIR:
        row.fail("rir", f"must be a whole number between 0 and {MAX_RIR}")
        return None
    return int(value)


def _seconds(
    row: Row,
    key: str | None,
    parser: Callable[[str], Decimal | None],
    *,
    zero_is_blank: bool,
) -> float | None:
    if key is None:
        return None
    try:
        value = parser(row.text(key))
    except ValueError as exc:
        row.fail(key, str(exc))
        return None
    if value is None or (zero_is_blank and value == 0):
        return None
    if not 0 <= value <= MAX_DURATION_S:
        row.fail(key, f"must be between 0 and {MAX_DURATION_S} seconds")
        return None
    return float(value)


def _distance_m(row: Row, context: Context, *, zero_is_blank: bool) -> float | None:
    key = next((key for key in context.distance_keys if row.text(key)), None)
    value = row.number(key, context)
    if key is None or value is None or (zero_is_blank and value == 0):
        return None
    unit = DISTANCE_COLUMNS[key]
    if unit is None:
        unit_key = context.first_present(("distance unit",))
        unit_text = row.text(unit_key)
        unit = unit_text.lower().rstrip(".") or ("km" if context.unit == "kg" else "mi")
        if unit not in METRES_PER_DISTANCE_UNIT:
            row.fail(unit_key or "distance unit", f"{unit_text!r} is not a distance unit")
            return None
    metres = (value * METRES_PER_DISTANCE_UNIT[unit]).quantize(METRE_QUANTUM)
    if not 0 <= metres <= MAX_DISTANCE_M:
        row.fail(key, f"must be between 0 and {MAX_DISTANCE_M} metres")
        return None
    return float(metres)


def read_notes(row: Row, key: str | None) -> str | None:
    text = row.text(key)
    if len(text) > MAX_NOTES_CHARS:
        row.fail(key or "notes", f"must be at most {MAX_NOTES_CHARS} characters")
        return None
    return text or None


def read_title(row: Row, key: str) -> str | None:
    text = row.text(key)
    if len(text) > MAX_TITLE_CHARS:
        row.fail(key, f"must be at most {MAX_TITLE_CHARS} characters")
        return None
    return text or None


def read_listed_set_type(row: Row, key: str) -> SetType:
    text = row.text(key).lower()
    if not text:
        return "normal"
    for set_type in SET_TYPES:
        if text == set_type:
            return set_type
    row.fail(key, f"{text!r} is not one of {', '.join(SET_TYPES)}")
    return "normal"


def read_moment(row: Row, key: str, context: Context) -> tuple[datetime, str] | None:
    """(UTC instant, canonical wall-clock text) of a date-time cell; None after an error."""
    text = row.text(key)
    moment = context.moments.get(text)
    if moment is None:
        try:
            wall = parse_wall_clock(text)
        except ValueError as exc:
            row.fail(key, str(exc))
            return None
        instant = wall.astimezone(UTC) if wall.tzinfo else local_to_utc(wall, context.tz)
        moment = context.moments[text] = (instant, wall_clock_text(wall))
    if not check_not_future(row, key, moment[0], context):
        return None
    return moment


def check_not_future(row: Row, key: str, value: datetime, context: Context) -> bool:
    if value - context.now > FUTURE_TOLERANCE:
        row.fail(key, "must not be more than 24 hours in the future")
        return False
    return True
