from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.set_write import SetWrite


T = TypeVar("T", bound="WorkoutPatch")


@_attrs_define
class WorkoutPatch:
    """
    Attributes:
        started_at (datetime.datetime | Unset):
        ended_at (datetime.datetime | None | Unset):
        title (None | str | Unset):
        notes (None | str | Unset):
        sets (list[SetWrite] | None | Unset): When present, replaces every set.
    """

    started_at: datetime.datetime | Unset = UNSET
    ended_at: datetime.datetime | None | Unset = UNSET
    title: None | str | Unset = UNSET
    notes: None | str | Unset = UNSET
    sets: list[SetWrite] | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        started_at: str | Unset = UNSET
        if not isinstance(self.started_at, Unset):
            started_at = self.started_at.isoformat()

        ended_at: None | str | Unset
        if isinstance(self.ended_at, Unset):
            ended_at = UNSET
        elif isinstance(self.ended_at, datetime.datetime):
            ended_at = self.ended_at.isoformat()
        else:
            ended_at = self.ended_at

        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        sets: list[dict[str, Any]] | None | Unset
        if isinstance(self.sets, Unset):
            sets = UNSET
        elif isinstance(self.sets, list):
            sets = []
            for sets_type_0_item_data in self.sets:
                sets_type_0_item = sets_type_0_item_data.to_dict()
                sets.append(sets_type_0_item)

        else:
            sets = self.sets

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if started_at is not UNSET:
            field_dict["started_at"] = started_at
        if ended_at is not UNSET:
            field_dict["ended_at"] = ended_at
        if title is not UNSET:
            field_dict["title"] = title
        if notes is not UNSET:
            field_dict["notes"] = notes
        if sets is not UNSET:
            field_dict["sets"] = sets

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.set_write import SetWrite  # noqa: PLC0415

        d = dict(src_dict)
        _started_at = d.pop("started_at", UNSET)
        started_at: datetime.datetime | Unset
        if isinstance(_started_at, Unset):
            started_at = UNSET
        else:
            started_at = datetime.datetime.fromisoformat(_started_at)

        def _parse_ended_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ended_at_type_0 = datetime.datetime.fromisoformat(data)

                return ended_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        ended_at = _parse_ended_at(d.pop("ended_at", UNSET))

        def _parse_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        def _parse_sets(data: object) -> list[SetWrite] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                sets_type_0 = []
                _sets_type_0 = data
                for sets_type_0_item_data in _sets_type_0:
                    sets_type_0_item = SetWrite.from_dict(sets_type_0_item_data)

                    sets_type_0.append(sets_type_0_item)

                return sets_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[SetWrite] | None | Unset, data)

        sets = _parse_sets(d.pop("sets", UNSET))

        workout_patch = cls(
            started_at=started_at,
            ended_at=ended_at,
            title=title,
            notes=notes,
            sets=sets,
        )

        return workout_patch
