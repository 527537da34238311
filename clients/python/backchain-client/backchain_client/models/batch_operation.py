from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.batch_operation_method import BatchOperationMethod
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.batch_operation_body_type_0 import BatchOperationBodyType0


T = TypeVar("T", bound="BatchOperation")


@_attrs_define
class BatchOperation:
    """
    Attributes:
        method (BatchOperationMethod):
        path (str): Relative to the user, e.g. `workouts/<id>`.
        body (BatchOperationBodyType0 | None | Unset):
        if_match (None | str | Unset):
    """

    method: BatchOperationMethod
    path: str
    body: BatchOperationBodyType0 | None | Unset = UNSET
    if_match: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.batch_operation_body_type_0 import BatchOperationBodyType0  # noqa: PLC0415

        method = self.method.value

        path = self.path

        body: dict[str, Any] | None | Unset
        if isinstance(self.body, Unset):
            body = UNSET
        elif isinstance(self.body, BatchOperationBodyType0):
            body = self.body.to_dict()
        else:
            body = self.body

        if_match: None | str | Unset
        if isinstance(self.if_match, Unset):
            if_match = UNSET
        else:
            if_match = self.if_match

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "method": method,
                "path": path,
            }
        )
        if body is not UNSET:
            field_dict["body"] = body
        if if_match is not UNSET:
            field_dict["if_match"] = if_match

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.batch_operation_body_type_0 import BatchOperationBodyType0  # noqa: PLC0415

        d = dict(src_dict)
        method = BatchOperationMethod(d.pop("method"))

        path = d.pop("path")

        def _parse_body(data: object) -> BatchOperationBodyType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                body_type_0 = BatchOperationBodyType0.from_dict(data)

                return body_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BatchOperationBodyType0 | None | Unset, data)

        body = _parse_body(d.pop("body", UNSET))

        def _parse_if_match(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        if_match = _parse_if_match(d.pop("if_match", UNSET))

        batch_operation = cls(
            method=method,
            path=path,
            body=body,
            if_match=if_match,
        )

        return batch_operation
