from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.pain_band import PainBand

T = TypeVar("T", bound="PainLatest")


@_attrs_define
class PainLatest:
    """
    Attributes:
        score (int):
        band (PainBand):
        recorded_at (datetime.datetime):
    """

    score: int
    band: PainBand
    recorded_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        score = self.score

        band = self.band.value

        recorded_at = self.recorded_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "score": score,
                "band": band,
                "recorded_at": recorded_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        score = d.pop("score")

        band = PainBand(d.pop("band"))

        recorded_at = datetime.datetime.fromisoformat(d.pop("recorded_at"))

        pain_latest = cls(
            score=score,
            band=band,
            recorded_at=recorded_at,
        )

        pain_latest.additional_properties = d
        return pain_latest

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
