"""Consistency checks for the frozen system-exercise seed table."""

import re
from collections import Counter

import pytest

from db.catalog_seed import (
    ALIAS_SOURCES,
    CHAINS,
    LOAD_TYPES,
    PATTERNS,
    REGIONS,
    SCORED_LIFT_SLUGS,
    SYSTEM_EXERCISES,
    SeedExercise,
)

EXPECTED_CHAINS = {"anterior", "posterior", "neutral"}
EXPECTED_REGIONS = {"lower", "upper", "core", "none"}
EXPECTED_LOAD_TYPES = {"external", "bodyweight", "bodyweight_plus", "assisted"}
EXPECTED_SOURCES = {"strong", "hevy", "fitnotes", "common"}

# slug -> (chain, region) for the ten lifts scored by the balance method.
SCORED_LIFTS = {
    "back_squat": ("anterior", "lower"),
    "front_squat": ("anterior", "lower"),
    "deadlift": ("posterior", "lower"),
    "hip_thrust": ("posterior", "lower"),
    "bench_press": ("anterior", "upper"),
    "overhead_press": ("anterior", "upper"),
    "push_up": ("anterior", "upper"),
    "barbell_row": ("posterior", "upper"),
    "pull_up": ("posterior", "upper"),
    "chin_up": ("posterior", "upper"),
}

REQUIRED_SLUGS = set(SCORED_LIFTS) | {
    "romanian_deadlift",
    "good_morning",
    "glute_bridge",
    "leg_press",
    "lunge",
    "leg_extension",
    "leg_curl",
    "lat_pulldown",
    "seated_row",
    "face_pull",
    "incline_bench_press",
    "dip",
    "back_extension",
    "kettlebell_swing",
    "nordic_curl",
    "plank",
}

BODYWEIGHT_PLUS = {
    "pull_up",
    "chin_up",
    "dip",
    "push_up",
    "nordic_curl",
    "back_extension",
    "inverted_row",
}

SNAKE_CASE = re.compile(r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$")

BY_SLUG = {exercise.slug: exercise for exercise in SYSTEM_EXERCISES}


def test_slugs_are_unique() -> None:
    duplicates = [s for s, n in Counter(e.slug for e in SYSTEM_EXERCISES).items() if n > 1]
    assert duplicates == []


def test_names_are_unique() -> None:
    names = Counter(e.name.lower() for e in SYSTEM_EXERCISES)
    assert [n for n, count in names.items() if count > 1] == []


@pytest.mark.parametrize("exercise", SYSTEM_EXERCISES, ids=lambda e: e.slug)
def test_slug_is_snake_case(exercise: SeedExercise) -> None:
    assert SNAKE_CASE.fullmatch(exercise.slug)


def test_required_exercises_present() -> None:
    assert REQUIRED_SLUGS - BY_SLUG.keys() == set()


@pytest.mark.parametrize(("slug", "chain_region"), sorted(SCORED_LIFTS.items()))
def test_scored_lift_chain_and_region(slug: str, chain_region: tuple[str, str]) -> None:
    exercise = BY_SLUG[slug]
    assert (exercise.chain, exercise.region) == chain_region


def test_scored_lift_slugs_constant_matches() -> None:
    assert set(SCORED_LIFT_SLUGS) == set(SCORED_LIFTS)
    assert len(SCORED_LIFT_SLUGS) == len(SCORED_LIFTS)


def test_allowed_value_sets() -> None:
    assert CHAINS == EXPECTED_CHAINS
    assert REGIONS == EXPECTED_REGIONS
    assert LOAD_TYPES == EXPECTED_LOAD_TYPES
    assert ALIAS_SOURCES == EXPECTED_SOURCES


@pytest.mark.parametrize("exercise", SYSTEM_EXERCISES, ids=lambda e: e.slug)
def test_enumerated_fields_are_allowed(exercise: SeedExercise) -> None:
    assert exercise.chain in EXPECTED_CHAINS
    assert exercise.region in EXPECTED_REGIONS
    assert exercise.load_type in EXPECTED_LOAD_TYPES
    assert exercise.pattern in PATTERNS
    assert exercise.name.strip() == exercise.name
    assert exercise.name


def test_load_types() -> None:
    for slug in BODYWEIGHT_PLUS:
        assert BY_SLUG[slug].load_type == "bodyweight_plus", slug
    assert BY_SLUG["plank"].load_type == "bodyweight"
    for exercise in SYSTEM_EXERCISES:
        if exercise.slug not in BODYWEIGHT_PLUS | {"plank"}:
            assert exercise.load_type == "external", exercise.slug


def test_plank_is_neutral_core() -> None:
    plank = BY_SLUG["plank"]
    assert (plank.chain, plank.region, plank.pattern) == ("neutral", "core", "core")


def test_alias_sources_are_allowed() -> None:
    bad = [
        (e.slug, a.alias, a.source)
        for e in SYSTEM_EXERCISES
        for a in e.aliases
        if a.source not in EXPECTED_SOURCES
    ]
    assert bad == []


def test_aliases_unique_per_source_case_insensitive() -> None:
    seen: dict[tuple[str, str], str] = {}
    clashes: list[tuple[str, str, str, str]] = []
    for exercise in SYSTEM_EXERCISES:
        for alias in exercise.aliases:
            key = (alias.alias.lower(), alias.source)
            if key in seen:
                clashes.append((alias.alias, alias.source, seen[key], exercise.slug))
            else:
                seen[key] = exercise.slug
    assert clashes == []


@pytest.mark.parametrize("exercise", SYSTEM_EXERCISES, ids=lambda e: e.slug)
def test_aliases_are_clean_and_present(exercise: SeedExercise) -> None:
    assert exercise.aliases, "every system exercise needs at least one alias"
    assert any(a.source == "common" for a in exercise.aliases)
    for alias in exercise.aliases:
        assert alias.alias, exercise.slug
        assert alias.alias == alias.alias.strip(), alias
        assert "  " not in alias.alias, alias


@pytest.mark.parametrize("slug", sorted(SCORED_LIFTS))
def test_scored_lifts_have_app_aliases(slug: str) -> None:
    sources = {a.source for a in BY_SLUG[slug].aliases}
    assert {"strong", "hevy", "fitnotes", "common"} <= sources


def test_known_export_names_resolve() -> None:
    lookup = {(a.alias.lower(), a.source): e.slug for e in SYSTEM_EXERCISES for a in e.aliases}
    expected = {
        ("Squat (Barbell)", "strong"): "back_squat",
        ("Deadlift (Barbell)", "hevy"): "deadlift",
        ("Pull Up (Assisted)", "strong"): "pull_up",
        ("Pull Up (Weighted)", "hevy"): "pull_up",
        ("Seated Cable Row - V Grip (Cable)", "hevy"): "seated_row",
        ("Flat Barbell Bench Press", "fitnotes"): "bench_press",
        ("Lying Leg Curl Machine", "fitnotes"): "leg_curl",
        ("Seated Leg Curl (Machine)", "hevy"): "leg_curl",
        ("Hyperextension", "fitnotes"): "back_extension",
        ("Chest Dip", "hevy"): "dip",
        ("OHP", "common"): "overhead_press",
        ("RDL", "common"): "romanian_deadlift",
        ("Hamstring Curl", "common"): "leg_curl",
    }
    for (alias, source), slug in expected.items():
        assert lookup.get((alias.lower(), source)) == slug, (alias, source)
