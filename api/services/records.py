"""Sync semantics shared by every logged record: client ids, ETags, idempotent POSTs,
tombstones and the change feed. Each area (workouts, pain scores, bodyweights) supplies a
`RecordKind` saying how to apply input to its row and how to read rows back."""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from types import SimpleNamespace
from typing import Any

import pydantic_core
from pydantic import BaseModel
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from api.errors import (
    BackchainError,
    FieldError,
    InvalidInput,
    NotFound,
    PreconditionFailed,
)
from api.pagination import PageParams, decode_cursor, encode_cursor
from api.policy import Access
from api.schemas.records import ServerOwned
from db.base import new_id, utcnow
from db.models import IdempotencyRecord
from db.queries import changes as changes_queries
from db.queries import idempotency as idempotency_queries
from db.queries import records as records_queries

IDEMPOTENCY_TTL = timedelta(hours=24)
# Expired idempotency records deleted by each POST that stores one: more than it adds, so
# they never pile up, and few enough to stay one short index range (`created_at`).
IDEMPOTENCY_PURGE_BATCH = 10


class Gone(BackchainError):
    status, code, title = 410, "deleted", "Deleted"


# What a record reads back as: a dict with the read schema's fields, in its order, holding
# values the schema would accept as they are (rows were validated on the way in). It is
# serialised with `to_json`, exactly as the schema would serialise it (tests compare the two):
# building and serialising models was most of a list page's CPU (bench/RESULTS.md).
Item = dict[str, Any]


def to_json(value: Any) -> bytes:
    """JSON of items (or pages of them), as `model_dump_json` would write them."""
    return pydantic_core.to_json(value)


def fields_of(schema: type[BaseModel], row: Any, **given: Any) -> Item:
    """The schema's fields read off a row (ORM entity or Core row), in the schema's order;
    `given` supplies fields the row lacks."""
    return {
        name: given[name] if name in given else getattr(row, name) for name in schema.model_fields
    }


_UNSET = object()


def assign(row: Any, values: dict[str, Any]) -> bool:
    """Set the values on the row; whether any of them differs from what it held."""
    changed = False
    for key, value in values.items():
        changed = changed or getattr(row, key, _UNSET) != value
        setattr(row, key, value)
    return changed


@dataclass(frozen=True)
class RecordKind:
    resource: str  # path segment and change-feed name, e.g. "workouts"
    model: type[Any]
    schema: type[BaseModel]  # what a record reads back as
    time_attr: str  # the resource's own time: lists are ordered and filtered by it
    required: tuple[str, ...]  # fields a PATCH may not set to null
    # Sets the sent fields on the row and checks them (writing is the service's job); answers
    # whether that changed anything (a write that changes nothing makes no new version).
    apply: Callable[[Session, Any, dict[str, Any], Access], bool]
    read: Callable[[Session, Sequence[Any]], list[Item]]
    # Writes what belongs to the row once the row itself is written (a workout's sets).
    write_children: Callable[[Session, Any], None] | None = None


@dataclass(frozen=True, slots=True)
class Written:
    """A write's answer: status, JSON body and ETag (a replay answers the stored ones)."""

    status: int
    body: str
    etag: str
    resource_id: uuid.UUID
    location: str
    replayed: bool = False


def etag_of(version: int) -> str:
    return f'"{version}"'


def _matches(header: str, etag: str) -> bool:
    tags = [t.strip().removeprefix("W/") for t in header.split(",")]
    return "*" in tags or etag in tags


def _check_if_match(row: Any | None, if_match: str | None) -> None:
    if if_match is None:
        return
    if row is None or row.deleted_at is not None or not _matches(if_match, etag_of(row.version)):
        raise PreconditionFailed("The resource changed since you read it (ETag mismatch)")


def _owned_row(session: Session, kind: RecordKind, access: Access, record_id: uuid.UUID) -> Any:
    row = records_queries.get_for_update(session, kind.model, record_id)
    if row is not None and row.user_id != access.owner_id:
        raise NotFound()  # another user's id: never a hint that it exists
    return row


def _body(session: Session, kind: RecordKind, row: Any) -> str:
    return to_json(kind.read(session, [row])[0]).decode()


def _stamp(row: Any) -> Any:
    """Set the row's `updated_at` (it is written with the rest)."""
    row.updated_at = utcnow()
    return row


_Defaults = tuple[dict[str, Any], dict[str, Callable[[], Any]]]
_defaults_by_model: dict[type[Any], _Defaults] = {}


def _defaults(model: type[Any]) -> _Defaults:
    """A table model's default values and default factories, by field (computed once)."""
    if model not in _defaults_by_model:
        values: dict[str, Any] = {}
        factories: dict[str, Callable[[], Any]] = {}
        for name, field in model.model_fields.items():
            if field.default_factory is not None:
                factories[name] = field.default_factory
            elif not field.is_required():
                values[name] = field.default
        _defaults_by_model[model] = (values, factories)
    return _defaults_by_model[model]


def _new_row(kind: RecordKind, **given: Any) -> Any:
    """A new record: its model's defaults and `given`, as a plain object. It is written by
    one Core INSERT (`_save`), so it needs none of the ORM's instrumentation, whose
    construction was a tenth of a POST's CPU (bench/RESULTS.md)."""
    values, factories = _defaults(kind.model)
    made = {name: make() for name, make in factories.items() if name not in given}
    return SimpleNamespace(**{**values, **made, **given})


def _save(session: Session, kind: RecordKind, row: Any, *, is_new: bool) -> None:
    """Write the (stamped) row, then what belongs to it. A new row is one Core INSERT of its
    values and stays out of the session: the ORM's unit of work cost twice as much as the
    statement (bench/RESULTS.md)."""
    if is_new:
        records_queries.insert_row(session, kind.model, row)
    else:
        session.add(row)
        session.flush()
    if kind.write_children is not None:
        kind.write_children(session, row)


def _touch(session: Session, kind: RecordKind, row: Any, op: str, *, is_new: bool) -> None:
    """Write the (stamped) row and append its change."""
    _save(session, kind, row, is_new=is_new)
    changes_queries.record(
        session,
        row.user_id,
        resource=kind.resource,
        resource_id=row.id,
        op=op,
        at=row.updated_at,
        is_new=is_new,
    )


def list_records(
    access: Access,
    kind: RecordKind,
    page: PageParams,
    *,
    time_from: datetime | None,
    time_to: datetime | None,
) -> bytes:
    """A page of the owner's live records, newest first, as its JSON (`{items, next_cursor}`).

    The page query reads only ids, versions and times; records already read at that version
    come from `cache`, the others are read (one query, then the kind's own) and kept there.
    """
    session = access.session
    after = None
    if page.cursor:
        raw_at, raw_id = decode_cursor(page.cursor, size=2)
        try:
            after = (datetime.fromisoformat(raw_at), uuid.UUID(raw_id))
        except (TypeError, ValueError) as exc:
            raise InvalidInput([FieldError("cursor", "malformed cursor")]) from exc
    keys = records_queries.page_keys(
        session,
        kind.model,
        kind.time_attr,
        access.owner_id,
        limit=page.limit + 1,
        after=after,
        time_from=time_from,
        time_to=time_to,
    )
    more = len(keys) > page.limit
    keys = keys[: page.limit]
    cursor = None
    if more and keys:
        last_id, _, last_at = keys[-1]
        cursor = encode_cursor([last_at.isoformat(), last_id])
    found = _json_at_versions(
        session, kind, access, [(record_id, version) for record_id, version, _ in keys]
    )
    items = b",".join(body for _, body in filter(None, found))
    return b'{"items":[' + items + b'],"next_cursor":' + to_json(cursor) + b"}"


def _json_at_versions(
    session: Session,
    kind: RecordKind,
    access: Access,
    keys: Sequence[tuple[str, int]],
) -> list[tuple[int, bytes] | None]:
    """(version, JSON) of the owner's records at the (id text, version)s a query just saw:
    from `cache` where held, else read now (one query, then the kind's own) and kept there.
    A record read now may be at a newer version, or gone (None) if deleted since: what a
    read a moment later would answer."""
    cache = access.caches.records
    found: list[tuple[int, bytes] | None] = [
        None if body is None else (version, body)
        for (_, version), body in zip(keys, cache.get_many(kind.resource, keys), strict=True)
    ]
    missing = [uuid.UUID(key[0]) for key, entry in zip(keys, found, strict=True) if entry is None]
    if not missing:
        return found
    rows = records_queries.get_live_many(session, kind.model, access.owner_id, missing)
    read = {
        str(row.id): (row.version, to_json(item))
        for row, item in zip(rows, kind.read(session, rows), strict=True)
    }
    cache.put_many(kind.resource, [(rid, *entry) for rid, entry in read.items()])
    return [entry or read.get(key[0]) for key, entry in zip(keys, found, strict=True)]


def get_record(
    access: Access,
    kind: RecordKind,
    record_id: uuid.UUID,
    *,
    if_none_match: str | None = None,
) -> tuple[bytes | None, str]:
    """One live record's JSON and ETag; no JSON (None) when `if_none_match` names that ETag.

    Like a page, it reads the version first and answers from `cache` what was read before."""
    session = access.session
    version = records_queries.live_version(session, kind.model, access.owner_id, record_id)
    if version is None:
        raise NotFound()
    if if_none_match is not None and _matches(if_none_match, etag_of(version)):
        return None, etag_of(version)
    found = _json_at_versions(session, kind, access, [(str(record_id), version)])[0]
    if found is None:  # deleted since the version was read
        raise NotFound()
    version, body = found
    return body, etag_of(version)


# Members of a record's read shape that a write may carry back unchanged (a GET body PUT back):
# the server owns them. `id` must name the record in the path; the others are ignored.
SERVER_OWNED = tuple(ServerOwned.model_fields)


def _values(
    data: BaseModel, *, record_id: uuid.UUID | None, sent_only: bool = False
) -> dict[str, Any]:
    """The input to apply: every field (or, for a PATCH, the top-level fields sent; nested
    items keep their defaults), without the server-owned members, whose `id` is checked."""
    values = data.model_dump()
    if sent_only:
        values = {k: v for k, v in values.items() if k in data.model_fields_set}
    sent_id = values.get("id")
    if sent_id is not None and sent_id != record_id:
        message = (
            "the server chooses the id of a POST: PUT to the record's own path to choose it"
            if record_id is None
            else "must be the id in the path (or left out)"
        )
        raise InvalidInput([FieldError("id", message)])
    for name in SERVER_OWNED:
        values.pop(name, None)
    return values


def _fingerprint(
    kind: RecordKind, access: Access, values: dict[str, Any] | None, *request: str | None
) -> str:
    """What a request with an Idempotency-Key is recognised by: the resource, the owner, the
    input and (for PATCH and DELETE) the method, the record's id and If-Match."""
    body = None if values is None else pydantic_core.to_jsonable_python(values)
    canonical = json.dumps([kind.resource, str(access.owner_id), body, *request], sort_keys=True)
    return hashlib.sha256(canonical.encode()).hexdigest()


def _location(kind: RecordKind, owner_id: uuid.UUID, record_id: uuid.UUID) -> str:
    return f"/v1/users/{owner_id}/{kind.resource}/{record_id}"


def _replay(
    kind: RecordKind, record: IdempotencyRecord, fingerprint: str, record_id: uuid.UUID | None
) -> Written:
    if record.fingerprint != fingerprint:
        raise InvalidInput(
            [FieldError("Idempotency-Key", "already used with a different request")],
            code="idempotency_key_reused",
        )
    if not record.response_body:  # a DELETE's 204
        assert record_id is not None
        location = _location(kind, record.owner_id, record_id)
        return Written(record.status_code, "", "", record_id, location, replayed=True)
    body = json.loads(record.response_body)
    return Written(
        record.status_code,
        record.response_body,
        etag_of(body["version"]),
        uuid.UUID(body["id"]),
        _location(kind, record.owner_id, uuid.UUID(body["id"])),
        replayed=True,
    )


def _stored_answer(
    kind: RecordKind,
    access: Access,
    key: str | None,
    fingerprint: str,
    record_id: uuid.UUID | None = None,
) -> Written | None:
    """The first answer to this key, if it is still kept (an expired one is dropped)."""
    if key is None:
        return None
    session = access.session
    existing = idempotency_queries.get(session, access.actor_id, key)
    if existing is None:
        return None
    if utcnow() - existing.created_at < IDEMPOTENCY_TTL:
        return _replay(kind, existing, fingerprint, record_id)
    session.delete(existing)
    session.flush()
    return None


def _commit(
    kind: RecordKind,
    access: Access,
    written: Written,
    key: str | None,
    fingerprint: str,
) -> Written:
    """Commit the write, with its answer kept under the Idempotency-Key if one was sent."""
    session = access.session
    if key is not None:
        idempotency_queries.purge_expired(
            session, utcnow() - IDEMPOTENCY_TTL, limit=IDEMPOTENCY_PURGE_BATCH
        )
        session.add(
            IdempotencyRecord(
                user_id=access.actor_id,
                owner_id=access.owner_id,
                key=key,
                fingerprint=fingerprint,
                status_code=written.status,
                response_body=written.body,
            )
        )
    try:
        session.commit()
    except IntegrityError:
        # A concurrent retry with the same key committed first: answer what it answered.
        session.rollback()
        if key is None:
            raise
        existing = idempotency_queries.get(session, access.actor_id, key)
        if existing is None:
            raise
        return _replay(kind, existing, fingerprint, written.resource_id)
    return written


def create_record(
    access: Access,
    kind: RecordKind,
    data: BaseModel,
    *,
    idempotency_key: str | None,
) -> Written:
    """POST: a new record; with an Idempotency-Key, retries replay the first answer."""
    session = access.session
    values = _values(data, record_id=None)
    fingerprint = _fingerprint(kind, access, values) if idempotency_key is not None else ""
    replayed = _stored_answer(kind, access, idempotency_key, fingerprint)
    if replayed is not None:
        return replayed
    row = _new_row(kind, id=new_id(), user_id=access.owner_id, created_by=access.actor_id)
    kind.apply(session, _stamp(row), values, access)
    _touch(session, kind, row, "upsert", is_new=True)
    location = _location(kind, row.user_id, row.id)
    written = Written(201, _body(session, kind, row), etag_of(row.version), row.id, location)
    return _commit(kind, access, written, idempotency_key, fingerprint)


def _live(row: Any | None) -> Any:
    """The owner's row, unless it is missing (404) or deleted (410, like a PUT to its id)."""
    if row is None:
        raise NotFound()
    if row.deleted_at is not None:
        raise Gone("This record was deleted; ids are never reused")
    return row


def _live_or_replay(
    access: Access,
    kind: RecordKind,
    record_id: uuid.UUID,
    method: str,
    values: dict[str, Any] | None,
    *,
    if_match: str | None,
    key: str | None,
) -> tuple[Any, str, Written | None]:
    """For a PATCH or DELETE: its fingerprint, and the first answer under its Idempotency-Key
    or else the live row to write (locked first, so that a concurrent retry waits for the
    first answer; If-Match checked)."""
    fingerprint = ""
    if key is not None:
        fingerprint = _fingerprint(kind, access, values, method, str(record_id), if_match)
    row = _owned_row(access.session, kind, access, record_id)
    replayed = _stored_answer(kind, access, key, fingerprint, record_id)
    if replayed is None:
        row = _live(row)
        _check_if_match(row, if_match)
    return row, fingerprint, replayed


def _update(access: Access, kind: RecordKind, row: Any, values: dict[str, Any]) -> Written:
    """Apply input to a live row: a new version in the change feed, or, when the input
    changes nothing, the row as it was (same version, `updated_at` and ETag; nothing written)."""
    session = access.session
    changed = kind.apply(session, row, values, access)
    if changed:
        row.version += 1
        _touch(session, kind, _stamp(row), "upsert", is_new=False)
    location = _location(kind, row.user_id, row.id)
    return Written(200, _body(session, kind, row), etag_of(row.version), row.id, location)


def put_record(
    access: Access,
    kind: RecordKind,
    record_id: uuid.UUID,
    data: BaseModel,
    *,
    if_match: str | None,
    if_none_match: str | None = None,
) -> Written:
    """PUT with a client-chosen id: creates (201) or replaces (200; unchanged when the input
    is what the record holds)."""
    session = access.session
    values = _values(data, record_id=record_id)
    row = _owned_row(session, kind, access, record_id)
    if row is not None:
        _live(row)
    _check_if_match(row, if_match)
    if (
        if_none_match is not None
        and row is not None
        and _matches(if_none_match, etag_of(row.version))
    ):
        raise PreconditionFailed("The resource already exists (If-None-Match)")
    if row is not None:
        written = _update(access, kind, row, values)
        session.commit()
        return written
    row = _new_row(kind, id=record_id, user_id=access.owner_id, created_by=access.actor_id)
    kind.apply(session, _stamp(row), values, access)
    try:
        _touch(session, kind, row, "upsert", is_new=True)
        body = _body(session, kind, row)
        session.commit()
    except IntegrityError as exc:
        session.rollback()
        # Another request created the same id meanwhile: a replace now.
        if _owned_row(session, kind, access, record_id) is None:
            raise NotFound() from exc
        return put_record(access, kind, record_id, data, if_match=if_match)
    location = _location(kind, row.user_id, row.id)
    return Written(201, body, etag_of(row.version), row.id, location)


def patch_record(
    access: Access,
    kind: RecordKind,
    record_id: uuid.UUID,
    data: BaseModel,
    *,
    if_match: str | None,
    idempotency_key: str | None = None,
) -> Written:
    """PATCH: change the fields that were sent (unchanged when they hold those values); with
    an Idempotency-Key, retries replay the first answer."""
    values = _values(data, record_id=record_id, sent_only=True)
    nulls = [f for f in kind.required if f in values and values[f] is None]
    if nulls:
        raise InvalidInput([FieldError(f, "may not be null") for f in nulls])
    row, fingerprint, replayed = _live_or_replay(
        access, kind, record_id, "PATCH", values, if_match=if_match, key=idempotency_key
    )
    if replayed is not None:
        return replayed
    written = _update(access, kind, row, values)
    return _commit(kind, access, written, idempotency_key, fingerprint)


def delete_record(
    access: Access,
    kind: RecordKind,
    record_id: uuid.UUID,
    *,
    if_match: str | None,
    idempotency_key: str | None = None,
) -> Written:
    """DELETE: leave a tombstone (the feed reports it; the record then answers 404 to reads
    and 410 to writes, a repeated DELETE included); with an Idempotency-Key, a retry replays
    the first answer (204)."""
    row, fingerprint, replayed = _live_or_replay(
        access, kind, record_id, "DELETE", None, if_match=if_match, key=idempotency_key
    )
    if replayed is not None:
        return replayed
    row.version += 1
    row.deleted_at = _stamp(row).updated_at
    _touch(access.session, kind, row, "delete", is_new=False)
    location = _location(kind, row.user_id, row.id)
    written = Written(204, "", "", row.id, location)
    return _commit(kind, access, written, idempotency_key, fingerprint)
