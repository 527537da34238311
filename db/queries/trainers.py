"""Trainer links, invitations, notes and the access log."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import and_, func, or_
from sqlmodel import Session, col, select

from db.models import (
    AccessLogEntry,
    TrainerInvitation,
    TrainerLink,
    TrainerNote,
    User,
    Workout,
)


def link(session: Session, trainer_id: uuid.UUID, client_id: uuid.UUID) -> TrainerLink | None:
    """The link row of a pair, active or ended."""
    return session.exec(
        select(TrainerLink).where(
            col(TrainerLink.trainer_id) == trainer_id, col(TrainerLink.client_id) == client_id
        )
    ).first()


def active_link(
    session: Session, trainer_id: uuid.UUID, client_id: uuid.UUID
) -> TrainerLink | None:
    """The pair's link while it is active."""
    found = link(session, trainer_id, client_id)
    return found if found is not None and found.ended_at is None else None


def invitation_by_hash(session: Session, code_hash: str) -> TrainerInvitation | None:
    """The invitation with this code hash."""
    return session.exec(
        select(TrainerInvitation).where(col(TrainerInvitation.code_hash) == code_hash)
    ).first()


def invitations_of(session: Session, trainer_id: uuid.UUID) -> list[TrainerInvitation]:
    """A trainer's invitations, newest first."""
    return list(
        session.exec(
            select(TrainerInvitation)
            .where(col(TrainerInvitation.trainer_id) == trainer_id)
            .order_by(col(TrainerInvitation.created_at).desc())
        ).all()
    )


def trainers_of(session: Session, client_id: uuid.UUID) -> list[tuple[TrainerLink, User]]:
    """A client's active links with the trainers' accounts."""
    rows = session.exec(
        select(TrainerLink, User)
        .join(User, col(User.id) == col(TrainerLink.trainer_id))
        .where(col(TrainerLink.client_id) == client_id, col(TrainerLink.ended_at).is_(None))
        .order_by(col(TrainerLink.since))
    ).all()
    return [(link_row, user) for link_row, user in rows]


def clients_of(session: Session, trainer_id: uuid.UUID) -> list[tuple[TrainerLink, User]]:
    """A trainer's active links with the clients' accounts (one query)."""
    rows = session.exec(
        select(TrainerLink, User)
        .join(User, col(User.id) == col(TrainerLink.client_id))
        .where(
            col(TrainerLink.trainer_id) == trainer_id,
            col(TrainerLink.ended_at).is_(None),
            col(User.is_active).is_(True),
        )
    ).all()
    return [(link_row, user) for link_row, user in rows]


def workout_counts_since(
    session: Session, owner_ids: list[uuid.UUID], since: datetime
) -> dict[uuid.UUID, int]:
    """Live workouts started since an instant, per owner (one GROUP BY)."""
    if not owner_ids:
        return {}
    rows = session.exec(
        select(col(Workout.user_id), func.count())
        .where(
            col(Workout.user_id).in_(owner_ids),
            col(Workout.deleted_at).is_(None),
            col(Workout.started_at) >= since,
        )
        .group_by(col(Workout.user_id))
    ).all()
    return {row[0]: int(row[1]) for row in rows}


def notes(session: Session, trainer_id: uuid.UUID, client_id: uuid.UUID) -> list[TrainerNote]:
    """A trainer's notes about a client, newest first."""
    return list(
        session.exec(
            select(TrainerNote)
            .where(
                col(TrainerNote.trainer_id) == trainer_id, col(TrainerNote.client_id) == client_id
            )
            .order_by(col(TrainerNote.created_at).desc(), col(TrainerNote.id).desc())
        ).all()
    )


def access_log_page(
    session: Session,
    client_id: uuid.UUID,
    *,
    limit: int,
    after: tuple[datetime, uuid.UUID] | None,
) -> list[tuple[AccessLogEntry, str | None]]:
    """A client's access log newest first, with the trainers' display names."""
    query = (
        select(AccessLogEntry, col(User.display_name))
        .outerjoin(User, col(User.id) == col(AccessLogEntry.trainer_id))
        .where(col(AccessLogEntry.client_id) == client_id)
    )
    if after is not None:
        at, last_id = after
        query = query.where(
            or_(
                col(AccessLogEntry.at) < at,
                and_(col(AccessLogEntry.at) == at, col(AccessLogEntry.id) < last_id),
            )
        )
    query = query.order_by(col(AccessLogEntry.at).desc(), col(AccessLogEntry.id).desc())
    return [(entry, name) for entry, name in session.exec(query.limit(limit)).all()]
