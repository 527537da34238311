from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.pain_region import PainRegion

T = TypeVar("T", bound="RosterPain")


@_attrs_define
class RosterPain:
    """
    Attributes:
        max_last_7d (int | None):
        region_of_max (None | PainRegion):
        rising (bool):
    """

    max_last_7d: int | None
    region_of_max: None | PainRegion
    rising: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        max_last_7d: int | None
        max_last_7d = self.max_last_7d

        region_of_max: None | str
        if isinstance(self.region_of_max, PainRegion):
            region_of_max = self.region_of_max.value
        else:
            region_of_max = self.region_of_max

        rising = self.rising

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "max_last_7d": max_last_7d,
                "region_of_max": region_of_max,
                "rising": rising,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_max_last_7d(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        max_last_7d = _parse_max_last_7d(d.pop("max_last_7d"))

        def _parse_region_of_max(data: object) -> None | PainRegion:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                region_of_max_type_0 = PainRegion(data)

                return region_of_max_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PainRegion, data)

        region_of_max = _parse_region_of_max(d.pop("region_of_max"))

        rising = d.pop("rising")

        roster_pain = cls(
            max_last_7d=max_last_7d,
            region_of_max=region_of_max,
            rising=rising,
        )

        roster_pain.additional_properties = d
        return roster_pain

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
