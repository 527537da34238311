"""Computed weights in JSON answers: kept whole in the model, rounded to the gram when written
(docs/EXPORTS.md, "Rounding"), so nothing computed from them uses a rounded figure."""

from __future__ import annotations

from typing import Annotated

from pydantic import PlainSerializer

from api.csv_io.units import weight_for_display


def _to_the_gram(kilograms: float) -> float | None:
    return weight_for_display(kilograms, "kg")


ComputedKg = Annotated[float, PlainSerializer(_to_the_gram, return_type=float, when_used="json")]
