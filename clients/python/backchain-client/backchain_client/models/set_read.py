from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.set_type import SetType

T = TypeVar("T", bound="SetRead")


@_attrs_define
class SetRead:
    """
    Attributes:
        id (UUID):
        exercise (str): Exercise slug.
        exercise_id (UUID):
        position (int):
        set_type (SetType):
        reps (int):
        load_kg (float):
        rpe (float | None):
        rir (int | None):
        duration_s (float | None):
        distance_m (float | None):
        notes (None | str):
    """

    id: UUID
    exercise: str
    exercise_id: UUID
    position: int
    set_type: SetType
    reps: int
    load_kg: float
    rpe: float | None
    rir: int | None
    duration_s: float | None
    distance_m: float | None
    notes: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        exercise = self.exercise

        exercise_id = str(self.exercise_id)

        position = self.position

        set_type = self.set_type.value

        reps = self.reps

        load_kg = self.load_kg

        rpe: float | None
        rpe = self.rpe

        rir: int | None
        rir = self.rir

        duration_s: float | None
        duration_s = self.duration_s

        distance_m: float | None
        distance_m = self.distance_m

        notes: None | str
        notes = self.notes

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "exercise": exercise,
                "exercise_id": exercise_id,
                "position": position,
                "set_type": set_type,
                "reps": reps,
                "load_kg": load_kg,
                "rpe": rpe,
                "rir": rir,
                "duration_s": duration_s,
                "distance_m": distance_m,
                "notes": notes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        exercise = d.pop("exercise")

        exercise_id = UUID(d.pop("exercise_id"))

        position = d.pop("position")

        set_type = SetType(d.pop("set_type"))

        reps = d.pop("reps")

        load_kg = d.pop("load_kg")

        def _parse_rpe(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        rpe = _parse_rpe(d.pop("rpe"))

        def _parse_rir(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        rir = _parse_rir(d.pop("rir"))

        def _parse_duration_s(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        duration_s = _parse_duration_s(d.pop("duration_s"))

        def _parse_distance_m(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        distance_m = _parse_distance_m(d.pop("distance_m"))

        def _parse_notes(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        notes = _parse_notes(d.pop("notes"))

        set_read = cls(
            id=id,
            exercise=exercise,
            exercise_id=exercise_id,
            position=position,
            set_type=set_type,
            reps=reps,
            load_kg=load_kg,
            rpe=rpe,
            rir=rir,
            duration_s=duration_s,
            distance_m=distance_m,
            notes=notes,
        )

        set_read.additional_properties = d
        return set_read

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
