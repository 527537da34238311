from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.import_row_error import ImportRowError
    from ..models.unknown_exercise import UnknownExercise


T = TypeVar("T", bound="ImportResult")


@_attrs_define
class ImportResult:
    """
    Attributes:
        dry_run (bool):
        format_ (str): The layout read: strong, hevy, fitnotes or backchain.
        workouts_created (int):
        sets_created (int):
        rows_skipped (int): Rest-timer rows, which are not sets.
        duplicates_skipped (int): Workouts already imported (same content).
        unknown_exercises (list[UnknownExercise]): Names the catalog and your own exercises do not know: created as your
            custom exercises (chain neutral, unclassified) so you can classify them.
        errors (list[ImportRowError]):
    """

    dry_run: bool
    format_: str
    workouts_created: int
    sets_created: int
    rows_skipped: int
    duplicates_skipped: int
    unknown_exercises: list[UnknownExercise]
    errors: list[ImportRowError]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        dry_run = self.dry_run

        format_ = self.format_

        workouts_created = self.workouts_created

        sets_created = self.sets_created

        rows_skipped = self.rows_skipped

        duplicates_skipped = self.duplicates_skipped

        unknown_exercises = []
        for unknown_exercises_item_data in self.unknown_exercises:
            unknown_exercises_item = unknown_exercises_item_data.to_dict()
            unknown_exercises.append(unknown_exercises_item)

        errors = []
        for errors_item_data in self.errors:
            errors_item = errors_item_data.to_dict()
            errors.append(errors_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "dry_run": dry_run,
                "format": format_,
                "workouts_created": workouts_created,
                "sets_created": sets_created,
                "rows_skipped": rows_skipped,
                "duplicates_skipped": duplicates_skipped,
                "unknown_exercises": unknown_exercises,
                "errors": errors,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.import_row_error import ImportRowError  # noqa: PLC0415
        from ..models.unknown_exercise import UnknownExercise  # noqa: PLC0415

        d = dict(src_dict)
        dry_run = d.pop("dry_run")

        format_ = d.pop("format")

        workouts_created = d.pop("workouts_created")

        sets_created = d.pop("sets_created")

        rows_skipped = d.pop("rows_skipped")

        duplicates_skipped = d.pop("duplicates_skipped")

        unknown_exercises = []
        _unknown_exercises = d.pop("unknown_exercises")
        for unknown_exercises_item_data in _unknown_exercises:
            unknown_exercises_item = UnknownExercise.from_dict(unknown_exercises_item_data)

            unknown_exercises.append(unknown_exercises_item)

        errors = []
        _errors = d.pop("errors")
        for errors_item_data in _errors:
            errors_item = ImportRowError.from_dict(errors_item_data)

            errors.append(errors_item)

        import_result = cls(
            dry_run=dry_run,
            format_=format_,
            workouts_created=workouts_created,
            sets_created=sets_created,
            rows_skipped=rows_skipped,
            duplicates_skipped=duplicates_skipped,
            unknown_exercises=unknown_exercises,
            errors=errors,
        )

        import_result.additional_properties = d
        return import_result

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
