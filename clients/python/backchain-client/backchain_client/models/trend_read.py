from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.trend_direction import TrendDirection
from ..models.trend_status import TrendStatus

T = TypeVar("T", bound="TrendRead")


@_attrs_define
class TrendRead:
    """
    Attributes:
        status (TrendStatus):
        reason (None | str): `too_few_points` or `span_too_short`.
        n (int):
        span_days (float):
        slope_4w (float | None): Theil–Sen slope per 28 days.
        slope_4w_low (float | None):
        slope_4w_high (float | None):
        kendall_tau (float | None):
        p_value (float | None):
        significant (bool | None):
        direction (None | TrendDirection):
        toward_balance (bool | None): Balance series only.
        smoothed_last (float | None):
    """

    status: TrendStatus
    reason: None | str
    n: int
    span_days: float
    slope_4w: float | None
    slope_4w_low: float | None
    slope_4w_high: float | None
    kendall_tau: float | None
    p_value: float | None
    significant: bool | None
    direction: None | TrendDirection
    toward_balance: bool | None
    smoothed_last: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status = self.status.value

        reason: None | str
        reason = self.reason

        n = self.n

        span_days = self.span_days

        slope_4w: float | None
        slope_4w = self.slope_4w

        slope_4w_low: float | None
        slope_4w_low = self.slope_4w_low

        slope_4w_high: float | None
        slope_4w_high = self.slope_4w_high

        kendall_tau: float | None
        kendall_tau = self.kendall_tau

        p_value: float | None
        p_value = self.p_value

        significant: bool | None
        significant = self.significant

        direction: None | str
        if isinstance(self.direction, TrendDirection):
            direction = self.direction.value
        else:
            direction = self.direction

        toward_balance: bool | None
        toward_balance = self.toward_balance

        smoothed_last: float | None
        smoothed_last = self.smoothed_last

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
                "reason": reason,
                "n": n,
                "span_days": span_days,
                "slope_4w": slope_4w,
                "slope_4w_low": slope_4w_low,
                "slope_4w_high": slope_4w_high,
                "kendall_tau": kendall_tau,
                "p_value": p_value,
                "significant": significant,
                "direction": direction,
                "toward_balance": toward_balance,
                "smoothed_last": smoothed_last,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        status = TrendStatus(d.pop("status"))

        def _parse_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))

        n = d.pop("n")

        span_days = d.pop("span_days")

        def _parse_slope_4w(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        slope_4w = _parse_slope_4w(d.pop("slope_4w"))

        def _parse_slope_4w_low(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        slope_4w_low = _parse_slope_4w_low(d.pop("slope_4w_low"))

        def _parse_slope_4w_high(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        slope_4w_high = _parse_slope_4w_high(d.pop("slope_4w_high"))

        def _parse_kendall_tau(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        kendall_tau = _parse_kendall_tau(d.pop("kendall_tau"))

        def _parse_p_value(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        p_value = _parse_p_value(d.pop("p_value"))

        def _parse_significant(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        significant = _parse_significant(d.pop("significant"))

        def _parse_direction(data: object) -> None | TrendDirection:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                direction_type_0 = TrendDirection(data)

                return direction_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TrendDirection, data)

        direction = _parse_direction(d.pop("direction"))

        def _parse_toward_balance(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        toward_balance = _parse_toward_balance(d.pop("toward_balance"))

        def _parse_smoothed_last(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        smoothed_last = _parse_smoothed_last(d.pop("smoothed_last"))

        trend_read = cls(
            status=status,
            reason=reason,
            n=n,
            span_days=span_days,
            slope_4w=slope_4w,
            slope_4w_low=slope_4w_low,
            slope_4w_high=slope_4w_high,
            kendall_tau=kendall_tau,
            p_value=p_value,
            significant=significant,
            direction=direction,
            toward_balance=toward_balance,
            smoothed_last=smoothed_last,
        )

        trend_read.additional_properties = d
        return trend_read

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
