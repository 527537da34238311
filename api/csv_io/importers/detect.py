"""Which layout a header is: the columns each layout requires, the German header cells that
stand for English ones, and the weight and distance columns with the unit their name states."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from api.csv_io.importers.results import CsvFormatError, Layout
from api.csv_io.units import WeightUnit

# What each layout's header looks like, for the message of an unrecognised header.
LAYOUT_DESCRIPTIONS: Final[dict[Layout, str]] = {
    "strong": (
        "Strong (Date, Workout Name, Exercise Name, Set Order, Weight or Weight (kg), Reps, ...;"
        " comma or semicolon; English or German headers)"
    ),
    "hevy": (
        "Hevy (title, start_time, end_time, exercise_title, set_index, set_type,"
        " weight_kg or weight_lbs, reps, ...)"
    ),
    "fitnotes": "FitNotes (Date, Exercise, Category, Weight (kgs) or Weight (lbs), Reps, ...)",
    "backchain": (
        "Backchain sets.csv (workout_id, workout_started_at, exercise, set_type, reps,"
        " load_kg or load_lb, ...)"
    ),
}


def detect_layout(header: Sequence[str]) -> Layout:
    """The layout whose columns the header holds; `CsvFormatError` listing the known ones if
    none fits."""
    keys = header_keys(header)
    for layout in ("backchain", "hevy", "strong", "fitnotes"):
        if fits_layout(layout, keys):
            return layout
    known = "; ".join(LAYOUT_DESCRIPTIONS[layout] for layout in _DESCRIBED_ORDER)
    raise CsvFormatError(
        f"the header matches no known export. Known layouts: {known}. The header read: "
        + ", ".join(clean_header(header))
        + ". (Strong files in another language: export again with the app set to English.)"
    )


def clean_header(header: Sequence[str]) -> list[str]:
    """The header's cells as written, without a byte order mark or surrounding space."""
    return [cell.replace("\ufeff", "").strip() for cell in header]


def header_keys(header: Sequence[str]) -> list[str]:
    keys = []
    for cell in header:
        key = " ".join(cell.replace("\ufeff", "").split()).lower()
        keys.append(_HEADER_ALIASES.get(key, key))
    return keys


_DESCRIBED_ORDER: Final[tuple[Layout, ...]] = ("strong", "hevy", "fitnotes", "backchain")

# Localised header cells (lower case) -> the English column they stand for. German from Strong
# on iOS and Android; the two unit columns are the German exports' likely spelling.
_HEADER_ALIASES: Final[dict[str, str]] = {
    "datum": "date",
    "workout-name": "workout name",
    "dauer": "duration",
    "workout-dauer": "workout duration",
    "name der übung": "exercise name",
    "reihenfolge festlegen": "set order",
    "gewicht": "weight",
    "gewichtseinheit": "weight unit",
    "wiederh.": "reps",
    "entfernung": "distance",
    "entfernungseinheit": "distance unit",
    "sekunden": "seconds",
    "notizen": "notes",
    "workout-notizen": "workout notes",
}
_REQUIRED: Final[dict[Layout, frozenset[str]]] = {
    "backchain": frozenset({"workout_id", "workout_started_at", "exercise", "set_type", "reps"}),
    "hevy": frozenset({"title", "start_time", "exercise_title", "set_type", "reps"}),
    "strong": frozenset({"date", "workout name", "exercise name", "set order", "reps"}),
    "fitnotes": frozenset({"date", "exercise", "reps"}),
}
_WEIGHT_BY_NAME: Final[dict[str, WeightUnit | None]] = {
    "weight (kg)": "kg",
    "weight (kgs)": "kg",
    "weight (lbs)": "lb",
    "weight (lb)": "lb",
    "weight": None,
}
# Weight columns per layout in order of preference, each with the unit its name states (None:
# the row's "Weight Unit" cell or the caller's unit). The first one with a value in a row wins
# (FitNotes 2 has both "Weight (kg)" and "Weight (lbs)", one of them blank).
WEIGHT_COLUMNS: Final[dict[Layout, dict[str, WeightUnit | None]]] = {
    "backchain": {"load_kg": "kg", "load_lb": "lb"},
    "hevy": {"weight_kg": "kg", "weight_lbs": "lb"},
    # Strong's oldest export names the column after the unit: "lbs", "kgs".
    "strong": {**_WEIGHT_BY_NAME, "kgs": "kg", "kg": "kg", "lbs": "lb", "lb": "lb"},
    "fitnotes": dict(_WEIGHT_BY_NAME),
}
# Distance columns with the unit their name states (None: a "Distance Unit" column or default).
DISTANCE_COLUMNS: Final[dict[str, str | None]] = {
    "distance_m": "m",
    "distance_meters": "m",
    "distance_km": "km",
    "distance_miles": "mi",
    "distance (meters)": "m",
    "distance (m)": "m",
    "distance (km)": "km",
    "distance (miles)": "mi",
    "distance (mi)": "mi",
    "distance": None,
    "km": "km",  # Strong's oldest export: the column named after the unit
    "mi.": "mi",
    "mi": "mi",
}


def fits_layout(layout: Layout, keys: Sequence[str]) -> bool:
    present = set(keys)
    if not _REQUIRED[layout] <= present:
        return False
    if layout == "fitnotes" and "workout name" in present:
        return False
    return any(column in present for column in WEIGHT_COLUMNS[layout])
