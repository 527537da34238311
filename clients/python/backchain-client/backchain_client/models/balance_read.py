from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.band import Band
from ..models.reference import Reference
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.coverage_read import CoverageRead
    from ..models.excluded_set import ExcludedSet
    from ..models.lift_balance import LiftBalance
    from ..models.regions_balance import RegionsBalance
    from ..models.suggestion_read import SuggestionRead
    from ..models.volume_read import VolumeRead


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
        volume (None | Unset | VolumeRead): pcb-2 only.
        coverage (CoverageRead | None | Unset): pcb-2 only.
        suggestions (list[SuggestionRead] | None | Unset): pcb-2 only.
        latest_date (datetime.date | None | Unset): pcb-2 only: the latest local date up to `date` with a counted
            working set (null when there is none); `at=latest` answers for it (§14).
        window_empty (bool | None | Unset): pcb-2 only: no counted working set in the 42 days ending at `date`; a client
            shows the figures at `latest_date` instead.
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
    volume: None | Unset | VolumeRead = UNSET
    coverage: CoverageRead | None | Unset = UNSET
    suggestions: list[SuggestionRead] | None | Unset = UNSET
    latest_date: datetime.date | None | Unset = UNSET
    window_empty: bool | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.coverage_read import CoverageRead  # noqa: PLC0415
        from ..models.volume_read import VolumeRead  # noqa: PLC0415

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

        volume: dict[str, Any] | None | Unset
        if isinstance(self.volume, Unset):
            volume = UNSET
        elif isinstance(self.volume, VolumeRead):
            volume = self.volume.to_dict()
        else:
            volume = self.volume

        coverage: dict[str, Any] | None | Unset
        if isinstance(self.coverage, Unset):
            coverage = UNSET
        elif isinstance(self.coverage, CoverageRead):
            coverage = self.coverage.to_dict()
        else:
            coverage = self.coverage

        suggestions: list[dict[str, Any]] | None | Unset
        if isinstance(self.suggestions, Unset):
            suggestions = UNSET
        elif isinstance(self.suggestions, list):
            suggestions = []
            for suggestions_type_0_item_data in self.suggestions:
                suggestions_type_0_item = suggestions_type_0_item_data.to_dict()
                suggestions.append(suggestions_type_0_item)

        else:
            suggestions = self.suggestions

        latest_date: None | str | Unset
        if isinstance(self.latest_date, Unset):
            latest_date = UNSET
        elif isinstance(self.latest_date, datetime.date):
            latest_date = self.latest_date.isoformat()
        else:
            latest_date = self.latest_date

        window_empty: bool | None | Unset
        if isinstance(self.window_empty, Unset):
            window_empty = UNSET
        else:
            window_empty = self.window_empty

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
        if volume is not UNSET:
            field_dict["volume"] = volume
        if coverage is not UNSET:
            field_dict["coverage"] = coverage
        if suggestions is not UNSET:
            field_dict["suggestions"] = suggestions
        if latest_date is not UNSET:
            field_dict["latest_date"] = latest_date
        if window_empty is not UNSET:
            field_dict["window_empty"] = window_empty

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.coverage_read import CoverageRead  # noqa: PLC0415
        from ..models.excluded_set import ExcludedSet  # noqa: PLC0415
        from ..models.lift_balance import LiftBalance  # noqa: PLC0415
        from ..models.regions_balance import RegionsBalance  # noqa: PLC0415
        from ..models.suggestion_read import SuggestionRead  # noqa: PLC0415
        from ..models.volume_read import VolumeRead  # noqa: PLC0415

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

        def _parse_volume(data: object) -> None | Unset | VolumeRead:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                volume_type_0 = VolumeRead.from_dict(data)

                return volume_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | VolumeRead, data)

        volume = _parse_volume(d.pop("volume", UNSET))

        def _parse_coverage(data: object) -> CoverageRead | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                coverage_type_0 = CoverageRead.from_dict(data)

                return coverage_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CoverageRead | None | Unset, data)

        coverage = _parse_coverage(d.pop("coverage", UNSET))

        def _parse_suggestions(data: object) -> list[SuggestionRead] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                suggestions_type_0 = []
                _suggestions_type_0 = data
                for suggestions_type_0_item_data in _suggestions_type_0:
                    suggestions_type_0_item = SuggestionRead.from_dict(suggestions_type_0_item_data)

                    suggestions_type_0.append(suggestions_type_0_item)

                return suggestions_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[SuggestionRead] | None | Unset, data)

        suggestions = _parse_suggestions(d.pop("suggestions", UNSET))

        def _parse_latest_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                latest_date_type_0 = datetime.date.fromisoformat(data)

                return latest_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        latest_date = _parse_latest_date(d.pop("latest_date", UNSET))

        def _parse_window_empty(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        window_empty = _parse_window_empty(d.pop("window_empty", UNSET))

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
            volume=volume,
            coverage=coverage,
            suggestions=suggestions,
            latest_date=latest_date,
            window_empty=window_empty,
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
