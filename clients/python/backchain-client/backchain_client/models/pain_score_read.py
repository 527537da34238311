from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.pain_context import PainContext
from ..models.pain_region import PainRegion
from ..models.side import Side

T = TypeVar("T", bound="PainScoreRead")


@_attrs_define
class PainScoreRead:
    """
    Attributes:
        id (UUID):
        recorded_at (datetime.datetime):
        region (PainRegion):
        side (None | Side):
        score (int):
        context (None | PainContext):
        workout_id (None | UUID):
        notes (None | str):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        created_by (None | UUID): Who logged it: the owner, or a trainer (null once that trainer's account is erased).
        version (int):
    """

    id: UUID
    recorded_at: datetime.datetime
    region: PainRegion
    side: None | Side
    score: int
    context: None | PainContext
    workout_id: None | UUID
    notes: None | str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    created_by: None | UUID
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        recorded_at = self.recorded_at.isoformat()

        region = self.region.value

        side: None | str
        if isinstance(self.side, Side):
            side = self.side.value
        else:
            side = self.side

        score = self.score

        context: None | str
        if isinstance(self.context, PainContext):
            context = self.context.value
        else:
            context = self.context

        workout_id: None | str
        if isinstance(self.workout_id, UUID):
            workout_id = str(self.workout_id)
        else:
            workout_id = self.workout_id

        notes: None | str
        notes = self.notes

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        created_by: None | str
        if isinstance(self.created_by, UUID):
            created_by = str(self.created_by)
        else:
            created_by = self.created_by

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "recorded_at": recorded_at,
                "region": region,
                "side": side,
                "score": score,
                "context": context,
                "workout_id": workout_id,
                "notes": notes,
                "created_at": created_at,
                "updated_at": updated_at,
                "created_by": created_by,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        recorded_at = datetime.datetime.fromisoformat(d.pop("recorded_at"))

        region = PainRegion(d.pop("region"))

        def _parse_side(data: object) -> None | Side:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                side_type_0 = Side(data)

                return side_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Side, data)

        side = _parse_side(d.pop("side"))

        score = d.pop("score")

        def _parse_context(data: object) -> None | PainContext:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                context_type_0 = PainContext(data)

                return context_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PainContext, data)

        context = _parse_context(d.pop("context"))

        def _parse_workout_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                workout_id_type_0 = UUID(data)

                return workout_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        workout_id = _parse_workout_id(d.pop("workout_id"))

        def _parse_notes(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        notes = _parse_notes(d.pop("notes"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_created_by(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                created_by_type_0 = UUID(data)

                return created_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        created_by = _parse_created_by(d.pop("created_by"))

        version = d.pop("version")

        pain_score_read = cls(
            id=id,
            recorded_at=recorded_at,
            region=region,
            side=side,
            score=score,
            context=context,
            workout_id=workout_id,
            notes=notes,
            created_at=created_at,
            updated_at=updated_at,
            created_by=created_by,
            version=version,
        )

        pain_score_read.additional_properties = d
        return pain_score_read

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
