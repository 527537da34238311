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
from api.csv_io.exporters import CsvStreamWriter, sets_columns, sets_row_for_unit
from api.csv_io.importers import (
    SET_TYPES,
    CsvFormatError,
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
NOW = datetime(2025, 1, 1, tzinfo=UTC)
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
        for path in sorted(package_dir.glob("*.py")):
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
                        offenders.append(f"{path.name}: {name}")
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
                {"Date": "2025-01-02 01:00:01"},
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
        text = STRONG_HEADER + '\n2025-01-02 00:59:00,"Push","","Push Up",1,0,20,0,0,,,\n'
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


class TestEncodings:
    def test_cp1252_file_falls_back_from_utf8(self) -> None:
        text = FITNOTES_HEADER + "\n2023-05-01,Développé couché,Chest,60,8,,,\n"
        result = parse(text.encode("cp1252"), tz=BERLIN, now=NOW)
        assert result.workouts[0].sets[0].exercise_name == "Développé couché"

    def test_utf16_with_bom(self) -> None:
        text = FITNOTES_HEADER + "\n2023-05-01,Kniebeuge,Legs,60,8,,,\n"
        result = parse(text.encode("utf-16"), tz=BERLIN, now=NOW)
        assert result.workouts[0].sets[0].exercise_name == "Kniebeuge"

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
            [dataclasses.replace(s, line=0) for s in w.sets],
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

    @settings(max_examples=150, deadline=None)
    @given(workout=workouts_st)
    def test_stable_and_independent_of_lines_and_offsets(self, workout: ParsedWorkout) -> None:
        renumbered = [dataclasses.replace(s, line=s.line + 7) for s in workout.sets]
        in_auckland = workout.started_at.astimezone(ZoneInfo("Pacific/Auckland"))
        again = ParsedWorkout.create(started_at=in_auckland, title=workout.title, sets=renumbered)
        assert again.content_hash == workout.content_hash

    @settings(max_examples=200, deadline=None)
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

    @settings(max_examples=100, deadline=None)
    @given(workout=workouts_st, data=st.data())
    def test_changes_when_sets_are_added_removed_or_reordered(
        self, workout: ParsedWorkout, data: st.DataObject
    ) -> None:
        extra = data.draw(sets_st, label="extra")
        variants = [[*workout.sets, extra], workout.sets[:-1]]
        if len(workout.sets) > 1 and workout.sets[0] != workout.sets[-1]:
            variants.append([workout.sets[-1], *workout.sets[1:-1], workout.sets[0]])
        for sets in variants:
            other = ParsedWorkout.create(
                started_at=workout.started_at, title=workout.title, sets=sets
            )
            assert other.content_hash != workout.content_hash

    @settings(max_examples=100, deadline=None)
    @given(workout=workouts_st, shift=st.integers(1, 10**9))
    def test_changes_when_the_start_changes(self, workout: ParsedWorkout, shift: int) -> None:
        later = ParsedWorkout.create(
            started_at=workout.started_at + timedelta(microseconds=shift),
            title=workout.title,
            sets=workout.sets,
        )
        assert later.content_hash != workout.content_hash

    @settings(max_examples=100, deadline=None)
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
