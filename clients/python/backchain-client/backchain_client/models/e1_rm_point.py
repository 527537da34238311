from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="E1RmPoint")


@_attrs_define
class E1RmPoint:
    """
    Attributes:
        date (datetime.date):
        e1rm_kg (float):
        set_id (UUID):
        extrapolated (bool):
    """

    date: datetime.date
    e1rm_kg: float
    set_id: UUID
    extrapolated: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        date = self.date.isoformat()

        e1rm_kg = self.e1rm_kg

        set_id = str(self.set_id)

        extrapolated = self.extrapolated

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "date": date,
                "e1rm_kg": e1rm_kg,
                "set_id": set_id,
                "extrapolated": extrapolated,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        date = datetime.date.fromisoformat(d.pop("date"))

        e1rm_kg = d.pop("e1rm_kg")

        set_id = UUID(d.pop("set_id"))

        extrapolated = d.pop("extrapolated")

        e1_rm_point = cls(
            date=date,
            e1rm_kg=e1rm_kg,
            set_id=set_id,
            extrapolated=extrapolated,
        )

        e1_rm_point.additional_properties = d
        return e1_rm_point

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
