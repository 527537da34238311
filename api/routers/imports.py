"""CSV imports: the file as `text/csv` or multipart `file`; large files run as jobs."""

from __future__ import annotations

import functools
import uuid
from collections.abc import Callable
from typing import Annotated, Any, TypeVar
from zoneinfo import ZoneInfo

from fastapi import APIRouter, BackgroundTasks, Depends, Query, Request, Response, status
from sqlalchemy import Engine
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.formparsers import MultiPartException

from api.deps import ReadAccess, SessionDep, SettingsDep, WriteAccess, get_engine
from api.errors import FieldError, InvalidInput, problem_responses
from api.schemas.common import TimeZoneName
from api.schemas.enums import ImportFormat, Unit
from api.schemas.imports import ImportJobRead, ImportResult
from api.services import imports as imports_service

router = APIRouter(prefix="/v1/users/{user}/imports", tags=["imports"])

T = TypeVar("T")


async def _off_the_request_pool(request: Request, work: Callable[[], T]) -> T:
    """Run an import (seconds of work) in its own threads, so requests never queue behind it
    for the few threads that serve them."""
    import anyio.to_thread  # TODO(pipeline): Database.run

    return await anyio.to_thread.run_sync(work)


EngineDep = Annotated[Engine, Depends(get_engine)]

CSV_TYPES = {
    "text/csv",
    "text/plain",
    "application/csv",
    "application/octet-stream",
    "application/vnd.ms-excel",
}
REQUEST_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "text/csv": {"schema": {"type": "string"}},
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "properties": {"file": {"type": "string", "format": "binary"}},
                    "required": ["file"],
                }
            },
        },
    }
}


async def _read_file(request: Request) -> bytes:
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type == "multipart/form-data":
        try:
            form = await request.form(max_files=1, max_fields=10)
        except (MultiPartException, StarletteHTTPException) as exc:
            raise InvalidInput([FieldError("file", f"malformed multipart body: {exc}")]) from exc
        upload = form.get("file")
        if not isinstance(upload, UploadFile):
            raise InvalidInput([FieldError("file", "a multipart field `file` is required")])
        return await upload.read()
    if content_type in CSV_TYPES:
        return await request.body()
    raise InvalidInput(
        [FieldError("content-type", "send text/csv or multipart/form-data with `file`")],
        code="unsupported_media_type",
    )


@router.post(
    "",
    operation_id="createImport",
    response_model=ImportResult,
    status_code=status.HTTP_201_CREATED,
    responses={
        200: {"model": ImportResult, "description": "Dry run, or nothing new to store."},
        202: {"model": ImportJobRead, "description": "A large file: poll the job."},
        **problem_responses(401, 404, 413, 422),
    },
    openapi_extra=REQUEST_BODY,
)
async def create_import(
    request: Request,
    access: WriteAccess,
    session: SessionDep,
    settings: SettingsDep,
    engine: EngineDep,
    background: BackgroundTasks,
    format: ImportFormat = ImportFormat.auto,
    unit: Annotated[
        Unit | None, Query(description="For layouts without a unit (default: the profile's).")
    ] = None,
    tz: Annotated[
        TimeZoneName | None, Query(description="IANA zone of local times (default: profile).")
    ] = None,
    dry_run: Annotated[bool, Query(description="Report what would happen; store nothing.")] = (
        False
    ),
) -> Response:
    """Import a Strong, Hevy, FitNotes or Backchain CSV: all rows or none; re-imports of the
    same workouts create nothing."""
    data = await _read_file(request)
    owner = access.owner
    options = imports_service.ImportOptions(
        format=format.value,
        unit=unit.value if unit else owner.unit_preference,
        tz=ZoneInfo(tz or owner.timezone),
        dry_run=dry_run,
        max_rows=settings.import_max_rows,
    )
    rows = imports_service.count_rows(data)
    if rows > settings.import_sync_max_rows and not dry_run:
        # A file over the row limit is refused now, not by a job that fails later.
        await _off_the_request_pool(
            request, functools.partial(imports_service.check_rows, data, options)
        )
        lease_s = settings.import_lease_seconds
        job = await run_in_threadpool(
            functools.partial(imports_service.start_job, session, access, rows, lease_s=lease_s)
        )
        background.add_task(
            _off_the_request_pool,
            request,
            functools.partial(
                imports_service.run_job, engine, job.id, access, data, options, lease_s=lease_s
            ),
        )
        read = await run_in_threadpool(imports_service.get_job, session, access, job.id)
        return Response(
            read.model_dump_json(),
            status_code=status.HTTP_202_ACCEPTED,
            media_type="application/json",
            headers={"Location": f"/v1/users/{owner.id}/imports/{job.id}"},
        )
    result = await _off_the_request_pool(
        request, functools.partial(imports_service.run_import, session, access, data, options)
    )
    stored = result.workouts_created and not result.dry_run
    code = status.HTTP_201_CREATED if stored else status.HTTP_200_OK
    return Response(result.model_dump_json(), status_code=code, media_type="application/json")


@router.get("/{job_id}", operation_id="getImportJob", responses=problem_responses(401, 404, 422))
def get_import_job(job_id: uuid.UUID, access: ReadAccess, session: SessionDep) -> ImportJobRead:
    """Progress and result of a background import. A job whose worker stopped (its lease
    lapsed) answers `failed` with an `import_interrupted` problem: nothing was stored, send the
    file again."""
    return imports_service.get_job(session, access, job_id)
