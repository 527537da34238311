from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.change_op import ChangeOp
from ..models.resource_name import ResourceName

if TYPE_CHECKING:
    from ..models.bodyweight_read import BodyweightRead
    from ..models.pain_score_read import PainScoreRead
    from ..models.workout_read import WorkoutRead


T = TypeVar("T", bound="ChangeRead")


@_attrs_define
class ChangeRead:
    """
    Attributes:
        cursor (str): Resume after this change with `since=<cursor>`.
        resource (ResourceName):
        id (UUID):
        op (ChangeOp):
        data (BodyweightRead | None | PainScoreRead | WorkoutRead): The full current resource for `upsert`; null for
            `delete`.
        changed_at (datetime.datetime):
    """

    cursor: str
    resource: ResourceName
    id: UUID
    op: ChangeOp
    data: BodyweightRead | None | PainScoreRead | WorkoutRead
    changed_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.bodyweight_read import BodyweightRead  # noqa: PLC0415
        from ..models.pain_score_read import PainScoreRead  # noqa: PLC0415
        from ..models.workout_read import WorkoutRead  # noqa: PLC0415

        cursor = self.cursor

        resource = self.resource.value

        id = str(self.id)

        op = self.op.value

        data: dict[str, Any] | None
        if isinstance(self.data, WorkoutRead):
            data = self.data.to_dict()
        elif isinstance(self.data, PainScoreRead):
            data = self.data.to_dict()
        elif isinstance(self.data, BodyweightRead):
            data = self.data.to_dict()
        else:
            data = self.data

        changed_at = self.changed_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "cursor": cursor,
                "resource": resource,
                "id": id,
                "op": op,
                "data": data,
                "changed_at": changed_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.bodyweight_read import BodyweightRead  # noqa: PLC0415
        from ..models.pain_score_read import PainScoreRead  # noqa: PLC0415
        from ..models.workout_read import WorkoutRead  # noqa: PLC0415

        d = dict(src_dict)
        cursor = d.pop("cursor")

        resource = ResourceName(d.pop("resource"))

        id = UUID(d.pop("id"))

        op = ChangeOp(d.pop("op"))

        def _parse_data(data: object) -> BodyweightRead | None | PainScoreRead | WorkoutRead:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                data_type_0 = WorkoutRead.from_dict(data)

                return data_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                data_type_1 = PainScoreRead.from_dict(data)

                return data_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                data_type_2 = BodyweightRead.from_dict(data)

                return data_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BodyweightRead | None | PainScoreRead | WorkoutRead, data)

        data = _parse_data(d.pop("data"))

        changed_at = datetime.datetime.fromisoformat(d.pop("changed_at"))

        change_read = cls(
            cursor=cursor,
            resource=resource,
            id=id,
            op=op,
            data=data,
            changed_at=changed_at,
        )

        change_read.additional_properties = d
        return change_read

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
