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

Modules: `parser` (`parse`), `records` (bytes to records), `detect` (header to layout),
`results` (what `parse` returns and raises), `limits`, `rows` (a parse's context and a record's
cells), `fields` (the set and workout fields every layout shares), `groups` (rows to
workouts), and one reader per layout: `strong`, `hevy`, `fitnotes`, `backchain`.
"""

from api.csv_io.aliases import alias_key
from api.csv_io.importers.detect import LAYOUT_DESCRIPTIONS, detect_layout
from api.csv_io.importers.limits import MAX_BYTES, MAX_ROWS, MAX_SETS_PER_WORKOUT
from api.csv_io.importers.parser import parse
from api.csv_io.importers.records import check_row_count
from api.csv_io.importers.results import (
    IMPORT_FORMATS,
    LAYOUTS,
    SET_TYPES,
    CsvEncodingError,
    CsvFormatError,
    CsvTooLarge,
    ImportFormat,
    Layout,
    ParsedSet,
    ParsedWorkout,
    ParseResult,
    RowError,
    SetType,
    workout_content_hash,
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
