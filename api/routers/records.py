"""One router shape for every logged record: list, create (idempotent), get (ETag/304),
put (create or replace), patch, delete (tombstone). The area routers instantiate it."""

# No `from __future__ import annotations`: FastAPI reads these annotations at runtime and
# they refer to the per-area schema classes passed in.

import uuid
from typing import Annotated

from fastapi import APIRouter, Header, Query, Request, Response, status
from pydantic import BaseModel

from api.deps import CallerDep, InlineWriteAccess
from api.errors import problem_responses
from api.pagination import PageDep
from api.schemas.common import FilterInstant
from api.services import records as records_service
from api.services.records import RecordKind, Written
from api.threads import run_short

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
        description="Retries with the same key and body within 24 h replay the first answer.",
    ),
]


def _json(written: Written, location: str | None = None) -> Response:
    headers = {"ETag": written.etag}
    if location:
        headers["Location"] = location
    if written.replayed:
        headers["Idempotent-Replayed"] = "true"
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
    """The routes of one record area under `/v1/users/{user}/<resource>`.

    Reads authorise inside their one thread (`CallerDep`, see `api.deps.Caller`); writes
    authorise in a dependency, so a caller with no access gets 404 before their body is even
    validated.
    """
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
        caller: CallerDep,
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
        def read() -> bytes:
            with caller.open_session(read_only=True) as session:
                return records_service.list_records(
                    session,
                    kind,
                    caller.read(session),
                    page,
                    cache=caller.record_cache,
                    time_from=time_from,
                    time_to=time_to,
                )

        return Response(await caller.run(read), media_type="application/json")

    @router.post(
        "",
        operation_id=f"create{singular}",
        summary=f"Create a {noun[:-1] if noun.endswith('s') else noun}",
        status_code=status.HTTP_201_CREATED,
        response_model=read_schema,
        responses=problem_responses(401, 404, 413, 422),
    )
    async def create_record(
        request: Request,
        data: write_schema,  # type: ignore[valid-type]
        access: InlineWriteAccess,
        idempotency_key: IdempotencyKey = None,
    ) -> Response:
        written = await run_short(
            request.app.state,
            lambda: records_service.create_record(
                access.session, kind, access, data, idempotency_key=idempotency_key
            ),
            writes=True,
            session=access.session,
        )
        return _json(written, f"/v1/users/{access.owner_id}/{kind.resource}/{written.resource_id}")

    @router.get(
        "/{record_id}",
        operation_id=f"get{singular}",
        summary=f"Get one of the {noun}",
        response_model=read_schema,
        responses={304: {"description": "Not modified"}, **problem_responses(401, 404, 422)},
    )
    async def get_record(
        record_id: uuid.UUID,
        caller: CallerDep,
        if_none_match: IfNoneMatch = None,
    ) -> Response:
        def read() -> tuple[bytes | None, str]:
            with caller.open_session(read_only=True) as session:
                return records_service.get_record(
                    session,
                    kind,
                    caller.read(session),
                    record_id,
                    cache=caller.record_cache,
                    if_none_match=if_none_match,
                )

        body, etag = await caller.run(read)
        if body is None:
            return Response(status_code=status.HTTP_304_NOT_MODIFIED, headers={"ETag": etag})
        return Response(body, media_type="application/json", headers={"ETag": etag})

    @router.put(
        "/{record_id}",
        operation_id=f"replace{singular}",
        summary=f"Create or replace one of the {noun} by client-chosen id",
        response_model=read_schema,
        responses={
            201: {"description": "Created", "model": read_schema},
            **problem_responses(401, 404, 410, 412, 413, 422),
        },
    )
    async def put_record(
        request: Request,
        record_id: uuid.UUID,
        data: write_schema,  # type: ignore[valid-type]
        access: InlineWriteAccess,
        if_match: IfMatch = None,
        if_none_match: IfNoneMatch = None,
    ) -> Response:
        written = await run_short(
            request.app.state,
            lambda: records_service.put_record(
                access.session,
                kind,
                access,
                record_id,
                data,
                if_match=if_match,
                if_none_match=if_none_match,
            ),
            writes=True,
            session=access.session,
        )
        return _json(written)

    @router.patch(
        "/{record_id}",
        operation_id=f"update{singular}",
        summary=f"Change fields of one of the {noun}",
        response_model=read_schema,
        responses=problem_responses(401, 404, 412, 413, 422),
    )
    async def patch_record(
        request: Request,
        record_id: uuid.UUID,
        data: patch_schema,  # type: ignore[valid-type]
        access: InlineWriteAccess,
        if_match: IfMatch = None,
    ) -> Response:
        written = await run_short(
            request.app.state,
            lambda: records_service.patch_record(
                access.session, kind, access, record_id, data, if_match=if_match
            ),
            writes=True,
            session=access.session,
        )
        return _json(written)

    @router.delete(
        "/{record_id}",
        operation_id=f"delete{singular}",
        summary=f"Delete one of the {noun} (leaves a tombstone in the change feed)",
        status_code=status.HTTP_204_NO_CONTENT,
        responses=problem_responses(401, 404, 412),
    )
    async def delete_record(
        record_id: uuid.UUID, caller: CallerDep, if_match: IfMatch = None
    ) -> Response:
        def delete() -> None:
            with caller.open_session() as session:
                records_service.delete_record(
                    session, kind, caller.write(session), record_id, if_match=if_match
                )

        await caller.run(delete, writes=True)
        return Response(status_code=status.HTTP_204_NO_CONTENT)

    return router
