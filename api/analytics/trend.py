"""Trend of a time series: Theil-Sen slope, Kendall tau, EWMA (BALANCE_METHOD §5)."""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
from scipy import stats  # type: ignore[import-untyped,unused-ignore]

from api.analytics.constants import PCB_1, Method

TrendStatus = Literal["ok", "insufficient_data"]
# (label for a rising series, label for a falling one); "stable" is shared by all series.
BALANCE_DIRECTIONS: tuple[str, str] = ("toward_posterior", "toward_anterior")
VALUE_DIRECTIONS: tuple[str, str] = ("rising", "falling")
STABLE = "stable"


@dataclass(frozen=True, slots=True)
class TheilSen:
    """Theil-Sen slope per unit of t with its confidence interval (None when undefined)."""

    slope: float
    low: float | None
    high: float | None


@dataclass(frozen=True, slots=True)
class Trend:
    """Trend of a series; numeric fields are None when status is insufficient_data."""

    method_id: str
    status: TrendStatus
    reason: str | None  # "too_few_points" | "span_too_short" when insufficient
    n: int
    span_days: float
    slope_4w: float | None
    slope_4w_low: float | None
    slope_4w_high: float | None
    kendall_tau: float | None
    p_value: float | None
    significant: bool | None
    direction: str | None
    toward_balance: bool | None  # None unless a center is given
    smoothed_last: float | None  # None only without points
    smoothed: tuple[float, ...]  # EWMA of the points sorted by t


# Up to this many points the pairs' slopes are computed in one vectorised step (index arrays
# of n^2/2 pairs: ~3 MB at 400); above it, row by row (bounded memory at any n).
VECTORISED_MAX_N = 400


def _pairwise_slopes(t: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Slopes of all pairs with distinct t (the set scipy's theilslopes builds), in no
    particular order (only order statistics are taken of them)."""
    order = np.argsort(t, kind="stable")
    ts, ys = t[order], y[order]
    n = len(ts)
    if n <= VECTORISED_MAX_N:
        # 3.4x faster than the rows below at n = 120 (bench/RESULTS.md), same values.
        left, right = np.triu_indices(n, 1)
        dt = ts[right] - ts[left]
        later = dt > 0  # pairs need t_j > t_i
        return np.asarray((ys[right] - ys[left])[later] / dt[later])
    first_later = np.searchsorted(ts, ts, side="right")  # pairs need t_j > t_i
    slopes = np.empty(int((n - first_later).sum()))
    offset = 0
    for i, j in enumerate(first_later.tolist()):
        if j < n:
            count = n - j
            np.divide(ys[j:] - ys[i], ts[j:] - ts[i], out=slopes[offset : offset + count])
            offset += count
    return slopes


@functools.lru_cache(maxsize=16)
def _normal_quantile(p: float) -> float:
    """The standard normal quantile (scipy's `norm.ppf`: ~40 µs a call, for a constant)."""
    return float(stats.norm.ppf(p))


def theil_sen(t: Sequence[float], y: Sequence[float], confidence: float = 0.95) -> TheilSen | None:
    """Exact Theil-Sen slope and Sen's interval, as scipy.stats.theilslopes reports them (§5).

    Hand-written because scipy builds two n x n matrices and sorts all n^2/2 slopes: 0.15-0.4 s
    at n = 2,000 (measured). Selecting only the order statistics needed with np.partition gives
    the same numbers in ~30 ms. None when all t are equal.
    """
    tx = np.asarray(t, dtype=float)
    ty = np.asarray(y, dtype=float)
    slopes = _pairwise_slopes(tx, ty)
    total = len(slopes)
    if total == 0:
        return None
    # Sen (1968) eq. 2.6 with tie corrections, exactly as scipy computes the interval ranks.
    n = len(ty)
    _, x_ties = np.unique(tx, return_counts=True)
    _, y_ties = np.unique(ty, return_counts=True)

    def tie_term(k: np.ndarray) -> int:
        return int(np.sum(k * (k - 1) * (2 * k + 5)))

    variance = (n * (n - 1) * (2 * n + 5) - tie_term(x_ties) - tie_term(y_ties)) / 18.0
    z = _normal_quantile((1.0 - confidence) / 2.0)
    ranks: tuple[int, int] | None = None
    if variance >= 0:
        sigma = math.sqrt(variance)
        upper = min(int(np.round((total - z * sigma) / 2.0)), total - 1)
        lower = max(int(np.round((total + z * sigma) / 2.0)) - 1, 0)
        ranks = (lower, upper)
    middle = total // 2
    # Median: with an even count the mean of the two middle values (§5).
    kth = {middle, middle - 1 if total % 2 == 0 else middle, *(ranks or ())}
    selected = np.partition(slopes, sorted(kth))
    median = (
        float(selected[middle])
        if total % 2
        else float((selected[middle - 1] + selected[middle]) / 2.0)
    )
    if ranks is None:
        return TheilSen(slope=median, low=None, high=None)
    return TheilSen(slope=median, low=float(selected[ranks[0]]), high=float(selected[ranks[1]]))


def kendall(
    t: Sequence[float], y: Sequence[float], method: Method = PCB_1
) -> tuple[float | None, float | None]:
    """Kendall tau-b and its two-sided p; exact for n <= 10 without ties, else asymptotic (§5)."""
    has_ties = len(set(t)) < len(t) or len(set(y)) < len(y)
    # scipy's "auto" goes exact up to n = 33; the method says n <= 10, so it is chosen here.
    exact = len(t) <= method.kendall_exact_max_n and not has_ties
    result = stats.kendalltau(t, y, method="exact" if exact else "asymptotic")
    tau, p = float(result.statistic), float(result.pvalue)
    return (None if math.isnan(tau) else tau), (None if math.isnan(p) else p)


def ewma(points: Sequence[tuple[float, float]], half_life_days: float) -> list[float]:
    """EWMA over irregular times, points in t order (BALANCE_METHOD §5)."""
    smoothed: list[float] = []
    previous_t = 0.0
    for t, value in points:
        if not smoothed:
            smoothed.append(value)
        else:
            weight = 1.0 - math.exp(-math.log(2) * (t - previous_t) / half_life_days)
            smoothed.append(weight * value + (1.0 - weight) * smoothed[-1])
        previous_t = t
    return smoothed


def trend(
    points: Sequence[tuple[float, float]],
    method: Method = PCB_1,
    *,
    center: float | None = 1.0,
    directions: tuple[str, str] = BALANCE_DIRECTIONS,
    stable_threshold: float | None = None,
) -> Trend:
    """Trend of (t_days, value) points; center 1.0 for B, None for other series (§5).

    `directions` names a rising and a falling series; `stable_threshold` (per 4 weeks, default
    the method's 0.02 for B) suits other units, e.g. kg for an e1RM series.
    """
    ordered = sorted(points, key=lambda p: p[0])
    n = len(ordered)
    span = ordered[-1][0] - ordered[0][0] if ordered else 0.0
    smoothed = ewma(ordered, method.ewma_half_life_days)
    smoothed_last = smoothed[-1] if smoothed else None

    reason = None
    if n < method.trend_min_points:
        reason = "too_few_points"
    elif span < method.trend_min_span_days:
        reason = "span_too_short"
    fit = None if reason else theil_sen([p[0] for p in ordered], [p[1] for p in ordered])
    if fit is None or smoothed_last is None:
        return Trend(
            method_id=method.method_id,
            status="insufficient_data",
            reason=reason or "span_too_short",
            n=n,
            span_days=span,
            slope_4w=None,
            slope_4w_low=None,
            slope_4w_high=None,
            kendall_tau=None,
            p_value=None,
            significant=None,
            direction=None,
            toward_balance=None,
            smoothed_last=smoothed_last,
            smoothed=tuple(smoothed),
        )

    scale = method.slope_scale_days
    slope_4w = scale * fit.slope
    tau, p_value = kendall([p[0] for p in ordered], [p[1] for p in ordered], method)
    threshold = method.stable_threshold if stable_threshold is None else stable_threshold
    if abs(slope_4w) < threshold:
        direction = STABLE
    else:
        direction = directions[0] if slope_4w > 0 else directions[1]
    toward_balance = None
    if center is not None:
        toward_balance = direction != STABLE and slope_4w * (center - smoothed_last) > 0
    return Trend(
        method_id=method.method_id,
        status="ok",
        reason=None,
        n=n,
        span_days=span,
        slope_4w=slope_4w,
        slope_4w_low=None if fit.low is None else scale * fit.low,
        slope_4w_high=None if fit.high is None else scale * fit.high,
        kendall_tau=tau,
        p_value=p_value,
        significant=p_value is not None and p_value < method.alpha,
        direction=direction,
        toward_balance=toward_balance,
        smoothed_last=smoothed_last,
        smoothed=tuple(smoothed),
    )
