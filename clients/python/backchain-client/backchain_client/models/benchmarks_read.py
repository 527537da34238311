from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.lift_benchmark import LiftBenchmark


T = TypeVar("T", bound="BenchmarksRead")


@_attrs_define
class BenchmarksRead:
    """
    Attributes:
        method (str): The method version every figure was computed with.
        lifts (list[LiftBenchmark]):
    """

    method: str
    lifts: list[LiftBenchmark]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        method = self.method

        lifts = []
        for lifts_item_data in self.lifts:
            lifts_item = lifts_item_data.to_dict()
            lifts.append(lifts_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "method": method,
                "lifts": lifts,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.lift_benchmark import LiftBenchmark  # noqa: PLC0415

        d = dict(src_dict)
        method = d.pop("method")

        lifts = []
        _lifts = d.pop("lifts")
        for lifts_item_data in _lifts:
            lifts_item = LiftBenchmark.from_dict(lifts_item_data)

            lifts.append(lifts_item)

        benchmarks_read = cls(
            method=method,
            lifts=lifts,
        )

        benchmarks_read.additional_properties = d
        return benchmarks_read

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
