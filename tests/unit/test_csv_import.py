"""CSV import of Strong, Hevy, FitNotes and Backchain exports (api.csv_io.importers)."""

from __future__ import annotations

import ast
import csv
import dataclasses
import io
import sys
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import api.csv_io
from api.csv_io import alias_key
from api.csv_io.exporters import CsvStreamWriter, sets_columns, sets_row_for_unit
from api.csv_io.importers import (
    LAYOUT_DESCRIPTIONS,
    MAX_BYTES,
    MAX_ROWS,
    SET_TYPES,
    CsvEncodingError,
    CsvFormatError,
    CsvTooLarge,
    ParsedSet,
    ParsedWorkout,
    ParseResult,
    RowError,
    detect_layout,
    parse,
    workout_content_hash,
)

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "csv"
BERLIN = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 6, 1, tzinfo=UTC)
STRONG_HEADER = (
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,"
    "Workout Notes,RPE"
)
HEVY_HEADER = (
    '"title","start_time","end_time","description","exercise_title","superset_id",'
    '"exercise_notes","set_index","set_type","weight_kg","reps","distance_km",'
    '"duration_seconds","rpe"'
)
FITNOTES_HEADER = "Date,Exercise,Category,Weight (kg),Reps,Distance,Distance Unit,Time"


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def parse_fixture(name: str, **options: object) -> ParseResult:
    return parse(fixture(name), tz=BERLIN, now=NOW, **options)  # type: ignore[arg-type]


def parse_text(text: str, **options: object) -> ParseResult:
    return parse(text.encode("utf-8"), tz=BERLIN, now=NOW, **options)  # type: ignore[arg-type]


def berlin(year: int, month: int, day: int, hour: int, minute: int) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=BERLIN).astimezone(UTC)


def set_values(workout: ParsedWorkout) -> list[tuple[object, ...]]:
    return [
        (s.exercise_name, s.set_type, s.reps, s.load_kg, s.rpe, s.duration_s, s.distance_m)
        for s in workout.sets
    ]


class TestPackageIsPure:
    def test_sources_import_only_the_standard_library_and_the_package(self) -> None:
        package_dir = Path(api.csv_io.__file__).parent
        offenders = []
        for path in sorted(package_dir.rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(), str(path))):
                if isinstance(node, ast.Import):
                    names = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    names = [node.module]
                else:
                    continue
                for name in names:
                    root = name.split(".")[0]
                    if root not in sys.stdlib_module_names and not name.startswith("api.csv_io"):
                        offenders.append(f"{path.relative_to(package_dir)}: {name}")
        assert offenders == []


class TestDetectLayout:
    @pytest.mark.parametrize(
        ("name", "layout"),
        [
            ("strong_kg.csv", "strong"),
            ("strong_bad_rows.csv", "strong"),
            ("hevy_kg.csv", "hevy"),
            ("hevy_lbs.csv", "hevy"),
            ("fitnotes.csv", "fitnotes"),
            ("strong_2019_semicolon.csv", "strong"),
            ("strong_weight_unit.csv", "strong"),
            ("strong_current.csv", "strong"),
            ("strong_no_notes.csv", "strong"),
            ("strong_german.csv", "strong"),
            ("strong_ios_12h.csv", "strong"),
            ("hevy_new_quoted.csv", "hevy"),
            ("hevy_old_minimal.csv", "hevy"),
            ("fitnotes_kgs.csv", "fitnotes"),
            ("fitnotes_lbs.csv", "fitnotes"),
            ("backchain_sets.csv", "backchain"),
            ("header_only.csv", "strong"),
        ],
    )
    def test_each_fixture_is_detected_from_its_header(self, name: str, layout: str) -> None:
        assert parse_fixture(name).layout == layout

    def test_header_cells_with_bom_and_spacing_are_recognised(self) -> None:
        header = ["\ufeffDate", " Exercise ", "Category", "Weight (lbs)", "Reps"]
        assert detect_layout(header) == "fitnotes"

    def test_backchain_sets_export_is_detected_in_both_units(self) -> None:
        assert detect_layout(list(sets_columns("kg"))) == "backchain"
        assert detect_layout(list(sets_columns("lb"))) == "backchain"

    def test_newer_strong_export_is_strong(self) -> None:
        header = [
            "Workout #",
            "Date",
            "Workout Name",
            "Duration (sec)",
            "Exercise Name",
            "Set Order",
            "Weight (kg)",
            "Reps",
            "RPE",
            "Distance (meters)",
            "Seconds",
            "Notes",
            "Workout Notes",
        ]
        assert detect_layout(header) == "strong"

    def test_unknown_header_raises_naming_the_header(self) -> None:
        with pytest.raises(CsvFormatError, match="date, exercise, kg"):
            detect_layout(["date", "exercise", "kg"])

    def test_requested_format_must_match_the_header(self) -> None:
        with pytest.raises(CsvFormatError, match="not a hevy export"):
            parse_fixture("strong_kg.csv", format="hevy")

    def test_requested_format_that_matches_parses(self) -> None:
        assert parse_fixture("hevy_kg.csv", format="hevy").layout == "hevy"

    def test_empty_file_raises(self) -> None:
        with pytest.raises(CsvFormatError, match="empty"):
            parse(b"", tz=BERLIN, now=NOW)

    def test_bad_options_raise(self) -> None:
        with pytest.raises(ValueError, match="format"):
            parse(fixture("strong_kg.csv"), format="csv", tz=BERLIN)  # type: ignore[arg-type]
        with pytest.raises(ValueError, match="unit"):
            parse(fixture("strong_kg.csv"), unit="st", tz=BERLIN)  # type: ignore[arg-type]


class TestStrong:
    def test_rows_group_into_workouts_by_date_and_name(self) -> None:
        result = parse_fixture("strong_kg.csv")
        assert result.errors == []
        assert [(w.title, len(w.sets)) for w in result.workouts] == [
            ("Pull Day", 9),
            ("Leg Day", 5),
        ]

    def test_local_date_and_duration_give_utc_start_and_end(self) -> None:
        pull, legs = parse_fixture("strong_kg.csv").workouts
        assert pull.started_at == datetime(2023, 5, 1, 16, 30, tzinfo=UTC)
        assert pull.ended_at == pull.started_at + timedelta(hours=1, minutes=5)
        assert legs.started_at == datetime(2023, 5, 3, 5, 15, tzinfo=UTC)
        assert legs.ended_at == legs.started_at + timedelta(minutes=45)
        assert pull.notes == "Felt strong, slept well"
        assert legs.notes is None

    def test_set_order_letters_are_set_types(self) -> None:
        pull, legs = parse_fixture("strong_kg.csv").workouts
        assert [s.set_type for s in pull.sets] == [
            "warmup",
            "warmup",
            "normal",
            "normal",
            "normal",
            "normal",
            "normal",
            "dropset",
            "normal",
        ]
        assert [s.set_type for s in legs.sets] == [
            "warmup",
            "normal",
            "normal",
            "failure",
            "normal",
        ]

    def test_values_of_each_set(self) -> None:
        pull, legs = parse_fixture("strong_kg.csv").workouts
        assert set_values(pull)[2:6] == [
            ("Deadlift (Barbell)", "normal", 5, 140.0, 8.0, None, None),
            ("Deadlift (Barbell)", "normal", 5, 140.0, 8.5, None, None),
            ("Pull Up (Assisted)", "normal", 8, -20.0, None, None, None),
            ("Pull Up (Assisted)", "normal", 6, -20.0, 9.0, None, None),
        ]
        assert set_values(pull)[8] == ("Plank", "normal", 0, 0.0, None, 60.0, None)
        assert set_values(legs)[4] == ("Running", "normal", 0, 0.0, None, 1200.0, 3200.0)
        assert pull.sets[2].notes == "Belt on"
        assert legs.sets[4].notes == "Easy pace"

    def test_lines_are_physical_file_lines(self) -> None:
        pull, legs = parse_fixture("strong_kg.csv").workouts
        assert [s.line for s in pull.sets] == list(range(2, 11))
        assert [s.line for s in legs.sets] == list(range(11, 16))

    def test_unit_lb_converts_weights_and_reads_distance_in_miles(self) -> None:
        pull, legs = parse_fixture("strong_kg.csv", unit="lb").workouts
        assert pull.sets[2].load_kg == 63.503  # 140 lb x 0.45359237, to the gram
        assert pull.sets[4].load_kg == -9.072  # 20 lb of assistance
        assert legs.sets[4].distance_m == 5149.901  # 3.2 mi

    def test_newer_semicolon_export_with_decimal_commas_and_rest_timers(self) -> None:
        text = (
            "Workout #;Date;Workout Name;Duration (sec);Exercise Name;Set Order;Weight (kg);"
            "Reps;RPE;Distance (meters);Seconds;Notes;Workout Notes\n"
            "7;2024-08-10 18:00:00;Push day;3720;Bench Press (Barbell);W;40;10;;;;;\n"
            "7;2024-08-10 18:00:00;Push day;3720;Bench Press (Barbell);1;82,5;8;8,5;;;Wide grip;\n"
            "7;2024-08-10 18:00:00;Push day;3720;Bench Press (Barbell);Rest Timer;;;;;90;;\n"
            "7;2024-08-10 18:00:00;Push day;3720;Sled Push;1;80;;;20;;;\n"
        )
        result = parse_text(text)
        assert result.errors == []
        (workout,) = result.workouts
        assert workout.ended_at == workout.started_at + timedelta(seconds=3720)
        assert set_values(workout) == [
            ("Bench Press (Barbell)", "warmup", 10, 40.0, None, None, None),
            ("Bench Press (Barbell)", "normal", 8, 82.5, 8.5, None, None),
            ("Sled Push", "normal", 0, 80.0, None, None, 20.0),
        ]
        assert workout.sets[1].notes == "Wide grip"

    def test_older_export_with_unit_columns_and_twelve_hour_times(self) -> None:
        text = (
            "Date;Workout Name;Exercise Name;Set Order;Weight;Weight Unit;Reps;RPE;Distance;"
            "Distance Unit;Seconds;Notes;Workout Notes;Workout Duration\n"
            '2023-05-01 6:30:00\u202fPM;"Legs";"Squat (Barbell)";1;225;lbs;5;;;;0;"";"";1h\n'
            '2023-05-01 6:30:00\u202fPM;"Legs";"Squat (Barbell)";2;102,5;kg;5;;;;0;;;1h\n'
            '2023-05-01 6:30:00\u202fPM;"Legs";"Rowing";1;0;kg;0;;2000;m;480;;;1h\n'
        )
        result = parse_text(text)
        assert result.errors == []
        (workout,) = result.workouts
        assert workout.started_at == datetime(2023, 5, 1, 16, 30, tzinfo=UTC)
        assert [s.load_kg for s in workout.sets] == [102.058, 102.5, 0.0]
        assert workout.sets[2].distance_m == 2000.0
        assert workout.sets[2].duration_s == 480.0

    def test_ambiguous_autumn_wall_time_is_its_first_occurrence(self) -> None:
        text = (
            STRONG_HEADER
            + '\n2023-10-29 02:30:00,"Late","1h","Deadlift (Barbell)",1,100,5,0,0,,,\n'
        )
        (workout,) = parse_text(text).workouts
        assert workout.started_at == datetime(2023, 10, 29, 0, 30, tzinfo=UTC)  # still CEST


class TestHevy:
    def test_workouts_with_times_descriptions_and_set_types(self) -> None:
        result = parse_fixture("hevy_kg.csv")
        assert result.errors == []
        push, run = result.workouts
        assert (push.title, push.notes) == ("Push Day", "Shoulder felt fine")
        assert push.started_at == berlin(2023, 5, 1, 18, 30)
        assert push.ended_at == berlin(2023, 5, 1, 19, 35)
        assert [s.set_type for s in push.sets] == [
            "warmup",
            "normal",
            "normal",
            "dropset",
            "normal",
            "normal",
            "failure",
            "normal",
        ]
        assert (run.title, run.notes, run.started_at) == (
            "Morning Run",
            None,
            berlin(2023, 5, 3, 7, 0),
        )

    def test_values_including_assisted_dip_and_timed_sets(self) -> None:
        push, run = parse_fixture("hevy_kg.csv").workouts
        assert set_values(push)[1:] == [
            ("Bench Press (Barbell)", "normal", 8, 80.0, 8.0, None, None),
            ("Bench Press (Barbell)", "normal", 7, 80.0, 8.5, None, None),
            ("Bench Press (Barbell)", "dropset", 10, 60.0, None, None, None),
            ("Triceps Dip (Assisted)", "normal", 10, -25.0, None, None, None),
            ("Overhead Press (Barbell)", "normal", 6, 45.0, 9.0, None, None),
            ("Overhead Press (Barbell)", "failure", 5, 45.0, 10.0, None, None),
            ("Plank", "normal", 0, 0.0, None, 60.0, None),
        ]
        assert set_values(run) == [("Running", "normal", 0, 0.0, None, 1860.0, 5020.0)]

    def test_exercise_notes_are_kept_once_per_exercise(self) -> None:
        push, _ = parse_fixture("hevy_kg.csv").workouts
        assert [s.notes for s in push.sets[:4]] == ["Pause on chest", None, None, None]

    def test_pounds_and_miles_convert_to_kg_and_metres(self) -> None:
        result = parse_fixture("hevy_lbs.csv", unit="kg")  # the header's unit wins
        assert result.errors == []
        legs, walk = result.workouts
        assert [s.load_kg for s in legs.sets] == [
            61.235,  # 135 lb
            102.058,  # 225 lb
            102.058,
            83.915,  # 185 lb
            40.823,  # 90 lb
            83.915,
            40.823,
            -22.68,  # 50 lb of assistance
        ]
        assert [s.notes for s in legs.sets if s.exercise_name.startswith("Romanian")] == [
            "Slow eccentric",
            None,
        ]
        assert walk.sets[0].distance_m == 4023.36  # 2.5 mi
        assert walk.notes == "Lunch walk"

    def test_iso_start_times_with_an_offset_ignore_tz(self) -> None:
        text = (
            HEVY_HEADER + "\n"
            '"Push","2023-05-01T16:30:00Z","2023-05-01T17:30:00Z","","Push Up",,"",0,"normal",'
            ",20,,,\n"
        )
        (workout,) = parse_text(text).workouts
        assert workout.started_at == datetime(2023, 5, 1, 16, 30, tzinfo=UTC)
        assert workout.ended_at == datetime(2023, 5, 1, 17, 30, tzinfo=UTC)

    def test_end_before_start_is_dropped(self) -> None:
        text = (
            HEVY_HEADER + "\n"
            '"Push","1 May 2023, 18:30","1 May 2023, 17:00","","Push Up",,"",0,"normal",,20,,,\n'
        )
        (workout,) = parse_text(text).workouts
        assert workout.ended_at is None

    def test_unknown_set_type_is_a_row_error(self) -> None:
        text = (
            HEVY_HEADER + "\n"
            '"Push","1 May 2023, 18:30","","","Push Up",,"",0,"amrap",,20,,,\n'
            '"Push","1 May 2023, 18:30","","","Push Up",,"",1,"normal",,15,,,\n'
        )
        result = parse_text(text)
        assert result.errors == [
            RowError(2, "set_type", "'amrap' is not one of normal, warmup, dropset, failure")
        ]
        assert [s.reps for s in result.workouts[0].sets] == [15]


class TestFitNotes:
    def test_bom_semicolons_and_decimal_commas(self) -> None:
        result = parse_fixture("fitnotes.csv")
        assert result.errors == []
        first, second = result.workouts
        assert set_values(first) == [
            ("Barbell Squat", "normal", 5, 60.0, None, None, None),
            ("Barbell Squat", "normal", 5, 102.5, None, None, None),
            ("Barbell Squat", "normal", 5, 102.5, None, None, None),
            ("Romanian Deadlift", "normal", 8, 90.0, None, None, None),
            ("Assisted Pull Up", "normal", 8, -17.5, None, None, None),
            ("Treadmill Running", "normal", 0, 0.0, None, 1800.0, 5200.0),
            ("Plank", "normal", 0, 0.0, None, 90.0, None),
        ]
        assert set_values(second)[-1] == ("Rowing Machine", "normal", 0, 0.0, None, 485.0, 2000.0)

    def test_one_workout_per_date_starting_at_local_noon(self) -> None:
        first, second = parse_fixture("fitnotes.csv").workouts
        assert first.started_at == berlin(2023, 5, 1, 12, 0)
        assert second.started_at == berlin(2023, 5, 4, 12, 0)
        assert (first.ended_at, first.title, first.notes) == (None, None, None)

    def test_crlf_line_numbers(self) -> None:
        first, second = parse_fixture("fitnotes.csv").workouts
        assert [s.line for s in first.sets] == list(range(2, 9))
        assert [s.line for s in second.sets] == list(range(9, 13))

    def test_pound_header(self) -> None:
        text = (
            "Date,Exercise,Category,Weight (lbs),Reps,Distance,Distance Unit,Time\n"
            "2023-05-01,Deadlift,Back,315.0,3,,,\n"
        )
        (workout,) = parse_text(text, unit="kg").workouts
        assert workout.sets[0].load_kg == 142.882  # 315 lb

    def test_plain_weight_column_uses_the_unit_option(self) -> None:
        text = "Date,Exercise,Category,Weight,Reps\n2023-05-01,Deadlift,Back,100,3\n"
        assert parse_text(text, unit="lb").workouts[0].sets[0].load_kg == 45.359
        assert parse_text(text, unit="kg").workouts[0].sets[0].load_kg == 100.0

    def test_dates_with_times_keep_their_time(self) -> None:
        text = (
            FITNOTES_HEADER + "\n"
            "2023-05-01 19:00,Deadlift,Back,100,3,,,\n"
            "2023-05-01 18:00,Deadlift,Back,100,3,,,\n"
        )
        (workout,) = parse_text(text).workouts
        assert workout.started_at == berlin(2023, 5, 1, 18, 0)

    def test_unknown_distance_unit_is_a_row_error(self) -> None:
        text = FITNOTES_HEADER + "\n2023-05-01,Running,Cardio,,,5,parsecs,0:30:00\n"
        result = parse_text(text)
        assert result.errors == [RowError(2, "Distance Unit", "'parsecs' is not a distance unit")]
        assert result.workouts == []


class TestRowErrors:
    def test_bad_rows_are_listed_by_line_and_field(self) -> None:
        result = parse_fixture("strong_bad_rows.csv")
        assert result.errors == [
            RowError(3, "Reps", "'abc' is not a whole number of reps"),
            RowError(4, "RPE", "must be between 1 and 10 in steps of 0.5, got 11"),
            RowError(6, "Exercise Name", "an exercise name is required"),
            RowError(8, "Weight", "load must be between -500 and 1500 kg, got 9999 kg"),
            RowError(8, "RPE", "must be between 1 and 10 in steps of 0.5, got 7.25"),
            RowError(9, "Set Order", "'X' is not a set number, W, D, F or Rest Timer"),
            RowError(10, "Date", "'not a date' is not a date-time like 2023-05-01 18:30:00"),
        ]

    def test_good_rows_of_the_same_workout_still_import(self) -> None:
        (workout,) = parse_fixture("strong_bad_rows.csv").workouts
        assert [(s.line, s.exercise_name, s.reps) for s in workout.sets] == [
            (2, "Bench Press (Barbell)", 8),
            (7, "Overhead Press (Barbell)", 5),
            (11, "Overhead Press (Barbell)", 4),
        ]
        assert workout.sets[2].notes == "Last set"

    @pytest.mark.parametrize(
        ("cells", "field", "message"),
        [
            ({"Reps": "5.5"}, "Reps", "'5.5' is not a whole number of reps"),
            ({"Reps": "1001"}, "Reps", "must be between 0 and 1000, got 1001"),
            ({"Reps": "-1"}, "Reps", "must be between 0 and 1000, got -1"),
            ({"Weight": "-501"}, "Weight", "load must be between -500 and 1500 kg, got -501 kg"),
            ({"Weight": "1,5"}, "Weight", "'1,5' is not a number"),
            ({"RPE": "0.5"}, "RPE", "must be between 1 and 10 in steps of 0.5, got 0.5"),
            ({"RPE": "8.3"}, "RPE", "must be between 1 and 10 in steps of 0.5, got 8.3"),
            ({"RPE": "NaN"}, "RPE", "'NaN' is not a number"),
            ({"Seconds": "86401"}, "Seconds", "must be between 0 and 86400 seconds"),
            ({"Notes": "x" * 2001}, "Notes", "must be at most 2000 characters"),
            ({"Workout Name": "x" * 201}, "Workout Name", "must be at most 200 characters"),
            ({"Exercise Name": "x" * 121}, "Exercise Name", "must be at most 120 characters"),
            ({"Duration": "soon"}, "Duration", "'soon' is not a duration like 1h 5m"),
            (
                {"Date": "2026-06-02 02:00:01"},  # CEST: 24 h and 1 s after NOW
                "Date",
                "must not be more than 24 hours in the future",
            ),
        ],
    )
    def test_each_limit_of_the_api(self, cells: dict[str, str], field: str, message: str) -> None:
        row = {
            "Date": "2023-06-01 18:00:00",
            "Workout Name": "Push",
            "Duration": "50m",
            "Exercise Name": "Bench Press (Barbell)",
            "Set Order": "1",
            "Weight": "80",
            "Reps": "5",
            "Distance": "0",
            "Seconds": "0",
            "Notes": "",
            "Workout Notes": "",
            "RPE": "",
        } | cells
        buffer = io.StringIO()
        csv.writer(buffer).writerows([list(row), list(row.values())])  # raw cells, no guard
        result = parse_text(buffer.getvalue())
        assert result.errors == [RowError(2, field, message)]
        assert result.workouts == []

    def test_a_date_within_a_day_of_now_is_accepted(self) -> None:
        text = STRONG_HEADER + '\n2026-06-02 01:59:00,"Push","","Push Up",1,0,20,0,0,,,\n'
        assert parse_text(text).errors == []

    def test_rows_past_two_hundred_sets_are_rejected(self) -> None:
        row = '2023-06-01 18:00:00,"Push","50m","Push Up",1,0,10,0,0,"","",\n'
        result = parse_text(STRONG_HEADER + "\n" + row * 202)
        assert len(result.workouts[0].sets) == 200
        assert result.errors == [
            RowError(202, "workout", "a workout holds at most 200 sets"),
            RowError(203, "workout", "a workout holds at most 200 sets"),
        ]

    def test_extra_cells_are_a_row_error_but_empty_trailing_ones_are_not(self) -> None:
        text = (
            FITNOTES_HEADER + "\n"
            "2023-05-01,Deadlift,Back,100,3,,,,,\n"
            "2023-05-01,Deadlift,Back,100,3,,,,surprise\n"
        )
        result = parse_text(text)
        assert result.errors == [RowError(3, "row", "has 9 cells but the header has 8")]
        assert len(result.workouts[0].sets) == 1

    def test_blank_lines_are_skipped_but_counted(self) -> None:
        text = FITNOTES_HEADER + "\n\n2023-05-01,Deadlift,Back,100,abc,,,\n"
        assert parse_text(text).errors == [
            RowError(3, "Reps", "'abc' is not a whole number of reps")
        ]

    def test_a_workout_whose_rows_all_fail_is_absent(self) -> None:
        text = FITNOTES_HEADER + "\n2023-05-01,,Back,100,3,,,\n"
        result = parse_text(text)
        assert result.workouts == []
        assert result.errors == [RowError(2, "Exercise", "an exercise name is required")]


class TestRepeatedRows:
    """Cells read once are looked up on later rows: the results must not tell."""

    ROW = '2023-06-01 18:00:00,"Push","50m","Bench Press (Barbell)",{order},80,{reps},0,0,"",,{rpe}'

    def test_repeated_cells_give_each_set_its_own_line(self) -> None:
        rows = [self.ROW.format(order=order, reps=5, rpe=8) for order in ("W", 1, 2, 3)]
        (workout,) = parse_text("\n".join([STRONG_HEADER, *rows])).workouts
        assert [(s.line, s.set_type, s.reps, s.load_kg, s.rpe) for s in workout.sets] == [
            (2, "warmup", 5, 80.0, 8.0),
            (3, "normal", 5, 80.0, 8.0),
            (4, "normal", 5, 80.0, 8.0),
            (5, "normal", 5, 80.0, 8.0),
        ]

    def test_a_repeated_bad_row_is_an_error_on_every_line(self) -> None:
        rows = [self.ROW.format(order=1, reps="abc", rpe=8)] * 3
        result = parse_text("\n".join([STRONG_HEADER, *rows]))
        assert result.errors == [
            RowError(line, "Reps", "'abc' is not a whole number of reps") for line in (2, 3, 4)
        ]
        assert result.workouts == []

    def test_known_set_cells_on_a_row_with_a_bad_workout_cell_are_rejected(self) -> None:
        good = self.ROW.format(order=1, reps=5, rpe=8)
        bad = good.replace('"Push"', '"' + "x" * 201 + '"')
        result = parse_text("\n".join([STRONG_HEADER, good, bad, good]))
        assert result.errors == [RowError(3, "Workout Name", "must be at most 200 characters")]
        assert [s.line for w in result.workouts for s in w.sets] == [2, 4]

    def test_known_workout_cells_on_a_row_with_extra_cells_are_rejected(self) -> None:
        good = self.ROW.format(order=1, reps=5, rpe=8)
        result = parse_text("\n".join([STRONG_HEADER, good, good + ",surprise", good]))
        assert result.errors == [RowError(3, "row", "has 13 cells but the header has 12")]
        assert [s.line for w in result.workouts for s in w.sets] == [2, 4]

    def test_a_repeated_column_name_reads_its_first_column(self) -> None:
        text = FITNOTES_HEADER + ",Reps\n2023-05-01,Deadlift,Back,100,3,,,,7\n"
        (workout,) = parse_text(text).workouts
        assert [s.reps for s in workout.sets] == [3]

    def test_cells_missing_at_the_end_of_a_row_are_blank(self) -> None:
        text = FITNOTES_HEADER + "\n2023-05-01,Deadlift,Back,100,3\n2023-05-01,Row,Back,,0,2,km\n"
        result = parse_text(text)
        assert result.errors == []
        assert [(s.load_kg, s.reps, s.distance_m) for s in result.workouts[0].sets] == [
            (100.0, 3, None),
            (0.0, 0, 2000.0),
        ]

    def test_more_distinct_rows_than_are_remembered_read_the_same(self) -> None:
        rows = [  # 50 workouts of 100 sets, 5,000 distinct loads
            self.ROW.format(order=1, reps=5, rpe="")
            .replace("18:00:00", f"18:{number // 100:02}:00")
            .replace(",80,", f",{number / 10:g},")
            for number in range(5000)
        ]
        result = parse_text("\n".join([STRONG_HEADER, *rows, *rows[:50]]))
        assert result.errors == []
        loads = [(s.line, s.load_kg) for w in result.workouts for s in w.sets]
        assert len(result.workouts) == 50
        assert [len(w.sets) for w in result.workouts[:2]] == [150, 100]  # 50 rows repeated
        assert sorted(loads) == [(line, (line - 2) % 5000 / 10) for line in range(2, 5052)]


class TestEncodings:
    def test_latin1_fixture_is_rejected_naming_the_byte_and_its_line(self) -> None:
        data = fixture("not_utf8.csv")
        offset = data.index(b"\xe9")
        with pytest.raises(CsvEncodingError) as caught:
            parse(data, tz=BERLIN, now=NOW)
        assert str(caught.value).startswith(
            f"file is not UTF-8 encoded (byte 0xE9 at offset {offset}, line 2)"
        )
        assert isinstance(caught.value, CsvFormatError)  # the HTTP layer's 422

    def test_cp1252_is_not_guessed(self) -> None:
        text = FITNOTES_HEADER + "\n2023-05-01,Développé couché,Chest,60,8,,,\n"
        with pytest.raises(CsvEncodingError, match=r"byte 0xE9 at offset \d+, line 2"):
            parse(text.encode("cp1252"), tz=BERLIN, now=NOW)

    def test_offset_counts_the_byte_order_mark(self) -> None:
        body = (FITNOTES_HEADER + "\n2023-05-01,D\xe9,Chest,60,8,,,\n").encode("latin-1")
        data = b"\xef\xbb\xbf" + body
        offset = 3 + body.index(b"\xe9")
        with pytest.raises(CsvEncodingError, match=f"at offset {offset}, line 2"):
            parse(data, tz=BERLIN, now=NOW)

    @pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32"])
    def test_utf16_and_utf32_are_rejected(self, codec: str) -> None:
        text = FITNOTES_HEADER + "\n2023-05-01,Kniebeuge,Legs,60,8,,,\n"
        data = text.encode(codec)
        if codec == "utf-16-be":
            data = b"\xfe\xff" + data
        with pytest.raises(CsvEncodingError, match="not UTF-8 encoded"):
            parse(data, tz=BERLIN, now=NOW)

    def test_utf16_without_a_bom_is_rejected_for_its_nul_bytes(self) -> None:
        data = (FITNOTES_HEADER + "\n").encode("utf-16-le")
        with pytest.raises(CsvEncodingError, match="NUL byte at offset 1, line 1"):
            parse(data, tz=BERLIN, now=NOW)

    def test_an_excel_workbook_is_named(self) -> None:
        with pytest.raises(CsvEncodingError, match="ZIP archive"):
            parse(b"PK\x03\x04\x14\x00\x06\x00", tz=BERLIN, now=NOW)

    def test_utf8_with_and_without_bom_read_the_same(self) -> None:
        text = FITNOTES_HEADER + "\n2023-05-01,Développé couché 🏋️,Chest,60,8,,,\n"
        plain = parse(text.encode("utf-8"), tz=BERLIN, now=NOW)
        with_bom = parse(text.encode("utf-8-sig"), tz=BERLIN, now=NOW)
        assert plain == with_bom
        assert plain.workouts[0].sets[0].exercise_name == "Développé couché 🏋️"

    def test_tab_delimited(self) -> None:
        text = FITNOTES_HEADER.replace(",", "\t") + "\n2023-05-01\tDeadlift\tBack\t102,5\t3\t\t\t\n"
        assert parse_text(text).workouts[0].sets[0].load_kg == 102.5

    def test_exercise_names_are_distinct_in_first_seen_order(self) -> None:
        assert parse_fixture("strong_kg.csv").exercise_names == [
            "Deadlift (Barbell)",
            "Pull Up (Assisted)",
            "Bent Over Row (Barbell)",
            "Plank",
            "Squat (Barbell)",
            "Running",
        ]


# --- Backchain round trip ---------------------------------------------------------------------

CREATED_BY = uuid.UUID("6f0c1a52-3c52-4a43-9a36-0f0e0d0c0b0a")


def export_rows(workouts: list[ParsedWorkout], unit: str) -> Iterator[dict[str, object]]:
    """Rows as the export service writes them (sets_row_for_unit does the lb conversion)."""
    for index, workout in enumerate(workouts):
        for position, parsed in enumerate(workout.sets):
            row: dict[str, object] = {
                "workout_id": uuid.UUID(int=index + 1),
                "workout_started_at": workout.started_at,
                "workout_title": workout.title,
                "position": position,
                "exercise": parsed.exercise_name,
                "exercise_slug": parsed.exercise_slug,
                "chain": "posterior",
                "set_type": parsed.set_type,
                "reps": parsed.reps,
                "load_kg": parsed.load_kg,
                "rpe": parsed.rpe,
                "rir": parsed.rir,
                "duration_s": parsed.duration_s,
                "distance_m": parsed.distance_m,
                "e1rm_kg": 123.4,
                "notes": parsed.notes,
                "created_by": CREATED_BY,
            }
            yield sets_row_for_unit(row, unit)  # type: ignore[arg-type]


def export_bytes(
    workouts: list[ParsedWorkout], *, unit: str = "kg", delimiter: str = ",", bom: bool = False
) -> bytes:
    writer = CsvStreamWriter(sets_columns(unit), delimiter, bom)  # type: ignore[arg-type]
    return b"".join(writer.stream(export_rows(workouts, unit)))


def exported_view(workout: ParsedWorkout) -> ParsedWorkout:
    """What the sets export keeps of a workout: no end time, no workout notes."""
    return ParsedWorkout.create(
        started_at=workout.started_at, title=workout.title, sets=workout.sets
    )


def without_lines(workouts: list[ParsedWorkout]) -> list[tuple[object, ...]]:
    return [
        (
            w.started_at,
            w.title,
            w.content_hash,
            [dataclasses.replace(s, line=0, superset_id=None) for s in w.sets],
        )
        for w in workouts
    ]


class TestBackchainRoundTrip:
    @pytest.mark.parametrize(
        "name", ["strong_kg.csv", "hevy_kg.csv", "hevy_lbs.csv", "fitnotes.csv"]
    )
    @pytest.mark.parametrize(
        ("unit", "delimiter", "bom"), [("kg", ",", False), ("lb", ";", True), ("kg", ";", True)]
    )
    def test_export_then_import_gives_the_same_workouts(
        self, name: str, unit: str, delimiter: str, bom: bool
    ) -> None:
        original = [exported_view(w) for w in parse_fixture(name).workouts]
        data = export_bytes(original, unit=unit, delimiter=delimiter, bom=bom)
        result = parse(data, tz=ZoneInfo("Pacific/Auckland"), now=NOW)
        assert (result.layout, result.errors) == ("backchain", [])
        assert without_lines(result.workouts) == without_lines(original)

    def test_slugs_and_guarded_text_come_back_exactly(self) -> None:
        sets = [
            ParsedSet(
                line=0,
                exercise_name="=HYPERLINK(evil)",
                set_type="normal",
                reps=5,
                load_kg=-12.5,
                rpe=7.5,
                rir=2,
                duration_s=0.0,
                distance_m=0.0,
                notes="-3 kg; felt \"easy\"\nnext time '=more'",
                exercise_slug="my_custom_lift",
            ),
            ParsedSet(
                line=0,
                exercise_name="Deadlift",
                set_type="warmup",
                reps=0,
                load_kg=0.0,
                notes="'@already quoted",
                exercise_slug="deadlift",
            ),
        ]
        workout = ParsedWorkout.create(
            started_at=datetime(2024, 2, 29, 23, 59, 59, 500, tzinfo=UTC),
            title="+Push, and pull",
            sets=sets,
        )
        data = export_bytes([workout], delimiter=";")
        assert b"'=HYPERLINK(evil)" in data
        assert b";-12.5;" in data
        (back,) = parse(data, tz=BERLIN, now=NOW).workouts
        assert without_lines([back]) == without_lines([workout])

    def test_export_without_workout_id_groups_by_start_and_title(self) -> None:
        (workout,) = parse_fixture("hevy_kg.csv").workouts[:1]
        rows = list(export_rows([exported_view(workout)], "kg"))
        for row in rows:
            row["workout_id"] = None
        writer = CsvStreamWriter(sets_columns("kg"))
        data = b"".join(writer.stream(rows))
        (back,) = parse(data, tz=BERLIN, now=NOW).workouts
        assert back.content_hash == exported_view(workout).content_hash

    def test_assisted_loads_are_not_flipped_again(self) -> None:
        (workout,) = [w for w in parse_fixture("strong_kg.csv").workouts if w.title == "Pull Day"]
        (back,) = parse(export_bytes([workout]), tz=BERLIN, now=NOW).workouts
        assert [s.load_kg for s in back.sets if "Assisted" in s.exercise_name] == [-20.0, -20.0]


# --- properties -------------------------------------------------------------------------------

_text_chars = st.characters(
    codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp"), include_characters="\n"
)
names_st = (
    st.text(_text_chars, min_size=1, max_size=30)
    .map(lambda text: " ".join(text.split()))
    .filter(bool)
)
optional_text_st = st.none() | (
    st.text(_text_chars, min_size=1, max_size=60).map(str.strip).filter(bool)
)
grams_st = st.integers(-500_000, 1_500_000).map(lambda grams: grams / 1000)
sets_st = st.builds(
    ParsedSet,
    line=st.integers(2, 10_000),
    exercise_name=names_st,
    set_type=st.sampled_from(SET_TYPES),
    reps=st.integers(0, 1000),
    load_kg=grams_st,
    rpe=st.none() | st.integers(2, 20).map(lambda halves: halves / 2),
    rir=st.none() | st.integers(0, 10),
    duration_s=st.none() | st.integers(0, 86_400).map(float),
    distance_m=st.none() | st.integers(0, 1_000_000_000).map(lambda mm: mm / 1000),
    notes=optional_text_st,
    exercise_slug=st.none() | st.from_regex(r"[a-z][a-z0-9_]{0,20}", fullmatch=True),
)
starts_st = st.datetimes(
    min_value=datetime(2000, 1, 1), max_value=datetime(2024, 12, 1), timezones=st.just(UTC)
)
workouts_st = st.builds(
    lambda started_at, title, sets: ParsedWorkout.create(
        started_at=started_at, title=title, sets=sets
    ),
    starts_st,
    optional_text_st,
    st.lists(sets_st, min_size=1, max_size=8),
)

SET_FIELD_VALUES = {
    "exercise_name": names_st,
    "set_type": st.sampled_from(SET_TYPES),
    "reps": st.integers(0, 1000),
    "load_kg": grams_st,
    "rpe": st.none() | st.integers(2, 20).map(lambda halves: halves / 2),
    "rir": st.none() | st.integers(0, 10),
    "duration_s": st.none() | st.integers(0, 86_400).map(float),
    "distance_m": st.none() | st.integers(0, 1_000_000).map(float),
    "notes": optional_text_st,
    "exercise_slug": st.none() | st.just("some_slug"),
}


class TestContentHash:
    def test_is_sha256_hex(self) -> None:
        workout = parse_fixture("strong_kg.csv").workouts[0]
        assert len(workout.content_hash) == 64
        assert int(workout.content_hash, 16) >= 0

    def test_parsing_the_same_file_twice_gives_the_same_hashes(self) -> None:
        for name in ("strong_kg.csv", "hevy_kg.csv", "hevy_lbs.csv", "fitnotes.csv"):
            first = [w.content_hash for w in parse_fixture(name).workouts]
            second = [w.content_hash for w in parse_fixture(name).workouts]
            assert first == second
            assert len(set(first)) == len(first)

    def test_a_longer_later_export_hashes_old_workouts_the_same(self) -> None:
        original = fixture("strong_kg.csv").decode()
        header, body = original.split("\n", 1)
        newer = (
            '2023-05-05 18:00:00,"Push","30m","Bench Press (Barbell)",1,80.0,8,0,0,"","",\n'
            '2023-05-05 18:00:00,"Push","30m","Bench Press (Barbell)",2,80.0,8,0,0,"","",\n'
        )
        longer = parse_text(header + "\n" + newer + body)
        old_hashes = {w.content_hash for w in parse_fixture("strong_kg.csv").workouts}
        assert old_hashes < {w.content_hash for w in longer.workouts}

    def test_the_unit_changes_the_hash(self) -> None:
        kg = parse_fixture("strong_kg.csv", unit="kg").workouts[0].content_hash
        lb = parse_fixture("strong_kg.csv", unit="lb").workouts[0].content_hash
        assert kg != lb

    def test_naive_start_is_rejected(self) -> None:
        with pytest.raises(ValueError, match="aware"):
            ParsedWorkout.create(started_at=datetime(2023, 5, 1), sets=[])

    @settings(max_examples=60, deadline=None)
    @given(workout=workouts_st)
    def test_stable_and_independent_of_lines_and_offsets(self, workout: ParsedWorkout) -> None:
        renumbered = [dataclasses.replace(s, line=s.line + 7) for s in workout.sets]
        in_auckland = workout.started_at.astimezone(ZoneInfo("Pacific/Auckland"))
        again = ParsedWorkout.create(started_at=in_auckland, title=workout.title, sets=renumbered)
        assert again.content_hash == workout.content_hash

    @settings(max_examples=80, deadline=None)
    @given(workout=workouts_st, data=st.data())
    def test_changes_when_any_set_changes(
        self, workout: ParsedWorkout, data: st.DataObject
    ) -> None:
        index = data.draw(st.integers(0, len(workout.sets) - 1), label="set")
        name = data.draw(st.sampled_from(sorted(SET_FIELD_VALUES)), label="field")
        before = workout.sets[index]
        value = data.draw(
            SET_FIELD_VALUES[name].filter(lambda v: v != getattr(before, name)), label="value"
        )
        sets = list(workout.sets)
        sets[index] = dataclasses.replace(before, **{name: value})  # type: ignore[arg-type]
        changed = workout_content_hash(
            started_at=workout.started_at,
            ended_at=workout.ended_at,
            title=workout.title,
            notes=workout.notes,
            sets=sets,
        )
        assert changed != workout.content_hash

    @settings(max_examples=50, deadline=None)
    @given(workout=workouts_st, data=st.data())
    def test_changes_when_sets_are_added_removed_or_reordered(
        self, workout: ParsedWorkout, data: st.DataObject
    ) -> None:
        extra = data.draw(sets_st, label="extra")
        variants = [[*workout.sets, extra], workout.sets[:-1]]
        first, last = workout.sets[0], workout.sets[-1]
        if dataclasses.replace(first, line=0) != dataclasses.replace(last, line=0):
            variants.append([last, *workout.sets[1:-1], first])
        for sets in variants:
            other = ParsedWorkout.create(
                started_at=workout.started_at, title=workout.title, sets=sets
            )
            assert other.content_hash != workout.content_hash

    @settings(max_examples=50, deadline=None)
    @given(workout=workouts_st, shift=st.integers(1, 10**9))
    def test_changes_when_the_start_changes(self, workout: ParsedWorkout, shift: int) -> None:
        later = ParsedWorkout.create(
            started_at=workout.started_at + timedelta(microseconds=shift),
            title=workout.title,
            sets=workout.sets,
        )
        assert later.content_hash != workout.content_hash

    @settings(max_examples=50, deadline=None)
    @given(
        workouts=st.lists(workouts_st, min_size=1, max_size=3),
        unit=st.sampled_from(["kg", "lb"]),
        delimiter=st.sampled_from([",", ";"]),
        bom=st.booleans(),
    )
    def test_backchain_export_round_trips_any_valid_workout(
        self, workouts: list[ParsedWorkout], unit: str, delimiter: str, bom: bool
    ) -> None:
        data = export_bytes(workouts, unit=unit, delimiter=delimiter, bom=bom)
        result = parse(data, tz=BERLIN, now=NOW)
        assert result.errors == []
        expected = without_lines(sorted(workouts, key=lambda workout: workout.started_at))
        assert without_lines(result.workouts) == expected


class TestAssistedNames:
    @pytest.mark.parametrize(
        ("name", "load_kg"),
        [
            ("Pull Up (Assisted)", -20.0),
            ("Assisted Dip", -20.0),
            ("band-assisted chin up", -20.0),
            ("Unassisted Pistol Squat", 20.0),
            ("Pull Up", 20.0),
        ],
    )
    def test_positive_weight_on_an_assisted_lift_is_assistance(
        self, name: str, load_kg: float
    ) -> None:
        text = FITNOTES_HEADER + f"\n2023-05-01,{name},Back,20,8,,,\n"
        assert parse_text(text).workouts[0].sets[0].load_kg == load_kg

    def test_an_already_negative_weight_stays_negative(self) -> None:
        text = FITNOTES_HEADER + "\n2023-05-01,Assisted Dip,Back,-15,8,,,\n"
        assert parse_text(text).workouts[0].sets[0].load_kg == -15.0


# --- every layout of the issue, from fixtures that copy the apps' bytes -----------------------


def kg_of_lb(pounds: str) -> float:
    from decimal import Decimal

    return float((Decimal(pounds) * Decimal("0.45359237")).quantize(Decimal("0.001")))


class TestStrong2019Semicolon:
    """Android, 2019: semicolons, every cell quoted, "Workout #", units in the header names."""

    def test_workouts_and_their_keys(self) -> None:
        result = parse_fixture("strong_2019_semicolon.csv")
        assert (result.errors, result.rows_total, result.rows_skipped) == ([], 9, 0)
        evening, morning = result.workouts
        assert evening.source_key == "strong|2019-03-04 18:12:33|Evening Workout"
        assert morning.source_key == "strong|2019-03-06 07:05:10|Morning Workout"
        assert evening.started_at == berlin(2019, 3, 4, 18, 12) + timedelta(seconds=33)
        assert evening.ended_at == evening.started_at + timedelta(seconds=3627)  # Duration (sec)
        assert morning.ended_at == morning.started_at + timedelta(seconds=1802)
        assert (evening.title, evening.notes, morning.notes) == (
            "Evening Workout",
            "Knees fine",
            None,
        )

    def test_set_values_in_kg_and_metres(self) -> None:
        evening, morning = parse_fixture("strong_2019_semicolon.csv", unit="lb").workouts
        assert set_values(evening) == [  # "Weight (kg)" wins over unit="lb"
            ("Squat (Barbell)", "warmup", 5, 60.0, None, None, None),
            ("Squat (Barbell)", "normal", 5, 100.0, 8.0, None, None),
            ("Squat (Barbell)", "normal", 5, 102.5, 8.5, None, None),
            ("Squat (Barbell)", "failure", 3, 102.5, 10.0, None, None),
            ("Chin Up (Assisted)", "normal", 8, -20.0, None, None, None),
            ("Plank", "normal", 0, 0.0, None, 60.0, None),
        ]
        assert set_values(morning) == [
            ("Bench Press (Barbell)", "normal", 8, 70.0, None, None, None),
            ("Bench Press (Barbell)", "dropset", 12, 50.0, None, None, None),
            ("Running (Treadmill)", "normal", 0, 0.0, None, 900.0, 3000.0),  # Distance (meters)
        ]
        assert evening.sets[2].notes == "Belt on"

    def test_note_rows_attach_to_the_exercise(self) -> None:
        header = fixture("strong_2019_semicolon.csv").decode().splitlines()[0]
        rows = [
            '"27";"2024-02-21 18:33:14";"WL #1";"70";"Front Squat (Barbell)";"Note";"";"";"";"";"";'
            '"Tempo 3-1-1";"Deload week"',
            '"27";"2024-02-21 18:33:14";"WL #1";"70";"Front Squat (Barbell)";"1";"80";"3";"";"";"";'
            '"Paused";""',
            '"27";"2024-02-21 18:33:14";"WL #1";"70";"Front Squat (Barbell)";"2";"80";"3";"";"";"";'
            '"";""',
            '"27";"2024-02-21 18:33:14";"WL #1";"70";"Snatch (Barbell)";"Note";"";"";"";"";"";'
            '"Hook grip";""',
        ]
        result = parse_text("\n".join([header, *rows]) + "\n")
        assert (result.errors, result.rows_total, result.rows_skipped) == ([], 4, 0)
        (workout,) = result.workouts
        assert [(s.exercise_name, s.notes) for s in workout.sets] == [
            ("Front Squat (Barbell)", "Paused\nTempo 3-1-1"),
            ("Front Squat (Barbell)", None),
        ]
        assert workout.notes == "Deload week\nSnatch (Barbell): Hook grip"

    def test_a_note_row_that_would_overflow_the_notes_is_an_error(self) -> None:
        header = fixture("strong_2019_semicolon.csv").decode().splitlines()[0]
        base = '"1";"2024-02-21 18:33:14";"WL";"70";"Squat";'
        text = "\n".join(
            [
                header,
                base + '"1";"80";"3";"";"";"";"' + "x" * 1500 + '";""',
                base + '"Note";"";"";"";"";"";"' + "y" * 600 + '";""',
            ]
        )
        result = parse_text(text)
        assert result.errors == [
            RowError(
                3, "Notes", "this note would make the notes of 'Squat' longer than 2000 characters"
            )
        ]


class TestStrongWeightUnitColumns:
    """Android: semicolons, a "Weight Unit" and "Distance Unit" cell on every row."""

    def test_each_row_in_its_own_unit(self) -> None:
        result = parse_fixture("strong_weight_unit.csv", unit="kg")
        assert result.errors == []
        arms, cardio = result.workouts
        assert set_values(arms) == [
            ("Bench Press (Dumbbell)", "normal", 8, kg_of_lb("30"), None, None, None),
            ("Bench Press (Dumbbell)", "normal", 8, kg_of_lb("30"), 8.0, None, None),
            ("Chest Fly", "normal", 0, 0.0, None, None, None),  # blank weight, unit and reps
            ("Pull Up (Assisted)", "normal", 8, -kg_of_lb("40"), None, None, None),
            ("Squat (Barbell)", "normal", 5, 60.0, None, None, None),  # a kg row among lbs
            ("Plank", "normal", 0, 0.0, None, 30.0, None),  # "km" on a row without distance
        ]
        assert set_values(cardio) == [
            ("Cycling (Indoor)", "normal", 0, 0.0, None, 2100.0, 3862.426),  # 2.4 "mi."
            ("Running (Treadmill)", "normal", 0, 0.0, None, 480.0, 1000.0),
            ("Lat Pulldown (Cable)", "normal", 10, 100.0, None, None, None),  # blank unit: kg
        ]
        assert (arms.ended_at, cardio.notes) == (None, "Hot day")

    def test_a_blank_weight_unit_falls_back_to_the_unit_option(self) -> None:
        _, cardio = parse_fixture("strong_weight_unit.csv", unit="lb").workouts
        assert cardio.sets[2].load_kg == kg_of_lb("100")

    def test_an_unknown_weight_unit_is_a_row_error(self) -> None:
        header = fixture("strong_weight_unit.csv").decode().splitlines()[0]
        text = header + '\n2023-07-30 16:49:28;"Arms";"Curl";1;30;stone;8;;;;0;"";""\n'
        assert parse_text(text).errors == [RowError(2, "Weight Unit", "'stone' is not kg or lbs")]


class TestStrongCurrent:
    """iOS today: CRLF, rest timer rows, W warm-ups, float reps, "31min", emoji, a quoted line
    break in a set note."""

    def test_rest_timer_rows_are_skipped_and_counted(self) -> None:
        result = parse_fixture("strong_current.csv")
        assert (result.errors, result.rows_total, result.rows_skipped) == ([], 13, 4)
        assert [len(w.sets) for w in result.workouts] == [5, 3, 1]
        assert all(
            s.duration_s not in (60.0, 90.0, 120.0, 180.0) for w in result.workouts for s in w.sets
        )

    def test_values_with_float_reps_warmups_and_emoji(self) -> None:
        push, legs, quick = parse_fixture("strong_current.csv").workouts
        assert (push.title, push.notes) == ("Push 💪", "Felt strong 🔥")
        assert set_values(push) == [
            ("Bench Press (Barbell)", "warmup", 10, 40.0, None, None, None),
            ("Bench Press (Barbell)", "normal", 8, 80.0, 8.0, None, None),
            ("Bench Press (Barbell)", "normal", 7, 80.0, 8.5, None, None),
            ("Triceps Dip (Assisted)", "normal", 10, -25.0, None, None, None),
            ("Plank", "normal", 0, 0.0, None, 45.0, None),
        ]
        assert set_values(legs) == [
            ("Squat (Barbell)", "warmup", 5, 60.0, None, None, None),
            ("Squat (Barbell)", "normal", 5, 100.0, 9.0, None, None),
            ("Running (Treadmill)", "normal", 0, 0.0, None, 900.0, 2500.0),
        ]
        assert quick.sets[0].notes == "🙂"

    def test_quoted_line_break_stays_in_the_note_and_lines_stay_physical(self) -> None:
        push, legs, quick = parse_fixture("strong_current.csv").workouts
        assert push.sets[1].notes == 'Paused, "slow"\nlast rep grindy'
        assert [s.line for s in push.sets] == [2, 4, 7, 8, 10]  # line 5 is inside the note
        assert [s.line for s in legs.sets] == [11, 12, 14]
        assert quick.sets[0].line == 15

    def test_durations_in_words(self) -> None:
        push, legs, quick = parse_fixture("strong_current.csv").workouts
        assert push.ended_at == push.started_at + timedelta(minutes=31)
        assert legs.ended_at == legs.started_at + timedelta(hours=1, minutes=5)
        assert quick.ended_at == quick.started_at + timedelta(seconds=20)

    def test_source_keys_are_date_and_name(self) -> None:
        assert [w.source_key for w in parse_fixture("strong_current.csv").workouts] == [
            "strong|2024-11-04 18:02:11|Push 💪",
            "strong|2024-11-06 07:30:00|Legs",
            "strong|2024-11-08 12:00:00|Quick one",
        ]

    def test_carriage_returns_inside_a_note_become_line_feeds(self) -> None:
        text = (
            STRONG_HEADER + '\r\n2024-11-04 18:02:11,"P",31min,"Curl",1,10,8,0,0,"a\r\nb\rc",,\r\n'
        )
        assert parse_text(text).workouts[0].sets[0].notes == "a\nb\nc"

    @pytest.mark.parametrize(
        ("duration", "seconds"),
        [
            ("31min", 1860),
            ("1h 5m", 3900),
            ("20s", 20),
            ("45m", 2700),
            ("2h 38m", 9480),
            ("1h 22min", 4920),
            ("1h", 3600),
            ("1:05:00", 3900),
            ("264h 1m", 950_460),  # a workout left running: Strong does not cap it
        ],
    )
    def test_duration_spellings(self, duration: str, seconds: int) -> None:
        text = STRONG_HEADER + f'\n2024-11-04 18:02:11,"P",{duration},"Curl",1,10,8,0,0,,,\n'
        (workout,) = parse_text(text).workouts
        assert workout.ended_at == workout.started_at + timedelta(seconds=seconds)

    @pytest.mark.parametrize("duration", ["", "0s", "0", "9000h"])
    def test_blank_zero_or_incredible_durations_leave_the_end_open(self, duration: str) -> None:
        text = STRONG_HEADER + f'\n2024-11-04 18:02:11,"P",{duration},"Curl",1,10,8,0,0,,,\n'
        result = parse_text(text)
        assert result.errors == []
        assert result.workouts[0].ended_at is None

    @pytest.mark.parametrize(("reps", "expected"), [("5.0", 5), ("5", 5), ("0.0", 0), ("", 0)])
    def test_reps_written_as_decimals(self, reps: str, expected: int) -> None:
        text = STRONG_HEADER + f'\n2024-11-04 18:02:11,"P",31min,"Curl",1,10,{reps},0,0,,,\n'
        assert parse_text(text).workouts[0].sets[0].reps == expected

    def test_fractional_reps_are_a_row_error(self) -> None:
        text = STRONG_HEADER + '\n2024-11-04 18:02:11,"P",31min,"Curl",1,10,5.5,0,0,,,\n'
        result = parse_text(text)
        assert result.errors == [RowError(2, "Reps", "'5.5' is not a whole number of reps")]
        assert result.workouts == []

    def test_rest_rows_are_not_validated_and_never_make_a_workout(self) -> None:
        text = STRONG_HEADER + '\nnot a date,"P",31min,"Curl",Rest Timer,,,,90,,,\n'
        result = parse_text(text)
        assert (result.errors, result.workouts, result.rows_skipped) == ([], [], 1)


class TestStrongNoNotes:
    def test_the_same_layout_without_the_notes_columns(self) -> None:
        result = parse_fixture("strong_no_notes.csv", unit="lb")
        assert result.errors == []
        first, second = result.workouts
        assert first.source_key == "strong|2022-05-11 04:20:50|ppl weighted"
        assert first.ended_at == first.started_at + timedelta(minutes=45)
        assert set_values(first) == [
            ("Squat (Barbell)", "normal", 5, kg_of_lb("225"), None, None, None),
            ("Squat (Barbell)", "normal", 5, kg_of_lb("225"), 8.0, None, None),
            ("Wide Pull Up", "normal", 8, kg_of_lb("35"), None, None, None),
        ]
        assert all(s.notes is None for s in first.sets)
        assert first.notes is None
        assert second.sets[0].rpe == 7.5

    def test_older_header_with_rpe_last_and_no_duration(self) -> None:
        text = (
            "Date,Workout Name,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,"
            "Workout Notes,RPE\n"
            '2021-01-04 18:33:57,"Evening Workout","Snatch (Barbell)",1,40.0,3,0,0,"","",8\n'
        )
        (workout,) = parse_text(text).workouts
        assert (workout.ended_at, workout.sets[0].rpe) == (None, 8.0)


class TestStrongGerman:
    def test_german_columns_decimal_commas_and_rest_rows(self) -> None:
        result = parse_fixture("strong_german.csv")
        assert (result.layout, result.errors, result.rows_total, result.rows_skipped) == (
            "strong",
            [],
            7,
            2,
        )
        legs, upper = result.workouts
        assert (legs.source_key, legs.notes) == (
            "strong|2024-03-04 18:30:00|Beintag",
            "Gute Einheit",
        )
        assert legs.ended_at == legs.started_at + timedelta(hours=1, minutes=5)
        assert set_values(legs) == [
            ("Kniebeuge (Langhantel)", "warmup", 10, 40.0, None, None, None),
            ("Kniebeuge (Langhantel)", "normal", 5, 102.5, 8.5, None, None),
            ("Kniebeuge (Langhantel)", "normal", 5, 102.5, 9.0, None, None),
            ("Laufen (Laufband)", "normal", 0, 0.0, None, 1800.0, 5200.0),
        ]
        assert legs.sets[1].notes == "Gürtel"
        assert (upper.title, upper.ended_at - upper.started_at) == (  # type: ignore[operator]
            "Oberkörper",
            timedelta(minutes=45),
        )

    def test_errors_name_the_german_column(self) -> None:
        header = fixture("strong_german.csv").decode().splitlines()[0]
        text = header + '\n2024-03-04 18:30:00;"B";1h;"Kniebeuge";1;abc;5,5;0;0;;;\n'
        assert parse_text(text).errors == [
            RowError(2, "Wiederh.", "'5,5' is not a whole number of reps"),
            RowError(2, "Gewicht", "'abc' is not a number"),
        ]

    def test_the_comma_delimited_german_header_of_ios(self) -> None:
        text = (
            "Datum,Workout-Name,Dauer,Name der Übung,Reihenfolge festlegen,Gewicht,Wiederh.,"
            "Entfernung,Sekunden,Notizen,Workout-Notizen,RPE\n"
            '2024-03-04 18:30:00,"Beintag",31min,"Kniebeuge",1,102.5,5.0,0,0.0,"","",8\n'
            '2024-03-04 18:30:00,"Beintag",31min,"Kniebeuge",Ruhezeit,0,0.0,0,120.0,,,\n'
        )
        result = parse_text(text)
        assert (result.errors, result.rows_skipped) == ([], 1)
        assert set_values(result.workouts[0]) == [
            ("Kniebeuge", "normal", 5, 102.5, 8.0, None, None)
        ]

    def test_android_german_workout_duration_column(self) -> None:
        text = (
            "Datum;Workout-Name;Name der Übung;Reihenfolge festlegen;Gewicht;Wiederh.;RPE;"
            "Entfernung;Sekunden;Notizen;Workout-Notizen;Workout-Dauer\n"
            '2024-03-04 18:30:00;"Beintag";"Kniebeuge";1;100;5;;;0;"";"";1 Std. 5 Min.\n'
        )
        (workout,) = parse_text(text).workouts
        assert workout.ended_at == workout.started_at + timedelta(hours=1, minutes=5)


class TestStrongTwelveHourClock:
    def test_narrow_no_break_space_before_am_and_pm(self) -> None:
        result = parse_fixture("strong_ios_12h.csv", unit="lb")
        assert result.errors == []
        evening, late, lunch = result.workouts
        assert evening.started_at == berlin(2024, 11, 5, 19, 5) + timedelta(seconds=12)
        assert late.started_at == berlin(2024, 11, 6, 0, 15)  # 12:15 AM
        assert lunch.started_at == berlin(2024, 11, 7, 12, 30)  # 12:30 PM
        assert [w.source_key for w in result.workouts] == [
            "strong|2024-11-05 19:05:12|Evening Workout",
            "strong|2024-11-06 00:15:00|Late Night",
            "strong|2024-11-07 12:30:00|Lunch Lift",
        ]
        assert evening.sets[0].load_kg == kg_of_lb("315")

    @pytest.mark.parametrize("space", ["\u202f", " ", "\u00a0", ""])
    def test_any_space_before_pm(self, space: str) -> None:
        text = STRONG_HEADER + f'\n2024-11-05 7:05:12{space}PM,"E",52m,"Curl",1,10,8,0,0,,,\n'
        (workout,) = parse_text(text).workouts
        assert workout.source_key == "strong|2024-11-05 19:05:12|E"

    def test_the_same_workout_in_24_and_12_hour_files_has_one_key(self) -> None:
        twelve = STRONG_HEADER + '\n2024-11-05 7:05:12\u202fPM,"E",52m,"Curl",1,10,8,0,0,,,\n'
        twenty_four = STRONG_HEADER + '\n2024-11-05 19:05:12,"E",52m,"Curl",1,10,8,0,0,,,\n'
        first, second = parse_text(twelve).workouts[0], parse_text(twenty_four).workouts[0]
        assert (first.source_key, first.content_hash) == (second.source_key, second.content_hash)

    def test_hour_thirteen_pm_is_an_error(self) -> None:
        text = STRONG_HEADER + '\n2024-11-05 13:05:12 PM,"E",52m,"Curl",1,10,8,0,0,,,\n'
        assert [e.field for e in parse_text(text).errors] == ["Date"]


class TestHevyQuoting:
    def test_newer_fully_quoted_export(self) -> None:
        result = parse_fixture("hevy_new_quoted.csv")
        assert (result.errors, result.rows_total) == ([], 9)
        upper, run = result.workouts
        assert upper.source_key == "hevy|Upper 🚀|2026-04-08 16:50:00"
        assert (upper.started_at, upper.ended_at) == (
            berlin(2026, 4, 8, 16, 50),
            berlin(2026, 4, 8, 18, 2),
        )
        assert set_values(upper) == [
            ("Bench Press (Barbell)", "warmup", 10, 40.0, None, None, None),
            ("Bench Press (Barbell)", "normal", 8, 82.5, 8.0, None, None),
            ("Bench Press (Barbell)", "failure", 6, 82.5, 10.0, None, None),
            ("Lat Pulldown (Cable)", "normal", 10, 60.0, 8.5, None, None),
            ("Face Pull (Cable)", "normal", 15, 20.0, None, None, None),
            ("Lat Pulldown (Cable)", "dropset", 12, 45.0, None, None, None),
            ("Pull Up (Assisted)", "normal", 8, -25.0, None, None, None),
            ("Push Up", "normal", 20, 0.0, None, None, None),  # empty weight: bodyweight
        ]
        assert [s.superset_id for s in upper.sets] == [None, None, None, "0", "0", "0", None, None]
        assert [s.notes for s in upper.sets[:3]] == ["Pause on chest", None, None]
        assert (run.notes, set_values(run)) == (
            "Easy\nzone 2",
            [("Running", "normal", 0, 0.0, None, 1860.0, 5200.0)],
        )

    def test_older_minimally_quoted_export_in_pounds_and_miles(self) -> None:
        result = parse_fixture("hevy_old_minimal.csv", unit="kg")  # the header's unit wins
        assert result.errors == []
        legs, walk = result.workouts
        assert legs.source_key == "hevy|Leg Day|2022-09-12 17:05:00"
        assert set_values(legs) == [
            ("Squat (Barbell)", "warmup", 5, kg_of_lb("135"), None, None, None),
            ("Squat (Barbell)", "normal", 5, kg_of_lb("225"), 8.0, None, None),
            ("Romanian Deadlift (Barbell)", "normal", 8, kg_of_lb("185"), None, None, None),
            ("Lying Leg Curl (Machine)", "normal", 12, kg_of_lb("90"), None, None, None),
            ("Romanian Deadlift (Barbell)", "normal", 8, kg_of_lb("185"), None, None, None),
            ("Lying Leg Curl (Machine)", "normal", 10, kg_of_lb("90"), None, None, None),
            ("Chin Up (Assisted)", "normal", 8, -kg_of_lb("50"), None, None, None),
            ("Chin Up", "normal", 6, 0.0, 9.5, None, None),
            ("Hanging Leg Raise", "normal", 12, 0.0, None, None, None),
        ]
        assert [s.superset_id for s in legs.sets[2:6]] == ["0", "0", "0", "0"]
        assert [s.notes for s in legs.sets if s.notes] == ["Slow eccentric", "Slow, controlled"]
        assert (walk.notes, walk.sets[0].distance_m) == ("Lunch walk, sunny", 4023.36)

    def test_quoting_style_does_not_change_the_workout(self) -> None:
        quoted = (
            HEVY_HEADER + "\n"
            '"Push","8 Apr 2026, 16:50","8 Apr 2026, 18:02","","Dip (Assisted)","1","","0",'
            '"normal","20","8","","",""\n'
        )
        minimal = (
            HEVY_HEADER.replace('"', "") + "\n"
            'Push,"8 Apr 2026, 16:50","8 Apr 2026, 18:02",,Dip (Assisted),1,,0,normal,20,8,,,\n'
        )
        first, second = parse_text(quoted).workouts[0], parse_text(minimal).workouts[0]
        assert first == second
        assert first.sets[0].load_kg == -20.0

    def test_us_english_dates(self) -> None:
        text = (
            HEVY_HEADER + "\n"
            '"Core","May 22, 2025, 12:57 PM","May 22, 2025, 1:32 PM","","Plank",,"",0,"normal",'
            ",,,60,\n"
        )
        (workout,) = parse_text(text).workouts
        assert (workout.started_at, workout.ended_at) == (
            berlin(2025, 5, 22, 12, 57),
            berlin(2025, 5, 22, 13, 32),
        )
        assert workout.source_key == "hevy|Core|2025-05-22 12:57:00"


class TestFitNotesUnits:
    def test_kgs_header_and_comment_as_set_notes(self) -> None:
        result = parse_fixture("fitnotes_kgs.csv", unit="lb")  # the header's unit wins
        assert result.errors == []
        first, second = result.workouts
        assert (first.source_key, second.source_key) == (
            "fitnotes|2024-03-02",
            "fitnotes|2024-03-04",
        )
        assert set_values(first) == [
            ("Deadlift", "normal", 3, 150.0, None, None, None),
            ("Deadlift", "normal", 3, 155.0, None, None, None),
            ("Assisted Pull Up", "normal", 8, -20.0, None, None, None),
            ("Pull Up", "normal", 10, 0.0, None, None, None),
            ("Plank", "normal", 0, 0.0, None, 90.0, None),
            ("Rowing Machine", "normal", 0, 0.0, None, 485.0, 2000.0),
        ]
        assert [s.notes for s in first.sets] == ["Felt strong", None, None, None, None, None]
        assert second.sets[0].notes == 'Wide grip, "touch and go"'
        assert (first.title, first.notes, first.ended_at) == (None, None, None)

    def test_lbs_header(self) -> None:
        (workout,) = parse_fixture("fitnotes_lbs.csv", unit="kg").workouts
        assert set_values(workout) == [
            ("Barbell Squat", "normal", 5, kg_of_lb("225"), None, None, None),
            ("Barbell Squat", "normal", 3, kg_of_lb("245"), None, None, None),
            ("Treadmill Running", "normal", 0, 0.0, None, 1080.0, 3218.688),  # 2 mi
        ]
        assert workout.sets[1].notes == "PR"

    def test_weight_and_weight_unit_columns(self) -> None:
        text = (
            "Date,Exercise,Category,Weight,Weight Unit,Reps,Distance,Distance Unit,Time,Comment\n"
            '2022-09-14,Flat Barbell Bench Press,Chest,45.0,lbs,10,,,,""\n'
            '2022-09-14,Flat Barbell Bench Press,Chest,20.0,kgs,10,,,,""\n'
            '2022-06-07,Cycling,Cardio,,,,0.0,m,0:00:30,""\n'
        )
        result = parse_text(text)
        assert result.errors == []
        assert [s.load_kg for w in result.workouts for s in w.sets] == [0.0, kg_of_lb("45"), 20.0]

    def test_fitnotes_2_has_both_weight_columns_one_of_them_blank(self) -> None:
        text = (
            "Date,Exercise,Category,Weight (kg),Weight (lbs),Reps,Distance,Distance Unit,Time,"
            "Notes,Kind\n"
            "2024-01-15,Squat,Legs,100,,5,,,,,wr\n"
            "2024-01-15,Curl,Arms,,30,10,,,,Slow,wr\n"
        )
        (workout,) = parse_text(text).workouts
        assert [(s.load_kg, s.notes) for s in workout.sets] == [
            (100.0, None),
            (kg_of_lb("30"), "Slow"),
        ]


class TestBackchainSetsFixture:
    def test_reads_the_exporters_bytes(self) -> None:
        result = parse_fixture("backchain_sets.csv", unit="lb")  # the header's unit wins
        assert (result.layout, result.errors, result.rows_total) == ("backchain", [], 7)
        pull, squat = result.workouts
        assert pull.source_key == "backchain|3f2a9c1e-5b7d-4e8f-a1b2-c3d4e5f60718"
        assert (pull.title, squat.title) == ("=Pull day", None)  # the guard is undone
        assert pull.started_at == datetime(2024, 11, 4, 17, 2, 11, tzinfo=UTC)
        assert [
            (s.exercise_name, s.exercise_slug, s.set_type, s.reps, s.load_kg, s.rpe, s.rir)
            for s in pull.sets
        ] == [
            ("Deadlift", "deadlift", "warmup", 5, 60.0, None, None),
            ("Deadlift", "deadlift", "normal", 5, 142.5, 8.5, 1),
            ("Pull-up", "pull_up", "normal", 8, -20.0, None, None),  # not flipped again
            ("Plank", "plank", "normal", 0, 0.0, None, None),
            ("Sled drag 🛷", "sled_drag_7f3a", "dropset", 0, 80.0, None, None),
        ]
        assert [s.notes for s in pull.sets] == [
            None,
            "Belt on\nhook grip",
            '-20 kg band, felt "easy"',
            None,
            "+1 round",
        ]

    @pytest.mark.parametrize(("unit", "delimiter", "bom"), [("kg", ",", False), ("lb", ";", True)])
    def test_export_import_into_another_account_export_again(
        self, unit: str, delimiter: str, bom: bool
    ) -> None:
        """The second export equals the first apart from the ids (workout_id, created_by)."""
        first_rows = list(csv.DictReader(io.StringIO(fixture("backchain_sets.csv").decode())))
        first = reexport(parse_fixture("backchain_sets.csv"), first_rows, "kg", ",", bom=False)
        assert csv_rows(first, ",") == csv_rows(fixture("backchain_sets.csv"), ",", ids=False)
        # and once more through the other unit and delimiter
        converted = reexport(parse_fixture("backchain_sets.csv"), first_rows, unit, delimiter, bom)
        again = reexport(parse(converted, tz=BERLIN, now=NOW), first_rows, "kg", ",", bom=False)
        assert csv_rows(again, ",") == csv_rows(fixture("backchain_sets.csv"), ",", ids=False)


ID_COLUMNS = ("workout_id", "created_by")


def reexport(
    result: ParseResult,
    catalog_rows: list[dict[str, str]],
    unit: str,
    delimiter: str,
    bom: bool,
) -> bytes:
    """What the export service writes after the import stored `result` in another account:
    new ids, times in Europe/Berlin, chain and e1rm from that account's catalogue and analytics
    (taken from the original rows here)."""
    rows = []
    originals = iter(catalog_rows)
    for workout in result.workouts:
        workout_id = uuid.uuid4()
        for position, parsed in enumerate(workout.sets):
            original = next(originals)
            row: dict[str, object] = {
                "workout_id": workout_id,
                "workout_started_at": workout.started_at.astimezone(BERLIN).isoformat(),
                "workout_title": workout.title,
                "position": position,
                "exercise": parsed.exercise_name,
                "exercise_slug": parsed.exercise_slug,
                "chain": original["chain"],
                "set_type": parsed.set_type,
                "reps": parsed.reps,
                "load_kg": parsed.load_kg,
                "rpe": parsed.rpe,
                "rir": parsed.rir,
                "duration_s": parsed.duration_s,
                "distance_m": parsed.distance_m,
                "e1rm_kg": float(original["e1rm_kg"]) if original["e1rm_kg"] else None,
                "notes": parsed.notes,
                "created_by": uuid.uuid4(),
            }
            rows.append(sets_row_for_unit(row, unit))  # type: ignore[arg-type]
    writer = CsvStreamWriter(sets_columns(unit), delimiter, bom)  # type: ignore[arg-type]
    return b"".join(writer.stream(rows))


def csv_rows(data: bytes, delimiter: str, *, ids: bool = False) -> list[dict[str, str]]:
    rows = csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=delimiter)
    return [{k: v for k, v in row.items() if ids or k not in ID_COLUMNS} for row in rows]


class TestSourceKeys:
    def test_every_layout_keys_its_workouts(self) -> None:
        assert parse_fixture("strong_kg.csv").workouts[0].source_key == (
            "strong|2023-05-01 18:30:00|Pull Day"
        )
        assert parse_fixture("hevy_kg.csv").workouts[0].source_key == (
            "hevy|Push Day|2023-05-01 18:30:00"
        )
        assert parse_fixture("fitnotes.csv").workouts[0].source_key == "fitnotes|2023-05-01"

    def test_keys_do_not_depend_on_the_time_zone_but_hashes_do(self) -> None:
        for name in ("strong_current.csv", "hevy_new_quoted.csv", "fitnotes_kgs.csv"):
            here = parse_fixture(name).workouts
            there = parse(fixture(name), tz=ZoneInfo("America/New_York"), now=NOW).workouts
            assert [w.source_key for w in here] == [w.source_key for w in there]
            assert {w.content_hash for w in here}.isdisjoint(w.content_hash for w in there)

    def test_keys_are_unique_within_a_file(self) -> None:
        for path in sorted(FIXTURES.glob("*.csv")):
            if path.name in {"not_utf8.csv", "unknown_header.csv", "empty.csv"}:
                continue
            keys = [w.source_key for w in parse_fixture(path.name).workouts]
            assert len(keys) == len(set(keys)), path.name

    def test_same_name_at_another_time_is_another_workout(self) -> None:
        text = (
            STRONG_HEADER + "\n"
            '2024-11-04 18:02:11,"Evening Workout",31min,"Curl",1,10,8,0,0,,,\n'
            '2024-11-05 18:02:11,"Evening Workout",31min,"Curl",1,10,8,0,0,,,\n'
        )
        first, second = parse_text(text).workouts
        assert first.source_key != second.source_key
        assert first.content_hash != second.content_hash

    def test_backchain_rows_without_a_workout_id_key_by_start_and_title(self) -> None:
        rows = list(export_rows([exported_view(parse_fixture("hevy_kg.csv").workouts[0])], "kg"))
        for row in rows:
            row["workout_id"] = None
        data = b"".join(CsvStreamWriter(sets_columns("kg")).stream(rows))
        (workout,) = parse(data, tz=BERLIN, now=NOW).workouts
        assert workout.source_key == "backchain|2023-05-01 16:30:00+00:00|Push Day"

    def test_a_workout_built_in_code_has_an_empty_key(self) -> None:
        workout = ParsedWorkout.create(started_at=NOW, sets=[])
        assert workout.source_key == ""
        assert ParsedWorkout.create(started_at=NOW, sets=[], source_key="x").source_key == "x"


class TestMalformedFiles:
    def test_empty_file(self) -> None:
        with pytest.raises(CsvFormatError, match="the file is empty"):
            parse_fixture("empty.csv")

    @pytest.mark.parametrize("data", [b"\xef\xbb\xbf", b"\r\n\r\n", b"  \n"])
    def test_blank_file(self, data: bytes) -> None:
        with pytest.raises(CsvFormatError, match="the file is empty"):
            parse(data, tz=BERLIN, now=NOW)

    def test_blank_first_line(self) -> None:
        with pytest.raises(CsvFormatError, match="first line of the file is blank"):
            parse_text("\n" + STRONG_HEADER + "\n")

    def test_header_only_is_a_file_without_workouts(self) -> None:
        result = parse_fixture("header_only.csv")
        assert result == ParseResult(
            layout="strong", workouts=[], errors=[], rows_skipped=0, rows_total=0
        )

    def test_unknown_header_lists_the_known_layouts_and_the_header(self) -> None:
        with pytest.raises(CsvFormatError) as caught:
            parse_fixture("unknown_header.csv")
        message = str(caught.value)
        for description in LAYOUT_DESCRIPTIONS.values():
            assert description in message
        assert "Date, Exercise, Reps, Weight(lbs), Duration(s)" in message
        assert not isinstance(caught.value, (CsvEncodingError, CsvTooLarge))

    def test_bad_cells_name_their_line_and_column(self) -> None:
        text = fixture("strong_current.csv").decode().replace(",80.0,7.0,", ",80.0,seven,")
        result = parse(text.encode(), tz=BERLIN, now=NOW)
        assert result.errors == [RowError(7, "Reps", "'seven' is not a whole number of reps")]

    def test_every_bad_row_is_reported_not_only_the_first(self) -> None:
        body = "".join(
            f'2024-11-04 18:02:11,"P",31min,"Curl",1,10,x{n},0,0,,,\n' for n in range(50)
        )
        result = parse_text(STRONG_HEADER + "\n" + body)
        assert [error.line for error in result.errors] == list(range(2, 52))
        assert result.workouts == []

    def test_an_oversized_cell_is_a_format_error_with_its_line(self) -> None:
        text = STRONG_HEADER + '\n2024-11-04 18:02:11,"P",31min,"Curl",1,10,8,0,0,"' + "x" * 200_000
        with pytest.raises(CsvFormatError, match="line 2: field larger than field limit"):
            parse_text(text + '",,\n')


class TestLimits:
    def test_more_than_max_rows_data_rows_is_too_large(self) -> None:
        body = "2023-05-01,x,y,1,1\n" * (MAX_ROWS + 1)
        with pytest.raises(CsvTooLarge, match="more than 100,000 data rows"):
            parse_text("Date,Exercise,Category,Weight,Reps\n" + body)

    def test_exactly_max_rows_with_a_final_line_break_is_accepted(self) -> None:
        text = FITNOTES_HEADER + "\n" + "2023-05-01,Deadlift,Back,100,3,,,\n" * 3
        assert parse_text(text, max_rows=3).rows_total == 3

    @pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
    def test_one_row_too_many_is_too_large_with_any_line_break(self, newline: str) -> None:
        text = newline.join([FITNOTES_HEADER] + ["2023-05-01,Deadlift,Back,100,3,,,"] * 4)
        assert parse_text(text, max_rows=4).rows_total == 4
        with pytest.raises(CsvTooLarge):
            parse_text(text, max_rows=3)

    def test_the_row_limit_counts_data_rows_only(self) -> None:
        text = FITNOTES_HEADER + "\n\n" + "2023-05-01,Deadlift,Back,100,3,,,\n\n" * 3
        assert parse_text(text, max_rows=3).rows_total == 3
        with pytest.raises(CsvTooLarge):
            parse_text(text, max_rows=2)

    def test_too_large_is_a_format_error(self) -> None:
        assert issubclass(CsvTooLarge, CsvFormatError)
        assert issubclass(CsvEncodingError, CsvFormatError)

    def test_more_than_max_bytes_is_too_large(self) -> None:
        data = (STRONG_HEADER + "\n").encode() + b" " * MAX_BYTES
        with pytest.raises(CsvTooLarge, match="10 MiB"):
            parse(data, tz=BERLIN, now=NOW)

    def test_rows_total_counts_every_data_row(self) -> None:
        result = parse_fixture("strong_bad_rows.csv")
        assert (result.rows_total, result.rows_skipped) == (9, 0)
        assert sum(len(w.sets) for w in result.workouts) + len({e.line for e in result.errors}) == 9


FULL_WIDTH = {code: code + 0xFEE0 for code in range(0x21, 0x7F)}  # U+FF21 for "A", U+FF08 for "("


class TestAliasKey:
    @pytest.mark.parametrize(
        "name",
        [
            "Deadlift (Barbell)",
            "deadlift barbell",
            "DEADLIFT  (barbell)",
            " Deadlift - Barbell ",
            "deadlift_barbell",
            "Deadlift\u00a0(Barbell)",
            "Deadlift(Barbell)".translate(FULL_WIDTH),
        ],
    )
    def test_case_space_and_punctuation_do_not_matter(self, name: str) -> None:
        assert alias_key(name) == "deadlift barbell"

    @pytest.mark.parametrize(
        ("name", "key"),
        [
            ("Farmer's Walk", "farmers walk"),
            ("Farmer\u2019s Walk", "farmers walk"),
            ("Pull-Up", "pull up"),
            ("21s (Barbell Curl)", "21s barbell curl"),
            ("Développé Couché", "développé couché"),
            ("Kniebeuge (Langhantel)", "kniebeuge langhantel"),
            ("Straße", "strasse"),
            ("—", ""),
        ],
    )
    def test_keys(self, name: str, key: str) -> None:
        assert alias_key(name) == key

    def test_composed_and_decomposed_accents_match(self) -> None:
        assert alias_key("De\u0301veloppe\u0301") == alias_key("Développé")

    def test_distinct_lifts_stay_distinct(self) -> None:
        assert alias_key("Squat (Barbell)") != alias_key("Squat (Dumbbell)")
        assert alias_key("Pull Up") != alias_key("Pull Up (Assisted)")
