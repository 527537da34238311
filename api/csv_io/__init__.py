"""Pure CSV import and export of workouts (stdlib only: no web, database or other api modules).

`importers.parse` reads Strong, Hevy, FitNotes and Backchain exports into dataclasses;
`exporters.CsvStreamWriter` writes the `sets` dataset with the formula-injection guard.
"""

from api.csv_io.exporters import (
    SETS_COLUMNS,
    CsvStreamWriter,
    convert_load_for_unit,
    safe_cell,
    sets_columns,
    sets_row_for_unit,
)
from api.csv_io.importers import (
    CsvFormatError,
    Layout,
    ParsedSet,
    ParsedWorkout,
    ParseResult,
    RowError,
    detect_layout,
    parse,
    workout_content_hash,
)

__all__ = [
    "SETS_COLUMNS",
    "CsvFormatError",
    "CsvStreamWriter",
    "Layout",
    "ParseResult",
    "ParsedSet",
    "ParsedWorkout",
    "RowError",
    "convert_load_for_unit",
    "detect_layout",
    "parse",
    "safe_cell",
    "sets_columns",
    "sets_row_for_unit",
    "workout_content_hash",
]
