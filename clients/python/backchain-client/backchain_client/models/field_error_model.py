from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.exercise_suggestion import ExerciseSuggestion


T = TypeVar("T", bound="FieldErrorModel")


@_attrs_define
class FieldErrorModel:
    """
    Attributes:
        field (str): Dotted path of the offending field, e.g. `sets.0.reps`.
        message (str):
        line (int | None | Unset): CSV imports: the 1-based line (the header is line 1).
        suggestions (list[ExerciseSuggestion] | None | Unset): An unknown exercise name: the exercises it may mean.
    """

    field: str
    message: str
    line: int | None | Unset = UNSET
    suggestions: list[ExerciseSuggestion] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field = self.field

        message = self.message

        line: int | None | Unset
        if isinstance(self.line, Unset):
            line = UNSET
        else:
            line = self.line

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

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "field": field,
                "message": message,
            }
        )
        if line is not UNSET:
            field_dict["line"] = line
        if suggestions is not UNSET:
            field_dict["suggestions"] = suggestions

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.exercise_suggestion import ExerciseSuggestion  # noqa: PLC0415

        d = dict(src_dict)
        field = d.pop("field")

        message = d.pop("message")

        def _parse_line(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        line = _parse_line(d.pop("line", UNSET))

        def _parse_suggestions(data: object) -> list[ExerciseSuggestion] | None | Unset:
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
                    suggestions_type_0_item = ExerciseSuggestion.from_dict(suggestions_type_0_item_data)

                    suggestions_type_0.append(suggestions_type_0_item)

                return suggestions_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ExerciseSuggestion] | None | Unset, data)

        suggestions = _parse_suggestions(d.pop("suggestions", UNSET))

        field_error_model = cls(
            field=field,
            message=message,
            line=line,
            suggestions=suggestions,
        )

        field_error_model.additional_properties = d
        return field_error_model

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
