"""Driver SQL (db/driver_sql.py) writes exactly what SQLAlchemy's own path writes, on both
databases: ids, aware instants, NULLs, many rows, and a parameter used twice."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta, timezone

from sqlalchemy import insert, select, text
from sqlmodel import Session

from db.base import table_of
from db.driver_sql import DriverStatement
from db.models import ChangeCounter, Workout
from tests.factories import make_user

WORKOUTS = table_of(Workout)


def _workout(user_id: uuid.UUID, **values: object) -> dict[str, object]:
    started = datetime(2026, 3, 29, 1, 30, 15, 123456, tzinfo=timezone(timedelta(hours=2)))
    row: dict[str, object] = {
        "id": uuid.uuid4(),
        "user_id": user_id,
        "started_at": started,
        "ended_at": None,
        "title": "Pull day",
        "notes": None,
        "created_by": user_id,
        "version": 1,
        "created_at": started,
        "updated_at": started,
        "deleted_at": None,
    }
    row.update(values)
    return row


def test_rows_read_back_as_sqlalchemy_writes_them(session: Session) -> None:
    user = make_user(session)
    by_driver = [_workout(user.id), _workout(user.id, title=None, ended_at=datetime.now(UTC))]
    by_core = [_workout(user.id, notes="from SQLAlchemy")]
    statement = DriverStatement(WORKOUTS.insert())
    connection = session.connection()
    statement.execute(connection, by_driver[0])
    statement.execute_many(connection, by_driver[1:])
    statement.execute_many(connection, [])
    connection.execute(insert(WORKOUTS), by_core)
    session.commit()
    stored = {
        row.id: row._asdict()
        for row in session.connection().execute(select(WORKOUTS).order_by(WORKOUTS.c.title))
    }
    for written in [*by_driver, *by_core]:
        assert stored[written["id"]] == written  # instants compare as instants (UTC on reading)
    assert stored[by_driver[0]["id"]]["started_at"].tzinfo is not None


def test_a_parameter_used_twice_and_a_returned_integer(session: Session) -> None:
    user = make_user(session)
    bump = DriverStatement(
        text(
            "INSERT INTO change_counter (user_id, last_seq) VALUES (:user_id, :count) "
            "ON CONFLICT (user_id) DO UPDATE SET last_seq = change_counter.last_seq + :count "
            "RETURNING last_seq"
        ).bindparams(user_id=user.id)
    )
    connection = session.connection()
    assert bump.execute(connection, {"user_id": user.id, "count": 3}).scalar_one() == 3
    assert bump.execute(connection, {"user_id": user.id, "count": 2}).scalar_one() == 5
    session.commit()
    assert session.get(ChangeCounter, user.id).last_seq == 5  # type: ignore[union-attr]
