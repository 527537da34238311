from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.balance_point import BalancePoint
    from ..models.trend_read import TrendRead


T = TypeVar("T", bound="BalanceTrendRead")


@_attrs_define
class BalanceTrendRead:
    """
    Attributes:
        method (str): The method version every figure was computed with.
        from_ (datetime.date | None):
        to (datetime.date):
        points (list[BalancePoint]):
        trend (TrendRead):
        measure (None | str | Unset): pcb-2 only: `strength` (B, §10) or `volume` (V, §11).
    """

    method: str
    from_: datetime.date | None
    to: datetime.date
    points: list[BalancePoint]
    trend: TrendRead
    measure: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        method = self.method

        from_: None | str
        if isinstance(self.from_, datetime.date):
            from_ = self.from_.isoformat()
        else:
            from_ = self.from_

        to = self.to.isoformat()

        points = []
        for points_item_data in self.points:
            points_item = points_item_data.to_dict()
            points.append(points_item)

        trend = self.trend.to_dict()

        measure: None | str | Unset
        if isinstance(self.measure, Unset):
            measure = UNSET
        else:
            measure = self.measure

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "method": method,
                "from": from_,
                "to": to,
                "points": points,
                "trend": trend,
            }
        )
        if measure is not UNSET:
            field_dict["measure"] = measure

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.balance_point import BalancePoint  # noqa: PLC0415
        from ..models.trend_read import TrendRead  # noqa: PLC0415

        d = dict(src_dict)
        method = d.pop("method")

        def _parse_from_(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                from_type_0 = datetime.date.fromisoformat(data)

                return from_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        from_ = _parse_from_(d.pop("from"))

        to = datetime.date.fromisoformat(d.pop("to"))

        points = []
        _points = d.pop("points")
        for points_item_data in _points:
            points_item = BalancePoint.from_dict(points_item_data)

            points.append(points_item)

        trend = TrendRead.from_dict(d.pop("trend"))

        def _parse_measure(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        measure = _parse_measure(d.pop("measure", UNSET))

        balance_trend_read = cls(
            method=method,
            from_=from_,
            to=to,
            points=points,
            trend=trend,
            measure=measure,
        )

        balance_trend_read.additional_properties = d
        return balance_trend_read

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
