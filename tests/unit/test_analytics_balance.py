"""Scores, balance index and snapshots (BALANCE_METHOD §2-§4, worked examples A and B)."""

from __future__ import annotations

import dataclasses
import math
import statistics
import time as timer
from datetime import UTC, date, datetime, time, timedelta
from itertools import count
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from api.analytics.balance import (
    BalanceSnapshot,
    _gmean_or_none,
    band_of,
    candidates,
    is_marked,
    reference_for,
    snapshot,
    snapshot_series,
)
from api.analytics.constants import PCB_1, Method, custom_lift, with_custom_lifts
from api.analytics.e1rm import (
    BodyweightInput,
    BodyweightTimeline,
    SetInput,
    estimate_sets,
)

DAY = date(2024, 3, 1)
_ids = count()

EXAMPLE_A = [
    ("deadlift", 140.0, 5),
    ("hip_thrust", 120.0, 8),
    ("back_squat", 100.0, 5),
    ("bench_press", 80.0, 5),
    ("pull_up", 0.0, 8),
    ("barbell_row", 70.0, 8),
]
EXAMPLE_B = [
    ("back_squat", 60.0, 8),
    ("hip_thrust", 50.0, 10),
    ("bench_press", 35.0, 6),
    ("push_up", 0.0, 20),
    ("barbell_row", 25.0, 10),
    ("pull_up", -20.0, 3),
]


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


def snap(
    rows: list[tuple[str, float, int]],
    *,
    sex: str | None,
    bodyweight_kg: float | None,
    method: Method = PCB_1,
) -> BalanceSnapshot:
    sets = [make_set(lift, load, reps) for lift, load, reps in rows]
    estimates = estimate_sets(sets, [], bodyweight_kg, method)
    return snapshot(estimates, DAY, sex=sex, bodyweight_kg=bodyweight_kg, method=method)


def close(value: float | None) -> object:
    return pytest.approx(value, abs=5e-4)


class TestWorkedExampleA:
    @pytest.fixture
    def result(self) -> BalanceSnapshot:
        return snap(EXAMPLE_A, sex="male", bodyweight_kg=80.0)

    def test_normalized_scores(self, result: BalanceSnapshot) -> None:
        normalized = {s.lift: s.normalized for s in result.lifts}
        assert normalized == {
            "deadlift": close(1.089),
            "hip_thrust": close(1.013),
            "back_squat": close(0.972),
            "bench_press": close(1.167),
            "pull_up": close(0.950),
            "barbell_row": close(1.385),
        }

    def test_region_indices(self, result: BalanceSnapshot) -> None:
        assert result.regions["lower"].index == close(1.080)
        assert result.regions["upper"].index == close(0.983)
        assert result.regions["lower"].band == "balanced"
        assert result.regions["upper"].missing == ()

    def test_overall_index(self, result: BalanceSnapshot) -> None:
        assert result.posterior == close(1.098)
        assert result.anterior == close(1.065)
        assert result.index == close(1.031)
        assert result.ln_index == close(0.030)
        assert (result.band, result.marked) == ("balanced", False)
        assert (result.reference, result.missing, result.method_id) == ("male", (), "pcb-1")

    def test_lifts_carry_their_set(self, result: BalanceSnapshot) -> None:
        deadlift = next(s for s in result.lifts if s.lift == "deadlift")
        assert (deadlift.chain, deadlift.region, deadlift.date) == ("posterior", "lower", DAY)
        assert deadlift.e1rm_kg == close(163.333)
        assert deadlift.set_id.startswith("s")


class TestWorkedExampleB:
    @pytest.fixture
    def result(self) -> BalanceSnapshot:
        return snap(EXAMPLE_B, sex="female", bodyweight_kg=62.0)

    def test_e1rms(self, result: BalanceSnapshot) -> None:
        e1rm = {s.lift: s.e1rm_kg for s in result.lifts}
        assert e1rm == {
            "back_squat": close(76.0),
            "hip_thrust": close(66.667),
            "bench_press": close(42.0),
            "push_up": close(66.133),
            "barbell_row": close(33.333),
            "pull_up": close(46.2),
        }

    def test_indices_bands_and_marks(self, result: BalanceSnapshot) -> None:
        assert result.regions["lower"].index == close(0.702)
        assert result.regions["upper"].index == close(0.745)
        assert result.index == close(0.723)
        assert (result.band, result.marked, result.reference) == (
            "anterior_dominant",
            True,
            "female",
        )
        assert result.regions["lower"].band == "anterior_dominant"
        assert result.regions["lower"].marked is True


class TestReference:
    @pytest.mark.parametrize("sex", ["other", "unspecified", None, ""])
    def test_unknown_sex_uses_male_table_flagged_default(self, sex: str | None) -> None:
        result = snap(EXAMPLE_A, sex=sex, bodyweight_kg=80.0)
        assert result.reference == "default"
        assert result.index == snap(EXAMPLE_A, sex="male", bodyweight_kg=80.0).index

    def test_reference_for(self) -> None:
        assert [reference_for(s) for s in ("male", "female", "other")] == [
            "male",
            "female",
            "default",
        ]


class TestBandsAndMarks:
    @pytest.mark.parametrize(
        ("index", "band", "marked"),
        [
            (0.79, "anterior_dominant", True),
            (0.80, "anterior_dominant", False),
            (0.8999, "anterior_dominant", False),
            (0.90, "balanced", False),
            (1.10, "balanced", False),
            (1.1001, "posterior_dominant", False),
            (1.25, "posterior_dominant", False),
            (1.2501, "posterior_dominant", True),
        ],
    )
    def test_thresholds(self, index: float, band: str, marked: bool) -> None:
        assert (band_of(index), is_marked(index)) == (band, marked)


class TestMissingSides:
    def test_only_posterior_lifts_leave_index_absent(self) -> None:
        result = snap([("deadlift", 140, 5), ("pull_up", 0, 8)], sex="male", bodyweight_kg=80.0)
        assert result.index is None
        assert result.ln_index is None
        assert (result.band, result.marked) == (None, None)
        assert result.missing == ("anterior",)
        assert result.posterior is not None
        assert result.anterior is None
        assert result.regions["lower"].missing == ("anterior",)

    def test_no_lifts_misses_both_sides(self) -> None:
        result = snap([], sex="male", bodyweight_kg=80.0)
        assert (result.index, result.missing, result.lifts) == (None, ("posterior", "anterior"), ())

    def test_sides_from_different_regions_still_give_an_index(self) -> None:
        result = snap(
            [("deadlift", 140, 5), ("bench_press", 80, 5)], sex="male", bodyweight_kg=80.0
        )
        assert result.regions["lower"].index is None
        assert result.regions["upper"].index is None
        assert result.regions["upper"].missing == ("posterior",)
        assert result.index == pytest.approx((163.333 / 150) / (93.333 / 80), abs=5e-4)

    def test_no_bodyweight_lists_lifts_unscored(self) -> None:
        result = snap(
            [("deadlift", 140, 5), ("back_squat", 100, 5)], sex="male", bodyweight_kg=None
        )
        assert result.index is None
        assert result.missing == ("bodyweight",)
        assert [s.normalized for s in result.lifts] == [None, None]


class TestWindow:
    def estimates(self, rows: list[tuple[str, float, int, date]]) -> list:  # type: ignore[type-arg]
        sets = [make_set(lift, load, reps, day=day) for lift, load, reps, day in rows]
        return estimate_sets(sets, [], 80.0)

    def test_best_e1rm_in_the_42_days_ending_at_the_date(self) -> None:
        estimates = self.estimates(
            [
                ("deadlift", 200, 1, DAY - timedelta(days=42)),  # outside
                ("deadlift", 150, 1, DAY - timedelta(days=41)),  # first day inside
                ("deadlift", 140, 1, DAY),
                ("deadlift", 300, 1, DAY + timedelta(days=1)),  # after the date
            ]
        )
        result = snapshot(estimates, DAY, sex="male", bodyweight_kg=80.0)
        assert [(s.lift, s.e1rm_kg, s.date) for s in result.lifts] == [
            ("deadlift", 150.0, DAY - timedelta(days=41))
        ]

    def test_warmups_do_not_count_towards_the_best(self) -> None:
        sets = [make_set("deadlift", 200, 5, set_type="warmup"), make_set("deadlift", 100, 5)]
        result = snapshot(estimate_sets(sets, [], 80.0), DAY, sex="male", bodyweight_kg=80.0)
        assert result.lifts[0].e1rm_kg == pytest.approx(100 * (1 + 5 / 30))

    def test_extrapolated_best_is_flagged(self) -> None:
        result = snap([("deadlift", 100, 15)], sex="male", bodyweight_kg=80.0)
        assert result.lifts[0].extrapolated is True
        assert result.lifts[0].e1rm_kg == pytest.approx(100 * (1 + 12 / 30))


class TestCustomLifts:
    def test_custom_lift_without_multiple_is_listed_not_scored(self) -> None:
        method = with_custom_lifts(PCB_1, [custom_lift("good_morning", "posterior", "lower")])
        with_custom = snap(
            [*EXAMPLE_A, ("good_morning", 60, 8)], sex="male", bodyweight_kg=80.0, method=method
        )
        plain = snap(EXAMPLE_A, sex="male", bodyweight_kg=80.0)
        listed = next(s for s in with_custom.lifts if s.lift == "good_morning")
        assert listed.normalized is None
        assert listed.e1rm_kg == pytest.approx(60 * (1 + 8 / 30))
        assert with_custom.index == plain.index

    def test_custom_lift_with_multiple_is_scored(self) -> None:
        method = with_custom_lifts(PCB_1, [custom_lift("rdl", "posterior", "lower", 1.5)])
        result = snap(
            [("rdl", 120, 1), ("back_squat", 120, 1)],
            sex="female",
            bodyweight_kg=80.0,
            method=method,
        )
        assert result.index == pytest.approx((120 / 120) / (120 / 100))


def history(days: int, sets_per_day: int = 6) -> list[SetInput]:
    lifts = list(PCB_1.lifts)
    sets = []
    for d in range(days):
        day = DAY + timedelta(days=d)
        for i in range(sets_per_day):
            lift = lifts[(d * 7 + i * 3) % len(lifts)]
            load = 0.0 if PCB_1.lifts[lift].load_model != "external" else 40.0 + (d * 13 + i) % 90
            sets.append(make_set(lift, load, 1 + (d + i) % 12, day=day))
    return sets


class TestSnapshotSeries:
    def test_a_snapshot_per_date_with_a_counted_set(self) -> None:
        sets = [
            make_set("deadlift", 100, 5, day=DAY),
            make_set("deadlift", 100, 5, day=DAY + timedelta(days=2), set_type="warmup"),
            make_set("bench_press", 60, 5, day=DAY + timedelta(days=4)),
            make_set("bench_press", 60, 5, day=DAY + timedelta(days=4)),
        ]
        series = snapshot_series(estimate_sets(sets, [], 80.0), [], 80.0, "male")
        assert [s.date for s in series] == [DAY, DAY + timedelta(days=4)]
        assert series[0].missing == ("anterior",)
        assert series[1].index is not None

    def test_date_range_limits_dates_not_the_window(self) -> None:
        sets = [
            make_set("deadlift", 100, 5, day=DAY),
            make_set("bench_press", 60, 5, day=DAY + timedelta(days=10)),
        ]
        series = snapshot_series(
            estimate_sets(sets, [], 80.0), [], 80.0, "male", date_from=DAY + timedelta(days=1)
        )
        assert [s.date for s in series] == [DAY + timedelta(days=10)]
        assert series[0].index is not None  # the deadlift 10 days earlier is in the window

    def test_normalising_bodyweight_is_the_one_in_force_at_the_date(self) -> None:
        sets = [
            make_set("deadlift", 100, 1, day=DAY),
            make_set("deadlift", 100, 1, day=DAY + timedelta(days=60)),
        ]
        weights = [
            BodyweightInput(datetime.combine(DAY, time(6), tzinfo=UTC), 70.0),
            BodyweightInput(datetime.combine(DAY + timedelta(days=59), time(6), tzinfo=UTC), 90.0),
        ]
        series = snapshot_series(estimate_sets(sets, weights, None), weights, None, "male")
        assert [s.bodyweight_kg for s in series] == [70.0, 90.0]

    def test_end_of_date_follows_the_profile_time_zone(self) -> None:
        # The date ends at 23:59 UTC, or 13 hours earlier in Auckland (UTC+13 in March): the
        # later weigh-in is within 28 days of the first end and just beyond the second.
        sets = [make_set("deadlift", 100, 1, day=DAY)]
        weights = [
            BodyweightInput(datetime.combine(DAY - timedelta(days=100), time(8), tzinfo=UTC), 70.0),
            BodyweightInput(datetime.combine(DAY + timedelta(days=28), time(22), tzinfo=UTC), 90.0),
        ]
        estimates = estimate_sets(sets, weights, None)
        in_utc = snapshot_series(estimates, weights, None, "male")
        in_auckland = snapshot_series(
            estimates, weights, None, "male", tz=ZoneInfo("Pacific/Auckland")
        )
        assert in_utc[0].bodyweight_kg == 90.0
        assert in_auckland[0].bodyweight_kg == 70.0

    def test_matches_snapshot_at_every_date(self) -> None:
        sets = history(120)
        weights = [
            BodyweightInput(
                datetime.combine(DAY + timedelta(days=d), time(7), tzinfo=UTC), 75 + d / 20
            )
            for d in range(0, 120, 9)
        ]
        estimates = estimate_sets(sets, weights, 80.0)
        timeline = BodyweightTimeline.build(weights, 80.0)
        series = snapshot_series(estimates, weights, 80.0, "female")
        assert len(series) == 120
        for s in series:
            expected = snapshot(
                estimates, s.date, sex="female", bodyweight_kg=timeline.on_date(s.date, UTC)
            )
            assert s == expected

    def test_five_year_history_is_fast(self) -> None:
        sets = history(1000, sets_per_day=21)
        started = timer.perf_counter()
        estimates = estimate_sets(sets, [], 80.0)
        series = snapshot_series(estimates, [], 80.0, "male")
        elapsed = timer.perf_counter() - started
        assert len(sets) == 21_000
        assert len(series) == 1000
        assert elapsed < 2.0  # ~0.2 s measured; a per-date window rescan is far slower


# --- properties -------------------------------------------------------------------------------

EXTERNAL = [slug for slug, spec in PCB_1.lifts.items() if spec.load_model == "external"]
BODYWEIGHT = [slug for slug, spec in PCB_1.lifts.items() if spec.load_model != "external"]
reps_st = st.integers(min_value=1, max_value=20)
external_set = st.tuples(st.sampled_from(EXTERNAL), st.floats(5, 300), reps_st)
bodyweight_set = st.tuples(st.sampled_from(BODYWEIGHT), st.floats(-25, 50), reps_st)
rows_st = st.lists(st.one_of(external_set, bodyweight_set), min_size=1, max_size=12)
sex_st = st.sampled_from(["male", "female", "other"])


def same_index(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=1e-9)


@settings(max_examples=60, deadline=None)
@given(rows=rows_st, bodyweight=st.floats(50, 120), k=st.floats(0.2, 5), sex=sex_st)
def test_scaling_every_load_and_bodyweight_leaves_b_unchanged(
    rows: list[tuple[str, float, int]], bodyweight: float, k: float, sex: str
) -> None:
    scaled = [(lift, load * k, reps) for lift, load, reps in rows]
    before = snap(rows, sex=sex, bodyweight_kg=bodyweight)
    after = snap(scaled, sex=sex, bodyweight_kg=bodyweight * k)
    assert same_index(before.index, after.index)


def swapped_chains(method: Method) -> Method:
    flip = {"posterior": "anterior", "anterior": "posterior"}
    lifts = {
        slug: dataclasses.replace(spec, chain=flip[spec.chain])  # type: ignore[arg-type]
        for slug, spec in method.lifts.items()
    }
    return dataclasses.replace(method, lifts=lifts)


@settings(max_examples=60, deadline=None)
@given(rows=rows_st, bodyweight=st.floats(50, 120), sex=sex_st)
def test_swapping_the_chains_inverts_b(
    rows: list[tuple[str, float, int]], bodyweight: float, sex: str
) -> None:
    plain = snap(rows, sex=sex, bodyweight_kg=bodyweight)
    swapped = snap(rows, sex=sex, bodyweight_kg=bodyweight, method=swapped_chains(PCB_1))
    if plain.index is None:
        assert swapped.index is None
    else:
        assert swapped.index == pytest.approx(1 / plain.index, rel=1e-9)
        assert swapped.ln_index == pytest.approx(-plain.ln_index, abs=1e-9)  # type: ignore[operator]


@settings(max_examples=60, deadline=None)
@given(
    rows=st.lists(external_set, min_size=1, max_size=10),
    posterior=st.tuples(
        st.sampled_from(["deadlift", "hip_thrust", "barbell_row"]), st.floats(5, 300), reps_st
    ),
    extra=st.floats(0.001, 100),
    sex=sex_st,
)
def test_raising_a_posterior_load_never_lowers_b(
    rows: list[tuple[str, float, int]],
    posterior: tuple[str, float, int],
    extra: float,
    sex: str,
) -> None:
    lift, load, reps = posterior
    before = snap([*rows, posterior], sex=sex, bodyweight_kg=80.0)
    after = snap([*rows, (lift, load + extra, reps)], sex=sex, bodyweight_kg=80.0)
    if before.index is None:
        assert after.index is None
    else:
        assert after.index is not None
        assert after.index >= before.index * (1 - 1e-12)


@settings(max_examples=25, deadline=None)
@given(
    days=st.lists(
        st.tuples(st.integers(0, 150), st.one_of(external_set, bodyweight_set)), max_size=40
    ),
    weights=st.lists(st.tuples(st.integers(-60, 200), st.floats(50, 100)), max_size=6),
    sex=sex_st,
)
def test_series_equals_snapshot_at_each_date(
    days: list[tuple[int, tuple[str, float, int]]],
    weights: list[tuple[int, float]],
    sex: str,
) -> None:
    sets = [
        make_set(lift, load, reps, day=DAY + timedelta(days=d)) for d, (lift, load, reps) in days
    ]
    entries = [
        BodyweightInput(datetime.combine(DAY + timedelta(days=d), time(9), tzinfo=UTC), w)
        for d, w in weights
    ]
    estimates = estimate_sets(sets, entries, None)
    timeline = BodyweightTimeline.build(entries, None)
    for s in snapshot_series(estimates, entries, None, sex):
        bodyweight = timeline.on_date(s.date, UTC)
        assert s == snapshot(estimates, s.date, sex=sex, bodyweight_kg=bodyweight)


# Few distinct loads and reps, so that equal e1RMs (ties) within and across workouts are common.
tied_set = st.tuples(
    st.sampled_from([*EXTERNAL[:3], *BODYWEIGHT[:2], "no_such_lift"]),
    st.sampled_from([-10.0, 0.0, 60.0, 100.0]),
    st.sampled_from([0, 1, 5]),
    st.sampled_from(["normal", "normal", "warmup"]),
)


@settings(max_examples=60, deadline=None)
@given(
    workouts=st.lists(
        st.tuples(st.integers(0, 60), st.lists(tied_set, max_size=8)), min_size=1, max_size=12
    ),
    profile=st.sampled_from([None, 75.0]),
    sex=sex_st,
)
def test_each_workouts_candidates_answer_as_all_its_estimates(
    workouts: list[tuple[int, list[tuple[str, float, int, str]]]],
    profile: float | None,
    sex: str,
) -> None:
    """Reducing each workout (its sets share a date; several may share one) to its candidates
    changes no snapshot at any date and no series, ties and exclusions included."""
    every: list = []  # type: ignore[type-arg]
    reduced: list = []  # type: ignore[type-arg]
    for offset, rows in workouts:
        day = DAY + timedelta(days=offset)
        sets = [
            make_set(lift, load, reps, day=day, set_type=kind) for lift, load, reps, kind in rows
        ]
        estimates = estimate_sets(sets, [], profile)
        every += estimates
        reduced += candidates(estimates)
    assert len(reduced) <= len(every)
    for offset in range(0, 70, 3):
        at = DAY + timedelta(days=offset)
        assert snapshot(reduced, at, sex=sex, bodyweight_kg=profile) == snapshot(
            every, at, sex=sex, bodyweight_kg=profile
        )
    assert snapshot_series(reduced, [], profile, sex) == snapshot_series(every, [], profile, sex)
    excluded = [e for e in every if e.reason not in (None, "not_scored")]
    assert [e for e in reduced if e.reason not in (None, "not_scored")] == excluded


def test_candidates_keep_the_last_of_equal_bests() -> None:
    sets = [make_set("deadlift", 100.0, 5), make_set("deadlift", 100.0, 5)]
    sets += [make_set("deadlift", 90.0, 5), make_set("deadlift", -5.0, 5)]
    kept = candidates(estimate_sets(sets, [], 80.0))
    assert [e.set_id for e in kept] == [sets[1].set_id, sets[3].set_id]


@settings(max_examples=200, deadline=None)
@given(values=st.lists(st.floats(1e-3, 1e3), min_size=1, max_size=8))
def test_the_geometric_mean_is_the_standard_librarys_bit_for_bit(values: list[float]) -> None:
    assert _gmean_or_none(values) == statistics.geometric_mean(values)
    assert _gmean_or_none([]) is None


@settings(max_examples=40, deadline=None)
@given(
    days=st.lists(
        st.tuples(st.integers(0, 150), st.one_of(external_set, bodyweight_set)), max_size=40
    ),
    start=st.integers(-10, 160),
    sex=sex_st,
)
def test_a_series_from_a_date_is_the_tail_of_the_whole_series(
    days: list[tuple[int, tuple[str, float, int]]], start: int, sex: str
) -> None:
    sets = [
        make_set(lift, load, reps, day=DAY + timedelta(days=d)) for d, (lift, load, reps) in days
    ]
    estimates = estimate_sets(sets, [], 80.0)
    since = DAY + timedelta(days=start)
    whole = snapshot_series(estimates, [], 80.0, sex)
    assert snapshot_series(estimates, [], 80.0, sex, date_from=since) == [
        s for s in whole if s.date >= since
    ]


def test_a_series_from_a_date_keeps_the_set_at_its_first_windows_oldest_day() -> None:
    span = PCB_1.window_days - 1
    since = DAY + timedelta(days=span)
    sets = [make_set("deadlift", 200.0, 5, day=DAY), make_set("deadlift", 100.0, 5, day=since)]
    (first,) = snapshot_series(estimate_sets(sets, [], 80.0), [], 80.0, "male", date_from=since)
    assert first.date == since
    assert [lift.set_id for lift in first.lifts] == [sets[0].set_id]
