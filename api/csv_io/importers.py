"""Read workout CSV exports of Strong, Hevy, FitNotes and Backchain into plain dataclasses.

`parse` decodes the bytes (UTF-8 with or without BOM, UTF-16 with BOM, else cp1252), sniffs the
delimiter from the header line (comma, semicolon or tab), detects the layout from the header,
validates each row as the API validates a set and groups the good rows into workouts. A bad row
becomes one `RowError` per bad field and the rest of its workout still imports; a file that is
not a known layout at all raises `CsvFormatError`.

Decisions the apps' formats leave open:

- Units: a unit in the header wins ("Weight (lbs)", `weight_lbs`, `load_lb`), then a per-row
  "Weight Unit" column, then the caller's `unit`. Pounds become kg at 0.45359237 kg/lb, rounded
  to the gram. A "Distance" column without a unit is km for `unit="kg"` and miles for "lb".
- Decimal commas ("102,5") are read only in files not delimited by commas.
- Assisted lifts: the apps log the machine's assistance as a positive weight, Backchain logs it
  as a negative load (bodyweight minus assistance). So in the Strong, Hevy and FitNotes layouts a
  positive weight on an exercise whose name contains the word "assisted" (any case; not
  "unassisted") is stored negated. Backchain's own export already holds signed loads and is
  read as is.
- Zero is "not logged" in the apps' layouts: a duration, distance or RPE of 0 becomes None
  (Strong writes `Seconds` 0 on every weight set). Blank reps are 0 (cardio rows), blank
  weight is 0 kg.
- Workouts: Strong rows group by Date + Workout Name, Hevy by title + start_time, Backchain by
  workout_id, FitNotes by calendar date. FitNotes has no times, so its workout starts at 12:00
  local time on that date (noon never falls in a DST gap and keeps the date in every UTC offset
  within ±11 h); a Date cell that does carry a time is used as is, earliest time first.
  Local times are wall-clock times in `tz` (first occurrence when clocks go back).
- Strong "Rest Timer" set rows are skipped silently: they are not sets.
- Strong's Duration ("1h 5m") or Hevy's end_time give `ended_at`; one before the start is
  dropped (None) rather than rejecting the rows.
- Hevy repeats an exercise's notes on every set row: they are kept on the first set of each run
  of equal notes for that exercise in the workout.
- Backchain's export: the formula guard's apostrophe is removed from text cells, and
  `exercise_slug` is carried so the caller can resolve the exercise without aliases. Its
  position, chain, e1rm_kg and created_by columns are derived data and are ignored.
- Workout-level cells (date, title, workout notes) are validated on every row that carries
  them, so a bad one rejects those rows. Rows past a workout's 200th set are rejected.
- Workouts are returned in start order, sets in file order; a workout whose every row was
  rejected is absent.

`content_hash` is the SHA-256 of a canonical JSON form of the workout's data (UTC start, end,
title, notes and each set's values in order; no line numbers, no layout), so the same workout
hashes the same in every parse of the file and in a later, longer export of the same history.
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
from functools import partial
from typing import Final, Literal, get_args

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
    parse_timestamp,
    parse_words_seconds,
)

__all__ = [
    "IMPORT_FORMATS",
    "LAYOUTS",
    "MAX_SETS_PER_WORKOUT",
    "SET_TYPES",
    "CsvFormatError",
    "ImportFormat",
    "Layout",
    "ParseResult",
    "ParsedSet",
    "ParsedWorkout",
    "RowError",
    "SetType",
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
FUTURE_TOLERANCE: Final = timedelta(hours=24)
FITNOTES_START_TIME: Final = time(12, 0)
CONTENT_HASH_VERSION: Final = 1

# Field names for errors that belong to no single column.
ROW_FIELD: Final = "row"
WORKOUT_FIELD: Final = "workout"


class CsvFormatError(ValueError):
    """The file as a whole cannot be read: empty, or a header of no known (or requested) layout."""


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


@dataclass(frozen=True, slots=True)
class ParsedWorkout:
    """One workout; build it with `ParsedWorkout.create` so `content_hash` matches the data."""

    started_at: datetime  # aware, UTC
    ended_at: datetime | None
    title: str | None
    notes: str | None
    sets: list[ParsedSet]
    content_hash: str

    @classmethod
    def create(
        cls,
        *,
        started_at: datetime,
        ended_at: datetime | None = None,
        title: str | None = None,
        notes: str | None = None,
        sets: Sequence[ParsedSet],
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
        )


@dataclass(frozen=True, slots=True)
class ParseResult:
    """What a file holds: its layout, the workouts that parsed and every rejected row."""

    layout: Layout
    workouts: list[ParsedWorkout]
    errors: list[RowError]

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
    """The layout whose columns the header holds; `CsvFormatError` if none fits."""
    keys = _header_keys(header)
    for layout in ("backchain", "hevy", "strong", "fitnotes"):
        if _fits(layout, keys):
            return layout
    raise CsvFormatError(
        "the header matches no known export (Strong, Hevy, FitNotes or Backchain sets): "
        + ", ".join(cell.strip() for cell in header)
    )


def parse(
    data: bytes,
    *,
    format: ImportFormat = "auto",
    unit: WeightUnit = "kg",
    tz: tzinfo,
    now: datetime | None = None,
) -> ParseResult:
    """Parse an export: workouts from the good rows, one `RowError` per bad field of the rest.

    `unit` is the weight unit of layouts whose header names none; `tz` the zone of local times;
    `now` (default: the current time) bounds dates at 24 hours in the future, as the API does.
    """
    if format not in IMPORT_FORMATS:
        raise ValueError(f"format must be one of {IMPORT_FORMATS}, got {format!r}")
    if unit not in WEIGHT_UNITS:
        raise ValueError(f"unit must be one of {WEIGHT_UNITS}, got {unit!r}")
    text = _decode(data)
    delimiter = _sniff_delimiter(text)
    records = _records(text, delimiter)
    first = next(records, None)
    if first is None or not any(cell.strip() for cell in first[1]):
        raise CsvFormatError("the file is empty or its first line is not a header")
    header = [cell.replace("\ufeff", "").strip() for cell in first[1]]
    if format == "auto":
        layout = detect_layout(header)
    else:
        layout = format
        if not _fits(layout, _header_keys(header)):
            raise CsvFormatError(f"the header is not a {layout} export: " + ", ".join(header))

    keys = _header_keys(header)
    context = _Context(
        layout=layout,
        tz=tz,
        unit=unit,
        now=_utc(now) if now is not None else datetime.now(UTC),
        decimal_comma=delimiter != ",",
        keys=frozenset(keys),
    )
    names = dict(zip(keys, header, strict=True))
    read_row = _READERS[layout]
    groups: dict[tuple[str, ...], _Group] = {}
    errors: list[RowError] = []
    for line, cells in records:
        if not any(cell.strip() for cell in cells):
            continue
        row = _Row(line, keys, names, cells, unguard=layout == "backchain")
        if len(cells) > len(keys) and any(cell.strip() for cell in cells[len(keys) :]):
            row.fail(ROW_FIELD, f"has {len(cells)} cells but the header has {len(keys)}")
        read = read_row(row, context)
        if row.errors:
            errors.extend(row.errors)
            continue
        if read is None:
            continue
        group = groups.setdefault(read.key, _Group(first_line=line, started_at=read.started_at))
        if len(group.sets) >= MAX_SETS_PER_WORKOUT:
            message = f"a workout holds at most {MAX_SETS_PER_WORKOUT} sets"
            errors.append(RowError(line, WORKOUT_FIELD, message))
            continue
        group.add(read)
    workouts = [group.build() for group in groups.values()]
    workouts.sort(key=lambda workout: workout.started_at)
    return ParseResult(layout=layout, workouts=workouts, errors=errors)


# --- decoding and records ---------------------------------------------------------------------


def _decode(data: bytes) -> str:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        # Excel on Windows saves "CSV" in the ANSI code page; cp1252 leaves 5 bytes undefined.
        return data.decode("cp1252", errors="replace")


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


def _header_keys(header: Sequence[str]) -> list[str]:
    return [" ".join(cell.replace("\ufeff", "").split()).lower() for cell in header]


# --- layouts ----------------------------------------------------------------------------------

_REQUIRED: Final[dict[Layout, frozenset[str]]] = {
    "backchain": frozenset({"workout_id", "workout_started_at", "exercise", "set_type", "reps"}),
    "hevy": frozenset({"title", "start_time", "exercise_title", "set_type", "reps"}),
    "strong": frozenset({"date", "workout name", "exercise name", "set order", "reps"}),
    "fitnotes": frozenset({"date", "exercise", "reps"}),
}
# Weight columns per layout, each with the unit its name states (None: caller's or per row).
_WEIGHT_COLUMNS: Final[dict[Layout, dict[str, WeightUnit | None]]] = {
    "backchain": {"load_kg": "kg", "load_lb": "lb"},
    "hevy": {"weight_kg": "kg", "weight_lbs": "lb"},
    "strong": {
        "weight (kg)": "kg",
        "weight (kgs)": "kg",
        "weight (lbs)": "lb",
        "weight (lb)": "lb",
        "weight": None,
    },
    "fitnotes": {
        "weight (kg)": "kg",
        "weight (kgs)": "kg",
        "weight (lbs)": "lb",
        "weight (lb)": "lb",
        "weight": None,
    },
}
# Distance columns with the unit their name states (None: a "Distance Unit" column or default).
_DISTANCE_COLUMNS: Final[dict[str, str | None]] = {
    "distance_m": "m",
    "distance_km": "km",
    "distance_miles": "mi",
    "distance (meters)": "m",
    "distance (m)": "m",
    "distance (km)": "km",
    "distance (miles)": "mi",
    "distance (mi)": "mi",
    "distance": None,
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
    decimal_comma: bool
    keys: frozenset[str]

    def first_present(self, columns: Sequence[str]) -> str | None:
        return next((column for column in columns if column in self.keys), None)


class _Row:
    """One record's cells by header key, collecting an error per bad field."""

    __slots__ = ("_names", "_values", "errors", "line", "unguard")

    def __init__(
        self,
        line: int,
        keys: Sequence[str],
        names: dict[str, str],
        cells: Sequence[str],
        *,
        unguard: bool,
    ) -> None:
        self.line = line
        self._names = names
        self._values: dict[str, str] = {}
        for key, cell in zip(keys, cells, strict=False):
            self._values.setdefault(key, cell)
        self.unguard = unguard
        self.errors: list[RowError] = []

    def text(self, key: str | None) -> str:
        if key is None:
            return ""
        value = self._values.get(key, "").strip()
        return unguard_text(value).strip() if self.unguard else value

    def fail(self, key: str, message: str) -> None:
        self.errors.append(RowError(self.line, self._names.get(key, key), message))

    def number(self, key: str | None, context: _Context) -> Decimal | None:
        if key is None:
            return None
        try:
            return parse_decimal(self.text(key), decimal_comma=context.decimal_comma)
        except ValueError as exc:
            self.fail(key, str(exc))
            return None


@dataclass(frozen=True, slots=True)
class _RowRead:
    key: tuple[str, ...]
    started_at: datetime
    ended_at: datetime | None
    title: str | None
    notes: str | None
    parsed_set: ParsedSet
    is_exercise_note: bool = False  # notes repeat per exercise (Hevy), keep the first


@dataclass(slots=True)
class _Group:
    first_line: int
    started_at: datetime
    ended_at: datetime | None = None
    title: str | None = None
    notes: str | None = None
    sets: list[ParsedSet] = field(default_factory=list)
    exercise_notes: dict[str, str | None] = field(default_factory=dict)

    def add(self, read: _RowRead) -> None:
        if not self.sets:
            self.title, self.ended_at = read.title, read.ended_at
        self.started_at = min(self.started_at, read.started_at)
        self.ended_at = self.ended_at or read.ended_at
        self.notes = self.notes or read.notes
        parsed_set = read.parsed_set
        if read.is_exercise_note:
            name = parsed_set.exercise_name
            if name in self.exercise_notes and self.exercise_notes[name] == parsed_set.notes:
                parsed_set = replace(parsed_set, notes=None)
            else:
                self.exercise_notes[name] = parsed_set.notes
        self.sets.append(parsed_set)

    def build(self) -> ParsedWorkout:
        ended_at = self.ended_at if self.ended_at and self.ended_at >= self.started_at else None
        return ParsedWorkout.create(
            started_at=self.started_at,
            ended_at=ended_at,
            title=self.title,
            notes=self.notes,
            sets=self.sets,
        )


_RowReader = Callable[[_Row, _Context], _RowRead | None]

# "Pull Up (Assisted)", "Assisted Dip", "Band-Assisted Chin Up"; not "Unassisted ...".
_ASSISTED: Final = re.compile(r"\bassisted\b", re.IGNORECASE)

_STRONG_SET_ORDER: Final[dict[str, SetType]] = {"w": "warmup", "d": "dropset", "f": "failure"}
_STRONG_SKIPPED_SET_ORDERS: Final = frozenset({"rest timer"})


def _read_strong(row: _Row, context: _Context) -> _RowRead | None:
    set_order = row.text("set order")
    if set_order.lower() in _STRONG_SKIPPED_SET_ORDERS:
        return None
    set_type = _strong_set_type(row, set_order)
    started_at = _instant(row, "date", context)
    length_key = context.first_present(("duration", "workout duration", "duration (sec)"))
    length_s = _seconds(row, length_key, parse_words_seconds, zero_is_blank=True)
    parsed_set = _parsed_set(
        row,
        context,
        exercise_key="exercise name",
        set_type=set_type,
        duration_key="seconds",
        duration_parser=None,  # plain seconds
        notes_key="notes",
        is_app_layout=True,
    )
    title = _title(row, "workout name")
    notes = _notes(row, "workout notes")
    if started_at is None or parsed_set is None:
        return None
    ended_at = None if length_s is None else started_at + timedelta(seconds=length_s)
    return _RowRead(
        key=(row.text("date"), row.text("workout name")),
        started_at=started_at,
        ended_at=ended_at,
        title=title,
        notes=notes,
        parsed_set=parsed_set,
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
    started_at = _instant(row, "start_time", context)
    ended_at = _instant(row, "end_time", context) if row.text("end_time") else None
    parsed_set = _parsed_set(
        row,
        context,
        exercise_key="exercise_title",
        set_type=set_type,
        duration_key="duration_seconds",
        duration_parser=None,  # plain seconds
        notes_key="exercise_notes",
        is_app_layout=True,
    )
    title = _title(row, "title")
    notes = _notes(row, "description")
    if started_at is None or parsed_set is None:
        return None
    return _RowRead(
        key=(row.text("title"), row.text("start_time")),
        started_at=started_at,
        ended_at=ended_at,
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
        key=(day,),
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
        started_at = _instant(row, "date", context)
        if started_at is None:
            return None, ""
        return started_at, started_at.astimezone(context.tz).date().isoformat()
    started_at = local_to_utc(datetime.combine(day, FITNOTES_START_TIME), context.tz)
    if not _check_not_future(row, "date", started_at, context):
        return None, ""
    return started_at, day.isoformat()


def _read_backchain(row: _Row, context: _Context) -> _RowRead | None:
    set_type = _listed_set_type(row, "set_type")
    started_at = _instant(row, "workout_started_at", context)
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
    if started_at is None or parsed_set is None:
        return None
    workout_id = row.text("workout_id")
    started_text = row.text("workout_started_at")
    key = ("id", workout_id) if workout_id else ("start", started_text, title or "")
    return _RowRead(
        key=key,
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
) -> ParsedSet | None:
    """The set fields every layout shares; None once any field of the row failed."""
    exercise_name = _exercise_name(row, exercise_key)
    reps = _reps(row, "reps")
    load_kg = _load_kg(row, context, exercise_name, is_app_layout=is_app_layout)
    rpe = _rpe(row, context, zero_is_blank=is_app_layout)
    rir = _rir(row, context) if "rir" in context.keys else None
    parser = duration_parser or partial(parse_decimal, decimal_comma=context.decimal_comma)
    duration_s = _seconds(row, duration_key, parser, zero_is_blank=is_app_layout)
    distance_m = _distance_m(row, context, zero_is_blank=is_app_layout)
    notes = _notes(row, notes_key)
    slug = (row.text("exercise_slug") or None) if "exercise_slug" in context.keys else None
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
    )


def _exercise_name(row: _Row, key: str) -> str:
    name = " ".join(row.text(key).split())
    if not name:
        row.fail(key, "an exercise name is required")
    elif len(name) > MAX_EXERCISE_NAME_CHARS:
        row.fail(key, f"must be at most {MAX_EXERCISE_NAME_CHARS} characters")
    return name


def _reps(row: _Row, key: str) -> int:
    text = row.text(key)
    try:
        value = parse_decimal(text, decimal_comma=False)
    except ValueError:
        row.fail(key, f"{text!r} is not a whole number of reps")
        return 0
    if value is None:
        return 0
    if value != value.to_integral_value():
        row.fail(key, f"{text!r} is not a whole number of reps")
        return 0
    if not 0 <= value <= MAX_REPS:
        row.fail(key, f"must be between 0 and {MAX_REPS}, got {value}")
        return 0
    return int(value)


def _load_kg(row: _Row, context: _Context, exercise_name: str, *, is_app_layout: bool) -> float:
    columns = _WEIGHT_COLUMNS[context.layout]
    key = context.first_present(tuple(columns))
    value = row.number(key, context)
    if key is None or value is None:
        return 0.0
    unit = columns[key] or _row_weight_unit(row, context)
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
    text = row.text(key).lower()
    if not text:
        return context.unit
    if text in ("kg", "kgs"):
        return "kg"
    if text in ("lb", "lbs"):
        return "lb"
    row.fail(key or "weight unit", f"{text!r} is not kg or lbs")
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


def _distance_m(row: _Row, context: _Context, *, zero_is_blank: bool) -> float | None:
    key = context.first_present(tuple(_DISTANCE_COLUMNS))
    value = row.number(key, context)
    if key is None or value is None or (zero_is_blank and value == 0):
        return None
    unit = _DISTANCE_COLUMNS[key]
    if unit is None:
        unit_key = context.first_present(("distance unit",))
        unit = row.text(unit_key).lower() or ("km" if context.unit == "kg" else "mi")
        if unit not in METRES_PER_DISTANCE_UNIT:
            row.fail(unit_key or "distance unit", f"{unit!r} is not a distance unit")
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


def _instant(row: _Row, key: str, context: _Context) -> datetime | None:
    try:
        value = parse_timestamp(row.text(key), context.tz)
    except ValueError as exc:
        row.fail(key, str(exc))
        return None
    return value if _check_not_future(row, key, value, context) else None


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
