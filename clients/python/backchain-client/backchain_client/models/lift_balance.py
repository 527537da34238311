from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="LiftBalance")


@_attrs_define
class LiftBalance:
    """
    Attributes:
        lift (str):
        chain (str):
        region (str):
        e1rm_kg (float):
        normalized (float | None): e1RM / (bodyweight · reference multiple).
        extrapolated (bool): Estimated from more than 10 reps.
        date (datetime.date):
        set_id (UUID):
    """

    lift: str
    chain: str
    region: str
    e1rm_kg: float
    normalized: float | None
    extrapolated: bool
    date: datetime.date
    set_id: UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        lift = self.lift

        chain = self.chain

        region = self.region

        e1rm_kg = self.e1rm_kg

        normalized: float | None
        normalized = self.normalized

        extrapolated = self.extrapolated

        date = self.date.isoformat()

        set_id = str(self.set_id)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "lift": lift,
                "chain": chain,
                "region": region,
                "e1rm_kg": e1rm_kg,
                "normalized": normalized,
                "extrapolated": extrapolated,
                "date": date,
                "set_id": set_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        lift = d.pop("lift")

        chain = d.pop("chain")

        region = d.pop("region")

        e1rm_kg = d.pop("e1rm_kg")

        def _parse_normalized(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        normalized = _parse_normalized(d.pop("normalized"))

        extrapolated = d.pop("extrapolated")

        date = datetime.date.fromisoformat(d.pop("date"))

        set_id = UUID(d.pop("set_id"))

        lift_balance = cls(
            lift=lift,
            chain=chain,
            region=region,
            e1rm_kg=e1rm_kg,
            normalized=normalized,
            extrapolated=extrapolated,
            date=date,
            set_id=set_id,
        )

        lift_balance.additional_properties = d
        return lift_balance

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
