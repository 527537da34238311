from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.batch_result_body_type_0 import BatchResultBodyType0


T = TypeVar("T", bound="BatchResult")


@_attrs_define
class BatchResult:
    """
    Attributes:
        status (int): The operation's own HTTP status. 503 (`database_unavailable`): the database failed during this
            operation, which was rolled back; 424 (`not_attempted`): not tried, because an earlier operation met a database
            failure. Send those again; operations answered 2xx are committed.
        body (BatchResultBodyType0 | None): The resource, or a problem document.
    """

    status: int
    body: BatchResultBodyType0 | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.batch_result_body_type_0 import BatchResultBodyType0  # noqa: PLC0415

        status = self.status

        body: dict[str, Any] | None
        if isinstance(self.body, BatchResultBodyType0):
            body = self.body.to_dict()
        else:
            body = self.body

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
                "body": body,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.batch_result_body_type_0 import BatchResultBodyType0  # noqa: PLC0415

        d = dict(src_dict)
        status = d.pop("status")

        def _parse_body(data: object) -> BatchResultBodyType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                body_type_0 = BatchResultBodyType0.from_dict(data)

                return body_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BatchResultBodyType0 | None, data)

        body = _parse_body(d.pop("body"))

        batch_result = cls(
            status=status,
            body=body,
        )

        batch_result.additional_properties = d
        return batch_result

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
