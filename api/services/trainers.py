"""Trainers: invitations, client-controlled links, private notes, the roster and access log."""

from __future__ import annotations

import math
import secrets
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlmodel import Session

from api.csv_io.exporters import CsvStreamWriter
from api.errors import Conflict, FieldError, InvalidInput, NotFound
from api.pagination import PageParams, decode_cursor, encode_cursor
from api.policy import Access
from api.schemas import trainers as schemas
from api.schemas.analytics import SummaryRead
from api.schemas.enums import RosterSort
from api.security import hash_token
from api.services import analytics as analytics_service
from api.throttle import Throttle
from db.base import utcnow
from db.models import TrainerInvitation, TrainerLink, TrainerNote, User
from db.queries import trainers as trainers_queries

ADHERENCE_DAYS = 28


def _status(invitation: TrainerInvitation, now: datetime) -> str:
    if invitation.accepted_at is not None:
        return "accepted"
    if invitation.revoked_at is not None:
        return "revoked"
    if invitation.expires_at <= now:
        return "expired"
    return "pending"


def _invitation_read(invitation: TrainerInvitation, now: datetime) -> schemas.InvitationRead:
    return schemas.InvitationRead(
        id=invitation.id,
        note=invitation.note,
        can_log=invitation.can_log,
        created_at=invitation.created_at,
        expires_at=invitation.expires_at,
        status=_status(invitation, now),
    )


def create_invitation(access: Access, data: schemas.InvitationCreate) -> schemas.InvitationCreated:
    """A single-use code (192 bits) the trainer hands to a client; only its hash is kept."""
    code = secrets.token_urlsafe(24)
    now = utcnow()
    invitation = TrainerInvitation(
        trainer_id=access.actor_id,
        code_hash=hash_token(code),
        note=data.note,
        can_log=data.can_log,
        created_at=now,
        expires_at=now + timedelta(days=data.expires_in_days),
    )
    access.session.add(invitation)
    access.session.commit()
    return schemas.InvitationCreated(**_invitation_read(invitation, now).model_dump(), code=code)


def list_invitations(access: Access) -> schemas.InvitationList:
    """The trainer's invitations with their status, newest first."""
    now = utcnow()
    invitations = trainers_queries.invitations_of(access.session, access.actor_id)
    return schemas.InvitationList(items=[_invitation_read(i, now) for i in invitations])


def revoke_invitation(access: Access, invitation_id: uuid.UUID) -> None:
    """Revoke a pending invitation of the trainer."""
    session = access.session
    invitation = session.get(TrainerInvitation, invitation_id)
    if invitation is None or invitation.trainer_id != access.actor_id:
        raise NotFound()
    if _status(invitation, utcnow()) != "pending":
        raise Conflict("Only a pending invitation can be revoked", code="invitation_not_pending")
    invitation.revoked_at = utcnow()
    session.add(invitation)
    session.commit()


def _link_read(link: TrainerLink, trainer: User) -> schemas.TrainerLinkRead:
    return schemas.TrainerLinkRead(
        trainer=schemas.Person(id=trainer.id, display_name=trainer.display_name),
        can_log=link.can_log,
        since=link.since,
    )


def accept_invitation(access: Access, code: str, throttle: Throttle) -> schemas.TrainerLinkRead:
    """Link the client to the inviting trainer; any unusable code answers the same 404."""
    session, client_id = access.session, access.actor_id
    throttle.check(f"user:{client_id}")
    invitation = trainers_queries.invitation_by_hash(session, hash_token(code.strip()))
    now = utcnow()
    if invitation is None or _status(invitation, now) != "pending":
        throttle.hit(f"user:{client_id}")
        raise NotFound("No usable invitation with this code", code="invitation_not_found")
    if invitation.trainer_id == client_id:
        # The code is right, the caller is not: a conflict with the invitation, not bad input.
        raise Conflict("You cannot accept your own invitation", code="own_invitation")
    trainer = session.get(User, invitation.trainer_id)
    if trainer is None or not trainer.is_active:
        raise NotFound("No usable invitation with this code", code="invitation_not_found")
    invitation.accepted_at = now
    invitation.accepted_by = client_id
    link = trainers_queries.link(session, trainer.id, client_id)
    if link is None:
        link = TrainerLink(trainer_id=trainer.id, client_id=client_id)
    link.can_log = invitation.can_log
    link.since = now
    link.ended_at = None
    session.add_all([invitation, link])
    session.commit()
    return _link_read(link, trainer)


def list_trainers(access: Access) -> schemas.TrainerList:
    """The client's active trainers."""
    links = trainers_queries.trainers_of(access.session, access.actor_id)
    return schemas.TrainerList(items=[_link_read(link, trainer) for link, trainer in links])


def _active(session: Session, trainer_id: uuid.UUID, client_id: uuid.UUID) -> TrainerLink:
    link = trainers_queries.active_link(session, trainer_id, client_id)
    if link is None:
        raise NotFound()
    return link


def update_trainer(
    access: Access, trainer_id: uuid.UUID, *, can_log: bool
) -> schemas.TrainerLinkRead:
    """Grant or withdraw logging: only the client decides."""
    session = access.session
    link = _active(session, trainer_id, access.actor_id)
    link.can_log = can_log
    session.add(link)
    session.commit()
    trainer = session.get(User, trainer_id)
    assert trainer is not None
    return _link_read(link, trainer)


def end_link(access: Access, other_id: uuid.UUID, *, by_trainer: bool) -> None:
    """End the caller's active link with a client (`by_trainer`) or with a trainer; the
    trainer's notes stay with their author."""
    pair = (access.actor_id, other_id) if by_trainer else (other_id, access.actor_id)
    link = _active(access.session, *pair)
    link.ended_at = utcnow()
    link.can_log = False
    access.session.add(link)
    access.session.commit()


# ---------------------------------------------------------------- notes


def _note_read(note: TrainerNote) -> schemas.NoteRead:
    return schemas.NoteRead(
        id=note.id,
        client_id=note.client_id,
        body=note.body,
        created_at=note.created_at,
        updated_at=note.updated_at,
    )


def list_notes(access: Access, client_id: uuid.UUID) -> schemas.NoteList:
    """The trainer's notes on a client (still readable after the link ended)."""
    session, trainer_id = access.session, access.actor_id
    if trainers_queries.link(session, trainer_id, client_id) is None:
        raise NotFound()
    notes = trainers_queries.notes(session, trainer_id, client_id)
    return schemas.NoteList(items=[_note_read(n) for n in notes])


def create_note(access: Access, client_id: uuid.UUID, data: schemas.NoteCreate) -> schemas.NoteRead:
    """A private note on a current client."""
    _active(access.session, access.actor_id, client_id)
    note = TrainerNote(trainer_id=access.actor_id, client_id=client_id, body=data.body)
    access.session.add(note)
    access.session.commit()
    return _note_read(note)


def _own_note(access: Access, client_id: uuid.UUID, note_id: uuid.UUID) -> TrainerNote:
    note = access.session.get(TrainerNote, note_id)
    if note is None or note.trainer_id != access.actor_id or note.client_id != client_id:
        raise NotFound()
    return note


def update_note(
    access: Access, client_id: uuid.UUID, note_id: uuid.UUID, data: schemas.NoteUpdate
) -> schemas.NoteRead:
    """Change the author's note."""
    note = _own_note(access, client_id, note_id)
    note.body = data.body
    note.updated_at = utcnow()
    access.session.add(note)
    access.session.commit()
    return _note_read(note)


def delete_note(access: Access, client_id: uuid.UUID, note_id: uuid.UUID) -> None:
    """Delete the author's note."""
    access.session.delete(_own_note(access, client_id, note_id))
    access.session.commit()


# ---------------------------------------------------------------- roster


@dataclass(frozen=True, slots=True)
class _Row:
    entry: schemas.RosterEntry
    sort_key: tuple[object, ...]


def _entry(
    link: TrainerLink, client: User, summary: SummaryRead, adherence: int, now: datetime
) -> schemas.RosterEntry:
    week = [p for p in summary.pain if now - p.recorded_at <= timedelta(days=7)]
    worst = max(week, key=lambda p: p.score, default=None)
    codes = [f.code for f in summary.flags]
    return schemas.RosterEntry(
        client=schemas.Person(id=client.id, display_name=client.display_name),
        since=link.since,
        can_log=link.can_log,
        last_workout_at=summary.last_workout_at,
        balance=schemas.RosterBalance(
            index=summary.balance.index,
            band=summary.balance.band,
            direction_4w=summary.balance_trend.direction,
            volume_band=summary.volume.band,
            volume_marked=summary.volume.marked,
        ),
        pain=schemas.RosterPain(
            max_last_7d=worst.score if worst else None,
            region_of_max=worst.region if worst else None,
            rising="pain_rising" in codes,
        ),
        flags=codes,
        flag_details=summary.flags,
        adherence=adherence,
    )


def _sort_key(entry: schemas.RosterEntry, sort: RosterSort) -> tuple[object, ...]:
    name = (entry.client.display_name or "").lower()
    never = datetime.min.replace(tzinfo=UTC)
    if sort == RosterSort.name:
        return (name, str(entry.client.id))
    if sort == RosterSort.last_workout:
        return ((entry.last_workout_at or never).timestamp(), name, str(entry.client.id))
    if sort == RosterSort.balance:
        index = entry.balance.index
        # Furthest from balance first (|ln B|), clients without an index last.
        return (-abs(math.log(index)) if index else 1.0, name, str(entry.client.id))
    return (-len(entry.flags), name, str(entry.client.id))


def roster(
    access: Access, page: PageParams, *, flag: str | None, sort: RosterSort
) -> schemas.RosterPage:
    """Every active client with balance, pain, flags and adherence (constant query count)."""
    session, now = access.session, utcnow()
    links = trainers_queries.clients_of(session, access.actor_id)
    clients = [client for _, client in links]
    summaries = analytics_service.summaries(session, clients, pain_since=now - timedelta(days=28))
    adherence = trainers_queries.workout_counts_since(
        session, [c.id for c in clients], now - timedelta(days=ADHERENCE_DAYS)
    )
    entries = [
        _entry(link, client, summaries[client.id], adherence.get(client.id, 0), now)
        for link, client in links
    ]
    if flag is not None:
        entries = [e for e in entries if flag in e.flags]
    entries.sort(key=lambda e: _sort_key(e, sort))
    offset = 0
    if page.cursor:
        value = decode_cursor(page.cursor, size=1)[0]
        if not isinstance(value, int) or value < 0:
            raise InvalidInput([FieldError("cursor", "malformed cursor")])
        offset = value
    chunk = entries[offset : offset + page.limit]
    more = offset + page.limit < len(entries)
    return schemas.RosterPage(
        items=chunk, next_cursor=encode_cursor([offset + page.limit]) if more else None
    )


# ---------------------------------------------------------------- access log


def access_log(access: Access, page: PageParams) -> schemas.AccessLogPage:
    """Every read and write a trainer made or tried (refused) on the client's data, newest first."""
    after = None
    if page.cursor:
        raw_at, raw_id = decode_cursor(page.cursor, size=2)
        try:
            after = (datetime.fromisoformat(raw_at), uuid.UUID(raw_id))
        except (TypeError, ValueError) as exc:
            raise InvalidInput([FieldError("cursor", "malformed cursor")]) from exc
    rows = trainers_queries.access_log_page(
        access.session, access.actor_id, limit=page.limit + 1, after=after
    )
    more = len(rows) > page.limit
    rows = rows[: page.limit]
    items = [
        schemas.AccessLogRead(
            id=entry.id,
            at=entry.at,
            trainer=schemas.Person(id=entry.trainer_id, display_name=name)
            if entry.trainer_id
            else None,
            method=entry.method,
            path=entry.path,
            resource=entry.resource,
            status=entry.status,
        )
        for entry, name in rows
    ]
    cursor = encode_cursor([rows[-1][0].at.isoformat(), str(rows[-1][0].id)]) if more else None
    return schemas.AccessLogPage(items=items, next_cursor=cursor)


ROSTER_COLUMNS = (
    "client_id",
    "display_name",
    "since",
    "can_log",
    "last_workout_at",
    "balance_index",
    "balance_band",
    "direction_4w",
    "volume_band",
    "volume_marked",
    "pain_max_last_7d",
    "pain_region_of_max",
    "pain_rising",
    "flags",
    "adherence_28d",
)


def roster_csv(access: Access, *, sort: RosterSort) -> Iterator[bytes]:
    """The roster table as CSV (flags joined with `|`)."""
    page = roster(access, PageParams(limit=1_000_000, cursor=None), flag=None, sort=sort)
    rows = (
        {
            "client_id": e.client.id,
            "display_name": e.client.display_name,
            "since": e.since,
            "can_log": e.can_log,
            "last_workout_at": e.last_workout_at,
            "balance_index": e.balance.index,
            "balance_band": e.balance.band,
            "direction_4w": e.balance.direction_4w,
            "volume_band": e.balance.volume_band,
            "volume_marked": e.balance.volume_marked,
            "pain_max_last_7d": e.pain.max_last_7d,
            "pain_region_of_max": e.pain.region_of_max,
            "pain_rising": e.pain.rising,
            "flags": "|".join(e.flags),
            "adherence_28d": e.adherence,
        }
        for e in page.items
    )
    return CsvStreamWriter(ROSTER_COLUMNS).stream(rows)
