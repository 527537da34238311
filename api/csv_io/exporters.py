"""Write CSV exports safely: the formula-injection guard and a constant-memory row streamer.

The `sets` dataset is one row per logged set (`SETS_COLUMNS`). With `unit="lb"` the load column
is renamed `load_lb` and converted at exactly 0.45359237 kg per lb (the exports service names
and converts `e1rm_kg` likewise: docs/EXPORTS.md). Numbers are written with a decimal point
whatever the delimiter, so the file reads the same in every locale (Backchain's importer also
accepts decimal commas).
"""

from __future__ import annotations

import csv
import io
import math
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime, time
from decimal import Decimal
from enum import Enum
from typing import TYPE_CHECKING, Any, Final, Literal

from api.csv_io.formula_guard import guard_text
from api.csv_io.units import WEIGHT_UNITS, WeightUnit, kg_to_lb

if TYPE_CHECKING:
    from _csv import _writer

Cell = str | int | float
DelimiterName = Literal["comma", "semicolon"]

SETS_COLUMNS: Final[tuple[str, ...]] = (
    "workout_id",
    "workout_started_at",
    "workout_title",
    "position",
    "exercise",
    "exercise_slug",
    "chain",
    "set_type",
    "reps",
    "load_kg",
    "rpe",
    "rir",
    "duration_s",
    "distance_m",
    "e1rm_kg",
    "notes",
    "created_by",
)
LOAD_COLUMN_BY_UNIT: Final[dict[WeightUnit, str]] = {"kg": "load_kg", "lb": "load_lb"}
DELIMITERS: Final[dict[DelimiterName, str]] = {"comma": ",", "semicolon": ";"}
_DELIMITER_CHARS: Final[dict[str, str]] = {"comma": ",", "semicolon": ";", ",": ",", ";": ";"}
UTF8_BOM: Final[str] = "\ufeff"
LINE_TERMINATOR: Final[str] = "\r\n"  # RFC 4180
ROWS_PER_CHUNK: Final[int] = 100


def sets_columns(unit: WeightUnit = "kg") -> tuple[str, ...]:
    """The `sets` export columns for a weight unit (`load_kg` becomes `load_lb` for lb)."""
    _check_unit(unit)
    load_column = LOAD_COLUMN_BY_UNIT[unit]
    return tuple(load_column if column == "load_kg" else column for column in SETS_COLUMNS)


def convert_load_for_unit(load_kg: float, unit: WeightUnit) -> float:
    """A load in the export unit: kg unchanged, lb = kg / 0.45359237 to a thousandth of a lb."""
    _check_unit(unit)
    if unit == "kg":
        return load_kg
    return float(kg_to_lb(Decimal(repr(load_kg))))


def sets_row_for_unit(row: Mapping[str, object], unit: WeightUnit) -> dict[str, object]:
    """A `sets` row keyed by `SETS_COLUMNS` (load in kg), re-keyed and converted for `unit`."""
    _check_unit(unit)
    converted = dict(row)
    if unit == "kg":
        return converted
    load = converted.pop("load_kg", None)
    if isinstance(load, int | float | Decimal) and not isinstance(load, bool):
        load = convert_load_for_unit(float(load), unit)
    elif load is not None:
        raise ValueError(f"load_kg must be a number or None, got {load!r}")
    converted[LOAD_COLUMN_BY_UNIT[unit]] = load
    return converted


def safe_cell(value: object) -> Cell:
    """One cell as a spreadsheet should see it.

    Numbers (int, float, Decimal) stay numbers, including negative assisted loads; None and
    non-finite floats become empty; dates become ISO 8601; any other value is text, and text a
    spreadsheet would run as a formula (leading = + - @ tab CR) gets a leading apostrophe.
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Enum) and not isinstance(value, str):
        value = value.value
    if isinstance(value, int):
        return value
    if isinstance(value, float | Decimal):
        number = float(value)
        return number if math.isfinite(number) else ""
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    return guard_text(str(value))


def _format_float(value: float) -> str:
    # repr is the shortest text that reads back as the same float.
    return repr(value) if math.isfinite(value) else ""


def _format_none(_: None) -> str:
    return ""


def _format_isoformat(value: date | time) -> str:
    return value.isoformat()


# Exact types that need no decision from safe_cell (subclasses such as enums and bools do).
_FORMATTERS: Final[dict[type, Callable[[Any], str]]] = {
    str: guard_text,
    int: str,
    float: _format_float,
    type(None): _format_none,
    uuid.UUID: str,
    datetime: _format_isoformat,
    date: _format_isoformat,
}


def _format_other(value: object) -> str:
    cell = safe_cell(value)
    if isinstance(cell, float):
        return _format_float(cell)
    return str(cell)


def _format_cell(value: object) -> str:
    return _FORMATTERS.get(type(value), _format_other)(value)


def _check_unit(unit: str) -> None:
    if unit not in WEIGHT_UNITS:
        raise ValueError(f"unit must be one of {WEIGHT_UNITS}, got {unit!r}")


class CsvStreamWriter:
    """Writes rows of dicts as CSV text in chunks, so a response can stream any history size.

    Memory stays flat: rows are pulled from the iterable one at a time and a chunk of
    `rows_per_chunk` rows is yielded and dropped before the next one is built.
    """

    def __init__(
        self,
        columns: Sequence[str],
        delimiter: str = ",",
        bom: bool = False,
        *,
        rows_per_chunk: int = ROWS_PER_CHUNK,
    ) -> None:
        if delimiter not in _DELIMITER_CHARS:
            raise ValueError(
                f"delimiter must be ',' or ';' (or comma/semicolon), got {delimiter!r}"
            )
        if not columns or len(set(columns)) != len(columns):
            raise ValueError("columns must be a non-empty sequence of unique names")
        if rows_per_chunk < 1:
            raise ValueError("rows_per_chunk must be at least 1")
        self.columns: tuple[str, ...] = tuple(columns)
        self.delimiter: str = _DELIMITER_CHARS[delimiter]
        self.bom: bool = bom
        self.rows_per_chunk: int = rows_per_chunk
        self._known = frozenset(self.columns)

    def header(self) -> str:
        """The header line (after a UTF-8 byte order mark when `bom` is set)."""
        buffer = io.StringIO()
        self._writer(buffer).writerow([_format_cell(column) for column in self.columns])
        return (UTF8_BOM if self.bom else "") + buffer.getvalue()

    def rows(self, rows: Iterable[Mapping[str, object]]) -> Iterator[str]:
        """CSV text for `rows`, one chunk per `rows_per_chunk` rows; missing keys are empty."""
        buffer = io.StringIO()
        writerow = self._writer(buffer).writerow
        columns, known = self.columns, self._known
        formatter, other = _FORMATTERS.get, _format_other  # _format_cell, inlined: per cell
        pending = 0
        for row in rows:
            if not known.issuperset(row):
                unknown = sorted(row.keys() - known)
                raise ValueError(f"row has columns not in the export: {unknown}")
            get = row.get
            writerow([formatter(type(value := get(column)), other)(value) for column in columns])
            pending += 1
            if pending >= self.rows_per_chunk:
                yield buffer.getvalue()
                buffer.seek(0)
                buffer.truncate()
                pending = 0
        if pending:
            yield buffer.getvalue()

    def stream(self, rows: Iterable[Mapping[str, object]]) -> Iterator[bytes]:
        """The whole file as UTF-8 chunks, header first: hand it to a streaming response."""
        yield self.header().encode("utf-8")
        for chunk in self.rows(rows):
            yield chunk.encode("utf-8")

    def _writer(self, buffer: io.StringIO) -> _writer:
        return csv.writer(
            buffer,
            delimiter=self.delimiter,
            lineterminator=LINE_TERMINATOR,
            quoting=csv.QUOTE_MINIMAL,
        )
