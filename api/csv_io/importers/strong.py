"""Strong's layout: one row per set, the workout's cells repeated on each; "Rest Timer" rows
skipped, "Note" rows appended to an exercise's notes, the workout's length giving its end."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from functools import lru_cache
from typing import Final

from api.csv_io.importers.fields import (
    collapse_spaces,
    make_source_key,
    read_exercise_name,
    read_moment,
    read_notes,
    read_set,
    read_title,
)
from api.csv_io.importers.results import SetType
from api.csv_io.importers.rows import Context, ExerciseNote, Row, RowRead, remember
from api.csv_io.values import parse_words_seconds

# Strong does not cap a workout's length (left running: "264h 1m"); past a year it is dropped.
MAX_WORKOUT_LENGTH_S: Final = Decimal(366 * 86_400)

_STRONG_SET_ORDER: Final[dict[str, SetType]] = {"w": "warmup", "d": "dropset", "f": "failure"}
_STRONG_REST_ROWS: Final = frozenset({"rest timer", "ruhezeit"})
_STRONG_NOTE_ROWS: Final = frozenset({"note", "notiz"})
_STRONG_LENGTH_COLUMNS: Final = ("duration", "workout duration", "duration (sec)")
_STRONG_HEAD_COLUMNS: Final = ("date", "workout name", "workout notes", *_STRONG_LENGTH_COLUMNS)


def read_strong(row: Row, context: Context) -> RowRead | None:
    set_order = row.text("set order")
    marker = set_order.casefold()
    if marker in _STRONG_REST_ROWS:
        row.skipped = True
        return None
    head = _strong_head(row, context)
    if marker in _STRONG_NOTE_ROWS:
        return _strong_note(row, head)
    parsed_set = read_set(
        row,
        context,
        exercise_key="exercise name",
        set_type=_strong_set_type(row, set_order),
        duration_key="seconds",
        duration_parser=None,  # plain seconds
        notes_key="notes",
        is_app_layout=True,
    )
    if head is None or parsed_set is None:
        return None
    return RowRead(
        key=head.key,
        started_at=head.started_at,
        ended_at=head.ended_at,
        title=head.title,
        notes=head.notes,
        parsed_set=parsed_set,
    )


@dataclass(frozen=True, slots=True)
class StrongHead:
    """The workout cells of a Strong row, read (every row of a workout repeats them)."""

    key: str
    started_at: datetime
    ended_at: datetime | None
    title: str | None
    notes: str | None


def _strong_head(row: Row, context: Context) -> StrongHead | None:
    """The row's workout; None after an error. Cells read before without error are looked up,
    not read again: the result depends on nothing else (`now` and `tz` are fixed per parse)."""
    length_key = context.first_present(_STRONG_LENGTH_COLUMNS)
    cells = row.texts(context.cells_of(_STRONG_HEAD_COLUMNS))
    head = context.heads.get(cells)
    if head is not None:
        return head
    errors = len(row.errors)
    moment = read_moment(row, "date", context)
    length = _workout_length(row, length_key)
    title = read_title(row, "workout name")
    notes = read_notes(row, "workout notes")
    if moment is None or len(row.errors) > errors:
        return None
    started_at, wall = moment
    head = StrongHead(
        key=make_source_key("strong", wall, collapse_spaces(cells[1])),
        started_at=started_at,
        ended_at=None if length is None else started_at + length,
        title=title,
        notes=notes,
    )
    remember(context.heads, cells, head)
    return head


def _strong_note(row: Row, head: StrongHead | None) -> RowRead | None:
    exercise_name = read_exercise_name(row, "exercise name")
    text = read_notes(row, "notes")
    if row.errors or head is None or text is None:
        return None
    return RowRead(
        key=head.key,
        started_at=head.started_at,
        ended_at=None,
        title=head.title,
        notes=head.notes,
        parsed_set=None,
        exercise_note=ExerciseNote(row.line, row.name("notes"), exercise_name, text),
    )


def _strong_set_type(row: Row, set_order: str) -> SetType:
    if not set_order:
        return "normal"
    marker = set_order[0].lower()
    if marker in _STRONG_SET_ORDER and (len(set_order) == 1 or set_order[1:].isdigit()):
        return _STRONG_SET_ORDER[marker]
    if set_order.isdigit():
        return "normal"
    row.fail("set order", f"{set_order!r} is not a set number, W, D, F or Rest Timer")
    return "normal"


def _workout_length(row: Row, key: str | None) -> timedelta | None:
    """A workout's length; None when blank, zero, negative or over a year (not credible)."""
    if key is None:
        return None
    try:
        return _length_of(row.text(key))
    except ValueError as exc:
        row.fail(key, str(exc))
        return None


@lru_cache(maxsize=1024)
def _length_of(text: str) -> timedelta | None:
    value = parse_words_seconds(text)
    if value is None or not 0 < value <= MAX_WORKOUT_LENGTH_S:
        return None
    return timedelta(seconds=float(value))
