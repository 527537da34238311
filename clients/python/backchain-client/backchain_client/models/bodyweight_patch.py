from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="BodyweightPatch")


@_attrs_define
class BodyweightPatch:
    """
    Attributes:
        measured_at (datetime.datetime | Unset):
        weight_kg (float | Unset):
    """

    measured_at: datetime.datetime | Unset = UNSET
    weight_kg: float | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        measured_at: str | Unset = UNSET
        if not isinstance(self.measured_at, Unset):
            measured_at = self.measured_at.isoformat()

        weight_kg = self.weight_kg

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if measured_at is not UNSET:
            field_dict["measured_at"] = measured_at
        if weight_kg is not UNSET:
            field_dict["weight_kg"] = weight_kg

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _measured_at = d.pop("measured_at", UNSET)
        measured_at: datetime.datetime | Unset
        if isinstance(_measured_at, Unset):
            measured_at = UNSET
        else:
            measured_at = datetime.datetime.fromisoformat(_measured_at)

        weight_kg = d.pop("weight_kg", UNSET)

        bodyweight_patch = cls(
            measured_at=measured_at,
            weight_kg=weight_kg,
        )

        return bodyweight_patch
