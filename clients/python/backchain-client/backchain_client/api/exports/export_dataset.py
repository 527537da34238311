import datetime
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.delimiter import Delimiter
from ...models.export_dataset import ExportDataset
from ...models.problem import Problem
from ...models.unit import Unit
from ...types import UNSET, Response, Unset


def _get_kwargs(
    user: str,
    dataset: ExportDataset,
    *,
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
    unit: None | Unit | Unset = UNSET,
    tz: None | str | Unset = UNSET,
    delimiter: Delimiter | Unset = UNSET,
    bom: bool | Unset = False,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_from_: None | str | Unset
    if isinstance(from_, Unset):
        json_from_ = UNSET
    elif isinstance(from_, datetime.date):
        json_from_ = from_.isoformat()
    else:
        json_from_ = from_
    params["from"] = json_from_

    json_to: None | str | Unset
    if isinstance(to, Unset):
        json_to = UNSET
    elif isinstance(to, datetime.date):
        json_to = to.isoformat()
    else:
        json_to = to
    params["to"] = json_to

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

    json_delimiter: str | Unset = UNSET
    if not isinstance(delimiter, Unset):
        json_delimiter = delimiter.value

    params["delimiter"] = json_delimiter

    params["bom"] = bom

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/users/{user}/exports/{dataset}.csv".format(
            user=quote(str(user), safe=""),
            dataset=quote(str(dataset), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | str | None:
    if response.status_code == 200:
        response_200 = response.text
        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    user: str,
    dataset: ExportDataset,
    *,
    client: AuthenticatedClient,
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
    unit: None | Unit | Unset = UNSET,
    tz: None | str | Unset = UNSET,
    delimiter: Delimiter | Unset = UNSET,
    bom: bool | Unset = False,
) -> Response[Problem | str]:
    """Export Dataset

     One dataset as CSV (numbers stay numbers; formula-like text is neutralised): a small one
    whole, with its length; a larger one streamed.

    Args:
        user (str): `me` or a user id.
        dataset (ExportDataset):
        from_ (datetime.date | None | Unset): First local date, inclusive.
        to (datetime.date | None | Unset): Last local date, inclusive.
        unit (None | Unit | Unset): kg or lb (default: the profile's preference).
        tz (None | str | Unset): IANA time zone for local times (default: the profile's).
        delimiter (Delimiter | Unset):
        bom (bool | Unset): Start with a UTF-8 BOM (for spreadsheets). Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
    """

    kwargs = _get_kwargs(
        user=user,
        dataset=dataset,
        from_=from_,
        to=to,
        unit=unit,
        tz=tz,
        delimiter=delimiter,
        bom=bom,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    user: str,
    dataset: ExportDataset,
    *,
    client: AuthenticatedClient,
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
    unit: None | Unit | Unset = UNSET,
    tz: None | str | Unset = UNSET,
    delimiter: Delimiter | Unset = UNSET,
    bom: bool | Unset = False,
) -> Problem | str | None:
    """Export Dataset

     One dataset as CSV (numbers stay numbers; formula-like text is neutralised): a small one
    whole, with its length; a larger one streamed.

    Args:
        user (str): `me` or a user id.
        dataset (ExportDataset):
        from_ (datetime.date | None | Unset): First local date, inclusive.
        to (datetime.date | None | Unset): Last local date, inclusive.
        unit (None | Unit | Unset): kg or lb (default: the profile's preference).
        tz (None | str | Unset): IANA time zone for local times (default: the profile's).
        delimiter (Delimiter | Unset):
        bom (bool | Unset): Start with a UTF-8 BOM (for spreadsheets). Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
    """

    return sync_detailed(
        user=user,
        dataset=dataset,
        client=client,
        from_=from_,
        to=to,
        unit=unit,
        tz=tz,
        delimiter=delimiter,
        bom=bom,
    ).parsed


async def asyncio_detailed(
    user: str,
    dataset: ExportDataset,
    *,
    client: AuthenticatedClient,
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
    unit: None | Unit | Unset = UNSET,
    tz: None | str | Unset = UNSET,
    delimiter: Delimiter | Unset = UNSET,
    bom: bool | Unset = False,
) -> Response[Problem | str]:
    """Export Dataset

     One dataset as CSV (numbers stay numbers; formula-like text is neutralised): a small one
    whole, with its length; a larger one streamed.

    Args:
        user (str): `me` or a user id.
        dataset (ExportDataset):
        from_ (datetime.date | None | Unset): First local date, inclusive.
        to (datetime.date | None | Unset): Last local date, inclusive.
        unit (None | Unit | Unset): kg or lb (default: the profile's preference).
        tz (None | str | Unset): IANA time zone for local times (default: the profile's).
        delimiter (Delimiter | Unset):
        bom (bool | Unset): Start with a UTF-8 BOM (for spreadsheets). Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
    """

    kwargs = _get_kwargs(
        user=user,
        dataset=dataset,
        from_=from_,
        to=to,
        unit=unit,
        tz=tz,
        delimiter=delimiter,
        bom=bom,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    user: str,
    dataset: ExportDataset,
    *,
    client: AuthenticatedClient,
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
    unit: None | Unit | Unset = UNSET,
    tz: None | str | Unset = UNSET,
    delimiter: Delimiter | Unset = UNSET,
    bom: bool | Unset = False,
) -> Problem | str | None:
    """Export Dataset

     One dataset as CSV (numbers stay numbers; formula-like text is neutralised): a small one
    whole, with its length; a larger one streamed.

    Args:
        user (str): `me` or a user id.
        dataset (ExportDataset):
        from_ (datetime.date | None | Unset): First local date, inclusive.
        to (datetime.date | None | Unset): Last local date, inclusive.
        unit (None | Unit | Unset): kg or lb (default: the profile's preference).
        tz (None | str | Unset): IANA time zone for local times (default: the profile's).
        delimiter (Delimiter | Unset):
        bom (bool | Unset): Start with a UTF-8 BOM (for spreadsheets). Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
    """

    return (
        await asyncio_detailed(
            user=user,
            dataset=dataset,
            client=client,
            from_=from_,
            to=to,
            unit=unit,
            tz=tz,
            delimiter=delimiter,
            bom=bom,
        )
    ).parsed
