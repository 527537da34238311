"""The pcb-2 lifts table and method (BALANCE_METHOD §10); pcb-1 stays as it was."""

from __future__ import annotations

import dataclasses

import pytest

from api.analytics.balance import snapshot
from api.analytics.constants import DEFAULT_METHOD_ID, METHODS, PCB_1
from api.analytics.e1rm import estimate_sets
from api.analytics.lifts import (
    LIFTS,
    PCB_2,
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
