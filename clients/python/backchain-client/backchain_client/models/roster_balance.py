from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.band import Band
from ..models.trend_direction import TrendDirection

T = TypeVar("T", bound="RosterBalance")


@_attrs_define
class RosterBalance:
    """
    Attributes:
        index (float | None):
        band (Band | None):
        direction_4w (None | TrendDirection): Direction of the recent balance trend (slope per 4 weeks).
        volume_band (Band | None): Band of the volume balance V (pcb-2, §11).
        volume_marked (bool | None):
    """

    index: float | None
    band: Band | None
    direction_4w: None | TrendDirection
    volume_band: Band | None
    volume_marked: bool | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        index: float | None
        index = self.index

        band: None | str
        if isinstance(self.band, Band):
            band = self.band.value
        else:
            band = self.band

        direction_4w: None | str
        if isinstance(self.direction_4w, TrendDirection):
            direction_4w = self.direction_4w.value
        else:
            direction_4w = self.direction_4w

        volume_band: None | str
        if isinstance(self.volume_band, Band):
            volume_band = self.volume_band.value
        else:
            volume_band = self.volume_band

        volume_marked: bool | None
        volume_marked = self.volume_marked

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "index": index,
                "band": band,
                "direction_4w": direction_4w,
                "volume_band": volume_band,
                "volume_marked": volume_marked,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_index(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        index = _parse_index(d.pop("index"))

        def _parse_band(data: object) -> Band | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                band_type_0 = Band(data)

                return band_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Band | None, data)

        band = _parse_band(d.pop("band"))

        def _parse_direction_4w(data: object) -> None | TrendDirection:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                direction_4w_type_0 = TrendDirection(data)

                return direction_4w_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TrendDirection, data)

        direction_4w = _parse_direction_4w(d.pop("direction_4w"))

        def _parse_volume_band(data: object) -> Band | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                volume_band_type_0 = Band(data)

                return volume_band_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Band | None, data)

        volume_band = _parse_volume_band(d.pop("volume_band"))

        def _parse_volume_marked(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        volume_marked = _parse_volume_marked(d.pop("volume_marked"))

        roster_balance = cls(
            index=index,
            band=band,
            direction_4w=direction_4w,
            volume_band=volume_band,
            volume_marked=volume_marked,
        )

        roster_balance.additional_properties = d
        return roster_balance

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
