from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.trend_status import TrendStatus

T = TypeVar("T", bound="LagAssociation")


@_attrs_define
class LagAssociation:
    """
    Attributes:
        lag_days (int):
        n (int):
        rho (float | None):
        p_value (float | None):
        status (TrendStatus):
        reason (None | str):
        supports_hypothesis (bool):
    """

    lag_days: int
    n: int
    rho: float | None
    p_value: float | None
    status: TrendStatus
    reason: None | str
    supports_hypothesis: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        lag_days = self.lag_days

        n = self.n

        rho: float | None
        rho = self.rho

        p_value: float | None
        p_value = self.p_value

        status = self.status.value

        reason: None | str
        reason = self.reason

        supports_hypothesis = self.supports_hypothesis

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "lag_days": lag_days,
                "n": n,
                "rho": rho,
                "p_value": p_value,
                "status": status,
                "reason": reason,
                "supports_hypothesis": supports_hypothesis,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        lag_days = d.pop("lag_days")

        n = d.pop("n")

        def _parse_rho(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        rho = _parse_rho(d.pop("rho"))

        def _parse_p_value(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        p_value = _parse_p_value(d.pop("p_value"))

        status = TrendStatus(d.pop("status"))

        def _parse_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))

        supports_hypothesis = d.pop("supports_hypothesis")

        lag_association = cls(
            lag_days=lag_days,
            n=n,
            rho=rho,
            p_value=p_value,
            status=status,
            reason=reason,
            supports_hypothesis=supports_hypothesis,
        )

        lag_association.additional_properties = d
        return lag_association

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
