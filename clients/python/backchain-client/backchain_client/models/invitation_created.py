from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.invitation_status import InvitationStatus

T = TypeVar("T", bound="InvitationCreated")


@_attrs_define
class InvitationCreated:
    """
    Attributes:
        id (UUID):
        note (None | str):
        can_log (bool):
        created_at (datetime.datetime):
        expires_at (datetime.datetime):
        status (InvitationStatus):
        code (str): Give this to the client; it is shown only once.
    """

    id: UUID
    note: None | str
    can_log: bool
    created_at: datetime.datetime
    expires_at: datetime.datetime
    status: InvitationStatus
    code: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        note: None | str
        note = self.note

        can_log = self.can_log

        created_at = self.created_at.isoformat()

        expires_at = self.expires_at.isoformat()

        status = self.status.value

        code = self.code

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "note": note,
                "can_log": can_log,
                "created_at": created_at,
                "expires_at": expires_at,
                "status": status,
                "code": code,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        def _parse_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        note = _parse_note(d.pop("note"))

        can_log = d.pop("can_log")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))

        status = InvitationStatus(d.pop("status"))

        code = d.pop("code")

        invitation_created = cls(
            id=id,
            note=note,
            can_log=can_log,
            created_at=created_at,
            expires_at=expires_at,
            status=status,
            code=code,
        )

        invitation_created.additional_properties = d
        return invitation_created

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
