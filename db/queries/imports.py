"""Bulk inserts of CSV imports (value tuples handed to the driver's executemany) and the
background jobs' leases."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Any, Final

from sqlalchemy import CursorResult, Table, Update, insert, or_, select, update
from sqlmodel import Session

from db.base import table_of
from db.models import ImportJob, ImportRecord, Workout

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


_JOB = table_of(ImportJob)
_UNFINISHED = ("queued", "running")


def _changed(session: Session, statement: Update) -> int:
    """Run an UPDATE; the number of rows it changed."""
    result: CursorResult[Any] = session.execute(statement)  # type: ignore[assignment]
    return result.rowcount


def fail_lapsed_jobs(
    session: Session,
    owner_id: uuid.UUID,
    *,
    now: datetime,
    result: str,
    job_id: uuid.UUID | None = None,
) -> int:
    """Fail the owner's unfinished jobs (or just `job_id`) whose lease has passed; how many.

    The lease is compared in the statement: a worker that renewed it or settled the job
    meanwhile (PostgreSQL re-checks a row it waited for) keeps its job."""
    statement = (
        update(_JOB)
        .where(
            _JOB.c.user_id == owner_id,
            _JOB.c.status.in_(_UNFINISHED),
            or_(_JOB.c.lease_expires_at.is_(None), _JOB.c.lease_expires_at < now),
        )
        .values(status="failed", result=result, finished_at=now, lease_expires_at=None)
    )
    if job_id is not None:
        statement = statement.where(_JOB.c.id == job_id)
    return _changed(session, statement)


def take_job(session: Session, job_id: uuid.UUID, *, lease_until: datetime) -> bool:
    """Mark a queued job running under a fresh lease; False if it is no longer queued."""
    statement = (
        update(_JOB)
        .where(_JOB.c.id == job_id, _JOB.c.status == "queued")
        .values(status="running", lease_expires_at=lease_until)
    )
    return _changed(session, statement) == 1


def renew_lease(session: Session, job_id: uuid.UUID, *, lease_until: datetime) -> bool:
    """Extend a running job's lease; False if it is no longer running."""
    statement = (
        update(_JOB)
        .where(_JOB.c.id == job_id, _JOB.c.status == "running")
        .values(lease_expires_at=lease_until)
    )
    return _changed(session, statement) == 1


def settle_job(
    session: Session, job_id: uuid.UUID, *, status: str, result: str, now: datetime
) -> bool:
    """Record a running job's end; False if it is no longer running (failed as lapsed)."""
    statement = (
        update(_JOB)
        .where(_JOB.c.id == job_id, _JOB.c.status == "running")
        .values(
            status=status,
            result=result,
            rows_done=_JOB.c.rows_total,
            finished_at=now,
            lease_expires_at=None,
        )
    )
    return _changed(session, statement) == 1
