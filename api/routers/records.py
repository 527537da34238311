"""One router shape for every logged record: list, create (idempotent), get (ETag/304),
put (create or replace), patch, delete (tombstone). The area routers instantiate it."""

# No `from __future__ import annotations`: FastAPI reads these annotations at runtime and
# they refer to the per-area schema classes passed in.

import uuid
from typing import Annotated

from fastapi import APIRouter, Header, Query, Response, status
from pydantic import BaseModel

from api.deps import ReadWork, WriteWork
from api.errors import problem_responses
from api.pagination import PageDep
from api.schemas.common import FilterInstant
from api.services import records as records_service
from api.services.records import RecordKind, Written

IfMatch = Annotated[
    str | None,
    Header(alias="If-Match", description="Only write if the resource still has this ETag."),
]
IfNoneMatch = Annotated[
    str | None,
    Header(alias="If-None-Match", description="On GET: answer 304 when the ETag still matches."),
]
IdempotencyKey = Annotated[
    str | None,
    Header(
        alias="Idempotency-Key",
        min_length=1,
        max_length=255,
        description="Retries with the same key and request within 24 h replay the first answer "
        "(status, body, ETag); the same key with another request is 422 `idempotency_key_reused`.",
    ),
]


UNCHANGED = (
    "A write that changes nothing answers 200 with the record as it was (same ETag, version "
    "and updated_at) and adds nothing to the change feed."
)


def _json(written: Written, *, created: bool = False) -> Response:
    headers = {"ETag": written.etag} if written.etag else {}
    if created:
        headers["Location"] = written.location
    if written.replayed:
        headers["Idempotent-Replayed"] = "true"
    if not written.body:  # a DELETE's 204
        return Response(status_code=written.status, headers=headers)
    return Response(
        written.body, status_code=written.status, headers=headers, media_type="application/json"
    )


def build_record_router(
    kind: RecordKind,
    *,
    singular: str,
    plural: str,
    write_schema: type[BaseModel],
    patch_schema: type[BaseModel],
    read_schema: type[BaseModel],
    page_schema: type[BaseModel],
    tag: str,
) -> APIRouter:
    """The routes of one record area under `/v1/users/{user}/<resource>`."""
    router = APIRouter(prefix=f"/v1/users/{{user}}/{kind.resource}", tags=[tag])
    noun = kind.resource.replace("-", " ")

    @router.get(
        "",
        operation_id=f"list{plural}",
        summary=f"List {noun}",
        response_model=page_schema,
        responses=problem_responses(401, 404, 422),
    )
    async def list_records(
        work: ReadWork,
        page: PageDep,
        time_from: Annotated[
            FilterInstant | None,
            Query(alias="from", description="Inclusive lower bound (RFC 3339 with offset)."),
        ] = None,
        time_to: Annotated[
            FilterInstant | None,
            Query(alias="to", description="Exclusive upper bound (RFC 3339 with offset)."),
        ] = None,
    ) -> Response:
        body = await work.run(
            records_service.list_records, kind, page, time_from=time_from, time_to=time_to
        )
        return Response(body, media_type="application/json")

    @router.post(
        "",
        operation_id=f"create{singular}",
        summary=f"Create a {noun[:-1] if noun.endswith('s') else noun}",
        status_code=status.HTTP_201_CREATED,
        response_model=read_schema,
        responses=problem_responses(401, 403, 404, 413, 422),
    )
    async def create_record(
        data: write_schema,  # type: ignore[valid-type]
        work: WriteWork,
        idempotency_key: IdempotencyKey = None,
    ) -> Response:
        written = await work.run(
            records_service.create_record, kind, data, idempotency_key=idempotency_key
        )
        return _json(written, created=True)

    @router.get(
        "/{record_id}",
        operation_id=f"get{singular}",
        summary=f"Get one of the {noun}",
        response_model=read_schema,
        responses={304: {"description": "Not modified"}, **problem_responses(401, 404, 422)},
    )
    async def get_record(
        record_id: uuid.UUID, work: ReadWork, if_none_match: IfNoneMatch = None
    ) -> Response:
        body, etag = await work.run(
            records_service.get_record, kind, record_id, if_none_match=if_none_match
        )
        if body is None:
            return Response(status_code=status.HTTP_304_NOT_MODIFIED, headers={"ETag": etag})
        return Response(body, media_type="application/json", headers={"ETag": etag})

    @router.put(
        "/{record_id}",
        operation_id=f"replace{singular}",
        summary=f"Create or replace one of the {noun} by client-chosen id",
        description=UNCHANGED + " The body a GET answers may be sent back as it is.",
        response_model=read_schema,
        responses={
            201: {"description": "Created", "model": read_schema},
            **problem_responses(401, 403, 404, 410, 412, 413, 422),
        },
    )
    async def put_record(
        record_id: uuid.UUID,
        data: write_schema,  # type: ignore[valid-type]
        work: WriteWork,
        if_match: IfMatch = None,
        if_none_match: IfNoneMatch = None,
    ) -> Response:
        written = await work.run(
            records_service.put_record,
            kind,
            record_id,
            data,
            if_match=if_match,
            if_none_match=if_none_match,
        )
        return _json(written)

    @router.patch(
        "/{record_id}",
        operation_id=f"update{singular}",
        summary=f"Change fields of one of the {noun}",
        description=UNCHANGED,
        response_model=read_schema,
        responses=problem_responses(401, 403, 404, 410, 412, 413, 422),
    )
    async def patch_record(
        record_id: uuid.UUID,
        data: patch_schema,  # type: ignore[valid-type]
        work: WriteWork,
        if_match: IfMatch = None,
        idempotency_key: IdempotencyKey = None,
    ) -> Response:
        written = await work.run(
            records_service.patch_record,
            kind,
            record_id,
            data,
            if_match=if_match,
            idempotency_key=idempotency_key,
        )
        return _json(written)

    @router.delete(
        "/{record_id}",
        operation_id=f"delete{singular}",
        summary=f"Delete one of the {noun} (leaves a tombstone in the change feed)",
        description="Deleting a deleted record again answers 410 `deleted` (as a PUT or PATCH "
        "to its id does); with the first DELETE's `Idempotency-Key`, a retry answers 204.",
        status_code=status.HTTP_204_NO_CONTENT,
        responses=problem_responses(401, 403, 404, 410, 412, 422),
    )
    async def delete_record(
        record_id: uuid.UUID,
        work: WriteWork,
        if_match: IfMatch = None,
        idempotency_key: IdempotencyKey = None,
    ) -> Response:
        written = await work.run(
            records_service.delete_record,
            kind,
            record_id,
            if_match=if_match,
            idempotency_key=idempotency_key,
        )
        return _json(written)

    return router
