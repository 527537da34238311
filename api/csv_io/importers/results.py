"""What `parse` returns or raises: the layouts, the parsed workouts and sets, row errors and
the file errors, and the content hash that identifies a workout across imports."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Final, Literal, get_args

from api.csv_io.importers.limits import CONTENT_HASH_VERSION

Layout = Literal["strong", "hevy", "fitnotes", "backchain"]
ImportFormat = Literal["auto", "strong", "hevy", "fitnotes", "backchain"]
SetType = Literal["normal", "warmup", "dropset", "failure"]

LAYOUTS: Final[tuple[Layout, ...]] = get_args(Layout)
IMPORT_FORMATS: Final[tuple[ImportFormat, ...]] = get_args(ImportFormat)
SET_TYPES: Final[tuple[SetType, ...]] = get_args(SetType)


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
        started_utc = to_utc(started_at)
        ended_utc = None if ended_at is None else to_utc(ended_at)
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
        "started_at": to_utc(started_at).isoformat(timespec="microseconds"),
        "ended_at": (
            None if ended_at is None else to_utc(ended_at).isoformat(timespec="microseconds")
        ),
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


def to_utc(value: datetime) -> datetime:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError("datetimes must be timezone-aware")
    return value.astimezone(UTC)


def _canonical_number(value: float | None) -> float | None:
    # Rounding hides float noise below a microgram; "+ 0.0" folds -0.0 into 0.0.
    return None if value is None else round(value, 6) + 0.0
