"""Half-open time ranges [start, end) in reads: as conditions, or as bind parameters of a
statement built once (`between_params`, bound by `range_params`)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import Select, bindparam

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
