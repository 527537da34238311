"""Weights as answers show them: in the asked unit, to a thousandth, only at output."""

from __future__ import annotations

import math

import pytest

from api.csv_io.units import weight_for_display


@pytest.mark.parametrize(
    ("kilograms", "unit", "shown"),
    [
        (140 * (1 + 5 / 30), "kg", 163.333),
        (140 * (1 + 5 / 30), "lb", 360.088),  # from the unrounded 163.3333… kg
        (116.6665, "kg", 116.666),  # half to even on the decimal digits
        (116.6675, "kg", 116.668),
        (-20.0, "lb", -44.092),
        (0.45359237, "lb", 1.0),
        (80.0, "kg", 80.0),
    ],
)
def test_rounded_to_a_thousandth_of_the_unit(kilograms: float, unit: str, shown: float) -> None:
    assert weight_for_display(kilograms, unit) == shown  # type: ignore[arg-type]


def test_missing_and_non_finite_pass_through() -> None:
    assert weight_for_display(None, "kg") is None
    assert math.isnan(weight_for_display(math.nan, "lb") or 0.0)
