from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.role import Role
from ..models.sex import Sex
from ..models.unit import Unit

T = TypeVar("T", bound="UserRead")


@_attrs_define
class UserRead:
    """
    Attributes:
        id (UUID):
        email (str):
        display_name (None | str):
        sex (Sex):
        birth_year (int | None):
        timezone (str):
        unit_preference (Unit):
        bodyweight_kg (float | None):
        role (Role):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: UUID
    email: str
    display_name: None | str
    sex: Sex
    birth_year: int | None
    timezone: str
    unit_preference: Unit
    bodyweight_kg: float | None
    role: Role
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        email = self.email

        display_name: None | str
        display_name = self.display_name

        sex = self.sex.value

        birth_year: int | None
        birth_year = self.birth_year

        timezone = self.timezone

        unit_preference = self.unit_preference.value

        bodyweight_kg: float | None
        bodyweight_kg = self.bodyweight_kg

        role = self.role.value

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "email": email,
                "display_name": display_name,
                "sex": sex,
                "birth_year": birth_year,
                "timezone": timezone,
                "unit_preference": unit_preference,
                "bodyweight_kg": bodyweight_kg,
                "role": role,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        email = d.pop("email")

        def _parse_display_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        display_name = _parse_display_name(d.pop("display_name"))

        sex = Sex(d.pop("sex"))

        def _parse_birth_year(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        birth_year = _parse_birth_year(d.pop("birth_year"))

        timezone = d.pop("timezone")

        unit_preference = Unit(d.pop("unit_preference"))

        def _parse_bodyweight_kg(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        bodyweight_kg = _parse_bodyweight_kg(d.pop("bodyweight_kg"))

        role = Role(d.pop("role"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        user_read = cls(
            id=id,
            email=email,
            display_name=display_name,
            sex=sex,
            birth_year=birth_year,
            timezone=timezone,
            unit_preference=unit_preference,
            bodyweight_kg=bodyweight_kg,
            role=role,
            created_at=created_at,
            updated_at=updated_at,
        )

        user_read.additional_properties = d
        return user_read

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
