from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.pain_direction import PainDirection

T = TypeVar("T", bound="PainChangeRead")


@_attrs_define
class PainChangeRead:
    """
    Attributes:
        baseline (int):
        last (int):
        delta (int):
        percent (float | None):
        clinically_important (bool):
        direction (PainDirection):
    """

    baseline: int
    last: int
    delta: int
    percent: float | None
    clinically_important: bool
    direction: PainDirection
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        baseline = self.baseline

        last = self.last

        delta = self.delta

        percent: float | None
        percent = self.percent

        clinically_important = self.clinically_important

        direction = self.direction.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "baseline": baseline,
                "last": last,
                "delta": delta,
                "percent": percent,
                "clinically_important": clinically_important,
                "direction": direction,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        baseline = d.pop("baseline")

        last = d.pop("last")

        delta = d.pop("delta")

        def _parse_percent(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        percent = _parse_percent(d.pop("percent"))

        clinically_important = d.pop("clinically_important")

        direction = PainDirection(d.pop("direction"))

        pain_change_read = cls(
            baseline=baseline,
            last=last,
            delta=delta,
            percent=percent,
            clinically_important=clinically_important,
            direction=direction,
        )

        pain_change_read.additional_properties = d
        return pain_change_read

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
