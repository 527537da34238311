from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.create_import_files_body import CreateImportFilesBody
from ...models.import_format import ImportFormat
from ...models.import_job_read import ImportJobRead
from ...models.import_result import ImportResult
from ...models.problem import Problem
from ...models.unit import Unit
from ...types import UNSET, Response, Unset


def _get_kwargs(
    user: str,
    *,
    body: CreateImportFilesBody,
    format_: ImportFormat | Unset = UNSET,
    unit: None | Unit | Unset = UNSET,
    tz: None | str | Unset = UNSET,
    dry_run: bool | Unset = False,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_

    json_unit: None | str | Unset
    if isinstance(unit, Unset):
        json_unit = UNSET
    elif isinstance(unit, Unit):
        json_unit = unit.value
    else:
        json_unit = unit
    params["unit"] = json_unit

    json_tz: None | str | Unset
    if isinstance(tz, Unset):
        json_tz = UNSET
    else:
        json_tz = tz
    params["tz"] = json_tz

    params["dry_run"] = dry_run

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/users/{user}/imports".format(
            user=quote(str(user), safe=""),
        ),
        "params": params,
    }

    _kwargs["files"] = body.to_multipart()

    headers["Content-Type"] = "multipart/form-data; boundary=+++"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ImportJobRead | ImportResult | Problem | None:
    if response.status_code == 200:
        response_200 = ImportResult.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = ImportResult.from_dict(response.json())

        return response_201

    if response.status_code == 202:
        response_202 = ImportJobRead.from_dict(response.json())

        return response_202

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ImportJobRead | ImportResult | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    user: str,
    *,
    client: AuthenticatedClient,
    body: CreateImportFilesBody,
    format_: ImportFormat | Unset = UNSET,
    unit: None | Unit | Unset = UNSET,
    tz: None | str | Unset = UNSET,
    dry_run: bool | Unset = False,
) -> Response[ImportJobRead | ImportResult | Problem]:
    """Create Import

     Import a Strong, Hevy, FitNotes or Backchain CSV: all rows or none; re-imports of the
    same workouts create nothing.

    Args:
        user (str): `me` or a user id.
        format_ (ImportFormat | Unset):
        unit (None | Unit | Unset): For layouts without a unit (default: the profile's).
        tz (None | str | Unset): IANA zone of local times (default: profile).
        dry_run (bool | Unset): Report what would happen; store nothing. Default: False.
        body (CreateImportFilesBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ImportJobRead | ImportResult | Problem]
    """

    kwargs = _get_kwargs(
        user=user,
        body=body,
        format_=format_,
        unit=unit,
        tz=tz,
        dry_run=dry_run,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    user: str,
    *,
    client: AuthenticatedClient,
    body: CreateImportFilesBody,
    format_: ImportFormat | Unset = UNSET,
    unit: None | Unit | Unset = UNSET,
    tz: None | str | Unset = UNSET,
    dry_run: bool | Unset = False,
) -> ImportJobRead | ImportResult | Problem | None:
    """Create Import

     Import a Strong, Hevy, FitNotes or Backchain CSV: all rows or none; re-imports of the
    same workouts create nothing.

    Args:
        user (str): `me` or a user id.
        format_ (ImportFormat | Unset):
        unit (None | Unit | Unset): For layouts without a unit (default: the profile's).
        tz (None | str | Unset): IANA zone of local times (default: profile).
        dry_run (bool | Unset): Report what would happen; store nothing. Default: False.
        body (CreateImportFilesBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ImportJobRead | ImportResult | Problem
    """

    return sync_detailed(
        user=user,
        client=client,
        body=body,
        format_=format_,
        unit=unit,
        tz=tz,
        dry_run=dry_run,
    ).parsed


async def asyncio_detailed(
    user: str,
    *,
    client: AuthenticatedClient,
    body: CreateImportFilesBody,
    format_: ImportFormat | Unset = UNSET,
    unit: None | Unit | Unset = UNSET,
    tz: None | str | Unset = UNSET,
    dry_run: bool | Unset = False,
) -> Response[ImportJobRead | ImportResult | Problem]:
    """Create Import

     Import a Strong, Hevy, FitNotes or Backchain CSV: all rows or none; re-imports of the
    same workouts create nothing.

    Args:
        user (str): `me` or a user id.
        format_ (ImportFormat | Unset):
        unit (None | Unit | Unset): For layouts without a unit (default: the profile's).
        tz (None | str | Unset): IANA zone of local times (default: profile).
        dry_run (bool | Unset): Report what would happen; store nothing. Default: False.
        body (CreateImportFilesBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ImportJobRead | ImportResult | Problem]
    """

    kwargs = _get_kwargs(
        user=user,
        body=body,
        format_=format_,
        unit=unit,
        tz=tz,
        dry_run=dry_run,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    user: str,
    *,
    client: AuthenticatedClient,
    body: CreateImportFilesBody,
    format_: ImportFormat | Unset = UNSET,
    unit: None | Unit | Unset = UNSET,
    tz: None | str | Unset = UNSET,
    dry_run: bool | Unset = False,
) -> ImportJobRead | ImportResult | Problem | None:
    """Create Import

     Import a Strong, Hevy, FitNotes or Backchain CSV: all rows or none; re-imports of the
    same workouts create nothing.

    Args:
        user (str): `me` or a user id.
        format_ (ImportFormat | Unset):
        unit (None | Unit | Unset): For layouts without a unit (default: the profile's).
        tz (None | str | Unset): IANA zone of local times (default: profile).
        dry_run (bool | Unset): Report what would happen; store nothing. Default: False.
        body (CreateImportFilesBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ImportJobRead | ImportResult | Problem
    """

    return (
        await asyncio_detailed(
            user=user,
            client=client,
            body=body,
            format_=format_,
            unit=unit,
            tz=tz,
            dry_run=dry_run,
        )
    ).parsed
