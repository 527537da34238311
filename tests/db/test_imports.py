"""Bulk inserts of CSV imports (db.queries.imports) on SQLite and PostgreSQL."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy import insert, select
from sqlmodel import Session

from db.models import Exercise, Workout, WorkoutSet
from db.queries import imports as imports_queries
from tests.factories import make_user

SETS = WorkoutSet.__table__  # type: ignore[attr-defined]
COLUMNS = ("id", "workout_id", "exercise_id", "position", "set_type", "reps", "load_kg", "rpe")


class TestInsertValues:
    def test_rows_read_back_as_given(self, session: Session) -> None:
        user = make_user(session)
        workout_id = uuid.uuid4()
        started_at = datetime(2026, 3, 2, 17, 30, tzinfo=UTC)
        session.execute(
            insert(Workout.__table__),  # type: ignore[attr-defined]
            [
                {
                    "id": workout_id,
                    "user_id": user.id,
                    "started_at": started_at,
                    "created_by": user.id,
                }
            ],
        )
        exercise_id = session.execute(select(Exercise.id).limit(1)).scalar_one()
        rows = [
            (uuid.uuid4(), workout_id, exercise_id, 0, "warmup", 5, 60.0, None),
            (uuid.uuid4(), workout_id, exercise_id, 1, "normal", 3, -12.5, 8.5),
        ]
        imports_queries.insert_values(session, SETS, COLUMNS, rows)
        stored = session.execute(
            select(*(SETS.c[name] for name in COLUMNS)).order_by(SETS.c.position)
        ).all()
        assert [tuple(row) for row in stored] == rows
        session.commit()

    def test_no_rows_sends_no_statement(self, session: Session) -> None:
        imports_queries.insert_values(session, SETS, COLUMNS, [])
        assert not session.in_transaction()
