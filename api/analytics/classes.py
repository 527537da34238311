"""Counted class of an exercise (BALANCE_METHOD §9).

The prime mover decides an exercise's chain and region; only anterior or posterior work of the
lower or upper body counts. Arms, lateral deltoids, neck, adductors, core, carries, cardio and
mobility are `not_counted`.
"""

from __future__ import annotations

from typing import Literal

CountedClass = Literal[
    "posterior_lower", "posterior_upper", "anterior_lower", "anterior_upper", "not_counted"
]
COUNTED_CLASSES: tuple[CountedClass, ...] = (
    "posterior_lower",
    "posterior_upper",
    "anterior_lower",
    "anterior_upper",
)
NOT_COUNTED: CountedClass = "not_counted"


def counted_class(chain: str | None, region: str | None) -> CountedClass:
    """`chain_region` for anterior/posterior lower/upper work, else not_counted (§9)."""
    if chain in ("anterior", "posterior") and region in ("lower", "upper"):
        return f"{chain}_{region}"  # type: ignore[return-value]  # both parts checked above
    return NOT_COUNTED
