"""e1RM of sets and the method table (BALANCE_METHOD §1, §2)."""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, date, datetime, time, timedelta
from itertools import count

import pytest

from api.analytics.constants import (
    DEFAULT_METHOD_ID,
    METHODS,
    PCB_1,
    LiftSpec,
    custom_lift,
    get_method,
    method_as_dict,
    with_custom_lifts,
)
from api.analytics.e1rm import (
    BodyweightInput,
    BodyweightTimeline,
    SetInput,
    effective_load_kg,
    epley_e1rm,
    estimate_set,
    estimate_sets,
)

DAY = date(2024, 3, 1)
_ids = count()


def make_set(
    lift: str, load_kg: float, reps: int, *, day: date = DAY, set_type: str = "normal"
) -> SetInput:
    return SetInput(
        set_id=f"s{next(_ids)}",
        lift=lift,
        performed_at=datetime.combine(day, time(18), tzinfo=UTC),
        local_date=day,
        set_type=set_type,
        reps=reps,
        load_kg=load_kg,
    )


def weighed(day: date, weight_kg: float, hour: int = 8) -> BodyweightInput:
    return BodyweightInput(datetime.combine(day, time(hour), tzinfo=UTC), weight_kg)


class TestMethodTable:
    def test_default_method_is_pcb_1(self) -> None:
        assert DEFAULT_METHOD_ID == "pcb-1"
        assert get_method() is METHODS["pcb-1"] is PCB_1

    def test_unknown_method_raises_naming_known_ids(self) -> None:
        with pytest.raises(KeyError, match="pcb-1"):
            get_method("pcb-0")

    def test_constants_match_the_method_document(self) -> None:
        m = PCB_1
        assert (m.window_days, m.bodyweight_match_days) == (42, 28)
        assert (m.epley_rep_cap, m.push_up_rep_cap, m.extrapolated_above_reps) == (12, 30, 10)
        assert m.push_up_bodyweight_fraction == 0.64
        assert (m.band_low, m.band_high, m.marked_low, m.marked_high) == (0.90, 1.10, 0.80, 1.25)
        assert (m.trend_min_points, m.trend_min_span_days, m.stable_threshold) == (4, 28, 0.02)
        assert (m.ewma_half_life_days, m.slope_scale_days, m.alpha) == (28, 28, 0.05)
        assert (m.important_change_points, m.important_change_fraction) == (2, 0.30)
        assert m.association_lags_days == (0, 14, 28)
        assert (m.association_window_days, m.association_min_pairs) == (42, 5)
        assert (m.exact_permutation_max_n, m.association_default_region) == (10, "low_back")

    def test_lift_table_matches_the_method_document(self) -> None:
        lifts = PCB_1.lifts
        assert set(lifts) == {
            "back_squat",
            "front_squat",
            "deadlift",
            "hip_thrust",
            "bench_press",
            "overhead_press",
            "push_up",
            "barbell_row",
            "pull_up",
            "chin_up",
        }
        assert (lifts["front_squat"].multiple_male, lifts["front_squat"].multiple_female) == (
            1.275,
            1.0625,
        )
        assert lifts["push_up"].multiple_male == pytest.approx(0.64 * 52 / 30)
        assert lifts["push_up"].multiple_female == pytest.approx(0.96)
        assert lifts["chin_up"].multiple_female == pytest.approx(1.2)
        assert lifts["pull_up"].load_model == "bodyweight"
        assert lifts["deadlift"].chain == "posterior"
        assert lifts["overhead_press"].region == "upper"

    def test_dataclasses_replace_overrides_one_constant(self) -> None:
        longer = dataclasses.replace(PCB_1, window_days=56)
        assert longer.window_days == 56
        assert longer.lifts == PCB_1.lifts
        assert PCB_1.window_days == 42

    def test_method_is_frozen(self) -> None:
        with pytest.raises(dataclasses.FrozenInstanceError):
            PCB_1.window_days = 1  # type: ignore[misc]

    def test_method_as_dict_is_json_ready(self) -> None:
        data = method_as_dict(PCB_1)
        assert json.loads(json.dumps(data)) == data
        assert data["method_id"] == "pcb-1"
        assert data["lifts"]["deadlift"]["multiple_female"] == 1.5625
        assert data["association_lags_days"] == [0, 14, 28]
        assert data["pain_bands"][2] == {"band": "moderate", "min": 4, "max": 6}

    def test_custom_lifts_are_added_but_never_replace_method_lifts(self) -> None:
        extended = with_custom_lifts(PCB_1, [custom_lift("rdl_single", "posterior", "lower")])
        assert not extended.lifts["rdl_single"].is_scored
        assert "rdl_single" not in PCB_1.lifts
        with pytest.raises(ValueError, match="deadlift"):
            with_custom_lifts(PCB_1, [custom_lift("deadlift", "posterior", "lower", 2.0)])

    def test_lift_spec_rejects_unknown_chain_and_half_set_multiples(self) -> None:
        with pytest.raises(ValueError, match="chain"):
            LiftSpec("x", "neutral", "lower", None, None)  # type: ignore[arg-type]
        with pytest.raises(ValueError, match="both"):
            LiftSpec("x", "posterior", "lower", 1.0, None)


class TestEpley:
    def test_one_rep_is_the_load(self) -> None:
        assert epley_e1rm(100.0, 1, 12) == 100.0

    def test_epley_formula(self) -> None:
        assert epley_e1rm(140.0, 5, 12) == pytest.approx(140 * (1 + 5 / 30))

    def test_reps_are_capped_at_12(self) -> None:
        assert epley_e1rm(50.0, 20, 12) == epley_e1rm(50.0, 12, 12)

    def test_push_up_reps_are_capped_at_30(self) -> None:
        forty = estimate_set(make_set("push_up", 0.0, 40), 70.0)
        thirty = estimate_set(make_set("push_up", 0.0, 30), 70.0)
        assert forty.e1rm_kg == thirty.e1rm_kg == pytest.approx(0.64 * 70 * 2)
        twenty = estimate_set(make_set("push_up", 0.0, 20), 70.0)
        assert twenty.e1rm_kg == pytest.approx(0.64 * 70 * (1 + 20 / 30))

    @pytest.mark.parametrize(("reps", "extrapolated"), [(1, False), (10, False), (11, True)])
    def test_more_than_10_reps_is_extrapolated(self, reps: int, extrapolated: bool) -> None:
        assert estimate_set(make_set("bench_press", 60.0, reps), None).extrapolated is extrapolated


class TestEffectiveLoad:
    def test_external_load_ignores_bodyweight(self) -> None:
        assert effective_load_kg("external", 100.0, None) == 100.0

    def test_pull_up_adds_bodyweight(self) -> None:
        assert effective_load_kg("bodyweight", 10.0, 80.0) == 90.0

    def test_assisted_pull_up_subtracts_assistance(self) -> None:
        assert effective_load_kg("bodyweight", -20.0, 62.0) == 42.0

    def test_push_up_moves_64_percent_of_bodyweight(self) -> None:
        assert effective_load_kg("push_up", 0.0, 62.0) == pytest.approx(39.68)

    def test_bodyweight_lift_without_bodyweight_has_no_load(self) -> None:
        assert effective_load_kg("push_up", 0.0, None) is None


class TestEstimateSet:
    def test_worked_example_a_e1rms(self) -> None:
        sets = [
            make_set("deadlift", 140, 5),
            make_set("hip_thrust", 120, 8),
            make_set("back_squat", 100, 5),
            make_set("bench_press", 80, 5),
            make_set("pull_up", 0, 8),
            make_set("barbell_row", 70, 8),
        ]
        got = [e.e1rm_kg for e in estimate_sets(sets, [], 80.0)]
        assert got == pytest.approx([163.333, 152.0, 116.667, 93.333, 101.333, 88.667], abs=5e-4)

    def test_worked_example_b_e1rms(self) -> None:
        sets = [
            make_set("back_squat", 60, 8),
            make_set("hip_thrust", 50, 10),
            make_set("bench_press", 35, 6),
            make_set("push_up", 0, 20),
            make_set("barbell_row", 25, 10),
            make_set("pull_up", -20, 3),
        ]
        estimates = estimate_sets(sets, [weighed(DAY, 62.0)], None)
        got = [e.e1rm_kg for e in estimates]
        assert got == pytest.approx([76.0, 66.667, 42.0, 66.133, 33.333, 46.2], abs=5e-4)
        assert all(e.is_counted for e in estimates)
        # §1 marks every estimate above 10 reps, push-ups included.
        assert [e.extrapolated for e in estimates] == [False, False, False, True, False, False]

    def test_warmup_never_counts(self) -> None:
        estimate = estimate_set(make_set("deadlift", 100, 5, set_type="warmup"), 80.0)
        assert (estimate.e1rm_kg, estimate.reason, estimate.is_counted) == (None, "warmup", False)

    @pytest.mark.parametrize("set_type", ["normal", "dropset", "failure"])
    def test_working_set_types_count(self, set_type: str) -> None:
        assert estimate_set(make_set("deadlift", 100, 5, set_type=set_type), 80.0).is_counted

    def test_zero_reps_has_no_e1rm(self) -> None:
        estimate = estimate_set(make_set("deadlift", 100, 0), 80.0)
        assert (estimate.e1rm_kg, estimate.reason) == (None, "no_reps")

    def test_assistance_at_or_above_bodyweight_has_no_e1rm(self) -> None:
        at = estimate_set(make_set("pull_up", -80, 5), 80.0)
        above = estimate_set(make_set("chin_up", -90, 5), 80.0)
        assert (at.reason, at.effective_load_kg, at.e1rm_kg) == ("non_positive_load", 0.0, None)
        assert above.reason == "non_positive_load"

    def test_zero_external_load_has_no_e1rm(self) -> None:
        assert estimate_set(make_set("bench_press", 0, 5), None).reason == "non_positive_load"

    def test_bodyweight_lift_without_any_bodyweight_says_why(self) -> None:
        estimates = estimate_sets(
            [make_set("pull_up", 0, 8), make_set("deadlift", 100, 5)], [], None
        )
        assert [(e.reason, e.e1rm_kg is None) for e in estimates] == [
            ("no_bodyweight", True),
            (None, False),
        ]

    def test_unknown_lift_is_not_counted(self) -> None:
        assert estimate_set(make_set("curl", 20, 10), 80.0).reason == "unknown_lift"

    def test_custom_lift_without_multiple_has_an_e1rm_but_is_not_scored(self) -> None:
        method = with_custom_lifts(
            PCB_1, [custom_lift("dip", "anterior", "upper", None, "bodyweight")]
        )
        estimate = estimate_set(make_set("dip", 10, 1), 80.0, method)
        assert (estimate.e1rm_kg, estimate.reason, estimate.is_counted) == (
            90.0,
            "not_scored",
            False,
        )

    def test_estimates_keep_input_order(self) -> None:
        sets = [make_set("bench_press", 50 + i, 3) for i in range(5)]
        assert [e.set_id for e in estimate_sets(sets, [], None)] == [s.set_id for s in sets]


class TestBodyweightLookup:
    def at(
        self, entries: list[BodyweightInput], day: date, profile: float | None = None
    ) -> float | None:
        return BodyweightTimeline.build(entries, profile).at(
            datetime.combine(day, time(12), tzinfo=UTC)
        )

    def test_closest_entry_within_28_days_wins_even_if_later(self) -> None:
        entries = [weighed(DAY - timedelta(days=20), 70.0), weighed(DAY + timedelta(days=5), 72.0)]
        assert self.at(entries, DAY) == 72.0

    def test_equidistant_entries_prefer_the_earlier(self) -> None:
        entries = [
            BodyweightInput(datetime(2024, 3, 1, 10, tzinfo=UTC), 70.0),
            BodyweightInput(datetime(2024, 3, 1, 14, tzinfo=UTC), 72.0),
        ]
        assert self.at(entries, DAY) == 70.0

    def test_later_entry_beyond_28_days_loses_to_latest_before(self) -> None:
        entries = [
            weighed(DAY - timedelta(days=100), 70.0),
            weighed(DAY + timedelta(days=29), 72.0),
        ]
        assert self.at(entries, DAY) == 70.0

    def test_later_entry_within_28_days_beats_old_entry_before(self) -> None:
        entries = [
            weighed(DAY - timedelta(days=100), 70.0),
            weighed(DAY + timedelta(days=27), 72.0),
        ]
        assert self.at(entries, DAY) == 72.0

    def test_only_far_future_entries_fall_back_to_profile(self) -> None:
        entries = [weighed(DAY + timedelta(days=40), 72.0)]
        assert self.at(entries, DAY, profile=75.0) == 75.0

    def test_nothing_at_all_is_none(self) -> None:
        assert self.at([], DAY) is None

    def test_entries_need_not_be_sorted(self) -> None:
        entries = [weighed(DAY + timedelta(days=3), 72.0), weighed(DAY - timedelta(days=1), 70.0)]
        assert self.at(entries, DAY) == 70.0

    def test_sets_use_the_bodyweight_of_their_own_time(self) -> None:
        entries = [weighed(date(2024, 1, 1), 60.0), weighed(date(2024, 6, 1), 90.0)]
        sets = [
            make_set("pull_up", 0, 1, day=date(2024, 1, 5)),
            make_set("pull_up", 0, 1, day=date(2024, 6, 2)),
        ]
        assert [e.e1rm_kg for e in estimate_sets(sets, entries, None)] == [60.0, 90.0]
