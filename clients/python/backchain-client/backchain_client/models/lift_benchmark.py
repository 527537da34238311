from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.dated_value import DatedValue
    from ..models.e1_rm_point import E1RmPoint
    from ..models.trend_read import TrendRead


T = TypeVar("T", bound="LiftBenchmark")


@_attrs_define
class LiftBenchmark:
    """
    Attributes:
        lift (str):
        chain (str):
        region (str):
        points (list[E1RmPoint]): Best e1RM per local date, oldest first.
        latest (DatedValue | None):
        best (DatedValue | None): All-time best, whatever the range.
        trend (TrendRead):
        best_strict_reps (int | None | Unset): Pull-ups and chin-ups: most reps at bodyweight (no load).
    """

    lift: str
    chain: str
    region: str
    points: list[E1RmPoint]
    latest: DatedValue | None
    best: DatedValue | None
    trend: TrendRead
    best_strict_reps: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.dated_value import DatedValue  # noqa: PLC0415

        lift = self.lift

        chain = self.chain

        region = self.region

        points = []
        for points_item_data in self.points:
            points_item = points_item_data.to_dict()
            points.append(points_item)

        latest: dict[str, Any] | None
        if isinstance(self.latest, DatedValue):
            latest = self.latest.to_dict()
        else:
            latest = self.latest

        best: dict[str, Any] | None
        if isinstance(self.best, DatedValue):
            best = self.best.to_dict()
        else:
            best = self.best

        trend = self.trend.to_dict()

        best_strict_reps: int | None | Unset
        if isinstance(self.best_strict_reps, Unset):
            best_strict_reps = UNSET
        else:
            best_strict_reps = self.best_strict_reps

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "lift": lift,
                "chain": chain,
                "region": region,
                "points": points,
                "latest": latest,
                "best": best,
                "trend": trend,
            }
        )
        if best_strict_reps is not UNSET:
            field_dict["best_strict_reps"] = best_strict_reps

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.dated_value import DatedValue  # noqa: PLC0415
        from ..models.e1_rm_point import E1RmPoint  # noqa: PLC0415
        from ..models.trend_read import TrendRead  # noqa: PLC0415

        d = dict(src_dict)
        lift = d.pop("lift")

        chain = d.pop("chain")

        region = d.pop("region")

        points = []
        _points = d.pop("points")
        for points_item_data in _points:
            points_item = E1RmPoint.from_dict(points_item_data)

            points.append(points_item)

        def _parse_latest(data: object) -> DatedValue | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                latest_type_0 = DatedValue.from_dict(data)

                return latest_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DatedValue | None, data)

        latest = _parse_latest(d.pop("latest"))

        def _parse_best(data: object) -> DatedValue | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                best_type_0 = DatedValue.from_dict(data)

                return best_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DatedValue | None, data)

        best = _parse_best(d.pop("best"))

        trend = TrendRead.from_dict(d.pop("trend"))

        def _parse_best_strict_reps(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        best_strict_reps = _parse_best_strict_reps(d.pop("best_strict_reps", UNSET))

        lift_benchmark = cls(
            lift=lift,
            chain=chain,
            region=region,
            points=points,
            latest=latest,
            best=best,
            trend=trend,
            best_strict_reps=best_strict_reps,
        )

        lift_benchmark.additional_properties = d
        return lift_benchmark

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
