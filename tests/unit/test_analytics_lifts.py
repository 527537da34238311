"""The pcb-2 lifts table and method (BALANCE_METHOD §10); pcb-1 stays as it was."""

from __future__ import annotations

import dataclasses
import re

import pytest

from api.analytics.balance import snapshot
from api.analytics.constants import DEFAULT_METHOD_ID, METHODS, PCB_1
from api.analytics.e1rm import estimate_sets
from api.analytics.lifts import (
    LIFTS,
    PCB_2,
    STRENGTH_LEVEL,
    STRENGTH_LEVEL_INTERMEDIATE,
    STRENGTH_LEVEL_URL,
    LiftRow,
    derived,
    lifts_as_dicts,
    load_model_of,
)
from db.catalog import catalog_by_slug
from tests.unit.test_analytics_balance import EXAMPLE_A, EXAMPLE_B, close, make_set

PUBLISHED = {"exercise", "chain", "region", "load_rule", "fraction", "m_male", "m_female", "source"}


class TestTable:
    def test_the_ten_pcb_1_rows_keep_their_values(self) -> None:
        rows = {row.exercise: row for row in LIFTS}
        for slug, spec in PCB_1.lifts.items():
            row = rows[slug]
            assert (row.chain, row.region) == (spec.chain, spec.region)
            assert (row.m_male, row.m_female) == (spec.multiple_male, spec.multiple_female)
            assert PCB_2.lifts[slug].load_model == spec.load_model

    def test_load_rules(self) -> None:
        rows = {row.exercise: row for row in LIFTS}
        assert (rows["pull_up"].load_rule, rows["pull_up"].fraction) == ("bodyweight", 1.0)
        assert (rows["push_up"].load_rule, rows["push_up"].fraction) == ("bodyweight", 0.64)
        assert (rows["deadlift"].load_rule, rows["deadlift"].fraction) == ("external", None)

    def test_every_row_is_a_counted_catalog_exercise_with_a_source(self) -> None:
        by_slug = catalog_by_slug()
        for row in LIFTS:
            exercise = by_slug[row.exercise]
            assert (exercise.chain, exercise.region) == (row.chain, row.region)
            assert row.source

    def test_derived_rows_are_reference_times_ratio(self) -> None:
        for row in LIFTS:
            if row.reference is None:
                continue
            base = PCB_1.lifts[row.reference]
            assert row.ratio_male is not None
            assert row.ratio_female is not None
            assert base.multiple_male is not None
            assert base.multiple_female is not None
            assert row.m_male == pytest.approx(base.multiple_male * row.ratio_male)
            assert row.m_female == pytest.approx(base.multiple_female * row.ratio_female)

    def test_published_whole(self) -> None:
        rows = lifts_as_dicts()
        assert len(rows) == len(LIFTS) == len(PCB_2.lifts)
        assert all(set(row) >= PUBLISHED for row in rows)
        assert [r["exercise"] for r in rows] == list(PCB_2.lifts)


class TestVariants:
    """The variants of §10: at least 40 scored exercises, each from one named source."""

    COMMON = (
        "incline_bench_press",
        "decline_bench_press_barbell",
        "dumbbell_bench_press",
        "incline_bench_press_dumbbell",
        "bench_press_smith_machine",
        "overhead_press_dumbbell",
        "squat_smith_machine",
        "squat_dumbbell",
        "goblet_squat",
        "hack_squat",
        "leg_press",
        "romanian_deadlift",
        "romanian_deadlift_dumbbell",
        "lat_pulldown",
        "seated_row",
        "seated_row_machine",
        "dumbbell_row",
        "chest_press_machine",
    )

    def test_at_least_40_scored_exercises_and_no_slug_twice(self) -> None:
        slugs = [row.exercise for row in LIFTS]
        assert len(slugs) >= 40
        assert len(set(slugs)) == len(slugs)

    def test_the_common_variants_are_scored(self) -> None:
        assert set(self.COMMON) <= set(PCB_2.lifts)

    def test_every_variant_names_its_one_source_and_both_figures(self) -> None:
        variants = [row for row in LIFTS if row.exercise not in PCB_1.lifts]
        assert len(variants) == len(LIFTS) - 10
        for row in variants:
            assert row.reference in PCB_1.lifts
            assert row.source.startswith(f"{STRENGTH_LEVEL}, {STRENGTH_LEVEL_URL}")
            # the ratio is the quotient of the source's two intermediate figures, per sex
            pages = re.findall(r"strength-standards/([a-z-]+)", row.source)
            assert len(pages) == 2
            (male, female), (ref_male, ref_female) = (
                STRENGTH_LEVEL_INTERMEDIATE[page] for page in pages
            )
            assert row.ratio_male == pytest.approx(male / ref_male)
            assert row.ratio_female == pytest.approx(female / ref_female)
            assert f"{male:g} vs {ref_male:g} (men)" in row.source

    def test_a_variant_on_the_pcb_1_scale(self) -> None:
        # incline bench: 1.00 vs 1.25 (men), 0.65 vs 0.75 (women) of bench press's pcb-1 1.00 / 0.70
        row = PCB_2.lifts["incline_bench_press"]
        assert row.multiple_male == pytest.approx(0.80)
        assert row.multiple_female == pytest.approx(0.70 * 0.65 / 0.75)
        assert row.load_model == "external"

    def test_a_dumbbell_variant_scores_one_dumbbell(self) -> None:
        # 30 kg dumbbells x 5 at 80 kg: n = 35 / (80 · 1.00 · 0.5 / 1.25)
        sets = [make_set("dumbbell_bench_press", 30.0, 5)]
        (estimate,) = estimate_sets(sets, [], 80.0, PCB_2)
        assert estimate.e1rm_kg == pytest.approx(35.0)
        day = sets[0].local_date
        result = snapshot([estimate], day, sex="male", bodyweight_kg=80.0, method=PCB_2)
        (score,) = result.lifts
        assert (score.lift, score.normalized) == ("dumbbell_bench_press", close(35.0 / 32.0))


class TestRows:
    def test_derived_multiplies_the_pcb_1_multiple(self) -> None:
        row = derived("variant", "bench_press", 0.8, 0.75, "one named table")
        assert (row.chain, row.region, row.reference) == ("anterior", "upper", "bench_press")
        assert (row.m_male, row.m_female) == (pytest.approx(0.8), pytest.approx(0.525))

    def test_no_source_no_multiple(self) -> None:
        with pytest.raises(ValueError, match="no source"):
            derived("variant", "bench_press", 0.8, 0.75, "")

    @pytest.mark.parametrize(
        ("load_rule", "fraction"), [("external", 0.5), ("bodyweight", None), ("bodyweight", 1.5)]
    )
    def test_fraction_goes_with_bodyweight(self, load_rule: str, fraction: float | None) -> None:
        with pytest.raises(ValueError, match="fraction"):
            LiftRow("x", "anterior", "upper", load_rule, fraction, 1.0, 1.0, "s")  # type: ignore[arg-type]

    def test_a_derived_row_names_reference_and_both_ratios(self) -> None:
        with pytest.raises(ValueError, match="reference"):
            LiftRow("x", "anterior", "upper", "external", None, 1.0, 1.0, "s", "bench_press", 1.0)

    def test_load_model_of_an_unknown_fraction(self) -> None:
        row = LiftRow("x", "anterior", "upper", "bodyweight", 0.74, 1.0, 1.0, "s")
        with pytest.raises(ValueError, match=r"0\.74"):
            load_model_of(row)


class TestMethod:
    def test_pcb_2_keeps_every_pcb_1_constant(self) -> None:
        for f in dataclasses.fields(PCB_1):
            if f.name not in ("method_id", "lifts"):
                assert getattr(PCB_2, f.name) == getattr(PCB_1, f.name), f.name
        assert PCB_2.method_id == "pcb-2"

    def test_pcb_1_is_unchanged_and_still_the_registered_default(self) -> None:
        assert METHODS == {"pcb-1": PCB_1}
        assert DEFAULT_METHOD_ID == "pcb-1"
        assert len(PCB_1.lifts) == 10

    @pytest.mark.parametrize(
        ("rows", "sex", "bodyweight", "index"),
        [(EXAMPLE_A, "male", 80.0, 1.031), (EXAMPLE_B, "female", 62.0, 0.723)],
    )
    def test_worked_examples_a_and_b_hold_under_pcb_2(
        self, rows: list[tuple[str, float, int]], sex: str, bodyweight: float, index: float
    ) -> None:
        sets = [make_set(lift, load, reps) for lift, load, reps in rows]
        estimates = estimate_sets(sets, [], bodyweight, PCB_2)
        day = sets[0].local_date
        result = snapshot(estimates, day, sex=sex, bodyweight_kg=bodyweight, method=PCB_2)
        assert result.index == close(index)
        assert result.method_id == "pcb-2"
