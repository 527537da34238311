from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.body_region import BodyRegion
from ..models.chain import Chain

T = TypeVar("T", bound="ExerciseBrief")


@_attrs_define
class ExerciseBrief:
    """
    Attributes:
        id (UUID):
        slug (str):
        name (str):
        chain (Chain):
        region (BodyRegion):
    """

    id: UUID
    slug: str
    name: str
    chain: Chain
    region: BodyRegion
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        slug = self.slug

        name = self.name

        chain = self.chain.value

        region = self.region.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "slug": slug,
                "name": name,
                "chain": chain,
                "region": region,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        slug = d.pop("slug")

        name = d.pop("name")

        chain = Chain(d.pop("chain"))

        region = BodyRegion(d.pop("region"))

        exercise_brief = cls(
            id=id,
            slug=slug,
            name=name,
            chain=chain,
            region=region,
        )

        exercise_brief.additional_properties = d
        return exercise_brief

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
