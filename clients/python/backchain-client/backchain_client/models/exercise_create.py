from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.body_region import BodyRegion
from ..models.chain import Chain
from ..models.load_type import LoadType
from ..types import UNSET, Unset

T = TypeVar("T", bound="ExerciseCreate")


@_attrs_define
class ExerciseCreate:
    """
    Attributes:
        name (str):
        chain (Chain):
        region (BodyRegion):
        pattern (None | str | Unset):
        load_type (LoadType | Unset):
    """

    name: str
    chain: Chain
    region: BodyRegion
    pattern: None | str | Unset = UNSET
    load_type: LoadType | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        chain = self.chain.value

        region = self.region.value

        pattern: None | str | Unset
        if isinstance(self.pattern, Unset):
            pattern = UNSET
        else:
            pattern = self.pattern

        load_type: str | Unset = UNSET
        if not isinstance(self.load_type, Unset):
            load_type = self.load_type.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "chain": chain,
                "region": region,
            }
        )
        if pattern is not UNSET:
            field_dict["pattern"] = pattern
        if load_type is not UNSET:
            field_dict["load_type"] = load_type

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        chain = Chain(d.pop("chain"))

        region = BodyRegion(d.pop("region"))

        def _parse_pattern(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        pattern = _parse_pattern(d.pop("pattern", UNSET))

        _load_type = d.pop("load_type", UNSET)
        load_type: LoadType | Unset
        if isinstance(_load_type, Unset):
            load_type = UNSET
        else:
            load_type = LoadType(_load_type)

        exercise_create = cls(
            name=name,
            chain=chain,
            region=region,
            pattern=pattern,
            load_type=load_type,
        )

        return exercise_create
