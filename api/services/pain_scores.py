"""Pain scores: applying input (a linked workout must be the owner's) and reading back."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlmodel import Session

from api.errors import FieldError, InvalidInput
from api.policy import Access
from api.schemas.pain_scores import PainScoreRead
from api.services.records import Item, RecordKind, assign, fields_of
from db.models import PainScore
from db.queries import records as records_queries


def apply(session: Session, score: PainScore, values: dict[str, Any], access: Access) -> bool:
    """Set the sent fields; whether any of them changed. A newly linked workout must be the
    owner's and live; the one already linked may have been deleted since (a score read back
    is written back as it is)."""
    workout_id = values.get("workout_id")
    if (
        workout_id is not None
        and workout_id != getattr(score, "workout_id", None)
        and not records_queries.live_workout_exists(session, access.owner_id, workout_id)
    ):
        raise InvalidInput([FieldError("workout_id", "unknown workout")])
    return assign(score, values)


def read(session: Session, scores: Sequence[Any]) -> list[Item]:  # noqa: ARG001
    """Pain scores as read back (`PainScoreRead`)."""
    return [fields_of(PainScoreRead, s) for s in scores]


KIND = RecordKind(
    resource="pain-scores",
    model=PainScore,
    schema=PainScoreRead,
    time_attr="recorded_at",
    required=("recorded_at", "region", "score"),
    apply=apply,
    read=read,
)
