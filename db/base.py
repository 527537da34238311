"""Shared table plumbing: constraint naming convention and aware-UTC / UUID column helpers."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import ColumnElement, DateTime, MetaData, String, Table, cast
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator
from sqlmodel import Field, SQLModel
from uuid6 import uuid7

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata: MetaData = SQLModel.metadata
metadata.naming_convention = NAMING_CONVENTION


def table_of(model: type[SQLModel]) -> Table:
    """The Core table of a table model (for statements that need no ORM entities)."""
    table: Table = model.__table__  # type: ignore[attr-defined]
    return table


def utcnow() -> datetime:
    """The current instant, aware, in UTC."""
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """Stores instants as UTC; always returns aware UTC datetimes (SQLite keeps no offset)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime: instants must carry an offset")
        value = value.astimezone(UTC)
        # SQLite stores text without an offset: store the UTC wall time.
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(
        self,
        value: datetime | None,
        dialect: Dialect,  # noqa: ARG002 (TypeDecorator API)
    ) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


def uuid_text(column: ColumnElement[uuid.UUID] | Any) -> ColumnElement[str]:
    """`column` read as text with no result processing (see `canonical_uuid`)."""
    return cast(column, String(36)).label(column.key)


def canonical_uuid(text: str) -> str:
    """A UUID read by `uuid_text`, in its canonical dashed form. PostgreSQL casts to that
    form itself; SQLite stores 32 hex digits. Building a `uuid.UUID` per id cell (and
    SQLAlchemy's per-cell type processing) was most of a list page's CPU (bench/RESULTS.md)."""
    if len(text) != 32:
        return text
    return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"


def new_id() -> uuid.UUID:
    """A new primary key: a UUIDv7 (RFC 9562), which begins with its creation time in ms.

    Keys made one after another sort together, so a new workout, its sets and its change
    land on the last pages of each primary-key index instead of random ones: a POST's SQLite
    commit wrote a quarter less (bench/RESULTS.md), and PostgreSQL's B-trees stay compact.
    Clients may still choose any UUID for the records they create. (The time part is only a
    sort key: `uuid6.uuid7` moves it a millisecond on rather than repeat one.)"""
    # A plain `uuid.UUID`: SQLAlchemy infers a bind's type from the value's exact class, and
    # `uuid6.UUID` is a subclass it does not know.
    return uuid.UUID(int=uuid7().int)


def id_field(**kwargs: Any) -> Any:
    """A UUID primary key chosen by the application (clients may choose it too)."""
    return Field(default_factory=new_id, primary_key=True, **kwargs)


def instant_field(*, nullable: bool = False, index: bool = False, **kwargs: Any) -> Any:
    """An aware UTC instant column."""
    return Field(sa_type=UTCDateTime, nullable=nullable, index=index, **kwargs)
