"""CSV imports: the file as `text/csv` or multipart `file`; large files run as jobs."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, BackgroundTasks, Query, Request, Response, status
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.formparsers import MultiPartException

from api.deps import DatabaseDep, ReadWork, SettingsDep, WriteWork
from api.errors import FieldError, InvalidInput, problem_responses
from api.schemas.common import TimeZoneName
from api.schemas.enums import ImportFormat, Unit
from api.schemas.imports import ImportJobRead, ImportResult
from api.services import imports as imports_service

router = APIRouter(prefix="/v1/users/{user}/imports", tags=["imports"])

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
        **problem_responses(401, 403, 404, 413, 422),
    },
    openapi_extra=REQUEST_BODY,
)
async def create_import(
    request: Request,
    work: WriteWork,
    settings: SettingsDep,
    database: DatabaseDep,
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
    answer = await work.run(
        imports_service.create_import,
        data,
        format=format.value,
        unit=unit.value if unit else None,
        tz=tz,
        dry_run=dry_run,
        max_rows=settings.import_max_rows,
        sync_max_rows=settings.import_sync_max_rows,
        lease_s=settings.import_lease_seconds,
    )
    if isinstance(answer, imports_service.Job):
        background.add_task(imports_service.run_job, database, answer, data)
        return Response(
            answer.read.model_dump_json(),
            status_code=status.HTTP_202_ACCEPTED,
            media_type="application/json",
            headers={"Location": f"/v1/users/{answer.access.owner_id}/imports/{answer.read.id}"},
        )
    stored = answer.workouts_created and not answer.dry_run
    code = status.HTTP_201_CREATED if stored else status.HTTP_200_OK
    return Response(answer.model_dump_json(), status_code=code, media_type="application/json")


@router.get("/{job_id}", operation_id="getImportJob", responses=problem_responses(401, 404, 422))
async def get_import_job(job_id: uuid.UUID, work: ReadWork) -> ImportJobRead:
    """Progress and result of a background import. A job whose worker stopped (its lease
    lapsed) answers `failed` with an `import_interrupted` problem: nothing was stored, send the
    file again."""
    return await work.run(imports_service.get_job, job_id)
