"""CSV exports of every dataset (a small one answered whole, a larger one streamed) and the zip
of all of them, streamed."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Annotated, Any
from zoneinfo import ZoneInfo

import anyio.to_thread
from fastapi import APIRouter, Depends, Query, Response
from fastapi.responses import StreamingResponse
from sqlalchemy import Engine

from api.deps import ReadAccess, ReadWork, get_engine
from api.errors import FieldError, InvalidInput, problem_responses
from api.schemas.common import LocalDate, TimeZoneName
from api.schemas.enums import Delimiter, ExportDataset, Unit
from api.services import exports as exports_service
from db.engine import session_for

router = APIRouter(prefix="/v1/users/{user}", tags=["exports"])
EngineDep = Annotated[Engine, Depends(get_engine)]


@dataclass(frozen=True)
class ExportQuery:
    date_from: dt.date | None
    date_to: dt.date | None
    unit: Unit | None
    tz: str | None
    delimiter: Delimiter
    bom: bool


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
) -> ExportQuery:
    if date_from and date_to and date_from > date_to:
        raise InvalidInput([FieldError("from", "must not be after `to`")])
    return ExportQuery(date_from, date_to, unit, tz, delimiter, bom)


ExportQueryDep = Annotated[ExportQuery, Depends(export_query)]


def _options(
    access_owner_tz: str, unit_pref: str, query: ExportQuery
) -> exports_service.ExportOptions:
    return exports_service.ExportOptions(
        date_from=query.date_from,
        date_to=query.date_to,
        unit=(query.unit.value if query.unit else unit_pref),
        tz=ZoneInfo(query.tz or access_owner_tz),
        delimiter=query.delimiter.value,
        bom=query.bom,
    )


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
async def export_dataset(
    dataset: ExportDataset, work: ReadWork, query: ExportQueryDep
) -> Response:
    """One dataset as CSV (numbers stay numbers; formula-like text is neutralised): a small one
    whole, with its length; a larger one streamed."""

    def answer() -> Response:
        with session_for(work.request.app.state.engine) as session:
            owner = work.authorise(session).owner
            options = _options(owner.timezone, owner.unit_preference, query)
            body = exports_service.whole_csv(session, owner, dataset.value, options)
        filename = f"backchain-{dataset.value}-{dt.date.today().isoformat()}.csv"
        headers = {"Content-Disposition": f'attachment; filename="{filename}"'}
        if body is not None:
            return Response(body, media_type=CSV_MEDIA_TYPE, headers=headers)
        engine: Engine = work.request.app.state.engine
        return StreamingResponse(
            exports_service.stream_csv(engine, owner, dataset.value, options),
            media_type=CSV_MEDIA_TYPE,
            headers=headers,
        )

    return await anyio.to_thread.run_sync(answer)


@router.get(
    "/export.zip",
    operation_id="exportAll",
    response_class=StreamingResponse,
    responses={**ZIP_RESPONSE, **problem_responses(401, 404, 422)},
)
def export_all(access: ReadAccess, engine: EngineDep, query: ExportQueryDep) -> StreamingResponse:
    """Every dataset as CSV in one zip, with README.txt describing each column."""
    owner = access.owner
    options = _options(owner.timezone, owner.unit_preference, query)
    filename = f"backchain-export-{dt.date.today().isoformat()}.zip"
    return StreamingResponse(
        exports_service.stream_zip(engine, owner, options),
        media_type="application/zip",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
