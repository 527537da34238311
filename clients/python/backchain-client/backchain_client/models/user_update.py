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
        sex (None | Sex | Unset):
        birth_year (int | None | Unset):
        timezone (None | str | Unset):
        unit_preference (None | Unit | Unset):
        bodyweight_kg (float | None | Unset):
    """

    display_name: None | str | Unset = UNSET
    sex: None | Sex | Unset = UNSET
    birth_year: int | None | Unset = UNSET
    timezone: None | str | Unset = UNSET
    unit_preference: None | Unit | Unset = UNSET
    bodyweight_kg: float | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        display_name: None | str | Unset
        if isinstance(self.display_name, Unset):
            display_name = UNSET
        else:
            display_name = self.display_name

        sex: None | str | Unset
        if isinstance(self.sex, Unset):
            sex = UNSET
        elif isinstance(self.sex, Sex):
            sex = self.sex.value
        else:
            sex = self.sex

        birth_year: int | None | Unset
        if isinstance(self.birth_year, Unset):
            birth_year = UNSET
        else:
            birth_year = self.birth_year

        timezone: None | str | Unset
        if isinstance(self.timezone, Unset):
            timezone = UNSET
        else:
            timezone = self.timezone

        unit_preference: None | str | Unset
        if isinstance(self.unit_preference, Unset):
            unit_preference = UNSET
        elif isinstance(self.unit_preference, Unit):
            unit_preference = self.unit_preference.value
        else:
            unit_preference = self.unit_preference

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

        def _parse_sex(data: object) -> None | Sex | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                sex_type_0 = Sex(data)

                return sex_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Sex | Unset, data)

        sex = _parse_sex(d.pop("sex", UNSET))

        def _parse_birth_year(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        birth_year = _parse_birth_year(d.pop("birth_year", UNSET))

        def _parse_timezone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        timezone = _parse_timezone(d.pop("timezone", UNSET))

        def _parse_unit_preference(data: object) -> None | Unit | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                unit_preference_type_0 = Unit(data)

                return unit_preference_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unit | Unset, data)

        unit_preference = _parse_unit_preference(d.pop("unit_preference", UNSET))

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
