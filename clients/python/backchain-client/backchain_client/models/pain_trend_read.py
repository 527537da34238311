from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.association_read import AssociationRead
    from ..models.pain_series import PainSeries


T = TypeVar("T", bound="PainTrendRead")


@_attrs_define
class PainTrendRead:
    """
    Attributes:
        method (str): The method version every figure was computed with.
        series (list[PainSeries]):
        association (AssociationRead):
    """

    method: str
    series: list[PainSeries]
    association: AssociationRead
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        method = self.method

        series = []
        for series_item_data in self.series:
            series_item = series_item_data.to_dict()
            series.append(series_item)

        association = self.association.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "method": method,
                "series": series,
                "association": association,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.association_read import AssociationRead  # noqa: PLC0415
        from ..models.pain_series import PainSeries  # noqa: PLC0415

        d = dict(src_dict)
        method = d.pop("method")

        series = []
        _series = d.pop("series")
        for series_item_data in _series:
            series_item = PainSeries.from_dict(series_item_data)

            series.append(series_item)

        association = AssociationRead.from_dict(d.pop("association"))

        pain_trend_read = cls(
            method=method,
            series=series,
            association=association,
        )

        pain_trend_read.additional_properties = d
        return pain_trend_read

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
