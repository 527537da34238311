"""Named enumerations shared by schemas (each becomes one named OpenAPI schema)."""

from __future__ import annotations

from enum import StrEnum


class Sex(StrEnum):
    male = "male"
    female = "female"
    other = "other"
    unspecified = "unspecified"


class Unit(StrEnum):
    kg = "kg"
    lb = "lb"


class Role(StrEnum):
    user = "user"
    admin = "admin"


class Chain(StrEnum):
    anterior = "anterior"
    posterior = "posterior"
    neutral = "neutral"


class BodyRegion(StrEnum):
    # These member names shadow str.lower/str.upper on members; never call them as methods.
    lower = "lower"  # type: ignore[assignment]
    upper = "upper"  # type: ignore[assignment]
    core = "core"
    none = "none"


class LoadType(StrEnum):
    external = "external"
    bodyweight = "bodyweight"
    bodyweight_plus = "bodyweight_plus"
    assisted = "assisted"
