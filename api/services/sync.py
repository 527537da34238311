"""The change feed over every record of a user, and batches of independent writes."""

from __future__ import annotations

import contextlib
import json
import uuid
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ValidationError
from sqlalchemy.exc import OperationalError, SQLAlchemyError
from sqlalchemy.exc import TimeoutError as PoolTimeout

from api.errors import (
    BackchainError,
    DatabaseUnavailable,
    FieldError,
    InvalidInput,
    NotFound,
    error_body,
    field_name,
)
from api.pagination import decode_cursor, encode_cursor
from api.policy import Access
from api.schemas.bodyweights import BodyweightPatch, BodyweightWrite
from api.schemas.enums import ChangeOp, ResourceName
from api.schemas.pain_scores import PainScorePatch, PainScoreWrite
from api.schemas.sync import BatchOperation, BatchResult, ChangeRead, ChangesPage
from api.schemas.workouts import WorkoutPatch, WorkoutWrite
from api.services import bodyweights, pain_scores, records, workouts
from api.services.records import RecordKind
from db.queries import changes as changes_queries
from db.queries import records as records_queries


@dataclass(frozen=True)
class Area:
    kind: RecordKind
    write: type[BaseModel]
    patch: type[BaseModel]


AREAS: dict[str, Area] = {
    a.kind.resource: a
    for a in (
        Area(workouts.KIND, WorkoutWrite, WorkoutPatch),
        Area(pain_scores.KIND, PainScoreWrite, PainScorePatch),
        Area(bodyweights.KIND, BodyweightWrite, BodyweightPatch),
    )
}


def changes(access: Access, *, since: str | None, limit: int) -> ChangesPage:
    """Changes after `since`, oldest first, each resource once with its current state."""
    session = access.session
    after = 0
    if since:
        value = decode_cursor(since, size=1)[0]
        if not isinstance(value, int) or value < 0:
            raise InvalidInput([FieldError("since", "malformed cursor")])
        after = value
    entries = changes_queries.since(session, access.owner_id, after, limit + 1)
    has_more = len(entries) > limit
    entries = entries[:limit]
    wanted: dict[str, list[uuid.UUID]] = defaultdict(list)
    for entry in entries:
        if entry.op == "upsert":
            wanted[entry.resource].append(entry.resource_id)
    current: dict[tuple[str, uuid.UUID], BaseModel] = {}
    for resource, ids in wanted.items():
        kind = AREAS[resource].kind
        rows = records_queries.get_live_many(session, kind.model, access.owner_id, ids)
        for row, item in zip(rows, kind.read(session, rows), strict=True):
            current[(resource, row.id)] = kind.schema.model_validate(item)
    items = []
    for entry in entries:
        data = current.get((entry.resource, entry.resource_id))
        # Deleted since this entry was written: a later entry reports the delete as well.
        op = entry.op if data is not None or entry.op == "delete" else "delete"
        items.append(
            ChangeRead.model_construct(
                cursor=encode_cursor([entry.seq]),
                resource=ResourceName(entry.resource),
                id=entry.resource_id,
                op=ChangeOp(op),
                data=data,  # type: ignore[arg-type]
                changed_at=entry.changed_at,
            )
        )
    next_cursor = encode_cursor([entries[-1].seq]) if entries else encode_cursor([after])
    return ChangesPage.model_construct(changes=items, next_cursor=next_cursor, has_more=has_more)


def _parse_path(path: str) -> tuple[Area, uuid.UUID]:
    resource, _, raw_id = path.strip("/").partition("/")
    area = AREAS.get(resource)
    try:
        record_id = uuid.UUID(raw_id)
    except ValueError:
        area = None
    if area is None:
        raise NotFound(f"No such resource path {path!r}")
    return area, record_id


def _apply(access: Access, op: BatchOperation) -> BatchResult:
    area, record_id = _parse_path(op.path)
    if op.method == "DELETE":
        deleted = records.delete_record(access, area.kind, record_id, if_match=op.if_match)
        return BatchResult(status=deleted.status, body=None)
    schema = area.write if op.method == "PUT" else area.patch
    try:
        data = schema.model_validate(op.body or {})
    except ValidationError as exc:
        raise InvalidInput(
            [FieldError(field_name(e["loc"]), e["msg"]) for e in exc.errors()]
        ) from exc
    if op.method == "PUT":
        written = records.put_record(access, area.kind, record_id, data, if_match=op.if_match)
    else:
        written = records.patch_record(access, area.kind, record_id, data, if_match=op.if_match)
    body: dict[str, Any] = json.loads(written.body)
    return BatchResult(status=written.status, body=body)


class NotAttempted(BackchainError):
    status, code, title = 424, "not_attempted", "Not attempted"


def batch(access: Access, operations: list[BatchOperation]) -> list[BatchResult]:
    """Apply each operation atomically on its own, in order; one failing leaves others intact.
    When the database fails, that operation answers 503 and the rest are not attempted (424):
    those before it stay committed, and the answer says which."""
    session = access.session
    results = []
    for position, op in enumerate(operations):
        try:
            results.append(_apply(access, op))
        except BackchainError as exc:
            session.rollback()
            session.info.clear()  # nothing this operation prepared may leak into the next
            results.append(BatchResult(status=exc.status, body=error_body(exc)))
        except (OperationalError, PoolTimeout):
            # The same failure as the app's 503 handler, answered per operation: a 503 for
            # the whole batch would hide which operations had committed.
            with contextlib.suppress(SQLAlchemyError):
                session.rollback()
            session.info.clear()
            failed = DatabaseUnavailable("The database is unreachable; retry shortly.")
            skipped = NotAttempted(
                f"Not attempted: the database failed at operation {position}; send it again."
            )
            results.append(BatchResult(status=failed.status, body=error_body(failed)))
            results += [
                BatchResult(status=skipped.status, body=error_body(skipped))
                for _ in operations[position + 1 :]
            ]
            break
    return results
