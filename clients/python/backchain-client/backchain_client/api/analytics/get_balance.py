import datetime
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.balance_read import BalanceRead
from ...models.get_balance_at_type_1 import GetBalanceAtType1
from ...models.get_balance_method import GetBalanceMethod
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    user: str,
    *,
    at: datetime.date | GetBalanceAtType1 | None | Unset = UNSET,
    method: GetBalanceMethod | Unset = GetBalanceMethod.PCB_2,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_at: None | str | Unset
    if isinstance(at, Unset):
        json_at = UNSET
    elif isinstance(at, datetime.date):
        json_at = at.isoformat()
    elif isinstance(at, GetBalanceAtType1):
        json_at = at.value
    else:
        json_at = at
    params["at"] = json_at

    json_method: str | Unset = UNSET
    if not isinstance(method, Unset):
        json_method = method.value

    params["method"] = json_method

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/users/{user}/balance".format(
            user=quote(str(user), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> BalanceRead | Problem | None:
    if response.status_code == 200:
        response_200 = BalanceRead.from_dict(response.json())

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


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[BalanceRead | Problem]:
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
    at: datetime.date | GetBalanceAtType1 | None | Unset = UNSET,
    method: GetBalanceMethod | Unset = GetBalanceMethod.PCB_2,
) -> Response[BalanceRead | Problem]:
    """Get Balance

     The balance index B = P / A at a date, its regions and every lift that went into it;
    under pcb-2 also the volume balance V, the coverage and training suggestions.

    Args:
        user (str): `me` or a user id.
        at (datetime.date | GetBalanceAtType1 | None | Unset): Local date of the snapshot (YYYY-
            MM-DD); default today in the user's time zone; `latest` (pcb-2): the latest date with a
            counted working set.
        method (GetBalanceMethod | Unset): The method: `pcb-2` (every exercise, volume) or `pcb-1`
            (ten lifts). Default: GetBalanceMethod.PCB_2.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BalanceRead | Problem]
    """

    kwargs = _get_kwargs(
        user=user,
        at=at,
        method=method,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    user: str,
    *,
    client: AuthenticatedClient,
    at: datetime.date | GetBalanceAtType1 | None | Unset = UNSET,
    method: GetBalanceMethod | Unset = GetBalanceMethod.PCB_2,
) -> BalanceRead | Problem | None:
    """Get Balance

     The balance index B = P / A at a date, its regions and every lift that went into it;
    under pcb-2 also the volume balance V, the coverage and training suggestions.

    Args:
        user (str): `me` or a user id.
        at (datetime.date | GetBalanceAtType1 | None | Unset): Local date of the snapshot (YYYY-
            MM-DD); default today in the user's time zone; `latest` (pcb-2): the latest date with a
            counted working set.
        method (GetBalanceMethod | Unset): The method: `pcb-2` (every exercise, volume) or `pcb-1`
            (ten lifts). Default: GetBalanceMethod.PCB_2.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BalanceRead | Problem
    """

    return sync_detailed(
        user=user,
        client=client,
        at=at,
        method=method,
    ).parsed


async def asyncio_detailed(
    user: str,
    *,
    client: AuthenticatedClient,
    at: datetime.date | GetBalanceAtType1 | None | Unset = UNSET,
    method: GetBalanceMethod | Unset = GetBalanceMethod.PCB_2,
) -> Response[BalanceRead | Problem]:
    """Get Balance

     The balance index B = P / A at a date, its regions and every lift that went into it;
    under pcb-2 also the volume balance V, the coverage and training suggestions.

    Args:
        user (str): `me` or a user id.
        at (datetime.date | GetBalanceAtType1 | None | Unset): Local date of the snapshot (YYYY-
            MM-DD); default today in the user's time zone; `latest` (pcb-2): the latest date with a
            counted working set.
        method (GetBalanceMethod | Unset): The method: `pcb-2` (every exercise, volume) or `pcb-1`
            (ten lifts). Default: GetBalanceMethod.PCB_2.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BalanceRead | Problem]
    """

    kwargs = _get_kwargs(
        user=user,
        at=at,
        method=method,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    user: str,
    *,
    client: AuthenticatedClient,
    at: datetime.date | GetBalanceAtType1 | None | Unset = UNSET,
    method: GetBalanceMethod | Unset = GetBalanceMethod.PCB_2,
) -> BalanceRead | Problem | None:
    """Get Balance

     The balance index B = P / A at a date, its regions and every lift that went into it;
    under pcb-2 also the volume balance V, the coverage and training suggestions.

    Args:
        user (str): `me` or a user id.
        at (datetime.date | GetBalanceAtType1 | None | Unset): Local date of the snapshot (YYYY-
            MM-DD); default today in the user's time zone; `latest` (pcb-2): the latest date with a
            counted working set.
        method (GetBalanceMethod | Unset): The method: `pcb-2` (every exercise, volume) or `pcb-1`
            (ten lifts). Default: GetBalanceMethod.PCB_2.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BalanceRead | Problem
    """

    return (
        await asyncio_detailed(
            user=user,
            client=client,
            at=at,
            method=method,
        )
    ).parsed
