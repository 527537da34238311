from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.exercise_brief import ExerciseBrief
    from ..models.exercise_suggestion import ExerciseSuggestion


T = TypeVar("T", bound="ResolvedName")


@_attrs_define
class ResolvedName:
    """
    Attributes:
        name (str): The name as sent.
        exercise (ExerciseBrief | None): What it means; null when unknown.
        suggestions (list[ExerciseSuggestion]): For an unknown name: the exercises it may mean, best first (at most 5).
    """

    name: str
    exercise: ExerciseBrief | None
    suggestions: list[ExerciseSuggestion]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.exercise_brief import ExerciseBrief  # noqa: PLC0415

        name = self.name

        exercise: dict[str, Any] | None
        if isinstance(self.exercise, ExerciseBrief):
            exercise = self.exercise.to_dict()
        else:
            exercise = self.exercise

        suggestions = []
        for suggestions_item_data in self.suggestions:
            suggestions_item = suggestions_item_data.to_dict()
            suggestions.append(suggestions_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "exercise": exercise,
                "suggestions": suggestions,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.exercise_brief import ExerciseBrief  # noqa: PLC0415
        from ..models.exercise_suggestion import ExerciseSuggestion  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name")

        def _parse_exercise(data: object) -> ExerciseBrief | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                exercise_type_0 = ExerciseBrief.from_dict(data)

                return exercise_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ExerciseBrief | None, data)

        exercise = _parse_exercise(d.pop("exercise"))

        suggestions = []
        _suggestions = d.pop("suggestions")
        for suggestions_item_data in _suggestions:
            suggestions_item = ExerciseSuggestion.from_dict(suggestions_item_data)

            suggestions.append(suggestions_item)

        resolved_name = cls(
            name=name,
            exercise=exercise,
            suggestions=suggestions,
        )

        resolved_name.additional_properties = d
        return resolved_name

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
