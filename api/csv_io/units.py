"""Unit factors shared by the importers and exporters (exact, as Decimals)."""

from __future__ import annotations

import math
from decimal import Decimal
from typing import Final, Literal

WeightUnit = Literal["kg", "lb"]
WEIGHT_UNITS: Final[tuple[WeightUnit, ...]] = ("kg", "lb")

# The international pound (1959), exact by definition.
KG_PER_LB: Final[Decimal] = Decimal("0.45359237")

# Metres per distance unit, keyed by every spelling the apps write (lower case).
METRES_PER_DISTANCE_UNIT: Final[dict[str, Decimal]] = {
    "m": Decimal(1),
    "meter": Decimal(1),
    "meters": Decimal(1),
    "metre": Decimal(1),
    "metres": Decimal(1),
    "km": Decimal(1000),
    "kms": Decimal(1000),
    "kilometers": Decimal(1000),
    "kilometres": Decimal(1000),
    "mi": Decimal("1609.344"),
    "mile": Decimal("1609.344"),
    "miles": Decimal("1609.344"),
    "ft": Decimal("0.3048"),
    "feet": Decimal("0.3048"),
    "yd": Decimal("0.9144"),
    "yds": Decimal("0.9144"),
    "yards": Decimal("0.9144"),
}

# Converted values are rounded to the gram / millimetre: finer than any plate or tape, and it
# makes kg -> lb (3 decimals) -> kg give back every load that was logged to the gram.
KG_QUANTUM: Final[Decimal] = Decimal("0.001")
LB_QUANTUM: Final[Decimal] = Decimal("0.001")
METRE_QUANTUM: Final[Decimal] = Decimal("0.001")


def lb_to_kg(pounds: Decimal) -> Decimal:
    """Pounds to kilograms, rounded to the gram."""
    return (pounds * KG_PER_LB).quantize(KG_QUANTUM)


def kg_to_lb(kilograms: Decimal) -> Decimal:
    """Kilograms to pounds, rounded to a thousandth of a pound."""
    return (kilograms / KG_PER_LB).quantize(LB_QUANTUM)


def weight_for_display(kilograms: float | None, unit: WeightUnit) -> float | None:
    """A weight as an answer shows it: in `unit`, rounded to a thousandth (gram or thousandth
    of a pound, half to even on its decimal digits). Only at output: figures computed from
    weights use them unrounded."""
    if kilograms is None or not math.isfinite(kilograms):
        return kilograms
    if unit == "lb":
        return float(kg_to_lb(Decimal(repr(kilograms))))
    return float(Decimal(repr(kilograms)).quantize(KG_QUANTUM))
