from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.pain_context import PainContext
from ..models.pain_region import PainRegion
from ..models.side import Side
from ..types import UNSET, Unset

T = TypeVar("T", bound="PainScorePatch")


@_attrs_define
class PainScorePatch:
    """
    Attributes:
        recorded_at (datetime.datetime | Unset):
        region (PainRegion | Unset):
        side (None | Side | Unset):
        score (int | Unset):
        context (None | PainContext | Unset):
        workout_id (None | Unset | UUID):
        notes (None | str | Unset):
    """

    recorded_at: datetime.datetime | Unset = UNSET
    region: PainRegion | Unset = UNSET
    side: None | Side | Unset = UNSET
    score: int | Unset = UNSET
    context: None | PainContext | Unset = UNSET
    workout_id: None | Unset | UUID = UNSET
    notes: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        recorded_at: str | Unset = UNSET
        if not isinstance(self.recorded_at, Unset):
            recorded_at = self.recorded_at.isoformat()

        region: str | Unset = UNSET
        if not isinstance(self.region, Unset):
            region = self.region.value

        side: None | str | Unset
        if isinstance(self.side, Unset):
            side = UNSET
        elif isinstance(self.side, Side):
            side = self.side.value
        else:
            side = self.side

        score = self.score

        context: None | str | Unset
        if isinstance(self.context, Unset):
            context = UNSET
        elif isinstance(self.context, PainContext):
            context = self.context.value
        else:
            context = self.context

        workout_id: None | str | Unset
        if isinstance(self.workout_id, Unset):
            workout_id = UNSET
        elif isinstance(self.workout_id, UUID):
            workout_id = str(self.workout_id)
        else:
            workout_id = self.workout_id

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if recorded_at is not UNSET:
            field_dict["recorded_at"] = recorded_at
        if region is not UNSET:
            field_dict["region"] = region
        if side is not UNSET:
            field_dict["side"] = side
        if score is not UNSET:
            field_dict["score"] = score
        if context is not UNSET:
            field_dict["context"] = context
        if workout_id is not UNSET:
            field_dict["workout_id"] = workout_id
        if notes is not UNSET:
            field_dict["notes"] = notes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _recorded_at = d.pop("recorded_at", UNSET)
        recorded_at: datetime.datetime | Unset
        if isinstance(_recorded_at, Unset):
            recorded_at = UNSET
        else:
            recorded_at = datetime.datetime.fromisoformat(_recorded_at)

        _region = d.pop("region", UNSET)
        region: PainRegion | Unset
        if isinstance(_region, Unset):
            region = UNSET
        else:
            region = PainRegion(_region)

        def _parse_side(data: object) -> None | Side | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                side_type_0 = Side(data)

                return side_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Side | Unset, data)

        side = _parse_side(d.pop("side", UNSET))

        score = d.pop("score", UNSET)

        def _parse_context(data: object) -> None | PainContext | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                context_type_0 = PainContext(data)

                return context_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PainContext | Unset, data)

        context = _parse_context(d.pop("context", UNSET))

        def _parse_workout_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                workout_id_type_0 = UUID(data)

                return workout_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        workout_id = _parse_workout_id(d.pop("workout_id", UNSET))

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        pain_score_patch = cls(
            recorded_at=recorded_at,
            region=region,
            side=side,
            score=score,
            context=context,
            workout_id=workout_id,
            notes=notes,
        )

        return pain_score_patch
