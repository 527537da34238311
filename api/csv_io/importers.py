"""Read workout CSV exports of Strong, Hevy, FitNotes and Backchain into plain dataclasses.

`parse` decodes the bytes (UTF-8, with or without a byte order mark, and nothing else), sniffs
the delimiter from the header line (comma, semicolon or tab), detects the layout from the header,
validates each row as the API validates a set and groups the good rows into workouts. A bad row
becomes one `RowError` per bad field; a file that cannot be read as a whole raises
`CsvFormatError` (`CsvEncodingError` when it is not UTF-8, `CsvTooLarge` past `MAX_BYTES` or
`MAX_ROWS`). The caller decides what errors mean: the HTTP import stores nothing when any row
failed.

Layouts and their workout keys (`ParsedWorkout.source_key`):

- Strong, one row per set, every variant seen in the wild: the 2019 all-quoted semicolon export
  (`"Workout #"`, `"Duration (sec)"`, `"Weight (kg)"`, `"Distance (meters)"`), the exports with
  `Weight Unit` / `Distance Unit` columns, the current comma export (with or without the notes
  columns), the oldest one whose weight and distance columns are named after their unit
  (`lbs`, `mi.`) and the German one (`Datum`, `Name der Übung`, `Wiederh.`, ...). Key:
  `strong|<Date as YYYY-MM-DD HH:MM:SS>|<Workout Name>`.
- Hevy (`weight_kg` or `weight_lbs`, `distance_km` or `distance_miles`), fully or minimally
  quoted. Key: `hevy|<title>|<start_time as YYYY-MM-DD HH:MM:SS>`.
- FitNotes (`Weight (kgs)`, `Weight (lbs)`, or `Weight` with `Weight Unit`). Key:
  `fitnotes|<YYYY-MM-DD>`: one workout per calendar date.
- Backchain's own `sets.csv` in either unit. Key: `backchain|<workout_id>`.

Keys are built from the wall-clock text, not the UTC instant, so the same file imported with a
different time zone keeps its keys (its content hashes change with the instant).

Decisions the apps' formats leave open:

- Units: a unit in the header wins ("Weight (lbs)", `weight_lbs`, `load_lb`), then a per-row
  "Weight Unit" column, then the caller's `unit`. Pounds become kg at 0.45359237 kg/lb, rounded
  to the gram. A "Distance" column without a unit is km for `unit="kg"` and miles for "lb".
  Unit cells may end in a dot ("mi.").
- Decimal commas ("102,5") are read only in files not delimited by commas.
- Reps may be written as decimals with nothing after the point ("5.0"); "5.5" is a row error.
- Assisted lifts: the apps log the machine's assistance as a positive weight, Backchain logs it
  as a negative load (bodyweight minus assistance). So in the Strong, Hevy and FitNotes layouts a
  positive weight on an exercise whose name contains the word "assisted" (any case; not
  "unassisted") is stored negated. Backchain's own export already holds signed loads and is
  read as is.
- Zero is "not logged" in the apps' layouts: a duration, distance or RPE of 0 becomes None
  (Strong writes `Seconds` 0 on every weight set). Blank reps are 0 (cardio rows), blank
  weight is 0 kg (bodyweight).
- Strong rows whose Set Order is "Rest Timer" (German "Ruhezeit") are rest periods, not sets:
  they are skipped and counted in `ParseResult.rows_skipped`. Rows whose Set Order is "Note"
  carry an exercise note in their Notes cell: it is appended to the notes of the first set of
  that exercise in the workout (or, with no such set, to the workout's notes as
  "<exercise>: <note>").
- Strong's workout length ("1h 5m", "31min", "20s", seconds in "Duration (sec)") gives
  `ended_at`. Strong does not cap it (workouts left running show "264h 1m"), so neither does
  the importer, up to a year; a longer one, or a Hevy end_time before the start, is dropped
  (None) rather than rejecting the rows.
- FitNotes has no times, so its workout starts at 12:00 local time on that date (noon never
  falls in a DST gap and keeps the date in every UTC offset within ±11 h); a Date cell that does
  carry a time is used as is, earliest time first. Local times are wall-clock times in `tz`
  (first occurrence when clocks go back).
- Hevy repeats an exercise's notes on every set row: they are kept on the first set of each run
  of equal notes for that exercise in the workout. Its `superset_id` is carried on the sets
  (`ParsedSet.superset_id`) but is not part of the content hash.
- Line breaks inside quoted cells of the apps' files are normalised to "\\n".
- Backchain's export: the formula guard's apostrophe is removed from text cells, and
  `exercise_slug` is carried so the caller can resolve the exercise without aliases. Its
  position, chain, e1rm_kg and created_by columns are derived data and are ignored.
- Workout-level cells (date, title, workout notes) are validated on every row that carries
  them, so a bad one rejects those rows. Rows past a workout's 200th set are rejected.
- Workouts are returned in start order, sets in file order; a workout whose every row was
  rejected is absent. Errors are in line order.
- `rows_total` counts the data rows that are not blank; a file of more than `MAX_ROWS` of them
  raises `CsvTooLarge` before any row is validated.

`content_hash` is the SHA-256 of a canonical JSON form of the workout's data (UTC start, end,
title, notes and each set's values in order; no line numbers, no layout, no source key), so the
same workout hashes the same in every parse of the file and in a later, longer export of the
same history.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import json
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, time, timedelta, tzinfo
from decimal import Decimal
from functools import lru_cache, partial
from operator import itemgetter
from typing import Final, Literal, TypeVar, get_args

from api.csv_io.aliases import alias_key
from api.csv_io.formula_guard import unguard_text
from api.csv_io.units import (
    METRE_QUANTUM,
    METRES_PER_DISTANCE_UNIT,
    WEIGHT_UNITS,
    WeightUnit,
    lb_to_kg,
)
from api.csv_io.values import (
    local_to_utc,
    parse_clock_seconds,
    parse_decimal,
    parse_iso_date,
    parse_wall_clock,
    parse_words_seconds,
    wall_clock_text,
)

__all__ = [
    "IMPORT_FORMATS",
    "LAYOUTS",
    "LAYOUT_DESCRIPTIONS",
    "MAX_BYTES",
    "MAX_ROWS",
    "MAX_SETS_PER_WORKOUT",
    "SET_TYPES",
    "CsvEncodingError",
    "CsvFormatError",
    "CsvTooLarge",
    "ImportFormat",
    "Layout",
    "ParseResult",
    "ParsedSet",
    "ParsedWorkout",
    "RowError",
    "SetType",
    "alias_key",
    "check_row_count",
    "detect_layout",
    "parse",
    "workout_content_hash",
]

Layout = Literal["strong", "hevy", "fitnotes", "backchain"]
ImportFormat = Literal["auto", "strong", "hevy", "fitnotes", "backchain"]
SetType = Literal["normal", "warmup", "dropset", "failure"]

LAYOUTS: Final[tuple[Layout, ...]] = get_args(Layout)
IMPORT_FORMATS: Final[tuple[ImportFormat, ...]] = get_args(ImportFormat)
SET_TYPES: Final[tuple[SetType, ...]] = get_args(SetType)

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

# Limits of a whole file (the HTTP layer answers 413 for both).
MAX_BYTES: Final = 10 * 1024 * 1024
MAX_ROWS: Final = 100_000

# Limits of the API's WorkoutWrite / SetWrite and the exercise catalogue.
MAX_SETS_PER_WORKOUT: Final = 200
MAX_NOTES_CHARS: Final = 2000
MAX_TITLE_CHARS: Final = 200
MAX_EXERCISE_NAME_CHARS: Final = 120
MAX_REPS: Final = 1000
MIN_LOAD_KG: Final = Decimal(-500)
MAX_LOAD_KG: Final = Decimal(1500)
MAX_RIR: Final = 10
MAX_DURATION_S: Final = Decimal(86_400)
MAX_DISTANCE_M: Final = Decimal(1_000_000)
MAX_WORKOUT_LENGTH_S: Final = Decimal(366 * 86_400)
FUTURE_TOLERANCE: Final = timedelta(hours=24)
FITNOTES_START_TIME: Final = time(12, 0)
CONTENT_HASH_VERSION: Final = 1

# Field names for errors that belong to no single column.
ROW_FIELD: Final = "row"
WORKOUT_FIELD: Final = "workout"


class CsvFormatError(ValueError):
    """The file as a whole cannot be read: empty, not UTF-8, too large, or a header of no known
    (or requested) layout. The message is meant for the person who uploaded the file."""


class CsvEncodingError(CsvFormatError):
    """The file is not UTF-8 text (the message names the first offending byte and its line)."""


class CsvTooLarge(CsvFormatError):
    """The file has more than `MAX_BYTES` bytes or more than `MAX_ROWS` data rows."""


@dataclass(frozen=True, slots=True)
class RowError:
    """A rejected row: `line` is the 1-based physical line (header = 1), `field` its column."""

    line: int
    field: str
    message: str


@dataclass(frozen=True, slots=True)
class ParsedSet:
    """One set as it will be stored; `load_kg` is negative for assistance."""

    line: int
    exercise_name: str
    set_type: SetType
    reps: int
    load_kg: float
    rpe: float | None = None
    rir: int | None = None
    duration_s: float | None = None
    distance_m: float | None = None
    notes: str | None = None
    exercise_slug: str | None = None  # only Backchain's own export names the slug
    superset_id: str | None = None  # Hevy's superset group, as written; not stored, not hashed


@dataclass(frozen=True, slots=True)
class ParsedWorkout:
    """One workout; build it with `ParsedWorkout.create` so `content_hash` matches the data.

    `source_key` identifies the workout within its app's history ("strong|2023-05-01
    18:30:00|Push Day"; see the module docstring); it is "" for a workout not read from a file.
    """

    started_at: datetime  # aware, UTC
    ended_at: datetime | None
    title: str | None
    notes: str | None
    sets: list[ParsedSet]
    content_hash: str
    source_key: str = ""

    @classmethod
    def create(
        cls,
        *,
        started_at: datetime,
        ended_at: datetime | None = None,
        title: str | None = None,
        notes: str | None = None,
        sets: Sequence[ParsedSet],
        source_key: str = "",
    ) -> ParsedWorkout:
        """A workout with times in UTC and its content hash computed."""
        started_utc = _utc(started_at)
        ended_utc = None if ended_at is None else _utc(ended_at)
        return cls(
            started_at=started_utc,
            ended_at=ended_utc,
            title=title,
            notes=notes,
            sets=list(sets),
            content_hash=workout_content_hash(
                started_at=started_utc, ended_at=ended_utc, title=title, notes=notes, sets=sets
            ),
            source_key=source_key,
        )


@dataclass(frozen=True, slots=True)
class ParseResult:
    """What a file holds: its layout, the workouts that parsed and every rejected row.

    `rows_total` counts the data rows read (not the header, not blank lines); `rows_skipped`
    the Strong rest-timer rows among them, which are not sets.
    """

    layout: Layout
    workouts: list[ParsedWorkout]
    errors: list[RowError]
    rows_skipped: int = 0
    rows_total: int = 0

    @property
    def exercise_names(self) -> list[str]:
        """Distinct exercise names in first-seen order (to map through the alias table)."""
        seen: dict[str, None] = {}
        for workout in self.workouts:
            for parsed_set in workout.sets:
                seen.setdefault(parsed_set.exercise_name, None)
        return list(seen)


def workout_content_hash(
    *,
    started_at: datetime,
    ended_at: datetime | None,
    title: str | None,
    notes: str | None,
    sets: Sequence[ParsedSet],
) -> str:
    """SHA-256 hex of the canonical JSON of a workout (no line numbers, floats to 1e-6)."""
    payload = {
        "v": CONTENT_HASH_VERSION,
        "started_at": _utc(started_at).isoformat(timespec="microseconds"),
        "ended_at": None if ended_at is None else _utc(ended_at).isoformat(timespec="microseconds"),
        "title": title,
        "notes": notes,
        "sets": [
            [
                s.exercise_name,
                s.exercise_slug,
                s.set_type,
                s.reps,
                _canonical_number(s.load_kg),
                _canonical_number(s.rpe),
                s.rir,
                _canonical_number(s.duration_s),
                _canonical_number(s.distance_m),
                s.notes,
            ]
            for s in sets
        ],
    }
    text = json.dumps(
        payload, ensure_ascii=False, allow_nan=False, separators=(",", ":"), sort_keys=True
    )
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def detect_layout(header: Sequence[str]) -> Layout:
    """The layout whose columns the header holds; `CsvFormatError` listing the known ones if
    none fits."""
    keys = _header_keys(header)
    for layout in ("backchain", "hevy", "strong", "fitnotes"):
        if _fits(layout, keys):
            return layout
    known = "; ".join(LAYOUT_DESCRIPTIONS[layout] for layout in _DESCRIBED_ORDER)
    raise CsvFormatError(
        f"the header matches no known export. Known layouts: {known}. The header read: "
        + ", ".join(cell.replace("\ufeff", "").strip() for cell in header)
        + ". (Strong files in another language: export again with the app set to English.)"
    )


def parse(
    data: bytes,
    *,
    format: ImportFormat = "auto",
    unit: WeightUnit = "kg",
    tz: tzinfo,
    now: datetime | None = None,
    max_rows: int = MAX_ROWS,
) -> ParseResult:
    """Parse an export: workouts from the good rows, one `RowError` per bad field of the rest.

    `unit` is the weight unit of layouts whose header names none; `tz` the zone of local times;
    `now` (default: the current time) bounds dates at 24 hours in the future, as the API does.
    Raises `CsvTooLarge` past `MAX_BYTES` bytes or `max_rows` data rows, `CsvEncodingError`
    for anything but UTF-8 and `CsvFormatError` for an empty file or an unknown header.
    """
    if format not in IMPORT_FORMATS:
        raise ValueError(f"format must be one of {IMPORT_FORMATS}, got {format!r}")
    if unit not in WEIGHT_UNITS:
        raise ValueError(f"unit must be one of {WEIGHT_UNITS}, got {unit!r}")
    if len(data) > MAX_BYTES:
        raise CsvTooLarge(
            f"the file is {len(data):,} bytes; at most {MAX_BYTES:,} bytes (10 MiB) are accepted"
        )
    text = _decode(data)
    if not text.strip():
        raise CsvFormatError("the file is empty")
    delimiter = _sniff_delimiter(text)
    records = _records(text, delimiter)
    first = next(records, None)
    if first is None or not any(cell.strip() for cell in first[1]):
        raise CsvFormatError("the first line of the file is blank: it must be the header")
    header = [cell.replace("\ufeff", "").strip() for cell in first[1]]
    keys = _header_keys(header)
    if format == "auto":
        layout = detect_layout(header)
    else:
        layout = format
        if not _fits(layout, keys):
            raise CsvFormatError(f"the header is not a {layout} export: " + ", ".join(header))
    _check_row_count(text, delimiter, max_rows)

    present = frozenset(keys)
    context = _Context(
        layout=layout,
        tz=tz,
        unit=unit,
        now=_utc(now) if now is not None else datetime.now(UTC),
        keys=present,
        weight_keys=tuple(key for key in _WEIGHT_COLUMNS[layout] if key in present),
        distance_keys=tuple(key for key in _DISTANCE_COLUMNS if key in present),
        decimal=partial(parse_decimal, decimal_comma=delimiter != ","),
    )
    for position, key in enumerate(keys):
        context.positions.setdefault(key, position)  # a repeated column name: the first counts
    names: dict[str, str] = {}
    for key, name in zip(keys, header, strict=True):
        names.setdefault(key, name)
    read_row = _READERS[layout]
    clean: Callable[[str], str]
    if layout == "backchain":
        clean = _clean_backchain_cell
    elif "\r" in text:
        clean = _clean_app_cell
    else:  # no line break to normalise: a C method, not a Python call per cell
        clean = str.strip
    width = len(keys)
    groups: dict[str, _Group] = {}
    errors: list[RowError] = []
    rows_total = rows_skipped = 0
    for line, cells in records:
        if not "".join(cells).strip():  # every cell blank
            continue
        rows_total += 1
        values = list(map(clean, cells))
        if len(values) < width:
            values += [""] * (width - len(values))
        values.append("")  # at position -1: the cell of a column the header lacks
        row = _Row(line, values, context.positions, names)
        if len(cells) > width and any(cell.strip() for cell in cells[width:]):
            row.fail(ROW_FIELD, f"has {len(cells)} cells but the header has {width}")
        read = read_row(row, context)
        if row.errors:
            errors.extend(row.errors)
            continue
        if row.skipped:
            rows_skipped += 1
            continue
        if read is None:
            continue
        group = groups.get(read.key)
        if group is None:
            group = groups[read.key] = _Group(source_key=read.key, started_at=read.started_at)
        if read.parsed_set is None:
            group.add_note(read)
        elif len(group.sets) >= MAX_SETS_PER_WORKOUT:
            message = f"a workout holds at most {MAX_SETS_PER_WORKOUT} sets"
            errors.append(RowError(line, WORKOUT_FIELD, message))
        else:
            group.add(read, read.parsed_set)
    workouts = [
        workout for group in groups.values() if (workout := group.build(errors)) is not None
    ]
    workouts.sort(key=lambda workout: workout.started_at)
    errors.sort(key=lambda error: error.line)
    return ParseResult(
        layout=layout,
        workouts=workouts,
        errors=errors,
        rows_skipped=rows_skipped,
        rows_total=rows_total,
    )


# --- decoding and records ---------------------------------------------------------------------

_UTF16_BOMS: Final = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)  # also the UTF-32 BOMs' start
_ZIP_MAGIC: Final = b"PK\x03\x04"


def _decode(data: bytes) -> str:
    """UTF-8 text, a leading byte order mark dropped; `CsvEncodingError` for anything else."""
    if data.startswith(_UTF16_BOMS):
        raise CsvEncodingError(
            "file is not UTF-8 encoded: it starts with a UTF-16 byte order mark"
            " (save it as CSV UTF-8)"
        )
    if data.startswith(_ZIP_MAGIC):
        raise CsvEncodingError(
            "file is not UTF-8 encoded text: it is a ZIP archive, such as an Excel workbook"
            " (save it as CSV UTF-8)"
        )
    offset = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    nul = data.find(b"\x00", offset)
    if nul >= 0:
        raise CsvEncodingError(
            f"file is not UTF-8 encoded text (NUL byte at offset {nul}, line {_line_at(data, nul)};"
            " a UTF-16 file must be saved as CSV UTF-8)"
        )
    try:
        return data[offset:].decode("utf-8")
    except UnicodeDecodeError as exc:
        position = offset + exc.start
        raise CsvEncodingError(
            f"file is not UTF-8 encoded (byte 0x{data[position]:02X} at offset {position},"
            f" line {_line_at(data, position)}); save it as CSV UTF-8"
        ) from None


def _line_at(data: bytes, position: int) -> int:
    return data.count(b"\n", 0, position) + 1


def _sniff_delimiter(text: str) -> str:
    """The most frequent of comma, semicolon and tab outside quotes on the header line."""
    counts = {",": 0, ";": 0, "\t": 0}
    quoted = False
    for char in text:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in "\r\n":
            break
        elif not quoted and char in counts:
            counts[char] += 1
    return max(counts, key=lambda candidate: (counts[candidate], candidate == ","))


def _records(text: str, delimiter: str) -> Iterator[tuple[int, list[str]]]:
    """(first physical line, cells) per record; a quoted cell may span several lines."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    last_line = 0
    try:
        for cells in reader:
            yield last_line + 1, cells
            last_line = reader.line_num
    except csv.Error as exc:
        raise CsvFormatError(f"line {last_line + 1}: {exc}") from exc


def check_row_count(data: bytes, max_rows: int = MAX_ROWS) -> None:
    """`CsvTooLarge` when `parse` would refuse the file for its number of data rows, found
    without validating any row (a file of few enough lines is not even split into cells);
    `CsvFormatError` when it cannot be read as text."""
    text = _decode(data)
    _check_row_count(text, _sniff_delimiter(text), max_rows)


def _check_row_count(text: str, delimiter: str, max_rows: int) -> None:
    """`CsvTooLarge` when the file has more than `max_rows` non-blank data rows (a cheap pass
    before any row is validated)."""
    # A record takes at least one line: a file of few enough lines needs no csv pass. Lines end
    # in "\r\n", "\n" or "\r"; counting them is C-speed.
    breaks = text.count("\n") + text.count("\r") - text.count("\r\n")
    lines = breaks if text.endswith(("\n", "\r")) else breaks + 1
    if lines - 1 <= max_rows:
        return
    rows = -1  # the header
    for _, cells in _records(text, delimiter):
        if any(cell.strip() for cell in cells):
            rows += 1
            if rows > max_rows:
                raise CsvTooLarge(f"the file has more than {max_rows:,} data rows")


def _header_keys(header: Sequence[str]) -> list[str]:
    keys = []
    for cell in header:
        key = " ".join(cell.replace("\ufeff", "").split()).lower()
        keys.append(_HEADER_ALIASES.get(key, key))
    return keys


# --- layouts ----------------------------------------------------------------------------------

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
_WEIGHT_COLUMNS: Final[dict[Layout, dict[str, WeightUnit | None]]] = {
    "backchain": {"load_kg": "kg", "load_lb": "lb"},
    "hevy": {"weight_kg": "kg", "weight_lbs": "lb"},
    # Strong's oldest export names the column after the unit: "lbs", "kgs".
    "strong": {**_WEIGHT_BY_NAME, "kgs": "kg", "kg": "kg", "lbs": "lb", "lb": "lb"},
    "fitnotes": dict(_WEIGHT_BY_NAME),
}
# Distance columns with the unit their name states (None: a "Distance Unit" column or default).
_DISTANCE_COLUMNS: Final[dict[str, str | None]] = {
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


def _fits(layout: Layout, keys: Sequence[str]) -> bool:
    present = set(keys)
    if not _REQUIRED[layout] <= present:
        return False
    if layout == "fitnotes" and "workout name" in present:
        return False
    return any(column in present for column in _WEIGHT_COLUMNS[layout])


@dataclass(frozen=True, slots=True)
class _Context:
    layout: Layout
    tz: tzinfo
    unit: WeightUnit
    now: datetime
    keys: frozenset[str]
    weight_keys: tuple[str, ...]
    distance_keys: tuple[str, ...]
    decimal: Callable[[str], Decimal | None]  # parse_decimal with this file's decimal mark
    # Each header key's column (its first, when repeated); a missing key reads position -1.
    positions: dict[str | None, int] = field(default_factory=dict)
    # Date cells by text, as (UTC instant, wall-clock key text): a workout's rows repeat them.
    moments: dict[str, tuple[datetime, str]] = field(default_factory=dict)
    present: dict[tuple[str, ...], str | None] = field(default_factory=dict)
    # Pure per-row work by the cells it reads (a file repeats workouts' and sets' cells): see
    # `_strong_head` and `_parsed_set`. Each is emptied when full, to bound its memory.
    heads: dict[tuple[str, ...], _Head] = field(default_factory=dict)
    set_columns: dict[tuple[str | None, ...], _Cells] = field(default_factory=dict)
    sets: dict[tuple[str, ...], tuple[object, ...]] = field(default_factory=dict)
    cells: dict[tuple[str | None, ...], _Cells] = field(default_factory=dict)

    def first_present(self, columns: tuple[str, ...]) -> str | None:
        """The first of `columns` the header has (looked up once per parse)."""
        try:
            return self.present[columns]
        except KeyError:
            found = next((column for column in columns if column in self.keys), None)
            self.present[columns] = found
            return found

    def cells_of(self, keys: tuple[str | None, ...]) -> _Cells:
        """A function of a row's values giving the cells of `keys` (at least two), in C."""
        try:
            return self.cells[keys]
        except KeyError:
            getter = itemgetter(*(self.positions.get(key, -1) for key in keys))
            self.cells[keys] = getter
            return getter


_Cells = Callable[[list[str]], tuple[str, ...]]


_MEMO_SIZE: Final = 4096
_K = TypeVar("_K")
_V = TypeVar("_V")


def _remember(memo: dict[_K, _V], key: _K, value: _V) -> None:
    if len(memo) >= _MEMO_SIZE:
        memo.clear()
    memo[key] = value


def _clean_app_cell(cell: str) -> str:
    value = cell.strip()
    if "\r" in value:
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    return value


def _clean_backchain_cell(cell: str) -> str:
    # Backchain's own export is lossless: only the formula guard is undone.
    return unguard_text(cell.strip()).strip()


class _Row:
    """One record's cleaned cells by header key, collecting an error per bad field."""

    __slots__ = ("_names", "_positions", "_values", "errors", "line", "skipped")

    def __init__(
        self, line: int, values: list[str], positions: dict[str | None, int], names: dict[str, str]
    ) -> None:
        self.line = line
        self._values = values  # the cleaned cells, at least as many as keys, then ""
        self._positions = positions
        self._names = names
        self.errors: list[RowError] = []
        self.skipped = False  # a rest-timer row

    def text(self, key: str | None) -> str:
        return self._values[self._positions.get(key, -1)]

    def texts(self, cells: _Cells) -> tuple[str, ...]:
        """The cells a `_Context.cells_of` getter picks."""
        return cells(self._values)

    def name(self, key: str) -> str:
        return self._names.get(key, key)

    def fail(self, key: str, message: str) -> None:
        self.errors.append(RowError(self.line, self.name(key), message))

    def number(self, key: str | None, context: _Context) -> Decimal | None:
        if key is None:
            return None
        try:
            return context.decimal(self.text(key))
        except ValueError as exc:
            self.fail(key, str(exc))
            return None


@dataclass(frozen=True, slots=True)
class _ExerciseNote:
    """A Strong "Note" row: a note on an exercise of the workout, not a set."""

    line: int
    field: str
    exercise_name: str
    text: str


@dataclass(slots=True)  # not frozen: one per row, and a frozen __init__ costs more
class _RowRead:
    key: str  # the workout's source key
    started_at: datetime
    ended_at: datetime | None
    title: str | None
    notes: str | None
    parsed_set: ParsedSet | None  # None for a note row
    is_exercise_note: bool = False  # notes repeat per exercise (Hevy), keep the first
    exercise_note: _ExerciseNote | None = None


@dataclass(slots=True)
class _Group:
    source_key: str
    started_at: datetime
    ended_at: datetime | None = None
    title: str | None = None
    notes: str | None = None
    sets: list[ParsedSet] = field(default_factory=list)
    exercise_notes: dict[str, str | None] = field(default_factory=dict)
    note_rows: list[_ExerciseNote] = field(default_factory=list)

    def add(self, read: _RowRead, parsed_set: ParsedSet) -> None:
        if not self.sets:
            self.title, self.ended_at = read.title, read.ended_at
        self.started_at = min(self.started_at, read.started_at)
        self.ended_at = self.ended_at or read.ended_at
        self.notes = self.notes or read.notes
        if read.is_exercise_note:
            name = parsed_set.exercise_name
            if name in self.exercise_notes and self.exercise_notes[name] == parsed_set.notes:
                parsed_set = replace(parsed_set, notes=None)
            else:
                self.exercise_notes[name] = parsed_set.notes
        self.sets.append(parsed_set)

    def add_note(self, read: _RowRead) -> None:
        self.started_at = min(self.started_at, read.started_at)
        self.notes = self.notes or read.notes
        if read.exercise_note is not None:
            self.note_rows.append(read.exercise_note)

    def build(self, errors: list[RowError]) -> ParsedWorkout | None:
        """The workout of the accepted sets (None if there are none); errors for note rows that
        would make notes too long are appended to `errors`."""
        if not self.sets:
            return None
        sets, notes = self.sets, self.notes
        if self.note_rows:
            sets, notes = self._with_note_rows(errors)
        ended_at = self.ended_at if self.ended_at and self.ended_at >= self.started_at else None
        return ParsedWorkout.create(
            started_at=self.started_at,
            ended_at=ended_at,
            title=self.title,
            notes=notes,
            sets=sets,
            source_key=self.source_key,
        )

    def _with_note_rows(self, errors: list[RowError]) -> tuple[list[ParsedSet], str | None]:
        sets = list(self.sets)
        notes = self.notes
        first_set: dict[str, int] = {}
        for position, parsed_set in enumerate(sets):
            first_set.setdefault(parsed_set.exercise_name, position)
        for note in self.note_rows:
            index = first_set.get(note.exercise_name)
            if index is None:
                merged = _join_notes(notes, f"{note.exercise_name}: {note.text}")
            else:
                merged = _join_notes(sets[index].notes, note.text)
            if len(merged) > MAX_NOTES_CHARS:
                errors.append(
                    RowError(
                        note.line,
                        note.field,
                        f"this note would make the notes of {note.exercise_name!r} longer"
                        f" than {MAX_NOTES_CHARS} characters",
                    )
                )
            elif index is None:
                notes = merged
            else:
                sets[index] = replace(sets[index], notes=merged)
        return sets, notes


def _join_notes(first: str | None, second: str) -> str:
    return second if not first else f"{first}\n{second}"


_RowReader = Callable[[_Row, _Context], _RowRead | None]

# "Pull Up (Assisted)", "Assisted Dip", "Band-Assisted Chin Up"; not "Unassisted ...".
_ASSISTED: Final = re.compile(r"\bassisted\b", re.IGNORECASE)

_STRONG_SET_ORDER: Final[dict[str, SetType]] = {"w": "warmup", "d": "dropset", "f": "failure"}
_STRONG_REST_ROWS: Final = frozenset({"rest timer", "ruhezeit"})
_STRONG_NOTE_ROWS: Final = frozenset({"note", "notiz"})
_STRONG_LENGTH_COLUMNS: Final = ("duration", "workout duration", "duration (sec)")
_STRONG_HEAD_COLUMNS: Final = ("date", "workout name", "workout notes", *_STRONG_LENGTH_COLUMNS)


def _read_strong(row: _Row, context: _Context) -> _RowRead | None:
    set_order = row.text("set order")
    marker = set_order.casefold()
    if marker in _STRONG_REST_ROWS:
        row.skipped = True
        return None
    head = _strong_head(row, context)
    if marker in _STRONG_NOTE_ROWS:
        return _strong_note(row, head)
    parsed_set = _parsed_set(
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
    return _RowRead(
        key=head.key,
        started_at=head.started_at,
        ended_at=head.ended_at,
        title=head.title,
        notes=head.notes,
        parsed_set=parsed_set,
    )


@dataclass(frozen=True, slots=True)
class _Head:
    """The workout cells of a Strong row, read (every row of a workout repeats them)."""

    key: str
    started_at: datetime
    ended_at: datetime | None
    title: str | None
    notes: str | None


def _strong_head(row: _Row, context: _Context) -> _Head | None:
    """The row's workout; None after an error. Cells read before without error are looked up,
    not read again: the result depends on nothing else (`now` and `tz` are fixed per parse)."""
    length_key = context.first_present(_STRONG_LENGTH_COLUMNS)
    cells = row.texts(context.cells_of(_STRONG_HEAD_COLUMNS))
    head = context.heads.get(cells)
    if head is not None:
        return head
    errors = len(row.errors)
    moment = _moment(row, "date", context)
    length = _workout_length(row, length_key)
    title = _title(row, "workout name")
    notes = _notes(row, "workout notes")
    if moment is None or len(row.errors) > errors:
        return None
    started_at, wall = moment
    head = _Head(
        key=_source_key("strong", wall, _collapse(cells[1])),
        started_at=started_at,
        ended_at=None if length is None else started_at + length,
        title=title,
        notes=notes,
    )
    _remember(context.heads, cells, head)
    return head


def _strong_note(row: _Row, head: _Head | None) -> _RowRead | None:
    exercise_name = _exercise_name(row, "exercise name")
    text = _notes(row, "notes")
    if row.errors or head is None or text is None:
        return None
    return _RowRead(
        key=head.key,
        started_at=head.started_at,
        ended_at=None,
        title=head.title,
        notes=head.notes,
        parsed_set=None,
        exercise_note=_ExerciseNote(row.line, row.name("notes"), exercise_name, text),
    )


def _strong_set_type(row: _Row, set_order: str) -> SetType:
    if not set_order:
        return "normal"
    marker = set_order[0].lower()
    if marker in _STRONG_SET_ORDER and (len(set_order) == 1 or set_order[1:].isdigit()):
        return _STRONG_SET_ORDER[marker]
    if set_order.isdigit():
        return "normal"
    row.fail("set order", f"{set_order!r} is not a set number, W, D, F or Rest Timer")
    return "normal"


def _read_hevy(row: _Row, context: _Context) -> _RowRead | None:
    set_type = _listed_set_type(row, "set_type")
    moment = _moment(row, "start_time", context)
    end = _moment(row, "end_time", context) if row.text("end_time") else None
    parsed_set = _parsed_set(
        row,
        context,
        exercise_key="exercise_title",
        set_type=set_type,
        duration_key="duration_seconds",
        duration_parser=None,  # plain seconds
        notes_key="exercise_notes",
        is_app_layout=True,
        superset_key="superset_id",
    )
    title = _title(row, "title")
    notes = _notes(row, "description")
    if moment is None or parsed_set is None:
        return None
    started_at, wall = moment
    return _RowRead(
        key=_source_key("hevy", _collapse(row.text("title")), wall),
        started_at=started_at,
        ended_at=None if end is None else end[0],
        title=title,
        notes=notes,
        parsed_set=parsed_set,
        is_exercise_note=True,
    )


def _read_fitnotes(row: _Row, context: _Context) -> _RowRead | None:
    started_at, day = _fitnotes_start(row, context)
    parsed_set = _parsed_set(
        row,
        context,
        exercise_key="exercise",
        set_type="normal",
        duration_key="time",
        duration_parser=parse_clock_seconds,
        notes_key=context.first_present(("comment", "notes", "note")),
        is_app_layout=True,
    )
    if started_at is None or parsed_set is None:
        return None
    return _RowRead(
        key=_source_key("fitnotes", day),
        started_at=started_at,
        ended_at=None,
        title=None,
        notes=None,
        parsed_set=parsed_set,
    )


def _fitnotes_start(row: _Row, context: _Context) -> tuple[datetime | None, str]:
    text = row.text("date")
    try:
        day = parse_iso_date(text)
    except ValueError as exc:
        row.fail("date", str(exc))
        return None, ""
    if day is None:
        moment = _moment(row, "date", context)
        if moment is None:
            return None, ""
        started_at = moment[0]
        return started_at, started_at.astimezone(context.tz).date().isoformat()
    started_at = local_to_utc(datetime.combine(day, FITNOTES_START_TIME), context.tz)
    if not _check_not_future(row, "date", started_at, context):
        return None, ""
    return started_at, day.isoformat()


def _read_backchain(row: _Row, context: _Context) -> _RowRead | None:
    set_type = _listed_set_type(row, "set_type")
    moment = _moment(row, "workout_started_at", context)
    parsed_set = _parsed_set(
        row,
        context,
        exercise_key="exercise",
        set_type=set_type,
        duration_key="duration_s",
        duration_parser=None,  # plain seconds
        notes_key="notes",
        is_app_layout=False,
    )
    title = _title(row, "workout_title")
    if moment is None or parsed_set is None:
        return None
    started_at, wall = moment
    workout_id = row.text("workout_id")
    return _RowRead(
        key=(
            _source_key("backchain", workout_id)
            if workout_id
            else _source_key("backchain", wall, title or "")
        ),
        started_at=started_at,
        ended_at=None,
        title=title,
        notes=None,
        parsed_set=parsed_set,
    )


_READERS: Final[dict[Layout, _RowReader]] = {
    "strong": _read_strong,
    "hevy": _read_hevy,
    "fitnotes": _read_fitnotes,
    "backchain": _read_backchain,
}


def _source_key(layout: Layout, *parts: str) -> str:
    return "|".join((layout, *parts))


@lru_cache(maxsize=4096)
def _collapse(text: str) -> str:
    return " ".join(text.split())


# --- fields -----------------------------------------------------------------------------------


def _parsed_set(
    row: _Row,
    context: _Context,
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
    exercise_name = _exercise_name(row, exercise_key)
    reps = _reps(row, "reps", context)
    load_kg = _load_kg(row, context, exercise_name, is_app_layout=is_app_layout)
    rpe = _rpe(row, context, zero_is_blank=is_app_layout)
    rir = _rir(row, context) if "rir" in context.keys else None
    parser = duration_parser or context.decimal
    duration_s = _seconds(row, duration_key, parser, zero_is_blank=is_app_layout)
    distance_m = _distance_m(row, context, zero_is_blank=is_app_layout)
    notes = _notes(row, notes_key)
    slug = (row.text("exercise_slug") or None) if "exercise_slug" in context.keys else None
    superset_id = (row.text(superset_key) or None) if superset_key else None
    if len(row.errors) == errors:
        fields = (exercise_name, set_type, reps, load_kg, rpe, rir, duration_s, distance_m)
        _remember(context.sets, cells, (*fields, notes, slug, superset_id))
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
    context: _Context,
    exercise_key: str,
    duration_key: str | None,
    notes_key: str | None,
    superset_key: str | None,
) -> tuple[str | None, ...]:
    """Every column `_parsed_set` reads."""
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


def _exercise_name(row: _Row, key: str) -> str:
    name = _collapse(row.text(key))
    if not name:
        row.fail(key, "an exercise name is required")
    elif len(name) > MAX_EXERCISE_NAME_CHARS:
        row.fail(key, f"must be at most {MAX_EXERCISE_NAME_CHARS} characters")
    return name


def _reps(row: _Row, key: str, context: _Context) -> int:
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


def _load_kg(row: _Row, context: _Context, exercise_name: str, *, is_app_layout: bool) -> float:
    key = next((key for key in context.weight_keys if row.text(key)), None)
    value = row.number(key, context)
    if key is None or value is None:
        return 0.0
    unit = _WEIGHT_COLUMNS[context.layout][key] or _row_weight_unit(row, context)
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


def _row_weight_unit(row: _Row, context: _Context) -> WeightUnit | None:
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


def _rpe(row: _Row, context: _Context, *, zero_is_blank: bool) -> float | None:
    value = row.number("rpe", context)
    if value is None or (zero_is_blank and value == 0):
        return None
    if not 1 <= value <= 10 or (value * 2) % 1 != 0:
        row.fail("rpe", f"must be between 1 and 10 in steps of 0.5, got {value}")
        return None
    return float(value)


def _rir(row: _Row, context: _Context) -> int | None:
    value = row.number("rir", context)
    if value is None:
        return None
    if value != value.to_integral_value() or not 0 <= value <= MAX_RIR:
        row.fail("rir", f"must be a whole number between 0 and {MAX_RIR}")
        return None
    return int(value)


def _seconds(
    row: _Row,
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


def _workout_length(row: _Row, key: str | None) -> timedelta | None:
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


def _distance_m(row: _Row, context: _Context, *, zero_is_blank: bool) -> float | None:
    key = next((key for key in context.distance_keys if row.text(key)), None)
    value = row.number(key, context)
    if key is None or value is None or (zero_is_blank and value == 0):
        return None
    unit = _DISTANCE_COLUMNS[key]
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


def _notes(row: _Row, key: str | None) -> str | None:
    text = row.text(key)
    if len(text) > MAX_NOTES_CHARS:
        row.fail(key or "notes", f"must be at most {MAX_NOTES_CHARS} characters")
        return None
    return text or None


def _title(row: _Row, key: str) -> str | None:
    text = row.text(key)
    if len(text) > MAX_TITLE_CHARS:
        row.fail(key, f"must be at most {MAX_TITLE_CHARS} characters")
        return None
    return text or None


def _listed_set_type(row: _Row, key: str) -> SetType:
    text = row.text(key).lower()
    if not text:
        return "normal"
    for set_type in SET_TYPES:
        if text == set_type:
            return set_type
    row.fail(key, f"{text!r} is not one of {', '.join(SET_TYPES)}")
    return "normal"


def _moment(row: _Row, key: str, context: _Context) -> tuple[datetime, str] | None:
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
    if not _check_not_future(row, key, moment[0], context):
        return None
    return moment


def _check_not_future(row: _Row, key: str, value: datetime, context: _Context) -> bool:
    if value - context.now > FUTURE_TOLERANCE:
        row.fail(key, "must not be more than 24 hours in the future")
        return False
    return True


# --- helpers ----------------------------------------------------------------------------------


def _utc(value: datetime) -> datetime:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError("datetimes must be timezone-aware")
    return value.astimezone(UTC)


def _canonical_number(value: float | None) -> float | None:
    # Rounding hides float noise below a microgram; "+ 0.0" folds -0.0 into 0.0.
    return None if value is None else round(value, 6) + 0.0
