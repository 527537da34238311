"""CSV export: the formula-injection guard and the streaming row writer (api.csv_io.exporters)."""

from __future__ import annotations

import csv
import gc
import io
import tracemalloc
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime, time
from decimal import Decimal
from enum import Enum, StrEnum

import pytest
from hypothesis import given
from hypothesis import strategies as st

from api.csv_io.exporters import (
    SETS_COLUMNS,
    CsvStreamWriter,
    convert_load_for_unit,
    safe_cell,
    sets_columns,
    sets_row_for_unit,
)
from api.csv_io.formula_guard import guard_text, unguard_text


class SetKind(StrEnum):
    warmup = "warmup"
    formula = "=1+1"


class Level(Enum):
    high = 3


def read_back(text: str, delimiter: str = ",") -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))


class TestSafeCell:
    @pytest.mark.parametrize(
        ("value", "expected"),
        [
            ("=SUM(A1:A9)", "'=SUM(A1:A9)"),
            ('=HYPERLINK("http://evil","x")', '\'=HYPERLINK("http://evil","x")'),
            ("+1+1", "'+1+1"),
            ("-2+3", "'-2+3"),
            ("-20", "'-20"),  # text that looks numeric is still text
            ("@SUM(1)", "'@SUM(1)"),
            ("\t=1", "'\t=1"),
            ("\r=1", "'\r=1"),
            ("'=1", "''=1"),  # one more apostrophe, so the importer can undo exactly one
            (SetKind.formula, "'=1+1"),
        ],
    )
    def test_formula_text_gets_a_leading_apostrophe(self, value: object, expected: str) -> None:
        assert safe_cell(value) == expected

    @pytest.mark.parametrize(
        "value",
        ["Deadlift", "", "1+1", "a=b", " =not a formula", "'quoted", "Ünïcode", "e-mail"],
    )
    def test_other_text_is_unchanged(self, value: str) -> None:
        assert safe_cell(value) == value

    @pytest.mark.parametrize(
        ("value", "expected"),
        [(-20.0, -20.0), (-5, -5), (0, 0), (102.5, 102.5), (-0.001, -0.001)],
    )
    def test_numbers_stay_numbers_even_when_negative(self, value: float, expected: float) -> None:
        cell = safe_cell(value)
        assert cell == expected
        assert type(cell) is type(expected)

    def test_other_types(self) -> None:
        assert safe_cell(None) == ""
        assert safe_cell(Decimal("-2.50")) == -2.5
        assert safe_cell(float("nan")) == ""
        assert safe_cell(float("-inf")) == ""
        assert safe_cell(True) == "true"
        assert safe_cell(False) == "false"
        assert safe_cell(SetKind.warmup) == "warmup"
        assert safe_cell(Level.high) == 3
        assert safe_cell(datetime(2023, 5, 1, 16, 30, tzinfo=UTC)) == "2023-05-01T16:30:00+00:00"
        assert safe_cell(date(2023, 5, 1)) == "2023-05-01"
        identifier = uuid.UUID("6f0c1a52-3c52-4a43-9a36-0f0e0d0c0b0a")
        assert safe_cell(identifier) == "6f0c1a52-3c52-4a43-9a36-0f0e0d0c0b0a"

    @given(st.text())
    def test_guard_is_undone_exactly_and_never_leaves_a_formula(self, text: str) -> None:
        guarded = guard_text(text)
        assert unguard_text(guarded) == text
        assert not guarded.startswith(("=", "+", "-", "@", "\t", "\r"))

    @given(st.floats(allow_nan=False, allow_infinity=False) | st.integers())
    def test_any_number_is_returned_untouched(self, number: float) -> None:
        assert safe_cell(number) == number


class TestUnits:
    def test_columns_rename_the_load_for_pounds_only(self) -> None:
        assert sets_columns("kg") == SETS_COLUMNS
        lb = sets_columns("lb")
        assert "load_lb" in lb
        assert "load_kg" not in lb
        assert lb.index("load_lb") == SETS_COLUMNS.index("load_kg")
        assert "e1rm_kg" in lb

    def test_convert_load(self) -> None:
        assert convert_load_for_unit(100.0, "kg") == 100.0
        assert convert_load_for_unit(100.0, "lb") == 220.462  # 100 / 0.45359237
        assert convert_load_for_unit(-20.0, "lb") == -44.092
        assert convert_load_for_unit(0.45359237, "lb") == 1.0
        with pytest.raises(ValueError, match="unit"):
            convert_load_for_unit(1.0, "st")  # type: ignore[arg-type]

    def test_row_for_pounds(self) -> None:
        row = {"exercise": "Deadlift", "load_kg": 140.0, "e1rm_kg": 163.3}
        assert sets_row_for_unit(row, "lb") == {
            "exercise": "Deadlift",
            "load_lb": 308.647,
            "e1rm_kg": 163.3,
        }
        assert sets_row_for_unit(row, "kg") == row
        assert sets_row_for_unit({"load_kg": None}, "lb") == {"load_lb": None}
        assert sets_row_for_unit({"load_kg": Decimal("100")}, "lb") == {"load_lb": 220.462}
        with pytest.raises(ValueError, match="load_kg"):
            sets_row_for_unit({"load_kg": "heavy"}, "lb")


class TestCsvStreamWriter:
    def test_header_and_rows_with_crlf_and_guarded_text(self) -> None:
        writer = CsvStreamWriter(["exercise", "load_kg", "notes"])
        text = writer.header() + "".join(
            writer.rows([{"exercise": "Pull Up", "load_kg": -20.0, "notes": "-20 felt easy"}])
        )
        assert text == "exercise,load_kg,notes\r\nPull Up,-20.0,'-20 felt easy\r\n"

    def test_negative_numbers_read_back_as_numbers_not_guarded_text(self) -> None:
        writer = CsvStreamWriter(["load_kg", "reps", "rpe"])
        text = "".join(writer.rows([{"load_kg": -12.5, "reps": -0, "rpe": None}]))
        assert read_back(text) == [["-12.5", "0", ""]]

    def test_semicolon_delimiter_quotes_what_it_must(self) -> None:
        writer = CsvStreamWriter(["exercise", "load_kg", "notes"], delimiter=";")
        rows = [
            {"exercise": "Row; cable", "load_kg": 102.5, "notes": 'said "light", ok'},
            {"exercise": "Squat", "load_kg": -7.5, "notes": "two\nlines"},
        ]
        text = writer.header() + "".join(writer.rows(rows))
        assert text == (
            "exercise;load_kg;notes\r\n"
            '"Row; cable";102.5;"said ""light"", ok"\r\n'
            'Squat;-7.5;"two\nlines"\r\n'
        )
        assert read_back(text, ";")[1:] == [
            ["Row; cable", "102.5", 'said "light", ok'],
            ["Squat", "-7.5", "two\nlines"],
        ]

    def test_delimiter_names_are_accepted(self) -> None:
        assert CsvStreamWriter(["a"], delimiter="semicolon").delimiter == ";"
        assert CsvStreamWriter(["a"], delimiter="comma").delimiter == ","
        with pytest.raises(ValueError, match="delimiter"):
            CsvStreamWriter(["a"], delimiter="|")

    def test_bom_only_when_asked(self) -> None:
        plain = CsvStreamWriter(["a", "b"])
        with_bom = CsvStreamWriter(["a", "b"], bom=True)
        assert plain.header() == "a,b\r\n"
        assert with_bom.header() == "\ufeffa,b\r\n"
        rows = [{"a": 1, "b": 2}]
        assert b"".join(plain.stream(rows)) == b"a,b\r\n1,2\r\n"
        assert b"".join(with_bom.stream(rows)) == b"\xef\xbb\xbfa,b\r\n1,2\r\n"
        assert "".join(with_bom.rows(rows)) == "1,2\r\n"  # never inside the rows

    def test_missing_keys_are_empty_and_unknown_keys_are_refused(self) -> None:
        writer = CsvStreamWriter(["a", "b"])
        assert list(writer.rows([{"b": "x"}])) == [",x\r\n"]
        with pytest.raises(ValueError, match=r"\['load_kg'\]"):
            list(CsvStreamWriter(["load_lb"]).rows([{"load_kg": 1.0}]))

    def test_columns_must_be_unique_and_present(self) -> None:
        with pytest.raises(ValueError, match="unique"):
            CsvStreamWriter(["a", "a"])
        with pytest.raises(ValueError, match="unique"):
            CsvStreamWriter([])

    def test_one_chunk_per_hundred_rows(self) -> None:
        writer = CsvStreamWriter(["n"])
        chunks = list(writer.rows({"n": n} for n in range(250)))
        assert [chunk.count("\r\n") for chunk in chunks] == [100, 100, 50]
        assert "".join(chunks) == "".join(f"{n}\r\n" for n in range(250))
        assert list(writer.rows([])) == []

    @pytest.mark.parametrize(
        ("value", "cell"),
        [
            (None, ""),
            ("Deadlift", "Deadlift"),
            ("=1+1", "'=1+1"),
            ("'@x", "''@x"),
            (SetKind.formula, "'=1+1"),
            (SetKind.warmup, "warmup"),
            (Level.high, "3"),
            (True, "true"),
            (-5, "-5"),
            (-20.0, "-20.0"),
            (0.1 + 0.2, "0.30000000000000004"),
            (float("inf"), ""),
            (float("nan"), ""),
            (Decimal("-2.50"), "-2.5"),
            (uuid.UUID(int=1), "00000000-0000-0000-0000-000000000001"),
            (datetime(2023, 5, 1, 16, 30, tzinfo=UTC), "2023-05-01T16:30:00+00:00"),
            (date(2023, 5, 1), "2023-05-01"),
            (time(6, 30), "06:30:00"),
        ],
    )
    def test_each_type_is_written_as_safe_cell_says(self, value: object, cell: str) -> None:
        (chunk,) = CsvStreamWriter(["a", "b"]).rows([{"a": value, "b": "x"}])
        assert read_back(chunk) == [[cell, "x"]]
        assert str(safe_cell(value)) == cell or isinstance(safe_cell(value), float)

    def test_rows_are_pulled_lazily(self) -> None:
        produced = 0

        def rows() -> Iterator[dict[str, object]]:
            nonlocal produced
            for n in range(10_000):
                produced += 1
                yield {"n": n}

        chunks = CsvStreamWriter(["n"], rows_per_chunk=100).rows(rows())
        next(chunks)
        assert produced == 100

    def test_a_hundred_thousand_rows_stream_in_flat_memory(self) -> None:
        columns = sets_columns("lb")
        workout_id = uuid.uuid4()
        started_at = datetime(2023, 5, 1, 16, 30, tzinfo=UTC)

        base = sets_row_for_unit(
            {
                "workout_id": workout_id,
                "workout_started_at": started_at,
                "workout_title": "=Pull day",
                "exercise": "Pull Up (Assisted)",
                "exercise_slug": "pull_up",
                "chain": "posterior",
                "set_type": "normal",
                "reps": 8,
                "load_kg": -20.0,
                "rpe": 8.5,
                "rir": 1,
                "duration_s": None,
                "distance_m": None,
                "e1rm_kg": 61.3,
                "notes": "-felt fine; keep going",
                "created_by": workout_id,
            },
            "lb",
        )

        def history() -> Iterator[dict[str, object]]:
            row = dict(base)  # one dict, updated in place: the writer keeps no reference to it
            for n in range(100_000):
                row["position"] = n
                row["load_lb"] = -44.092 + n % 7
                yield row

        writer = CsvStreamWriter(columns, delimiter=";", bom=True)
        total_bytes = 0
        lines = 0
        # Freezing the heap that exists already (the app the conftest imports) keeps the
        # collector from rescanning it on every pass; it changes nothing that is measured.
        gc.collect()
        gc.freeze()
        tracemalloc.start()
        try:
            for chunk in writer.stream(history()):
                total_bytes += len(chunk)
                lines += chunk.count(b"\r\n")
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
            gc.unfreeze()
        assert lines == 100_001
        assert total_bytes > 15_000_000  # the whole file would be ~15 MB...
        assert peak < 2_000_000  # ...while the stream never holds more than a few chunks
