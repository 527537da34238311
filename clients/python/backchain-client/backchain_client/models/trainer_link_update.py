from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="TrainerLinkUpdate")


@_attrs_define
class TrainerLinkUpdate:
    """
    Attributes:
        can_log (bool):
    """

    can_log: bool

    def to_dict(self) -> dict[str, Any]:
        can_log = self.can_log

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "can_log": can_log,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        can_log = d.pop("can_log")

        trainer_link_update = cls(
            can_log=can_log,
        )

        return trainer_link_update
