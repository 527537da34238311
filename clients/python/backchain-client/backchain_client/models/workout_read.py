from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.set_read import SetRead


T = TypeVar("T", bound="WorkoutRead")


@_attrs_define
class WorkoutRead:
    """
    Attributes:
        id (UUID):
        started_at (datetime.datetime):
        ended_at (datetime.datetime | None):
        title (None | str):
        notes (None | str):
        sets (list[SetRead]):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        created_by (None | UUID): Who logged it: the owner, or a trainer (null once that trainer's account is erased).
        version (int):
    """

    id: UUID
    started_at: datetime.datetime
    ended_at: datetime.datetime | None
    title: None | str
    notes: None | str
    sets: list[SetRead]
    created_at: datetime.datetime
    updated_at: datetime.datetime
    created_by: None | UUID
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        started_at = self.started_at.isoformat()

        ended_at: None | str
        if isinstance(self.ended_at, datetime.datetime):
            ended_at = self.ended_at.isoformat()
        else:
            ended_at = self.ended_at

        title: None | str
        title = self.title

        notes: None | str
        notes = self.notes

        sets = []
        for sets_item_data in self.sets:
            sets_item = sets_item_data.to_dict()
            sets.append(sets_item)

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
                "started_at": started_at,
                "ended_at": ended_at,
                "title": title,
                "notes": notes,
                "sets": sets,
                "created_at": created_at,
                "updated_at": updated_at,
                "created_by": created_by,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.set_read import SetRead  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        started_at = datetime.datetime.fromisoformat(d.pop("started_at"))

        def _parse_ended_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ended_at_type_0 = datetime.datetime.fromisoformat(data)

                return ended_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        ended_at = _parse_ended_at(d.pop("ended_at"))

        def _parse_title(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        title = _parse_title(d.pop("title"))

        def _parse_notes(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        notes = _parse_notes(d.pop("notes"))

        sets = []
        _sets = d.pop("sets")
        for sets_item_data in _sets:
            sets_item = SetRead.from_dict(sets_item_data)

            sets.append(sets_item)

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

        workout_read = cls(
            id=id,
            started_at=started_at,
            ended_at=ended_at,
            title=title,
            notes=notes,
            sets=sets,
            created_at=created_at,
            updated_at=updated_at,
            created_by=created_by,
            version=version,
        )

        workout_read.additional_properties = d
        return workout_read

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
