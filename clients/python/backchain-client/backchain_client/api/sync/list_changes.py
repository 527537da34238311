from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.changes_page import ChangesPage
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    user: str,
    *,
    since: None | str | Unset = UNSET,
    limit: int | Unset = 100,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_since: None | str | Unset
    if isinstance(since, Unset):
        json_since = UNSET
    else:
        json_since = since
    params["since"] = json_since

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/users/{user}/changes".format(
            user=quote(str(user), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ChangesPage | Problem | None:
    if response.status_code == 200:
        response_200 = ChangesPage.from_dict(response.json())

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
) -> Response[ChangesPage | Problem]:
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
    since: None | str | Unset = UNSET,
    limit: int | Unset = 100,
) -> Response[ChangesPage | Problem]:
    """List Changes

     Every change to the user's records after `since` (all of them without it), in order.

    Args:
        user (str): `me` or a user id.
        since (None | str | Unset): `next_cursor` of the previous poll.
        limit (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ChangesPage | Problem]
    """

    kwargs = _get_kwargs(
        user=user,
        since=since,
        limit=limit,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    user: str,
    *,
    client: AuthenticatedClient,
    since: None | str | Unset = UNSET,
    limit: int | Unset = 100,
) -> ChangesPage | Problem | None:
    """List Changes

     Every change to the user's records after `since` (all of them without it), in order.

    Args:
        user (str): `me` or a user id.
        since (None | str | Unset): `next_cursor` of the previous poll.
        limit (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ChangesPage | Problem
    """

    return sync_detailed(
        user=user,
        client=client,
        since=since,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    user: str,
    *,
    client: AuthenticatedClient,
    since: None | str | Unset = UNSET,
    limit: int | Unset = 100,
) -> Response[ChangesPage | Problem]:
    """List Changes

     Every change to the user's records after `since` (all of them without it), in order.

    Args:
        user (str): `me` or a user id.
        since (None | str | Unset): `next_cursor` of the previous poll.
        limit (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ChangesPage | Problem]
    """

    kwargs = _get_kwargs(
        user=user,
        since=since,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    user: str,
    *,
    client: AuthenticatedClient,
    since: None | str | Unset = UNSET,
    limit: int | Unset = 100,
) -> ChangesPage | Problem | None:
    """List Changes

     Every change to the user's records after `since` (all of them without it), in order.

    Args:
        user (str): `me` or a user id.
        since (None | str | Unset): `next_cursor` of the previous poll.
        limit (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ChangesPage | Problem
    """

    return (
        await asyncio_detailed(
            user=user,
            client=client,
            since=since,
            limit=limit,
        )
    ).parsed
