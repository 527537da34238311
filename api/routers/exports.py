"""CSV exports of every dataset (a small one answered whole, a larger one streamed) and the zip
of all of them, streamed."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Response
from fastapi.responses import StreamingResponse

from api.deps import ReadWork
from api.errors import FieldError, InvalidInput, problem_responses
from api.schemas.common import LocalDate, TimeZoneName
from api.schemas.enums import Delimiter, ExportDataset, Unit
from api.services import exports as exports_service

router = APIRouter(prefix="/v1/users/{user}", tags=["exports"])


async def export_query(
    date_from: Annotated[
        LocalDate | None, Query(alias="from", description="First local date, inclusive.")
    ] = None,
    date_to: Annotated[
        LocalDate | None, Query(alias="to", description="Last local date, inclusive.")
    ] = None,
    unit: Annotated[
        Unit | None, Query(description="kg or lb (default: the profile's preference).")
    ] = None,
    tz: Annotated[
        TimeZoneName | None,
        Query(description="IANA time zone for local times (default: the profile's)."),
    ] = None,
    delimiter: Delimiter = Delimiter.comma,
    bom: Annotated[bool, Query(description="Start with a UTF-8 BOM (for spreadsheets).")] = False,
) -> exports_service.ExportQuery:
    if date_from and date_to and date_from > date_to:
        raise InvalidInput([FieldError("from", "must not be after `to`")])
    return exports_service.ExportQuery(
        date_from, date_to, unit.value if unit else None, tz, delimiter.value, bom
    )


ExportQueryDep = Annotated[exports_service.ExportQuery, Depends(export_query)]


CSV_MEDIA_TYPE = "text/csv; charset=utf-8"
CSV_RESPONSE: dict[int | str, dict[str, Any]] = {
    200: {"content": {"text/csv": {}}, "description": "The dataset as CSV."}
}
ZIP_RESPONSE: dict[int | str, dict[str, Any]] = {
    200: {"content": {"application/zip": {}}, "description": "Every dataset."}
}


@router.get(
    "/exports/{dataset}.csv",
    operation_id="exportDataset",
    response_class=StreamingResponse,
    responses={**CSV_RESPONSE, **problem_responses(401, 404, 422)},
)
async def export_dataset(dataset: ExportDataset, work: ReadWork, query: ExportQueryDep) -> Response:
    """One dataset as CSV (numbers stay numbers; formula-like text is neutralised): a small one
    whole, with its length; a larger one streamed."""
    body = await work.run(exports_service.export_csv, dataset.value, query)
    filename = f"backchain-{dataset.value}-{dt.date.today().isoformat()}.csv"
    headers = {"Content-Disposition": f'attachment; filename="{filename}"'}
    if isinstance(body, bytes):
        return Response(body, media_type=CSV_MEDIA_TYPE, headers=headers)
    return StreamingResponse(body, media_type=CSV_MEDIA_TYPE, headers=headers)


@router.get(
    "/export.zip",
    operation_id="exportAll",
    response_class=StreamingResponse,
    responses={**ZIP_RESPONSE, **problem_responses(401, 404, 422)},
)
async def export_all(work: ReadWork, query: ExportQueryDep) -> StreamingResponse:
    """Every dataset as CSV in one zip, with README.txt describing each column."""
    filename = f"backchain-export-{dt.date.today().isoformat()}.zip"
    return StreamingResponse(
        await work.run(exports_service.export_zip, query),
        media_type="application/zip",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
