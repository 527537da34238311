from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.sex import Sex
from ..models.unit import Unit
from ..types import UNSET, Unset

T = TypeVar("T", bound="UserUpdate")


@_attrs_define
class UserUpdate:
    """
    Attributes:
        display_name (None | str | Unset):
        sex (Sex | Unset):
        birth_year (int | None | Unset):
        timezone (str | Unset):
        unit_preference (Unit | Unset):
        bodyweight_kg (float | None | Unset):
    """

    display_name: None | str | Unset = UNSET
    sex: Sex | Unset = UNSET
    birth_year: int | None | Unset = UNSET
    timezone: str | Unset = UNSET
    unit_preference: Unit | Unset = UNSET
    bodyweight_kg: float | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        display_name: None | str | Unset
        if isinstance(self.display_name, Unset):
            display_name = UNSET
        else:
            display_name = self.display_name

        sex: str | Unset = UNSET
        if not isinstance(self.sex, Unset):
            sex = self.sex.value

        birth_year: int | None | Unset
        if isinstance(self.birth_year, Unset):
            birth_year = UNSET
        else:
            birth_year = self.birth_year

        timezone = self.timezone

        unit_preference: str | Unset = UNSET
        if not isinstance(self.unit_preference, Unset):
            unit_preference = self.unit_preference.value

        bodyweight_kg: float | None | Unset
        if isinstance(self.bodyweight_kg, Unset):
            bodyweight_kg = UNSET
        else:
            bodyweight_kg = self.bodyweight_kg

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if display_name is not UNSET:
            field_dict["display_name"] = display_name
        if sex is not UNSET:
            field_dict["sex"] = sex
        if birth_year is not UNSET:
            field_dict["birth_year"] = birth_year
        if timezone is not UNSET:
            field_dict["timezone"] = timezone
        if unit_preference is not UNSET:
            field_dict["unit_preference"] = unit_preference
        if bodyweight_kg is not UNSET:
            field_dict["bodyweight_kg"] = bodyweight_kg

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_display_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        display_name = _parse_display_name(d.pop("display_name", UNSET))

        _sex = d.pop("sex", UNSET)
        sex: Sex | Unset
        if isinstance(_sex, Unset):
            sex = UNSET
        else:
            sex = Sex(_sex)

        def _parse_birth_year(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        birth_year = _parse_birth_year(d.pop("birth_year", UNSET))

        timezone = d.pop("timezone", UNSET)

        _unit_preference = d.pop("unit_preference", UNSET)
        unit_preference: Unit | Unset
        if isinstance(_unit_preference, Unset):
            unit_preference = UNSET
        else:
            unit_preference = Unit(_unit_preference)

        def _parse_bodyweight_kg(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        bodyweight_kg = _parse_bodyweight_kg(d.pop("bodyweight_kg", UNSET))

        user_update = cls(
            display_name=display_name,
            sex=sex,
            birth_year=birth_year,
            timezone=timezone,
            unit_preference=unit_preference,
            bodyweight_kg=bodyweight_kg,
        )

        return user_update
