from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.set_type import SetType
from ..types import UNSET, Unset

T = TypeVar("T", bound="SetWrite")


@_attrs_define
class SetWrite:
    """
    Attributes:
        exercise (str): Exercise id, slug, name or alias (as `POST /v1/exercises/resolve` matches names).
        reps (int):
        id (None | Unset | UUID): Client-chosen set id (optional).
        exercise_id (None | Unset | UUID): As read back: if sent, the id of `exercise`.
        position (int | None | Unset): As read back: if sent, the set's 0-based place in `sets`.
        set_type (SetType | Unset):
        load_kg (float | Unset): Bar/machine load; for bodyweight lifts the added load (negative = assisted). Default:
            0.0.
        rpe (float | None | Unset):
        rir (int | None | Unset):
        duration_s (float | None | Unset):
        distance_m (float | None | Unset):
        notes (None | str | Unset):
    """

    exercise: str
    reps: int
    id: None | Unset | UUID = UNSET
    exercise_id: None | Unset | UUID = UNSET
    position: int | None | Unset = UNSET
    set_type: SetType | Unset = UNSET
    load_kg: float | Unset = 0.0
    rpe: float | None | Unset = UNSET
    rir: int | None | Unset = UNSET
    duration_s: float | None | Unset = UNSET
    distance_m: float | None | Unset = UNSET
    notes: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        exercise = self.exercise

        reps = self.reps

        id: None | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        elif isinstance(self.id, UUID):
            id = str(self.id)
        else:
            id = self.id

        exercise_id: None | str | Unset
        if isinstance(self.exercise_id, Unset):
            exercise_id = UNSET
        elif isinstance(self.exercise_id, UUID):
            exercise_id = str(self.exercise_id)
        else:
            exercise_id = self.exercise_id

        position: int | None | Unset
        if isinstance(self.position, Unset):
            position = UNSET
        else:
            position = self.position

        set_type: str | Unset = UNSET
        if not isinstance(self.set_type, Unset):
            set_type = self.set_type.value

        load_kg = self.load_kg

        rpe: float | None | Unset
        if isinstance(self.rpe, Unset):
            rpe = UNSET
        else:
            rpe = self.rpe

        rir: int | None | Unset
        if isinstance(self.rir, Unset):
            rir = UNSET
        else:
            rir = self.rir

        duration_s: float | None | Unset
        if isinstance(self.duration_s, Unset):
            duration_s = UNSET
        else:
            duration_s = self.duration_s

        distance_m: float | None | Unset
        if isinstance(self.distance_m, Unset):
            distance_m = UNSET
        else:
            distance_m = self.distance_m

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "exercise": exercise,
                "reps": reps,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if exercise_id is not UNSET:
            field_dict["exercise_id"] = exercise_id
        if position is not UNSET:
            field_dict["position"] = position
        if set_type is not UNSET:
            field_dict["set_type"] = set_type
        if load_kg is not UNSET:
            field_dict["load_kg"] = load_kg
        if rpe is not UNSET:
            field_dict["rpe"] = rpe
        if rir is not UNSET:
            field_dict["rir"] = rir
        if duration_s is not UNSET:
            field_dict["duration_s"] = duration_s
        if distance_m is not UNSET:
            field_dict["distance_m"] = distance_m
        if notes is not UNSET:
            field_dict["notes"] = notes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        exercise = d.pop("exercise")

        reps = d.pop("reps")

        def _parse_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                id_type_0 = UUID(data)

                return id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        id = _parse_id(d.pop("id", UNSET))

        def _parse_exercise_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                exercise_id_type_0 = UUID(data)

                return exercise_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        exercise_id = _parse_exercise_id(d.pop("exercise_id", UNSET))

        def _parse_position(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        position = _parse_position(d.pop("position", UNSET))

        _set_type = d.pop("set_type", UNSET)
        set_type: SetType | Unset
        if isinstance(_set_type, Unset):
            set_type = UNSET
        else:
            set_type = SetType(_set_type)

        load_kg = d.pop("load_kg", UNSET)

        def _parse_rpe(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        rpe = _parse_rpe(d.pop("rpe", UNSET))

        def _parse_rir(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        rir = _parse_rir(d.pop("rir", UNSET))

        def _parse_duration_s(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        duration_s = _parse_duration_s(d.pop("duration_s", UNSET))

        def _parse_distance_m(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        distance_m = _parse_distance_m(d.pop("distance_m", UNSET))

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        set_write = cls(
            exercise=exercise,
            reps=reps,
            id=id,
            exercise_id=exercise_id,
            position=position,
            set_type=set_type,
            load_kg=load_kg,
            rpe=rpe,
            rir=rir,
            duration_s=duration_s,
            distance_m=distance_m,
            notes=notes,
        )

        return set_write
