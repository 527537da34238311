"""`parse`: a file's bytes, read record by record with its layout's reader, grouped into
workouts."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, tzinfo
from functools import partial
from typing import Final

from api.csv_io.importers.backchain import read_backchain
from api.csv_io.importers.detect import (
    DISTANCE_COLUMNS,
    WEIGHT_COLUMNS,
    clean_header,
    detect_layout,
    fits_layout,
    header_keys,
)
from api.csv_io.importers.fitnotes import read_fitnotes
from api.csv_io.importers.groups import Group
from api.csv_io.importers.hevy import read_hevy
from api.csv_io.importers.limits import (
    MAX_BYTES,
    MAX_ROWS,
    MAX_SETS_PER_WORKOUT,
    ROW_FIELD,
    WORKOUT_FIELD,
)
from api.csv_io.importers.records import (
    check_text_row_count,
    decode_text,
    read_records,
    sniff_delimiter,
)
from api.csv_io.importers.results import (
    IMPORT_FORMATS,
    CsvFormatError,
    CsvTooLarge,
    ImportFormat,
    Layout,
    ParseResult,
    RowError,
    to_utc,
)
from api.csv_io.importers.rows import (
    Context,
    Row,
    RowReader,
    clean_app_cell,
    clean_backchain_cell,
)
from api.csv_io.importers.strong import read_strong
from api.csv_io.units import WEIGHT_UNITS, WeightUnit
from api.csv_io.values import parse_decimal

_READERS: Final[dict[Layout, RowReader]] = {
    "strong": read_strong,
    "hevy": read_hevy,
    "fitnotes": read_fitnotes,
    "backchain": read_backchain,
}


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
    text = decode_text(data)
    if not text.strip():
        raise CsvFormatError("the file is empty")
    delimiter = sniff_delimiter(text)
    records = read_records(text, delimiter)
    first = next(records, None)
    if first is None or not any(cell.strip() for cell in first[1]):
        raise CsvFormatError("the first line of the file is blank: it must be the header")
    header = clean_header(first[1])
    keys = header_keys(header)
    if format == "auto":
        layout = detect_layout(header)
    else:
        layout = format
        if not fits_layout(layout, keys):
            raise CsvFormatError(f"the header is not a {layout} export: " + ", ".join(header))
    check_text_row_count(text, delimiter, max_rows)

    present = frozenset(keys)
    context = Context(
        layout=layout,
        tz=tz,
        unit=unit,
        now=to_utc(now) if now is not None else datetime.now(UTC),
        keys=present,
        weight_keys=tuple(key for key in WEIGHT_COLUMNS[layout] if key in present),
        distance_keys=tuple(key for key in DISTANCE_COLUMNS if key in present),
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
        clean = clean_backchain_cell
    elif "\r" in text:
        clean = clean_app_cell
    else:  # no line break to normalise: a C method, not a Python call per cell
        clean = str.strip
    width = len(keys)
    groups: dict[str, Group] = {}
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
        row = Row(line, values, context.positions, names)
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
            group = groups[read.key] = Group(source_key=read.key, started_at=read.started_at)
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
