from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.flag import Flag
    from ..models.pain_latest_by_region import PainLatestByRegion
    from ..models.summary_balance import SummaryBalance
    from ..models.summary_volume import SummaryVolume
    from ..models.trend_read import TrendRead


T = TypeVar("T", bound="SummaryRead")


@_attrs_define
class SummaryRead:
    """
    Attributes:
        method (str): The method version every figure was computed with.
        balance (SummaryBalance):
        volume (SummaryVolume):
        balance_trend (TrendRead):
        pain (list[PainLatestByRegion]):
        last_workout_at (datetime.datetime | None):
        flags (list[Flag]):
    """

    method: str
    balance: SummaryBalance
    volume: SummaryVolume
    balance_trend: TrendRead
    pain: list[PainLatestByRegion]
    last_workout_at: datetime.datetime | None
    flags: list[Flag]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        method = self.method

        balance = self.balance.to_dict()

        volume = self.volume.to_dict()

        balance_trend = self.balance_trend.to_dict()

        pain = []
        for pain_item_data in self.pain:
            pain_item = pain_item_data.to_dict()
            pain.append(pain_item)

        last_workout_at: None | str
        if isinstance(self.last_workout_at, datetime.datetime):
            last_workout_at = self.last_workout_at.isoformat()
        else:
            last_workout_at = self.last_workout_at

        flags = []
        for flags_item_data in self.flags:
            flags_item = flags_item_data.to_dict()
            flags.append(flags_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "method": method,
                "balance": balance,
                "volume": volume,
                "balance_trend": balance_trend,
                "pain": pain,
                "last_workout_at": last_workout_at,
                "flags": flags,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.flag import Flag  # noqa: PLC0415
        from ..models.pain_latest_by_region import PainLatestByRegion  # noqa: PLC0415
        from ..models.summary_balance import SummaryBalance  # noqa: PLC0415
        from ..models.summary_volume import SummaryVolume  # noqa: PLC0415
        from ..models.trend_read import TrendRead  # noqa: PLC0415

        d = dict(src_dict)
        method = d.pop("method")

        balance = SummaryBalance.from_dict(d.pop("balance"))

        volume = SummaryVolume.from_dict(d.pop("volume"))

        balance_trend = TrendRead.from_dict(d.pop("balance_trend"))

        pain = []
        _pain = d.pop("pain")
        for pain_item_data in _pain:
            pain_item = PainLatestByRegion.from_dict(pain_item_data)

            pain.append(pain_item)

        def _parse_last_workout_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_workout_at_type_0 = datetime.datetime.fromisoformat(data)

                return last_workout_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_workout_at = _parse_last_workout_at(d.pop("last_workout_at"))

        flags = []
        _flags = d.pop("flags")
        for flags_item_data in _flags:
            flags_item = Flag.from_dict(flags_item_data)

            flags.append(flags_item)

        summary_read = cls(
            method=method,
            balance=balance,
            volume=volume,
            balance_trend=balance_trend,
            pain=pain,
            last_workout_at=last_workout_at,
            flags=flags,
        )

        summary_read.additional_properties = d
        return summary_read

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
