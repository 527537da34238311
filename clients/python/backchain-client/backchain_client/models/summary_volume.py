from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.band import Band

T = TypeVar("T", bound="SummaryVolume")


@_attrs_define
class SummaryVolume:
    """
    Attributes:
        date (datetime.date):
        index (float | None): Volume balance V over the 28 days ending today.
        band (Band | None):
        marked (bool | None):
        lower (float | None):
        upper (float | None):
        missing (list[str]):
    """

    date: datetime.date
    index: float | None
    band: Band | None
    marked: bool | None
    lower: float | None
    upper: float | None
    missing: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        date = self.date.isoformat()

        index: float | None
        index = self.index

        band: None | str
        if isinstance(self.band, Band):
            band = self.band.value
        else:
            band = self.band

        marked: bool | None
        marked = self.marked

        lower: float | None
        lower = self.lower

        upper: float | None
        upper = self.upper

        missing = self.missing

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "date": date,
                "index": index,
                "band": band,
                "marked": marked,
                "lower": lower,
                "upper": upper,
                "missing": missing,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        date = datetime.date.fromisoformat(d.pop("date"))

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

        def _parse_marked(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        marked = _parse_marked(d.pop("marked"))

        def _parse_lower(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        lower = _parse_lower(d.pop("lower"))

        def _parse_upper(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        upper = _parse_upper(d.pop("upper"))

        missing = cast(list[str], d.pop("missing"))

        summary_volume = cls(
            date=date,
            index=index,
            band=band,
            marked=marked,
            lower=lower,
            upper=upper,
            missing=missing,
        )

        summary_volume.additional_properties = d
        return summary_volume

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
