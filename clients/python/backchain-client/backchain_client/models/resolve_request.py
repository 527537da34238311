from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.name_source import NameSource
from ..types import UNSET, Unset

T = TypeVar("T", bound="ResolveRequest")


@_attrs_define
class ResolveRequest:
    """
    Attributes:
        names (list[str]):
        source (NameSource | None | Unset): The app the names come from: its own names match first.
    """

    names: list[str]
    source: NameSource | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        names = self.names

        source: None | str | Unset
        if isinstance(self.source, Unset):
            source = UNSET
        elif isinstance(self.source, NameSource):
            source = self.source.value
        else:
            source = self.source

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "names": names,
            }
        )
        if source is not UNSET:
            field_dict["source"] = source

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        names = cast(list[str], d.pop("names"))

        def _parse_source(data: object) -> NameSource | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                source_type_0 = NameSource(data)

                return source_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(NameSource | None | Unset, data)

        source = _parse_source(d.pop("source", UNSET))

        resolve_request = cls(
            names=names,
            source=source,
        )

        return resolve_request
