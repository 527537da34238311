from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ExcludedSet")


@_attrs_define
class ExcludedSet:
    """
    Attributes:
        set_id (UUID):
        lift (str):
        date (datetime.date):
        reason (str): Why the set has no e1RM, e.g. no_bodyweight.
    """

    set_id: UUID
    lift: str
    date: datetime.date
    reason: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        set_id = str(self.set_id)

        lift = self.lift

        date = self.date.isoformat()

        reason = self.reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "set_id": set_id,
                "lift": lift,
                "date": date,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        set_id = UUID(d.pop("set_id"))

        lift = d.pop("lift")

        date = datetime.date.fromisoformat(d.pop("date"))

        reason = d.pop("reason")

        excluded_set = cls(
            set_id=set_id,
            lift=lift,
            date=date,
            reason=reason,
        )

        excluded_set.additional_properties = d
        return excluded_set

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
