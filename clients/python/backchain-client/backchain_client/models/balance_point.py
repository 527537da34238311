from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="BalancePoint")


@_attrs_define
class BalancePoint:
    """
    Attributes:
        date (datetime.date):
        index (float):
        lower (float | None):
        upper (float | None):
        smoothed (float):
    """

    date: datetime.date
    index: float
    lower: float | None
    upper: float | None
    smoothed: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        date = self.date.isoformat()

        index = self.index

        lower: float | None
        lower = self.lower

        upper: float | None
        upper = self.upper

        smoothed = self.smoothed

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "date": date,
                "index": index,
                "lower": lower,
                "upper": upper,
                "smoothed": smoothed,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        date = datetime.date.fromisoformat(d.pop("date"))

        index = d.pop("index")

        def _parse_lower(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        lower = _parse_lower(d.pop("lower"))

        def _parse_upper(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        upper = _parse_upper(d.pop("upper"))

        smoothed = d.pop("smoothed")

        balance_point = cls(
            date=date,
            index=index,
            lower=lower,
            upper=upper,
            smoothed=smoothed,
        )

        balance_point.additional_properties = d
        return balance_point

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
