"""Bulk inserts of CSV imports: value tuples handed to the driver's executemany."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any, Final

from sqlalchemy import Table, insert, select
from sqlmodel import Session

from db.base import table_of
from db.models import Exercise, ExerciseAlias, ImportRecord, Workout
from db.queries import exercises as exercises_queries

# Positional placeholders of the drivers' parameter styles (psycopg takes %s in "pyformat").
_PLACEHOLDERS: Final[dict[str, str]] = {"qmark": "?", "format": "%s", "pyformat": "%s"}


def insert_values(
    session: Session, table: Table, columns: Sequence[str], rows: Sequence[tuple[Any, ...]]
) -> None:
    """Insert `rows`, each the values of `columns` in order, with one executemany.

    The same rows as a Core `insert(table)` with dicts, without its per-row parameter
    building (≈ 30 % of the CPU time of 100,000 sets, bench/csv_bench.py): each column's bind
    processing for this dialect (UUIDs as hex on SQLite, say) is applied here, a column at a
    time.
    """
    if not rows:
        return
    connection = session.connection()
    dialect = connection.dialect
    processors = [
        table.c[name].type.dialect_impl(dialect).bind_processor(dialect) for name in columns
    ]
    if any(processors):
        values = [
            list(map(process, column)) if process else column
            for process, column in zip(processors, zip(*rows, strict=True), strict=True)
        ]
        rows = list(zip(*values, strict=True))
    quote = dialect.identifier_preparer.quote
    placeholder = _PLACEHOLDERS[dialect.paramstyle]
    statement = (
        f"INSERT INTO {dialect.identifier_preparer.format_table(table)} "
        f"({', '.join(map(quote, columns))}) VALUES ({', '.join([placeholder] * len(columns))})"
    )
    connection.exec_driver_sql(statement, list(rows))


def visible_exercises(session: Session, owner_id: uuid.UUID) -> Sequence[Exercise]:
    """The system exercises and the owner's own."""
    query = select(Exercise).where(exercises_queries.visible_to(owner_id))
    return session.execute(query).scalars().all()


def aliases(session: Session) -> Sequence[ExerciseAlias]:
    """Every alias of the catalog (what other apps call its exercises)."""
    return session.execute(select(ExerciseAlias)).scalars().all()


def imported_hashes(session: Session, owner_id: uuid.UUID, hashes: Sequence[str]) -> set[str]:
    """Which of these workout content hashes the owner has imported before."""
    records = table_of(ImportRecord)
    query = select(records.c.content_hash).where(
        records.c.user_id == owner_id, records.c.content_hash.in_(hashes)
    )
    return set(session.execute(query).scalars())


def insert_workouts(session: Session, rows: Sequence[dict[str, Any]]) -> None:
    """Insert imported workouts (one executemany)."""
    session.execute(insert(table_of(Workout)), list(rows))


def insert_records(session: Session, rows: Sequence[dict[str, Any]]) -> None:
    """Insert the records that make re-imports of the same workouts create nothing."""
    session.execute(insert(table_of(ImportRecord)), list(rows))
