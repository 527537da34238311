from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.band import Band

if TYPE_CHECKING:
    from ..models.volume_regions import VolumeRegions


T = TypeVar("T", bound="VolumeRead")


@_attrs_define
class VolumeRead:
    """Volume balance V (pcb-2, BALANCE_METHOD §11): what the athlete does, over 28 days.

    Attributes:
        date (datetime.date):
        window_days (int):
        index (float | None): V: geometric mean of the available V_R.
        ln_index (float | None):
        band (Band | None):
        marked (bool | None):
        missing (list[str]): `<region>_<side>` for each side of a region without working sets.
        regions (VolumeRegions):
    """

    date: datetime.date
    window_days: int
    index: float | None
    ln_index: float | None
    band: Band | None
    marked: bool | None
    missing: list[str]
    regions: VolumeRegions
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        date = self.date.isoformat()

        window_days = self.window_days

        index: float | None
        index = self.index

        ln_index: float | None
        ln_index = self.ln_index

        band: None | str
        if isinstance(self.band, Band):
            band = self.band.value
        else:
            band = self.band

        marked: bool | None
        marked = self.marked

        missing = self.missing

        regions = self.regions.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "date": date,
                "window_days": window_days,
                "index": index,
                "ln_index": ln_index,
                "band": band,
                "marked": marked,
                "missing": missing,
                "regions": regions,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.volume_regions import VolumeRegions  # noqa: PLC0415

        d = dict(src_dict)
        date = datetime.date.fromisoformat(d.pop("date"))

        window_days = d.pop("window_days")

        def _parse_index(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        index = _parse_index(d.pop("index"))

        def _parse_ln_index(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        ln_index = _parse_ln_index(d.pop("ln_index"))

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

        missing = cast(list[str], d.pop("missing"))

        regions = VolumeRegions.from_dict(d.pop("regions"))

        volume_read = cls(
            date=date,
            window_days=window_days,
            index=index,
            ln_index=ln_index,
            band=band,
            marked=marked,
            missing=missing,
            regions=regions,
        )

        volume_read.additional_properties = d
        return volume_read

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
