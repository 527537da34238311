from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CoverageRead")


@_attrs_define
class CoverageRead:
    """How much of the training the figures rest on (pcb-2, §12): working sets of the 42 days
    ending at the date, and the fractions of them.

        Attributes:
            date (datetime.date):
            window_days (int):
            working_sets (int):
            classified (int): Catalog exercise, alias of one, or owner-classified.
            counted (int): Counted class: anterior or posterior, lower or upper.
            scored (int): Has an e1RM and reference multiples: enters B.
            classified_fraction (float | None):
            counted_fraction (float | None):
            scored_fraction (float | None):
    """

    date: datetime.date
    window_days: int
    working_sets: int
    classified: int
    counted: int
    scored: int
    classified_fraction: float | None
    counted_fraction: float | None
    scored_fraction: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        date = self.date.isoformat()

        window_days = self.window_days

        working_sets = self.working_sets

        classified = self.classified

        counted = self.counted

        scored = self.scored

        classified_fraction: float | None
        classified_fraction = self.classified_fraction

        counted_fraction: float | None
        counted_fraction = self.counted_fraction

        scored_fraction: float | None
        scored_fraction = self.scored_fraction

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "date": date,
                "window_days": window_days,
                "working_sets": working_sets,
                "classified": classified,
                "counted": counted,
                "scored": scored,
                "classified_fraction": classified_fraction,
                "counted_fraction": counted_fraction,
                "scored_fraction": scored_fraction,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        date = datetime.date.fromisoformat(d.pop("date"))

        window_days = d.pop("window_days")

        working_sets = d.pop("working_sets")

        classified = d.pop("classified")

        counted = d.pop("counted")

        scored = d.pop("scored")

        def _parse_classified_fraction(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        classified_fraction = _parse_classified_fraction(d.pop("classified_fraction"))

        def _parse_counted_fraction(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        counted_fraction = _parse_counted_fraction(d.pop("counted_fraction"))

        def _parse_scored_fraction(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        scored_fraction = _parse_scored_fraction(d.pop("scored_fraction"))

        coverage_read = cls(
            date=date,
            window_days=window_days,
            working_sets=working_sets,
            classified=classified,
            counted=counted,
            scored=scored,
            classified_fraction=classified_fraction,
            counted_fraction=counted_fraction,
            scored_fraction=scored_fraction,
        )

        coverage_read.additional_properties = d
        return coverage_read

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
