from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.body_region import BodyRegion
from ..models.chain import Chain
from ..models.load_type import LoadType
from ..types import UNSET, Unset

T = TypeVar("T", bound="ExerciseUpdate")


@_attrs_define
class ExerciseUpdate:
    """
    Attributes:
        name (None | str | Unset):
        chain (Chain | None | Unset):
        region (BodyRegion | None | Unset):
        pattern (None | str | Unset):
        load_type (LoadType | None | Unset):
        alias_of (None | str | Unset): Slug or id of the system exercise this custom exercise is (null clears it).
    """

    name: None | str | Unset = UNSET
    chain: Chain | None | Unset = UNSET
    region: BodyRegion | None | Unset = UNSET
    pattern: None | str | Unset = UNSET
    load_type: LoadType | None | Unset = UNSET
    alias_of: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        chain: None | str | Unset
        if isinstance(self.chain, Unset):
            chain = UNSET
        elif isinstance(self.chain, Chain):
            chain = self.chain.value
        else:
            chain = self.chain

        region: None | str | Unset
        if isinstance(self.region, Unset):
            region = UNSET
        elif isinstance(self.region, BodyRegion):
            region = self.region.value
        else:
            region = self.region

        pattern: None | str | Unset
        if isinstance(self.pattern, Unset):
            pattern = UNSET
        else:
            pattern = self.pattern

        load_type: None | str | Unset
        if isinstance(self.load_type, Unset):
            load_type = UNSET
        elif isinstance(self.load_type, LoadType):
            load_type = self.load_type.value
        else:
            load_type = self.load_type

        alias_of: None | str | Unset
        if isinstance(self.alias_of, Unset):
            alias_of = UNSET
        else:
            alias_of = self.alias_of

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if chain is not UNSET:
            field_dict["chain"] = chain
        if region is not UNSET:
            field_dict["region"] = region
        if pattern is not UNSET:
            field_dict["pattern"] = pattern
        if load_type is not UNSET:
            field_dict["load_type"] = load_type
        if alias_of is not UNSET:
            field_dict["alias_of"] = alias_of

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_chain(data: object) -> Chain | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                chain_type_0 = Chain(data)

                return chain_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Chain | None | Unset, data)

        chain = _parse_chain(d.pop("chain", UNSET))

        def _parse_region(data: object) -> BodyRegion | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                region_type_0 = BodyRegion(data)

                return region_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BodyRegion | None | Unset, data)

        region = _parse_region(d.pop("region", UNSET))

        def _parse_pattern(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        pattern = _parse_pattern(d.pop("pattern", UNSET))

        def _parse_load_type(data: object) -> LoadType | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                load_type_type_0 = LoadType(data)

                return load_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LoadType | None | Unset, data)

        load_type = _parse_load_type(d.pop("load_type", UNSET))

        def _parse_alias_of(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        alias_of = _parse_alias_of(d.pop("alias_of", UNSET))

        exercise_update = cls(
            name=name,
            chain=chain,
            region=region,
            pattern=pattern,
            load_type=load_type,
            alias_of=alias_of,
        )

        return exercise_update
