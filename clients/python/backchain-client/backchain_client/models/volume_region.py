from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.band import Band

T = TypeVar("T", bound="VolumeRegion")


@_attrs_define
class VolumeRegion:
    """
    Attributes:
        posterior_sets (int): S_post,R: working sets of posterior R exercises.
        anterior_sets (int): S_ant,R: working sets of anterior R exercises.
        index (float | None): V_R = S_post,R / S_ant,R; null when a side has none.
        band (Band | None):
        marked (bool | None):
        missing (list[str]): `posterior` or `anterior`: a side without sets.
    """

    posterior_sets: int
    anterior_sets: int
    index: float | None
    band: Band | None
    marked: bool | None
    missing: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        posterior_sets = self.posterior_sets

        anterior_sets = self.anterior_sets

        index: float | None
        index = self.index

        band: None | str
        if isinstance(self.band, Band):
            band = self.band.value
        else:
            band = self.band

        marked: bool | None
        marked = self.marked

        missing = self.missing

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "posterior_sets": posterior_sets,
                "anterior_sets": anterior_sets,
                "index": index,
                "band": band,
                "marked": marked,
                "missing": missing,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        posterior_sets = d.pop("posterior_sets")

        anterior_sets = d.pop("anterior_sets")

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

        missing = cast(list[str], d.pop("missing"))

        volume_region = cls(
            posterior_sets=posterior_sets,
            anterior_sets=anterior_sets,
            index=index,
            band=band,
            marked=marked,
            missing=missing,
        )

        volume_region.additional_properties = d
        return volume_region

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
