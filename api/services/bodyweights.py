"""Bodyweight measurements."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlmodel import Session

from api.policy import Access
from api.schemas.bodyweights import BodyweightRead
from api.services.records import RecordKind
from db.models import Bodyweight


def apply(
    session: Session,
    entry: Bodyweight,
    values: dict[str, Any],
    access: Access,  # noqa: ARG001
) -> None:
    """Set the sent fields."""
    for key, value in values.items():
        setattr(entry, key, value)
    session.add(entry)


def read(session: Session, entries: Sequence[Bodyweight]) -> list[BodyweightRead]:  # noqa: ARG001
    """Read models of bodyweight entries."""
    return [BodyweightRead.model_validate(e) for e in entries]


KIND = RecordKind(
    resource="bodyweights",
    model=Bodyweight,
    time_attr="measured_at",
    required=("measured_at", "weight_kg"),
    apply=apply,
    read=read,  # type: ignore[arg-type]
)
