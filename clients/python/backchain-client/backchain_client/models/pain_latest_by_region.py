from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.pain_band import PainBand
from ..models.pain_region import PainRegion
from ..models.side import Side

T = TypeVar("T", bound="PainLatestByRegion")


@_attrs_define
class PainLatestByRegion:
    """
    Attributes:
        region (PainRegion):
        side (None | Side):
        score (int):
        band (PainBand):
        recorded_at (datetime.datetime):
    """

    region: PainRegion
    side: None | Side
    score: int
    band: PainBand
    recorded_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        region = self.region.value

        side: None | str
        if isinstance(self.side, Side):
            side = self.side.value
        else:
            side = self.side

        score = self.score

        band = self.band.value

        recorded_at = self.recorded_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "region": region,
                "side": side,
                "score": score,
                "band": band,
                "recorded_at": recorded_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
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

        score = d.pop("score")

        band = PainBand(d.pop("band"))

        recorded_at = datetime.datetime.fromisoformat(d.pop("recorded_at"))

        pain_latest_by_region = cls(
            region=region,
            side=side,
            score=score,
            band=band,
            recorded_at=recorded_at,
        )

        pain_latest_by_region.additional_properties = d
        return pain_latest_by_region

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
