"""Pure CSV import and export of workouts (stdlib only: no web, database or other api modules).

`importers.parse` reads Strong, Hevy, FitNotes and Backchain exports into dataclasses;
`aliases.alias_key` is the key that matches a file's exercise names to the catalogue's aliases;
`exporters.CsvStreamWriter` writes the `sets` dataset with the formula-injection guard.
"""

from api.csv_io.aliases import alias_key
from api.csv_io.exporters import (
    SETS_COLUMNS,
    CsvStreamWriter,
    convert_load_for_unit,
    safe_cell,
    sets_columns,
    sets_row_for_unit,
)
from api.csv_io.importers import (
    LAYOUT_DESCRIPTIONS,
    MAX_BYTES,
    MAX_ROWS,
    CsvEncodingError,
    CsvFormatError,
    CsvTooLarge,
    Layout,
    ParsedSet,
    ParsedWorkout,
    ParseResult,
    RowError,
    check_row_count,
    detect_layout,
    parse,
    workout_content_hash,
)

__all__ = [
    "LAYOUT_DESCRIPTIONS",
    "MAX_BYTES",
    "MAX_ROWS",
    "SETS_COLUMNS",
    "CsvEncodingError",
    "CsvFormatError",
    "CsvStreamWriter",
    "CsvTooLarge",
    "Layout",
    "ParseResult",
    "ParsedSet",
    "ParsedWorkout",
    "RowError",
    "alias_key",
    "check_row_count",
    "convert_load_for_unit",
    "detect_layout",
    "parse",
    "safe_cell",
    "sets_columns",
    "sets_row_for_unit",
    "workout_content_hash",
]
