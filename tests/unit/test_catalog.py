"""The derived system-exercise catalog and its classification (BALANCE_METHOD §9)."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from api.analytics.classes import counted_class
from api.exercise_names import fold, system_resolver
from db.catalog import CATALOG_PATH, CHAINS, PATTERNS, REGIONS, catalog, catalog_by_slug
from db.catalog_seed import SYSTEM_EXERCISES

SNAKE_CASE = re.compile(r"^[a-z0-9]+(?:_[a-z0-9]+)*$")
APP_SOURCES = ("strong", "hevy", "fitnotes")

# Well-known names as Strong, Hevy and FitNotes export them (and German Strong names), with the
# counted class each must get. The prime mover decides (§9).
CLASSES = {
    # the ten pcb-1 lifts
    "Squat (Barbell)": "anterior_lower",
    "Front Squat (Barbell)": "anterior_lower",
    "Deadlift (Barbell)": "posterior_lower",
    "Hip Thrust (Barbell)": "posterior_lower",
    "Bench Press (Barbell)": "anterior_upper",
    "Overhead Press (Barbell)": "anterior_upper",
    "Push Up": "anterior_upper",
    "Bent Over Row (Barbell)": "posterior_upper",
    "Pull Up": "posterior_upper",
    "Chin Up": "posterior_upper",
    # what real exports log and pcb-1 left neutral (issue 23)
    "Incline Bench Press (Dumbbell)": "anterior_upper",
    "Squat (Smith Machine)": "anterior_lower",
    "Deadlift (Smith Machine)": "posterior_lower",
    "Romanian Deadlift (Dumbbell)": "posterior_lower",
    "Seated Cable Row - V Grip (Cable)": "posterior_upper",
    "Single Arm Lat Pulldown": "posterior_upper",
    "Leg Press (Machine)": "anterior_lower",
    "Decline Push Up": "anterior_upper",
    "Pike Pushup": "anterior_upper",
    "Diamond Push Up": "anterior_upper",
    "Chest Supported Incline Row (Dumbbell)": "posterior_upper",
    "Rear Delt Reverse Fly (Machine)": "posterior_upper",
    "Shrug (Barbell)": "posterior_upper",
    # lower body, posterior
    "Romanian Deadlift (Barbell)": "posterior_lower",
    "Stiff Leg Deadlift (Barbell)": "posterior_lower",
    "Sumo Deadlift (Barbell)": "posterior_lower",
    "Trap Bar Deadlift": "posterior_lower",
    "Rack Pull": "posterior_lower",
    "Good Morning (Barbell)": "posterior_lower",
    "Hip Thrust (Machine)": "posterior_lower",
    "Hip Thrust (Smith Machine)": "posterior_lower",
    "Glute Bridge": "posterior_lower",
    "Back Extension (Hyperextension)": "posterior_lower",
    "Reverse Hyperextension": "posterior_lower",
    "Lying Leg Curl (Machine)": "posterior_lower",
    "Seated Leg Curl (Machine)": "posterior_lower",
    "Nordic Hamstrings Curls": "posterior_lower",
    "Glute Ham Raise": "posterior_lower",
    "Kettlebell Swing": "posterior_lower",
    "Cable Pull Through": "posterior_lower",
    "Glute Kickback (Machine)": "posterior_lower",
    "Hip Abductor (Machine)": "posterior_lower",
    "Standing Calf Raise (Machine)": "posterior_lower",
    "Seated Calf Raise (Plate Loaded)": "posterior_lower",
    "Calf Press on Leg Press": "posterior_lower",
    "Power Clean": "posterior_lower",
    # lower body, anterior
    "Hack Squat (Machine)": "anterior_lower",
    "Goblet Squat (Kettlebell)": "anterior_lower",
    "Squat (Dumbbell)": "anterior_lower",
    "Box Squat (Barbell)": "anterior_lower",
    "Zercher Squat": "anterior_lower",
    "Belt Squat (Machine)": "anterior_lower",
    "Pendulum Squat (Machine)": "anterior_lower",
    "Bulgarian Split Squat": "anterior_lower",
    "Lunge (Dumbbell)": "anterior_lower",
    "Walking Lunge (Dumbbell)": "anterior_lower",
    "Step-up": "anterior_lower",
    "Leg Extension (Machine)": "anterior_lower",
    "Sissy Squat (Weighted)": "anterior_lower",
    "Single Leg Press (Machine)": "anterior_lower",
    # upper body, posterior
    "Lat Pulldown (Cable)": "posterior_upper",
    "Lat Pulldown - Close Grip (Cable)": "posterior_upper",
    "Seated Row (Machine)": "posterior_upper",
    "Iso-Lateral Row (Machine)": "posterior_upper",
    "Bent Over One Arm Row (Dumbbell)": "posterior_upper",
    "T Bar Row": "posterior_upper",
    "Pendlay Row (Barbell)": "posterior_upper",
    "Inverted Row": "posterior_upper",
    "Face Pull (Cable)": "posterior_upper",
    "Reverse Fly (Dumbbell)": "posterior_upper",
    "Straight Arm Lat Pulldown (Cable)": "posterior_upper",
    "Shrug (Dumbbell)": "posterior_upper",
    "Pull Up (Assisted)": "posterior_upper",
    "Muscle Up": "posterior_upper",
    # upper body, anterior
    "Bench Press (Dumbbell)": "anterior_upper",
    "Bench Press (Smith Machine)": "anterior_upper",
    "Incline Bench Press (Barbell)": "anterior_upper",
    "Decline Bench Press (Barbell)": "anterior_upper",
    "Bench Press - Close Grip (Barbell)": "anterior_upper",
    "Chest Press (Machine)": "anterior_upper",
    "Overhead Press (Dumbbell)": "anterior_upper",
    "Shoulder Press (Machine)": "anterior_upper",
    "Arnold Press (Dumbbell)": "anterior_upper",
    "Push Press": "anterior_upper",
    "Chest Dip": "anterior_upper",
    "Triceps Dip": "anterior_upper",
    "Cable Crossover": "anterior_upper",
    "Chest Fly (Dumbbell)": "anterior_upper",
    "Pec Deck (Machine)": "anterior_upper",
    "Front Raise (Dumbbell)": "anterior_upper",
    "Handstand Push Up": "anterior_upper",
    # not counted: arms, lateral deltoids, neck, adductors, core, carries, cardio, mobility
    "Bicep Curl (Barbell)": "not_counted",
    "Hammer Curl (Dumbbell)": "not_counted",
    "Preacher Curl (Machine)": "not_counted",
    "Triceps Pushdown (Cable - Straight Bar)": "not_counted",
    "Skullcrusher (Barbell)": "not_counted",
    "Triceps Extension (Cable)": "not_counted",
    "Wrist Roller": "not_counted",
    "Lateral Raise (Dumbbell)": "not_counted",
    "Lateral Raise (Cable)": "not_counted",
    "Upright Row (Barbell)": "not_counted",
    "Lying Neck Curls": "not_counted",
    "Hip Adductor (Machine)": "not_counted",
    "Plank": "not_counted",
    "Crunch": "not_counted",
    "Cable Crunch": "not_counted",
    "Hanging Leg Raise": "not_counted",
    "Russian Twist": "not_counted",
    "Ab Wheel": "not_counted",
    "Farmers Walk": "not_counted",
    "Rowing Machine": "not_counted",
    "Running": "not_counted",
    "Cycling": "not_counted",
    "Elliptical Trainer": "not_counted",
    "Jump Rope": "not_counted",
    "Stretching": "not_counted",
    "Yoga": "not_counted",
    # FitNotes names
    "Flat Barbell Bench Press": "anterior_upper",
    "Barbell Squat": "anterior_lower",
    "Seated Cable Row": "posterior_upper",
    "Lying Leg Curl Machine": "posterior_lower",
    "Barbell Curl": "not_counted",
    "Dumbbell Lateral Raise": "not_counted",
    # German Strong names
    "Kniebeuge (Langhantel)": "anterior_lower",
    "Kreuzheben (Langhantel)": "posterior_lower",
    "Bankdrücken (Langhantel)": "anterior_upper",
    "Klimmzug": "posterior_upper",
    "Rudern vorgebeugt (Langhantel)": "posterior_upper",
    "Schulterdrücken (Kurzhantel)": "anterior_upper",
    "Latzug (Kabelzug)": "posterior_upper",
    "Beinpresse": "anterior_lower",
    "Seitheben (Kurzhantel)": "not_counted",
    "Bizepscurl (Langhantel)": "not_counted",
}


SHARED = Path(__file__).resolve().parents[3] / "shared"


@pytest.mark.skipif(not (SHARED / "data").is_dir(), reason="no ../shared reference data here")
def test_the_committed_catalog_is_what_the_build_makes() -> None:
    from db.catalog.build import build

    assert build(SHARED) == json.loads(CATALOG_PATH.read_text(encoding="utf-8"))


def test_the_catalog_has_at_least_500_exercises() -> None:
    assert len(catalog()) >= 500


def test_slugs_are_unique_snake_case() -> None:
    slugs = [e.slug for e in catalog()]
    assert [s for s, n in Counter(slugs).items() if n > 1] == []
    assert [s for s in slugs if not SNAKE_CASE.fullmatch(s)] == []


def test_seed_exercises_keep_slug_and_classification() -> None:
    by_slug = catalog_by_slug()
    for seed in SYSTEM_EXERCISES:
        exercise = by_slug[seed.slug]
        assert (exercise.name, exercise.chain, exercise.region, exercise.pattern) == (
            seed.name,
            seed.chain,
            seed.region,
            seed.pattern,
        )
        assert exercise.load_type == seed.load_type
        names = {(a.name, a.source) for a in exercise.aliases}
        assert {(a.alias, a.source) for a in seed.aliases} <= names


def test_fields_take_allowed_values() -> None:
    for e in catalog():
        assert e.chain in CHAINS, e.slug
        assert e.region in REGIONS, e.slug
        assert e.pattern in PATTERNS, e.slug
        assert e.load_type in {"external", "bodyweight", "bodyweight_plus"}, e.slug
        assert e.equipment, e.slug
        # A counted chain needs a body region and the reverse: no "anterior core".
        assert (e.chain == "neutral") == (e.region in ("core", "none")), e.slug


def test_an_app_name_means_one_exercise() -> None:
    owners: dict[tuple[str, str, str], set[str]] = {}
    for e in catalog():
        for a in e.aliases:
            if a.source in APP_SOURCES:
                owners.setdefault((fold(a.name), a.source, a.lang), set()).add(e.slug)
    assert {key: slugs for key, slugs in owners.items() if len(slugs) > 1} == {}


def test_rows_fit_the_exercise_and_alias_tables() -> None:
    # db/models/exercises.py: slug 80, name 120, alias 120, unique (lower-cased alias, source).
    owners: dict[tuple[str, str], str] = {}
    for e in catalog():
        assert len(e.slug) <= 80
        assert len(e.name) <= 120
        for a in e.aliases:
            assert len(a.name) <= 120
            assert a.name == a.name.strip()
            assert owners.setdefault((a.name.lower(), a.source), e.slug) == e.slug, a


def test_each_app_names_many_catalog_exercises() -> None:
    by_source = {
        source: sum(any(a.source == source for a in e.aliases) for e in catalog())
        for source in APP_SOURCES
    }
    assert by_source["hevy"] >= 350
    assert by_source["strong"] >= 200
    assert by_source["fitnotes"] >= 80


def test_the_german_strong_names_of_the_common_lifts_are_known() -> None:
    german = {a.name for e in catalog() for a in e.aliases if a.lang == "de"}
    for word in ("Kniebeuge", "Kreuzheben", "Bankdrücken", "Klimmzug", "Rudern", "Schulterdrücken"):
        assert any(word in name for name in german), word


def test_the_table_pins_at_least_80_names() -> None:
    assert len(CLASSES) >= 80


@pytest.mark.parametrize(("name", "expected"), sorted(CLASSES.items()))
def test_counted_class_of_a_well_known_name(name: str, expected: str) -> None:
    resolved = system_resolver().resolve(name)
    assert resolved.slug is not None, (name, resolved.suggestions)
    exercise = catalog_by_slug()[resolved.slug]
    assert counted_class(exercise.chain, exercise.region) == expected


@pytest.mark.parametrize(
    ("chain", "region", "expected"),
    [
        ("posterior", "lower", "posterior_lower"),
        ("posterior", "upper", "posterior_upper"),
        ("anterior", "lower", "anterior_lower"),
        ("anterior", "upper", "anterior_upper"),
        ("neutral", "none", "not_counted"),
        ("neutral", "core", "not_counted"),
        ("anterior", "core", "not_counted"),
        ("posterior", "none", "not_counted"),
        (None, None, "not_counted"),
    ],
)
def test_counted_class(chain: str | None, region: str | None, expected: str) -> None:
    assert counted_class(chain, region) == expected
