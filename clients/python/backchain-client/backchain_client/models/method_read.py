from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.method_read_lifts_type_0 import MethodReadLiftsType0
    from ..models.method_read_lifts_type_1_item import MethodReadLiftsType1Item
    from ..models.method_read_pain_bands_item import MethodReadPainBandsItem


T = TypeVar("T", bound="MethodRead")


@_attrs_define
class MethodRead:
    """Every constant of a method version (lifts with chain, region and multiples by sex).

    Attributes:
        method_id (str):
        lifts (list[MethodReadLiftsType1Item] | MethodReadLiftsType0): pcb-1: by slug; pcb-2: the whole table as rows
            {exercise, chain, region, load_rule, fraction, m_male, m_female, source, reference, ratio_male, ratio_female}.
        window_days (int):
        pain_bands (list[MethodReadPainBandsItem]):
    """

    method_id: str
    lifts: list[MethodReadLiftsType1Item] | MethodReadLiftsType0
    window_days: int
    pain_bands: list[MethodReadPainBandsItem]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.method_read_lifts_type_0 import MethodReadLiftsType0  # noqa: PLC0415

        method_id = self.method_id

        lifts: dict[str, Any] | list[dict[str, Any]]
        if isinstance(self.lifts, MethodReadLiftsType0):
            lifts = self.lifts.to_dict()
        else:
            lifts = []
            for lifts_type_1_item_data in self.lifts:
                lifts_type_1_item = lifts_type_1_item_data.to_dict()
                lifts.append(lifts_type_1_item)

        window_days = self.window_days

        pain_bands = []
        for pain_bands_item_data in self.pain_bands:
            pain_bands_item = pain_bands_item_data.to_dict()
            pain_bands.append(pain_bands_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "method_id": method_id,
                "lifts": lifts,
                "window_days": window_days,
                "pain_bands": pain_bands,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.method_read_lifts_type_0 import MethodReadLiftsType0  # noqa: PLC0415
        from ..models.method_read_lifts_type_1_item import MethodReadLiftsType1Item  # noqa: PLC0415
        from ..models.method_read_pain_bands_item import MethodReadPainBandsItem  # noqa: PLC0415

        d = dict(src_dict)
        method_id = d.pop("method_id")

        def _parse_lifts(data: object) -> list[MethodReadLiftsType1Item] | MethodReadLiftsType0:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                lifts_type_0 = MethodReadLiftsType0.from_dict(data)

                return lifts_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, list):
                raise TypeError()
            lifts_type_1 = []
            _lifts_type_1 = data
            for lifts_type_1_item_data in _lifts_type_1:
                lifts_type_1_item = MethodReadLiftsType1Item.from_dict(lifts_type_1_item_data)

                lifts_type_1.append(lifts_type_1_item)

            return lifts_type_1

        lifts = _parse_lifts(d.pop("lifts"))

        window_days = d.pop("window_days")

        pain_bands = []
        _pain_bands = d.pop("pain_bands")
        for pain_bands_item_data in _pain_bands:
            pain_bands_item = MethodReadPainBandsItem.from_dict(pain_bands_item_data)

            pain_bands.append(pain_bands_item)

        method_read = cls(
            method_id=method_id,
            lifts=lifts,
            window_days=window_days,
            pain_bands=pain_bands,
        )

        method_read.additional_properties = d
        return method_read

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
