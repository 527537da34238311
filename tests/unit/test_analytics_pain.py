"""Pain bands, clinically important change and pain-balance association (BALANCE_METHOD §6, §7)."""

from __future__ import annotations

import math
import time
from datetime import date, timedelta
from itertools import permutations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats

from api.analytics.pain import (
    ASSOCIATION_NOTE,
    _permutation_counts,
    association,
    lagged_pairs,
    pain_band,
    pain_change,
    spearman_exact_p,
)

START = date(2024, 1, 1)
SNAPSHOTS_C = [
    (0, 0.842),
    (9, 0.861),
    (23, 0.855),
    (37, 0.893),
    (50, 0.910),
    (64, 0.904),
    (78, 0.951),
    (93, 0.968),
]
LOW_BACK_C = [(2, 6), (12, 6), (25, 5), (40, 5), (52, 4), (66, 4), (80, 3), (95, 3)]


def on(day: int) -> date:
    return START + timedelta(days=day)


def dated(points: list[tuple[int, float]]) -> list[tuple[date, float]]:
    return [(on(d), v) for d, v in points]


def pain(points: list[tuple[int, int]]) -> list[tuple[date, int]]:
    return [(on(d), v) for d, v in points]


class TestPainBand:
    @pytest.mark.parametrize(
        ("score", "band"),
        [
            (0, "none"),
            (1, "mild"),
            (3, "mild"),
            (4, "moderate"),
            (6, "moderate"),
            (7, "severe"),
            (10, "severe"),
        ],
    )
    def test_nprs_bands(self, score: int, band: str) -> None:
        assert pain_band(score) == band

    @pytest.mark.parametrize("score", [-1, 11])
    def test_out_of_scale_is_rejected(self, score: int) -> None:
        with pytest.raises(ValueError, match="0-10"):
            pain_band(score)


class TestPainChange:
    def test_example_b_low_back_five_to_four_is_not_important(self) -> None:
        change = pain_change(5, 4)
        assert (change.delta, change.percent, change.clinically_important, change.direction) == (
            -1,
            pytest.approx(-20.0),
            False,
            "improved",
        )

    def test_example_b_neck_four_to_two_is_an_important_improvement(self) -> None:
        change = pain_change(4, 2)
        assert (change.baseline, change.last, change.delta) == (4, 2, -2)
        assert change.percent == pytest.approx(-50.0)
        assert (change.clinically_important, change.direction) == (True, "improved")

    def test_thirty_percent_of_a_low_baseline_is_important(self) -> None:
        assert pain_change(3, 2).clinically_important is True  # 1 point, 33 %

    def test_rise_is_worsened(self) -> None:
        change = pain_change(2, 5)
        assert (change.clinically_important, change.direction) == (True, "worsened")

    def test_zero_baseline_has_no_percent(self) -> None:
        assert pain_change(0, 1).percent is None
        assert pain_change(0, 1).clinically_important is False
        assert pain_change(0, 2).clinically_important is True

    def test_unchanged(self) -> None:
        change = pain_change(6, 6)
        assert (change.delta, change.clinically_important, change.direction) == (
            0,
            False,
            "unchanged",
        )


class TestWorkedExampleC:
    def result(self):  # type: ignore[no-untyped-def]
        return association(pain(LOW_BACK_C), dated(SNAPSHOTS_C))

    def test_every_lag_is_reported_with_the_note(self) -> None:
        result = self.result()
        assert [lag.lag_days for lag in result.lags] == [0, 14, 28]
        assert (result.note, result.region, result.method_id) == (
            "association over time, not causation",
            "low_back",
            "pcb-1",
        )
        assert result.note == ASSOCIATION_NOTE

    def test_lag_0_supports_the_hypothesis(self) -> None:
        lag = self.result().lags[0]
        assert (lag.status, lag.n) == ("ok", 8)
        assert lag.rho == pytest.approx(-0.927, abs=5e-4)
        assert lag.p_value < 0.05  # type: ignore[operator]
        assert lag.supports_hypothesis is True

    def test_lag_14_is_not_significant(self) -> None:
        lag = self.result().lags[1]
        assert (lag.status, lag.n) == ("ok", 6)
        assert lag.rho == pytest.approx(-0.837, abs=5e-4)
        assert lag.p_value >= 0.05  # type: ignore[operator]
        assert lag.supports_hypothesis is False

    def test_exact_p_values(self) -> None:
        lags = self.result().lags
        assert lags[0].p_value == pytest.approx(128 / 40320)  # exact over the 8! pairings
        assert lags[1].p_value == pytest.approx(48 / 720)

    def test_region_is_named_by_the_caller(self) -> None:
        assert association(pain(LOW_BACK_C), dated(SNAPSHOTS_C), region="neck").region == "neck"


class TestPairing:
    def test_latest_snapshot_in_the_lagged_window(self) -> None:
        snapshots = dated([(0, 0.8), (10, 0.9), (20, 1.0)])
        assert lagged_pairs(pain([(20, 5)]), snapshots, 0) == [(5, 1.0)]
        assert lagged_pairs(pain([(20, 5)]), snapshots, 14) == [(5, 0.8)]

    def test_window_reaches_back_42_days_before_the_lag(self) -> None:
        snapshots = dated([(0, 0.8)])
        assert lagged_pairs(pain([(56, 5)]), snapshots, 14) == [(5, 0.8)]  # 56 - 14 - 42 = 0
        assert lagged_pairs(pain([(57, 5)]), snapshots, 14) == []

    def test_snapshots_without_an_index_are_skipped(self) -> None:
        snapshots = [(on(0), 0.8), (on(5), None)]
        assert lagged_pairs(pain([(6, 3)]), snapshots, 0) == [(3, 0.8)]

    def test_snapshots_after_the_entry_are_not_used(self) -> None:
        assert lagged_pairs(pain([(5, 3)]), dated([(6, 0.8)]), 0) == []


class TestInsufficient:
    def test_fewer_than_five_pairs(self) -> None:
        result = association(pain(LOW_BACK_C[:4]), dated(SNAPSHOTS_C))
        for lag in result.lags:
            assert (lag.status, lag.rho, lag.p_value, lag.supports_hypothesis) == (
                "insufficient_data",
                None,
                None,
                False,
            )
            assert lag.reason == "too_few_pairs"

    def test_constant_pain_has_no_rho(self) -> None:
        result = association(pain([(d, 4) for d, _ in LOW_BACK_C]), dated(SNAPSHOTS_C))
        assert (result.lags[0].status, result.lags[0].reason) == (
            "insufficient_data",
            "no_variation",
        )

    def test_no_data(self) -> None:
        assert all(lag.n == 0 for lag in association([], []).lags)


class TestPValues:
    def test_more_than_ten_pairs_use_the_t_approximation(self) -> None:
        days = list(range(0, 120, 8))
        snapshots = dated([(d, 0.8 + d / 400 + (d % 3) / 100) for d in days])
        scores = pain([(d, 8 - d // 20) for d in days])
        lag = association(scores, snapshots).lags[0]
        expected = stats.spearmanr([s for _, s in scores], [b for _, b in snapshots])
        assert lag.n == 15
        assert lag.rho == pytest.approx(expected.statistic)
        assert lag.p_value == pytest.approx(expected.pvalue)

    def test_ten_pairs_without_ties_is_exact_and_fast(self) -> None:
        _permutation_counts.cache_clear()
        x = [3, 1, 4, 10, 5, 9, 2, 6, 8, 7]
        y = [0.5, 0.1, 0.3, 0.9, 0.4, 1.0, 0.2, 0.7, 0.6, 0.8]
        started = time.perf_counter()
        p = spearman_exact_p(x, y)
        assert time.perf_counter() - started < 1.0  # ~0.1 s measured for the worst case
        counts = _permutation_counts(tuple(sorted(2 * v for v in x)), tuple(range(2, 21, 2)))
        assert int(counts.sum()) == math.factorial(10)
        assert 0 < p < 0.001

    def test_exact_p_refuses_large_n(self) -> None:
        with pytest.raises(ValueError, match="n <= 12"):
            spearman_exact_p(list(range(13)), list(range(13)))

    def test_perfect_order_at_n_five(self) -> None:
        assert spearman_exact_p([1, 2, 3, 4, 5], [1, 2, 3, 4, 5]) == pytest.approx(2 / 120)


def brute_force_p(x: list[int], y: list[int]) -> float:
    rx, ry = stats.rankdata(x), stats.rankdata(y)
    perms = np.array(list(permutations(range(len(ry)))))
    shuffled = ry[perms]
    observed = abs(np.corrcoef(rx, ry)[0, 1])
    centered = shuffled - shuffled.mean(axis=1, keepdims=True)
    rho = (
        centered
        @ (rx - rx.mean())
        / (np.linalg.norm(centered, axis=1) * np.linalg.norm(rx - rx.mean()))
    )
    return float(np.mean(np.abs(rho) >= observed - 1e-12))


@settings(max_examples=40, deadline=None)
@given(
    pairs=st.lists(st.tuples(st.integers(0, 4), st.integers(0, 5)), min_size=3, max_size=7).filter(
        lambda ps: len({a for a, _ in ps}) > 1 and len({b for _, b in ps}) > 1
    )
)
def test_exact_p_equals_enumerating_every_permutation(pairs: list[tuple[int, int]]) -> None:
    x, y = [a for a, _ in pairs], [b for _, b in pairs]
    assert spearman_exact_p(x, y) == pytest.approx(brute_force_p(x, y), abs=1e-12)
