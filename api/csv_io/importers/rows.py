"""One parse's context and one record's cells: `Context` (the options, the header's columns
and the memos of per-row work), `Row` (cells by header key, an error per bad field) and
`RowRead`, what a layout's reader makes of a row."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from decimal import Decimal
from operator import itemgetter
from typing import TYPE_CHECKING, Final, TypeVar

from api.csv_io.formula_guard import unguard_text
from api.csv_io.importers.results import Layout, ParsedSet, RowError
from api.csv_io.units import WeightUnit

if TYPE_CHECKING:
    from api.csv_io.importers.strong import StrongHead


@dataclass(frozen=True, slots=True)
class Context:
    """One parse's options and header, and the memos its rows share."""

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
    # `strong._strong_head` and `fields.read_set`. Each is emptied when full, to bound its memory.
    heads: dict[tuple[str, ...], StrongHead] = field(default_factory=dict)
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


def remember(memo: dict[_K, _V], key: _K, value: _V) -> None:
    if len(memo) >= _MEMO_SIZE:
        memo.clear()
    memo[key] = value


def clean_app_cell(cell: str) -> str:
    value = cell.strip()
    if "\r" in value:
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    return value


def clean_backchain_cell(cell: str) -> str:
    # Backchain's own export is lossless: only the formula guard is undone.
    return unguard_text(cell.strip()).strip()


class Row:
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
        """The cells a `Context.cells_of` getter picks."""
        return cells(self._values)

    def name(self, key: str) -> str:
        return self._names.get(key, key)

    def fail(self, key: str, message: str) -> None:
        self.errors.append(RowError(self.line, self.name(key), message))

    def number(self, key: str | None, context: Context) -> Decimal | None:
        if key is None:
            return None
        try:
            return context.decimal(self.text(key))
        except ValueError as exc:
            self.fail(key, str(exc))
            return None


@dataclass(frozen=True, slots=True)
class ExerciseNote:
    """A Strong "Note" row: a note on an exercise of the workout, not a set."""

    line: int
    field: str
    exercise_name: str
    text: str


@dataclass(slots=True)  # not frozen: one per row, and a frozen __init__ costs more
class RowRead:
    """What a layout's reader made of a row: its workout's cells and its set (or note)."""

    key: str  # the workout's source key
    started_at: datetime
    ended_at: datetime | None
    title: str | None
    notes: str | None
    parsed_set: ParsedSet | None  # None for a note row
    is_exercise_note: bool = False  # notes repeat per exercise (Hevy), keep the first
    exercise_note: ExerciseNote | None = None


RowReader = Callable[[Row, Context], RowRead | None]
