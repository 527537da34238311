from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.pain_region import PainRegion

if TYPE_CHECKING:
    from ..models.lag_association import LagAssociation


T = TypeVar("T", bound="AssociationRead")


@_attrs_define
class AssociationRead:
    """
    Attributes:
        region (PainRegion):
        note (str):
        lags (list[LagAssociation]):
    """

    region: PainRegion
    note: str
    lags: list[LagAssociation]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        region = self.region.value

        note = self.note

        lags = []
        for lags_item_data in self.lags:
            lags_item = lags_item_data.to_dict()
            lags.append(lags_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "region": region,
                "note": note,
                "lags": lags,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.lag_association import LagAssociation  # noqa: PLC0415

        d = dict(src_dict)
        region = PainRegion(d.pop("region"))

        note = d.pop("note")

        lags = []
        _lags = d.pop("lags")
        for lags_item_data in _lags:
            lags_item = LagAssociation.from_dict(lags_item_data)

            lags.append(lags_item)

        association_read = cls(
            region=region,
            note=note,
            lags=lags,
        )

        association_read.additional_properties = d
        return association_read

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
