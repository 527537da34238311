from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.volume_region import VolumeRegion


T = TypeVar("T", bound="VolumeRegions")


@_attrs_define
class VolumeRegions:
    """
    Attributes:
        lower (VolumeRegion):
        upper (VolumeRegion):
    """

    lower: VolumeRegion
    upper: VolumeRegion
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        lower = self.lower.to_dict()

        upper = self.upper.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "lower": lower,
                "upper": upper,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.volume_region import VolumeRegion  # noqa: PLC0415

        d = dict(src_dict)
        lower = VolumeRegion.from_dict(d.pop("lower"))

        upper = VolumeRegion.from_dict(d.pop("upper"))

        volume_regions = cls(
            lower=lower,
            upper=upper,
        )

        volume_regions.additional_properties = d
        return volume_regions

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
