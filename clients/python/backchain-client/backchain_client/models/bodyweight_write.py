from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="BodyweightWrite")


@_attrs_define
class BodyweightWrite:
    """
    Attributes:
        measured_at (datetime.datetime):
        weight_kg (float):
    """

    measured_at: datetime.datetime
    weight_kg: float

    def to_dict(self) -> dict[str, Any]:
        measured_at = self.measured_at.isoformat()

        weight_kg = self.weight_kg

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "measured_at": measured_at,
                "weight_kg": weight_kg,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        measured_at = datetime.datetime.fromisoformat(d.pop("measured_at"))

        weight_kg = d.pop("weight_kg")

        bodyweight_write = cls(
            measured_at=measured_at,
            weight_kg=weight_kg,
        )

        return bodyweight_write
