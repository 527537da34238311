from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="BodyweightRead")


@_attrs_define
class BodyweightRead:
    """
    Attributes:
        id (UUID):
        measured_at (datetime.datetime):
        weight_kg (float):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        created_by (None | UUID): Who logged it: the owner, or a trainer (null once that trainer's account is erased).
        version (int):
    """

    id: UUID
    measured_at: datetime.datetime
    weight_kg: float
    created_at: datetime.datetime
    updated_at: datetime.datetime
    created_by: None | UUID
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        measured_at = self.measured_at.isoformat()

        weight_kg = self.weight_kg

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        created_by: None | str
        if isinstance(self.created_by, UUID):
            created_by = str(self.created_by)
        else:
            created_by = self.created_by

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "measured_at": measured_at,
                "weight_kg": weight_kg,
                "created_at": created_at,
                "updated_at": updated_at,
                "created_by": created_by,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        measured_at = datetime.datetime.fromisoformat(d.pop("measured_at"))

        weight_kg = d.pop("weight_kg")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_created_by(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                created_by_type_0 = UUID(data)

                return created_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        created_by = _parse_created_by(d.pop("created_by"))

        version = d.pop("version")

        bodyweight_read = cls(
            id=id,
            measured_at=measured_at,
            weight_kg=weight_kg,
            created_at=created_at,
            updated_at=updated_at,
            created_by=created_by,
            version=version,
        )

        bodyweight_read.additional_properties = d
        return bodyweight_read

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
