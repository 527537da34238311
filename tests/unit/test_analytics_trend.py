"""Trend of a series: Theil-Sen, Kendall tau, EWMA (BALANCE_METHOD §5, worked example C)."""

from __future__ import annotations

import time

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats

from api.analytics.constants import PCB_1
from api.analytics.trend import VALUE_DIRECTIONS, ewma, kendall, theil_sen, trend

EXAMPLE_C = [
    (0, 0.842),
    (9, 0.861),
    (23, 0.855),
    (37, 0.893),
    (50, 0.910),
    (64, 0.904),
    (78, 0.951),
    (93, 0.968),
]


class TestWorkedExampleC:
    def test_slope_per_four_weeks(self) -> None:
        result = trend(EXAMPLE_C)
        assert result.status == "ok"
        assert result.slope_4w == pytest.approx(0.0376337, abs=5e-8)
        assert result.slope_4w == pytest.approx(0.038, abs=5e-4)

    def test_interval_is_scipys(self) -> None:
        reference = stats.theilslopes([b for _, b in EXAMPLE_C], [t for t, _ in EXAMPLE_C])
        result = trend(EXAMPLE_C)
        assert result.slope_4w_low == pytest.approx(28 * reference.low_slope, rel=1e-12)
        assert result.slope_4w_high == pytest.approx(28 * reference.high_slope, rel=1e-12)
        assert result.slope_4w_low < result.slope_4w < result.slope_4w_high  # type: ignore[operator]

    def test_kendall(self) -> None:
        result = trend(EXAMPLE_C)
        assert result.kendall_tau == pytest.approx(0.857, abs=5e-4)
        assert result.p_value == pytest.approx(0.002, abs=5e-4)
        assert result.p_value == pytest.approx(5 / 2880)  # exact: 2 · 35 / 8! of pairings
        assert result.significant is True

    def test_direction_smoothing_and_balance(self) -> None:
        result = trend(EXAMPLE_C)
        assert result.direction == "toward_posterior"
        assert result.smoothed_last == pytest.approx(0.923, abs=5e-4)
        assert result.toward_balance is True
        assert (result.n, result.span_days, result.method_id) == (8, 93, "pcb-1")
        assert len(result.smoothed) == 8

    def test_point_order_does_not_matter(self) -> None:
        assert trend(list(reversed(EXAMPLE_C))) == trend(EXAMPLE_C)


class TestInsufficientData:
    def test_fewer_than_four_points(self) -> None:
        result = trend(EXAMPLE_C[:3])
        assert (result.status, result.reason, result.n) == (
            "insufficient_data",
            "too_few_points",
            3,
        )
        assert result.span_days == 23
        assert result.smoothed_last == pytest.approx(ewma(EXAMPLE_C[:3], 28)[-1])
        assert (result.slope_4w, result.kendall_tau, result.p_value, result.direction) == (
            None,
            None,
            None,
            None,
        )
        assert (result.significant, result.toward_balance) == (None, None)

    def test_span_under_28_days(self) -> None:
        result = trend([(0, 1.0), (9, 1.1), (18, 1.2), (27, 1.3)])
        assert (result.status, result.reason, result.span_days) == (
            "insufficient_data",
            "span_too_short",
            27,
        )

    def test_exactly_28_days_is_enough(self) -> None:
        assert trend([(0, 1.0), (9, 1.1), (18, 1.2), (28, 1.3)]).status == "ok"

    def test_no_points(self) -> None:
        result = trend([])
        assert (result.n, result.span_days, result.smoothed_last, result.smoothed) == (
            0,
            0,
            None,
            (),
        )

    def test_one_point_is_its_own_smoothed_value(self) -> None:
        assert trend([(5, 0.8)]).smoothed_last == 0.8


class TestDirection:
    def test_small_slope_is_stable_and_not_toward_balance(self) -> None:
        points = [(t, 0.85 + 0.0001 * t) for t in range(0, 60, 10)]
        result = trend(points)
        assert result.direction == "stable"
        assert result.toward_balance is False

    def test_falling_index_above_one_moves_toward_balance(self) -> None:
        points = [(t, 1.4 - 0.004 * t) for t in range(0, 60, 10)]
        result = trend(points)
        assert result.direction == "toward_anterior"
        assert result.toward_balance is True

    def test_rising_index_above_one_moves_away_from_balance(self) -> None:
        points = [(t, 1.2 + 0.004 * t) for t in range(0, 60, 10)]
        assert trend(points).toward_balance is False

    def test_other_series_name_their_directions_and_have_no_center(self) -> None:
        points = [(t, 100 + t) for t in range(0, 60, 10)]
        result = trend(points, center=None, directions=VALUE_DIRECTIONS, stable_threshold=2.5)
        assert (result.direction, result.toward_balance) == ("rising", None)
        assert result.slope_4w == pytest.approx(28.0)

    def test_constant_series_has_zero_slope_and_no_tau(self) -> None:
        result = trend([(t, 0.9) for t in range(0, 60, 10)])
        assert (result.slope_4w, result.direction, result.kendall_tau) == (0.0, "stable", None)
        assert result.significant is False


class TestKendall:
    def test_exact_without_ties_up_to_ten_points(self) -> None:
        t = list(range(10))
        y = [0.1, 0.3, 0.2, 0.5, 0.4, 0.7, 0.6, 0.9, 1.0, 0.8]
        exact = stats.kendalltau(t, y, method="exact")
        assert kendall(t, y) == (pytest.approx(exact.statistic), pytest.approx(exact.pvalue))

    def test_asymptotic_above_ten_points(self) -> None:
        t = list(range(11))
        y = [0.1, 0.3, 0.2, 0.5, 0.4, 0.7, 0.6, 0.9, 1.0, 0.8, 1.1]
        asymptotic = stats.kendalltau(t, y, method="asymptotic")
        assert kendall(t, y)[1] == pytest.approx(asymptotic.pvalue)
        assert kendall(t, y, PCB_1)[1] != pytest.approx(stats.kendalltau(t, y).pvalue)

    def test_asymptotic_with_ties(self) -> None:
        t = list(range(6))
        y = [0.1, 0.1, 0.2, 0.5, 0.4, 0.7]
        asymptotic = stats.kendalltau(t, y, method="asymptotic")
        assert kendall(t, y)[1] == pytest.approx(asymptotic.pvalue)


class TestEwma:
    def test_half_life_halves_the_old_weight(self) -> None:
        assert ewma([(0, 0.0), (28, 1.0)], 28) == [0.0, pytest.approx(0.5)]

    def test_same_time_adds_no_weight(self) -> None:
        assert ewma([(0, 0.0), (0, 1.0)], 28) == [0.0, 0.0]


class TestTheilSen:
    def test_all_equal_times_have_no_slope(self) -> None:
        assert theil_sen([3, 3, 3], [1, 2, 3]) is None

    def test_two_thousand_points_are_fast_and_exact(self) -> None:
        rng = np.random.default_rng(7)
        t = np.sort(rng.integers(0, 3650, size=2000)).astype(float)
        y = np.round(rng.normal(1.0, 0.1, size=2000), 3)
        started = time.perf_counter()
        fit = theil_sen(t.tolist(), y.tolist())
        elapsed = time.perf_counter() - started
        reference = stats.theilslopes(y, t)
        assert fit is not None
        assert (fit.slope, fit.low, fit.high) == (
            reference.slope,
            reference.low_slope,
            reference.high_slope,
        )
        assert elapsed < 0.5  # ~30 ms measured; scipy's theilslopes takes ~0.15-0.4 s

    def test_trend_of_two_thousand_points(self) -> None:
        points = [(1.8 * i, 1.0 + 0.0001 * i + 0.01 * ((i * 7919) % 13)) for i in range(2000)]
        started = time.perf_counter()
        result = trend(points)
        assert time.perf_counter() - started < 0.5
        assert result.status == "ok"


times_st = st.lists(st.integers(0, 400), min_size=2, max_size=40)


@pytest.mark.filterwarnings("ignore:invalid value encountered in sqrt:RuntimeWarning")
@settings(max_examples=60, deadline=None)
@given(data=st.data(), t=times_st)
def test_theil_sen_equals_scipy_including_ties(data: st.DataObject, t: list[int]) -> None:
    y = data.draw(st.lists(st.integers(0, 20), min_size=len(t), max_size=len(t)))
    fit = theil_sen(t, [v / 10 for v in y])
    if len(set(t)) == 1:
        assert fit is None
        return
    reference = stats.theilslopes([v / 10 for v in y], t)
    assert fit is not None
    assert fit.slope == pytest.approx(reference.slope, rel=1e-12, abs=1e-15)
    if np.isnan(reference.low_slope):
        assert (fit.low, fit.high) == (None, None)
    else:
        assert fit.low == pytest.approx(reference.low_slope, rel=1e-12, abs=1e-15)
        assert fit.high == pytest.approx(reference.high_slope, rel=1e-12, abs=1e-15)


@settings(max_examples=60, deadline=None)
@given(
    points=st.lists(st.tuples(st.integers(0, 500), st.floats(0.3, 3.0)), min_size=4, max_size=30),
    shift=st.integers(-10_000, 10_000),
)
def test_theil_sen_slope_is_invariant_to_shifting_time(
    points: list[tuple[int, float]], shift: int
) -> None:
    shifted = [(t + shift, v) for t, v in points]
    before, after = trend(points), trend(shifted)
    assert before.status == after.status
    if before.slope_4w is None:
        assert after.slope_4w is None
    else:
        assert after.slope_4w == pytest.approx(before.slope_4w, rel=1e-9, abs=1e-12)
