from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.person import Person


T = TypeVar("T", bound="AccessLogRead")


@_attrs_define
class AccessLogRead:
    """
    Attributes:
        id (UUID):
        at (datetime.datetime):
        trainer (None | Person): Null once the trainer's account is gone.
        method (str):
        path (str):
        resource (str):
        status (int):
    """

    id: UUID
    at: datetime.datetime
    trainer: None | Person
    method: str
    path: str
    resource: str
    status: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.person import Person  # noqa: PLC0415

        id = str(self.id)

        at = self.at.isoformat()

        trainer: dict[str, Any] | None
        if isinstance(self.trainer, Person):
            trainer = self.trainer.to_dict()
        else:
            trainer = self.trainer

        method = self.method

        path = self.path

        resource = self.resource

        status = self.status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "at": at,
                "trainer": trainer,
                "method": method,
                "path": path,
                "resource": resource,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.person import Person  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        at = datetime.datetime.fromisoformat(d.pop("at"))

        def _parse_trainer(data: object) -> None | Person:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                trainer_type_0 = Person.from_dict(data)

                return trainer_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Person, data)

        trainer = _parse_trainer(d.pop("trainer"))

        method = d.pop("method")

        path = d.pop("path")

        resource = d.pop("resource")

        status = d.pop("status")

        access_log_read = cls(
            id=id,
            at=at,
            trainer=trainer,
            method=method,
            path=path,
            resource=resource,
            status=status,
        )

        access_log_read.additional_properties = d
        return access_log_read

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
