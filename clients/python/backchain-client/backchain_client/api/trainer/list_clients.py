from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.flag_code import FlagCode
from ...models.problem import Problem
from ...models.roster_page import RosterPage
from ...models.roster_sort import RosterSort
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    flag: FlagCode | None | Unset = UNSET,
    sort: RosterSort | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_flag: None | str | Unset
    if isinstance(flag, Unset):
        json_flag = UNSET
    elif isinstance(flag, FlagCode):
        json_flag = flag.value
    else:
        json_flag = flag
    params["flag"] = json_flag

    json_sort: str | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = sort.value

    params["sort"] = json_sort

    params["limit"] = limit

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/trainer/clients",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | RosterPage | None:
    if response.status_code == 200:
        response_200 = RosterPage.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | RosterPage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    flag: FlagCode | None | Unset = UNSET,
    sort: RosterSort | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[Problem | RosterPage]:
    """List Clients

     My roster: each client's balance, pain, flags (explained) and adherence.

    Args:
        flag (FlagCode | None | Unset):
        sort (RosterSort | Unset):
        limit (int | Unset): Page size (max 500). Default: 50.
        cursor (None | str | Unset): Opaque cursor from `next_cursor`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RosterPage]
    """

    kwargs = _get_kwargs(
        flag=flag,
        sort=sort,
        limit=limit,
        cursor=cursor,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    flag: FlagCode | None | Unset = UNSET,
    sort: RosterSort | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Problem | RosterPage | None:
    """List Clients

     My roster: each client's balance, pain, flags (explained) and adherence.

    Args:
        flag (FlagCode | None | Unset):
        sort (RosterSort | Unset):
        limit (int | Unset): Page size (max 500). Default: 50.
        cursor (None | str | Unset): Opaque cursor from `next_cursor`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RosterPage
    """

    return sync_detailed(
        client=client,
        flag=flag,
        sort=sort,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    flag: FlagCode | None | Unset = UNSET,
    sort: RosterSort | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[Problem | RosterPage]:
    """List Clients

     My roster: each client's balance, pain, flags (explained) and adherence.

    Args:
        flag (FlagCode | None | Unset):
        sort (RosterSort | Unset):
        limit (int | Unset): Page size (max 500). Default: 50.
        cursor (None | str | Unset): Opaque cursor from `next_cursor`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RosterPage]
    """

    kwargs = _get_kwargs(
        flag=flag,
        sort=sort,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    flag: FlagCode | None | Unset = UNSET,
    sort: RosterSort | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Problem | RosterPage | None:
    """List Clients

     My roster: each client's balance, pain, flags (explained) and adherence.

    Args:
        flag (FlagCode | None | Unset):
        sort (RosterSort | Unset):
        limit (int | Unset): Page size (max 500). Default: 50.
        cursor (None | str | Unset): Opaque cursor from `next_cursor`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RosterPage
    """

    return (
        await asyncio_detailed(
            client=client,
            flag=flag,
            sort=sort,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
