from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="InvitationCreate")


@_attrs_define
class InvitationCreate:
    """
    Attributes:
        note (None | str | Unset):
        can_log (bool | Unset): Ask to log workouts for the client. Default: False.
        expires_in_days (int | Unset):  Default: 7.
    """

    note: None | str | Unset = UNSET
    can_log: bool | Unset = False
    expires_in_days: int | Unset = 7

    def to_dict(self) -> dict[str, Any]:
        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        can_log = self.can_log

        expires_in_days = self.expires_in_days

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if note is not UNSET:
            field_dict["note"] = note
        if can_log is not UNSET:
            field_dict["can_log"] = can_log
        if expires_in_days is not UNSET:
            field_dict["expires_in_days"] = expires_in_days

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        can_log = d.pop("can_log", UNSET)

        expires_in_days = d.pop("expires_in_days", UNSET)

        invitation_create = cls(
            note=note,
            can_log=can_log,
            expires_in_days=expires_in_days,
        )

        return invitation_create
