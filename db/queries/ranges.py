"""Half-open time ranges [start, end) in reads, and the statements built once per range shape.

Hot reads (analytics, exports) are Core statements built once for each shape they can take:
whether the database is PostgreSQL (which returns aware instants itself, see `driver_instant`;
some reads also render ids as text only there, see `db.base.uuid_text`) and whether the range
has a start and an end. `per_shape` builds them, `shape_of` picks one, `range_params` binds it.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import Connection, DateTime, Select, bindparam, type_coerce

# (PostgreSQL, has a start, has an end)
Shape = tuple[bool, bool, bool]
QueryT = TypeVar("QueryT", bound=Select[Any])


def between(query: QueryT, column: Any, start: datetime | None, end: datetime | None) -> QueryT:
    """`query` limited to rows whose `column` lies in [start, end) (either bound optional)."""
    if start is not None:
        query = query.where(column >= start)
    if end is not None:
        query = query.where(column < end)
    return query


def between_params(query: QueryT, column: Any, *, has_start: bool, has_end: bool) -> QueryT:
    """`between` with the bounds as the bind parameters `start` and `end` (`range_params`)."""
    if has_start:
        query = query.where(column >= bindparam("start"))
    if has_end:
        query = query.where(column < bindparam("end"))
    return query


def driver_instant(column: Any, name: str) -> Any:
    """An instant column as the driver returns it, labelled `name`: PostgreSQL's are aware
    already, so the UTC type decorator's per-cell work is skipped."""
    return type_coerce(column, DateTime(timezone=True)).label(name)


def per_shape(build: Callable[..., Select[Any]]) -> dict[Shape, Select[Any]]:
    """`build(postgresql=, has_start=, has_end=)` for every shape."""
    return {
        (postgresql, has_start, has_end): build(
            postgresql=postgresql, has_start=has_start, has_end=has_end
        )
        for postgresql in (False, True)
        for has_start in (False, True)
        for has_end in (False, True)
    }


def shape_of(connection: Connection, start: datetime | None, end: datetime | None) -> Shape:
    """The shape of a read on this connection over [start, end)."""
    return (connection.dialect.name == "postgresql", start is not None, end is not None)


def range_params(
    owner_id: uuid.UUID, start: datetime | None, end: datetime | None
) -> dict[str, Any]:
    """The bind parameters of an owner's read over [start, end)."""
    params: dict[str, Any] = {"owner_id": owner_id}
    if start is not None:
        params["start"] = start
    if end is not None:
        params["end"] = end
    return params
