from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.flag_code import FlagCode

if TYPE_CHECKING:
    from ..models.flag import Flag
    from ..models.person import Person
    from ..models.roster_balance import RosterBalance
    from ..models.roster_pain import RosterPain


T = TypeVar("T", bound="RosterEntry")


@_attrs_define
class RosterEntry:
    """
    Attributes:
        client (Person):
        since (datetime.datetime):
        can_log (bool):
        last_workout_at (datetime.datetime | None):
        balance (RosterBalance):
        pain (RosterPain):
        flags (list[FlagCode]):
        flag_details (list[Flag]): Each raised flag explained in words.
        adherence (int): Workouts in the last 28 days.
    """

    client: Person
    since: datetime.datetime
    can_log: bool
    last_workout_at: datetime.datetime | None
    balance: RosterBalance
    pain: RosterPain
    flags: list[FlagCode]
    flag_details: list[Flag]
    adherence: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        client = self.client.to_dict()

        since = self.since.isoformat()

        can_log = self.can_log

        last_workout_at: None | str
        if isinstance(self.last_workout_at, datetime.datetime):
            last_workout_at = self.last_workout_at.isoformat()
        else:
            last_workout_at = self.last_workout_at

        balance = self.balance.to_dict()

        pain = self.pain.to_dict()

        flags = []
        for flags_item_data in self.flags:
            flags_item = flags_item_data.value
            flags.append(flags_item)

        flag_details = []
        for flag_details_item_data in self.flag_details:
            flag_details_item = flag_details_item_data.to_dict()
            flag_details.append(flag_details_item)

        adherence = self.adherence

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "client": client,
                "since": since,
                "can_log": can_log,
                "last_workout_at": last_workout_at,
                "balance": balance,
                "pain": pain,
                "flags": flags,
                "flag_details": flag_details,
                "adherence": adherence,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.flag import Flag  # noqa: PLC0415
        from ..models.person import Person  # noqa: PLC0415
        from ..models.roster_balance import RosterBalance  # noqa: PLC0415
        from ..models.roster_pain import RosterPain  # noqa: PLC0415

        d = dict(src_dict)
        client = Person.from_dict(d.pop("client"))

        since = datetime.datetime.fromisoformat(d.pop("since"))

        can_log = d.pop("can_log")

        def _parse_last_workout_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_workout_at_type_0 = datetime.datetime.fromisoformat(data)

                return last_workout_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_workout_at = _parse_last_workout_at(d.pop("last_workout_at"))

        balance = RosterBalance.from_dict(d.pop("balance"))

        pain = RosterPain.from_dict(d.pop("pain"))

        flags = []
        _flags = d.pop("flags")
        for flags_item_data in _flags:
            flags_item = FlagCode(flags_item_data)

            flags.append(flags_item)

        flag_details = []
        _flag_details = d.pop("flag_details")
        for flag_details_item_data in _flag_details:
            flag_details_item = Flag.from_dict(flag_details_item_data)

            flag_details.append(flag_details_item)

        adherence = d.pop("adherence")

        roster_entry = cls(
            client=client,
            since=since,
            can_log=can_log,
            last_workout_at=last_workout_at,
            balance=balance,
            pain=pain,
            flags=flags,
            flag_details=flag_details,
            adherence=adherence,
        )

        roster_entry.additional_properties = d
        return roster_entry

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
