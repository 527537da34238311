from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.exercise_suggestion import ExerciseSuggestion


T = TypeVar("T", bound="UnknownExercise")


@_attrs_define
class UnknownExercise:
    """
    Attributes:
        name (str): The name as the file writes it.
        exercise_id (None | UUID): The custom exercise made for it (neutral, unclassified: classify it or make it an
            alias with `PATCH /v1/exercises/{id}`); null in a dry run.
        suggestions (list[ExerciseSuggestion]): Catalog exercises the name may mean, best first.
    """

    name: str
    exercise_id: None | UUID
    suggestions: list[ExerciseSuggestion]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        exercise_id: None | str
        if isinstance(self.exercise_id, UUID):
            exercise_id = str(self.exercise_id)
        else:
            exercise_id = self.exercise_id

        suggestions = []
        for suggestions_item_data in self.suggestions:
            suggestions_item = suggestions_item_data.to_dict()
            suggestions.append(suggestions_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "exercise_id": exercise_id,
                "suggestions": suggestions,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.exercise_suggestion import ExerciseSuggestion  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name")

        def _parse_exercise_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                exercise_id_type_0 = UUID(data)

                return exercise_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        exercise_id = _parse_exercise_id(d.pop("exercise_id"))

        suggestions = []
        _suggestions = d.pop("suggestions")
        for suggestions_item_data in _suggestions:
            suggestions_item = ExerciseSuggestion.from_dict(suggestions_item_data)

            suggestions.append(suggestions_item)

        unknown_exercise = cls(
            name=name,
            exercise_id=exercise_id,
            suggestions=suggestions,
        )

        unknown_exercise.additional_properties = d
        return unknown_exercise

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
