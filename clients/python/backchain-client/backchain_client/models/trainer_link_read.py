from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.person import Person


T = TypeVar("T", bound="TrainerLinkRead")


@_attrs_define
class TrainerLinkRead:
    """
    Attributes:
        trainer (Person):
        can_log (bool):
        since (datetime.datetime):
    """

    trainer: Person
    can_log: bool
    since: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        trainer = self.trainer.to_dict()

        can_log = self.can_log

        since = self.since.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "trainer": trainer,
                "can_log": can_log,
                "since": since,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.person import Person  # noqa: PLC0415

        d = dict(src_dict)
        trainer = Person.from_dict(d.pop("trainer"))

        can_log = d.pop("can_log")

        since = datetime.datetime.fromisoformat(d.pop("since"))

        trainer_link_read = cls(
            trainer=trainer,
            can_log=can_log,
            since=since,
        )

        trainer_link_read.additional_properties = d
        return trainer_link_read

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
