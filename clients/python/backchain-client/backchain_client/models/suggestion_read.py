from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="SuggestionRead")


@_attrs_define
class SuggestionRead:
    """More posterior working sets a week for one region (pcb-2, §13); not medical advice.

    Attributes:
        region (str):
        weekly_sets (int): Δ_R = max(0, ⌈(1.25 · S_ant,R − S_post,R) / 4⌉).
        exercises (list[str]): Slugs: the owner's most-logged, else defaults.
        from_history (bool):
        reasons (list[str]): `strength_below`, `strength_posterior_missing` or `volume_below`.
        text (str):
    """

    region: str
    weekly_sets: int
    exercises: list[str]
    from_history: bool
    reasons: list[str]
    text: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        region = self.region

        weekly_sets = self.weekly_sets

        exercises = self.exercises

        from_history = self.from_history

        reasons = self.reasons

        text = self.text

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "region": region,
                "weekly_sets": weekly_sets,
                "exercises": exercises,
                "from_history": from_history,
                "reasons": reasons,
                "text": text,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        region = d.pop("region")

        weekly_sets = d.pop("weekly_sets")

        exercises = cast(list[str], d.pop("exercises"))

        from_history = d.pop("from_history")

        reasons = cast(list[str], d.pop("reasons"))

        text = d.pop("text")

        suggestion_read = cls(
            region=region,
            weekly_sets=weekly_sets,
            exercises=exercises,
            from_history=from_history,
            reasons=reasons,
            text=text,
        )

        suggestion_read.additional_properties = d
        return suggestion_read

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
