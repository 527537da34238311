from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.pain_region import PainRegion
from ..models.side import Side

if TYPE_CHECKING:
    from ..models.pain_change_read import PainChangeRead
    from ..models.pain_latest import PainLatest
    from ..models.pain_point import PainPoint
    from ..models.trend_read import TrendRead


T = TypeVar("T", bound="PainSeries")


@_attrs_define
class PainSeries:
    """
    Attributes:
        region (PainRegion):
        side (None | Side):
        points (list[PainPoint]):
        latest (PainLatest):
        change (PainChangeRead):
        trend (TrendRead):
    """

    region: PainRegion
    side: None | Side
    points: list[PainPoint]
    latest: PainLatest
    change: PainChangeRead
    trend: TrendRead
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        region = self.region.value

        side: None | str
        if isinstance(self.side, Side):
            side = self.side.value
        else:
            side = self.side

        points = []
        for points_item_data in self.points:
            points_item = points_item_data.to_dict()
            points.append(points_item)

        latest = self.latest.to_dict()

        change = self.change.to_dict()

        trend = self.trend.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "region": region,
                "side": side,
                "points": points,
                "latest": latest,
                "change": change,
                "trend": trend,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.pain_change_read import PainChangeRead  # noqa: PLC0415
        from ..models.pain_latest import PainLatest  # noqa: PLC0415
        from ..models.pain_point import PainPoint  # noqa: PLC0415
        from ..models.trend_read import TrendRead  # noqa: PLC0415

        d = dict(src_dict)
        region = PainRegion(d.pop("region"))

        def _parse_side(data: object) -> None | Side:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                side_type_0 = Side(data)

                return side_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Side, data)

        side = _parse_side(d.pop("side"))

        points = []
        _points = d.pop("points")
        for points_item_data in _points:
            points_item = PainPoint.from_dict(points_item_data)

            points.append(points_item)

        latest = PainLatest.from_dict(d.pop("latest"))

        change = PainChangeRead.from_dict(d.pop("change"))

        trend = TrendRead.from_dict(d.pop("trend"))

        pain_series = cls(
            region=region,
            side=side,
            points=points,
            latest=latest,
            change=change,
            trend=trend,
        )

        pain_series.additional_properties = d
        return pain_series

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
