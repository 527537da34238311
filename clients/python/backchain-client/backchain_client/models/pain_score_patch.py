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
        id (None | Unset | UUID): Server-owned, as read back: when sent, it must be the id in the path (PUT, PATCH; 422
            otherwise). A POST may not send it: PUT to choose an id.
        created_at (datetime.datetime | None | Unset): Server-owned, as read back: accepted and ignored.
        updated_at (datetime.datetime | None | Unset): Server-owned, as read back: accepted and ignored.
        created_by (None | Unset | UUID): Server-owned, as read back: accepted and ignored.
        version (int | None | Unset): Server-owned, as read back: accepted and ignored. To write only over the version
            you read, send `If-Match`.
        recorded_at (datetime.datetime | Unset):
        region (PainRegion | Unset):
        side (None | Side | Unset):
        score (int | Unset):
        context (None | PainContext | Unset):
        workout_id (None | Unset | UUID):
        notes (None | str | Unset):
    """

    id: None | Unset | UUID = UNSET
    created_at: datetime.datetime | None | Unset = UNSET
    updated_at: datetime.datetime | None | Unset = UNSET
    created_by: None | Unset | UUID = UNSET
    version: int | None | Unset = UNSET
    recorded_at: datetime.datetime | Unset = UNSET
    region: PainRegion | Unset = UNSET
    side: None | Side | Unset = UNSET
    score: int | Unset = UNSET
    context: None | PainContext | Unset = UNSET
    workout_id: None | Unset | UUID = UNSET
    notes: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id: None | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        elif isinstance(self.id, UUID):
            id = str(self.id)
        else:
            id = self.id

        created_at: None | str | Unset
        if isinstance(self.created_at, Unset):
            created_at = UNSET
        elif isinstance(self.created_at, datetime.datetime):
            created_at = self.created_at.isoformat()
        else:
            created_at = self.created_at

        updated_at: None | str | Unset
        if isinstance(self.updated_at, Unset):
            updated_at = UNSET
        elif isinstance(self.updated_at, datetime.datetime):
            updated_at = self.updated_at.isoformat()
        else:
            updated_at = self.updated_at

        created_by: None | str | Unset
        if isinstance(self.created_by, Unset):
            created_by = UNSET
        elif isinstance(self.created_by, UUID):
            created_by = str(self.created_by)
        else:
            created_by = self.created_by

        version: int | None | Unset
        if isinstance(self.version, Unset):
            version = UNSET
        else:
            version = self.version

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
        if id is not UNSET:
            field_dict["id"] = id
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
        if created_by is not UNSET:
            field_dict["created_by"] = created_by
        if version is not UNSET:
            field_dict["version"] = version
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

        def _parse_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                id_type_0 = UUID(data)

                return id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        id = _parse_id(d.pop("id", UNSET))

        def _parse_created_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                created_at_type_0 = datetime.datetime.fromisoformat(data)

                return created_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        created_at = _parse_created_at(d.pop("created_at", UNSET))

        def _parse_updated_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                updated_at_type_0 = datetime.datetime.fromisoformat(data)

                return updated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        updated_at = _parse_updated_at(d.pop("updated_at", UNSET))

        def _parse_created_by(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                created_by_type_0 = UUID(data)

                return created_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        created_by = _parse_created_by(d.pop("created_by", UNSET))

        def _parse_version(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        version = _parse_version(d.pop("version", UNSET))

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
            id=id,
            created_at=created_at,
            updated_at=updated_at,
            created_by=created_by,
            version=version,
            recorded_at=recorded_at,
            region=region,
            side=side,
            score=score,
            context=context,
            workout_id=workout_id,
            notes=notes,
        )

        return pain_score_patch
