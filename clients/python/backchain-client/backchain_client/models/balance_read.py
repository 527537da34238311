from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.band import Band
from ..models.reference import Reference

if TYPE_CHECKING:
    from ..models.excluded_set import ExcludedSet
    from ..models.lift_balance import LiftBalance
    from ..models.regions_balance import RegionsBalance


T = TypeVar("T", bound="BalanceRead")


@_attrs_define
class BalanceRead:
    """
    Attributes:
        method (str): The method version every figure was computed with.
        date (datetime.date):
        reference (Reference):
        bodyweight_kg (float | None):
        index (float | None): B = P / A; null when a side is missing.
        ln_index (float | None):
        band (Band | None):
        marked (bool | None):
        posterior (float | None):
        anterior (float | None):
        regions (RegionsBalance):
        lifts (list[LiftBalance]):
        missing (list[str]): `posterior`, `anterior` or `bodyweight`.
        excluded_sets (list[ExcludedSet]): Sets in the window that could not be counted, with the reason.
    """

    method: str
    date: datetime.date
    reference: Reference
    bodyweight_kg: float | None
    index: float | None
    ln_index: float | None
    band: Band | None
    marked: bool | None
    posterior: float | None
    anterior: float | None
    regions: RegionsBalance
    lifts: list[LiftBalance]
    missing: list[str]
    excluded_sets: list[ExcludedSet]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        method = self.method

        date = self.date.isoformat()

        reference = self.reference.value

        bodyweight_kg: float | None
        bodyweight_kg = self.bodyweight_kg

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

        posterior: float | None
        posterior = self.posterior

        anterior: float | None
        anterior = self.anterior

        regions = self.regions.to_dict()

        lifts = []
        for lifts_item_data in self.lifts:
            lifts_item = lifts_item_data.to_dict()
            lifts.append(lifts_item)

        missing = self.missing

        excluded_sets = []
        for excluded_sets_item_data in self.excluded_sets:
            excluded_sets_item = excluded_sets_item_data.to_dict()
            excluded_sets.append(excluded_sets_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "method": method,
                "date": date,
                "reference": reference,
                "bodyweight_kg": bodyweight_kg,
                "index": index,
                "ln_index": ln_index,
                "band": band,
                "marked": marked,
                "posterior": posterior,
                "anterior": anterior,
                "regions": regions,
                "lifts": lifts,
                "missing": missing,
                "excluded_sets": excluded_sets,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.excluded_set import ExcludedSet  # noqa: PLC0415
        from ..models.lift_balance import LiftBalance  # noqa: PLC0415
        from ..models.regions_balance import RegionsBalance  # noqa: PLC0415

        d = dict(src_dict)
        method = d.pop("method")

        date = datetime.date.fromisoformat(d.pop("date"))

        reference = Reference(d.pop("reference"))

        def _parse_bodyweight_kg(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        bodyweight_kg = _parse_bodyweight_kg(d.pop("bodyweight_kg"))

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

        def _parse_posterior(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        posterior = _parse_posterior(d.pop("posterior"))

        def _parse_anterior(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        anterior = _parse_anterior(d.pop("anterior"))

        regions = RegionsBalance.from_dict(d.pop("regions"))

        lifts = []
        _lifts = d.pop("lifts")
        for lifts_item_data in _lifts:
            lifts_item = LiftBalance.from_dict(lifts_item_data)

            lifts.append(lifts_item)

        missing = cast(list[str], d.pop("missing"))

        excluded_sets = []
        _excluded_sets = d.pop("excluded_sets")
        for excluded_sets_item_data in _excluded_sets:
            excluded_sets_item = ExcludedSet.from_dict(excluded_sets_item_data)

            excluded_sets.append(excluded_sets_item)

        balance_read = cls(
            method=method,
            date=date,
            reference=reference,
            bodyweight_kg=bodyweight_kg,
            index=index,
            ln_index=ln_index,
            band=band,
            marked=marked,
            posterior=posterior,
            anterior=anterior,
            regions=regions,
            lifts=lifts,
            missing=missing,
            excluded_sets=excluded_sets,
        )

        balance_read.additional_properties = d
        return balance_read

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
