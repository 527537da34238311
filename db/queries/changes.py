"""The per-user change feed: ordered sequence numbers assigned inside the writing transaction."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import bindparam, delete, insert, text
from sqlmodel import Session, col, select

from db.base import table_of
from db.models import Change, ChangeCounter

_COUNTERS = table_of(ChangeCounter)
_CHANGES = table_of(Change)


# One upsert: the first write creates the row, later ones bump it under its row lock. Plain
# SQL that SQLite (3.35+) and PostgreSQL both accept (a `text()` construct is compiled once and
# cached, unlike the dialects' `on_conflict_do_update`).
_BUMP = text(
    "INSERT INTO change_counter (user_id, last_seq) VALUES (:user_id, :count) "
    "ON CONFLICT (user_id) DO UPDATE SET last_seq = change_counter.last_seq + :count "
    "RETURNING last_seq"
).bindparams(bindparam("user_id", type_=_COUNTERS.c.user_id.type))
_COMPACT = delete(_CHANGES).where(
    _CHANGES.c.user_id == bindparam("user_id"),
    _CHANGES.c.resource == bindparam("resource"),
    _CHANGES.c.resource_id == bindparam("resource_id"),
)
_APPEND = insert(_CHANGES)


def next_seq(session: Session, user_id: uuid.UUID, count: int = 1) -> int:
    """Bump the user's counter by `count` and return the last number reserved; its row lock
    orders this user's concurrent writers."""
    result = session.connection().execute(_BUMP, {"user_id": user_id, "count": count})
    return int(result.scalar_one())


def record(
    session: Session,
    user_id: uuid.UUID,
    *,
    resource: str,
    resource_id: uuid.UUID,
    op: str,
    at: datetime,
    is_new: bool = False,
) -> int:
    """Append a change (dropping older entries of the same resource) and return its seq."""
    connection = session.connection()
    if not is_new:  # a new resource has no older entries to compact
        connection.execute(
            _COMPACT, {"user_id": user_id, "resource": resource, "resource_id": resource_id}
        )
    values = {
        "user_id": user_id,
        "resource": resource,
        "resource_id": resource_id,
        "op": op,
        "changed_at": at,
    }
    seq = next_seq(session, user_id)
    connection.execute(_APPEND, {**values, "seq": seq})
    return seq


def since(session: Session, user_id: uuid.UUID, after_seq: int, limit: int) -> list[Change]:
    """Changes after a sequence number, oldest first."""
    return list(
        session.exec(
            select(Change)
            .where(col(Change.user_id) == user_id, col(Change.seq) > after_seq)
            .order_by(col(Change.seq))
            .limit(limit)
        ).all()
    )


def last_seq(session: Session, user_id: uuid.UUID) -> int:
    """The user's newest sequence number (0 before any write)."""
    value = session.exec(
        select(ChangeCounter.last_seq).where(col(ChangeCounter.user_id) == user_id)
    ).first()
    return int(value or 0)


def record_many(
    session: Session,
    user_id: uuid.UUID,
    *,
    resource: str,
    resource_ids: list[uuid.UUID],
    at: datetime,
    is_new: bool = True,
) -> None:
    """Append one upsert per resource (bulk: imports), numbered in order; for resources that
    are not new, their older entries are dropped first."""
    if not resource_ids:
        return
    if not is_new:
        session.execute(
            delete(Change).where(
                col(Change.user_id) == user_id,
                col(Change.resource) == resource,
                col(Change.resource_id).in_(resource_ids),
            )
        )
    last = next_seq(session, user_id, len(resource_ids))
    first = last - len(resource_ids) + 1
    session.execute(
        insert(Change),
        [
            {
                "user_id": user_id,
                "seq": first + i,
                "resource": resource,
                "resource_id": rid,
                "op": "upsert",
                "changed_at": at,
            }
            for i, rid in enumerate(resource_ids)
        ],
    )
