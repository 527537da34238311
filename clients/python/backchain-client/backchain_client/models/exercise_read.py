from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.body_region import BodyRegion
from ..models.chain import Chain
from ..models.load_type import LoadType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.alias_read import AliasRead


T = TypeVar("T", bound="ExerciseRead")


@_attrs_define
class ExerciseRead:
    """
    Attributes:
        id (UUID):
        slug (str):
        name (str):
        chain (Chain):
        region (BodyRegion):
        pattern (None | str):
        load_type (LoadType):
        equipment (None | str): barbell, dumbbell, machine, cable, ...
        is_system (bool):
        owner_id (None | UUID):
        classified (bool): A system exercise, or a custom one its owner classified or aliased.
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        alias_of (None | str | Unset): Slug of the system exercise this custom exercise is.
        aliases (list[AliasRead] | Unset):
    """

    id: UUID
    slug: str
    name: str
    chain: Chain
    region: BodyRegion
    pattern: None | str
    load_type: LoadType
    equipment: None | str
    is_system: bool
    owner_id: None | UUID
    classified: bool
    created_at: datetime.datetime
    updated_at: datetime.datetime
    alias_of: None | str | Unset = UNSET
    aliases: list[AliasRead] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        slug = self.slug

        name = self.name

        chain = self.chain.value

        region = self.region.value

        pattern: None | str
        pattern = self.pattern

        load_type = self.load_type.value

        equipment: None | str
        equipment = self.equipment

        is_system = self.is_system

        owner_id: None | str
        if isinstance(self.owner_id, UUID):
            owner_id = str(self.owner_id)
        else:
            owner_id = self.owner_id

        classified = self.classified

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        alias_of: None | str | Unset
        if isinstance(self.alias_of, Unset):
            alias_of = UNSET
        else:
            alias_of = self.alias_of

        aliases: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.aliases, Unset):
            aliases = []
            for aliases_item_data in self.aliases:
                aliases_item = aliases_item_data.to_dict()
                aliases.append(aliases_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "slug": slug,
                "name": name,
                "chain": chain,
                "region": region,
                "pattern": pattern,
                "load_type": load_type,
                "equipment": equipment,
                "is_system": is_system,
                "owner_id": owner_id,
                "classified": classified,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )
        if alias_of is not UNSET:
            field_dict["alias_of"] = alias_of
        if aliases is not UNSET:
            field_dict["aliases"] = aliases

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.alias_read import AliasRead  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        slug = d.pop("slug")

        name = d.pop("name")

        chain = Chain(d.pop("chain"))

        region = BodyRegion(d.pop("region"))

        def _parse_pattern(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        pattern = _parse_pattern(d.pop("pattern"))

        load_type = LoadType(d.pop("load_type"))

        def _parse_equipment(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        equipment = _parse_equipment(d.pop("equipment"))

        is_system = d.pop("is_system")

        def _parse_owner_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                owner_id_type_0 = UUID(data)

                return owner_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        owner_id = _parse_owner_id(d.pop("owner_id"))

        classified = d.pop("classified")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_alias_of(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        alias_of = _parse_alias_of(d.pop("alias_of", UNSET))

        _aliases = d.pop("aliases", UNSET)
        aliases: list[AliasRead] | Unset = UNSET
        if _aliases is not UNSET:
            aliases = []
            for aliases_item_data in _aliases:
                aliases_item = AliasRead.from_dict(aliases_item_data)

                aliases.append(aliases_item)

        exercise_read = cls(
            id=id,
            slug=slug,
            name=name,
            chain=chain,
            region=region,
            pattern=pattern,
            load_type=load_type,
            equipment=equipment,
            is_system=is_system,
            owner_id=owner_id,
            classified=classified,
            created_at=created_at,
            updated_at=updated_at,
            alias_of=alias_of,
            aliases=aliases,
        )

        exercise_read.additional_properties = d
        return exercise_read

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
