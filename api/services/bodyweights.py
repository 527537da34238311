"""Bodyweight measurements."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlmodel import Session

from api.policy import Access
from api.schemas.bodyweights import BodyweightRead
from api.services.records import Item, RecordKind, assign, fields_of
from db.models import Bodyweight


def apply(
    session: Session,  # noqa: ARG001 (RecordKind.apply's signature)
    entry: Bodyweight,
    values: dict[str, Any],
    access: Access,  # noqa: ARG001
) -> bool:
    """Set the sent fields; whether any of them changed."""
    return assign(entry, values)


def read(session: Session, entries: Sequence[Any]) -> list[Item]:  # noqa: ARG001
    """Bodyweight entries as read back (`BodyweightRead`)."""
    return [fields_of(BodyweightRead, e) for e in entries]


KIND = RecordKind(
    resource="bodyweights",
    model=Bodyweight,
    schema=BodyweightRead,
    time_attr="measured_at",
    required=("measured_at", "weight_kg"),
    apply=apply,
    read=read,
)
