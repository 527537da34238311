from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="BodyweightPatch")


@_attrs_define
class BodyweightPatch:
    """
    Attributes:
        measured_at (datetime.datetime | None | Unset):
        weight_kg (float | None | Unset):
    """

    measured_at: datetime.datetime | None | Unset = UNSET
    weight_kg: float | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        measured_at: None | str | Unset
        if isinstance(self.measured_at, Unset):
            measured_at = UNSET
        elif isinstance(self.measured_at, datetime.datetime):
            measured_at = self.measured_at.isoformat()
        else:
            measured_at = self.measured_at

        weight_kg: float | None | Unset
        if isinstance(self.weight_kg, Unset):
            weight_kg = UNSET
        else:
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

        def _parse_measured_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                measured_at_type_0 = datetime.datetime.fromisoformat(data)

                return measured_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        measured_at = _parse_measured_at(d.pop("measured_at", UNSET))

        def _parse_weight_kg(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        weight_kg = _parse_weight_kg(d.pop("weight_kg", UNSET))

        bodyweight_patch = cls(
            measured_at=measured_at,
            weight_kg=weight_kg,
        )

        return bodyweight_patch
