from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.body_region import BodyRegion
from ...models.chain import Chain
from ...models.exercise_page import ExercisePage
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    chain: Chain | None | Unset = UNSET,
    region: BodyRegion | None | Unset = UNSET,
    q: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_chain: None | str | Unset
    if isinstance(chain, Unset):
        json_chain = UNSET
    elif isinstance(chain, Chain):
        json_chain = chain.value
    else:
        json_chain = chain
    params["chain"] = json_chain

    json_region: None | str | Unset
    if isinstance(region, Unset):
        json_region = UNSET
    elif isinstance(region, BodyRegion):
        json_region = region.value
    else:
        json_region = region
    params["region"] = json_region

    json_q: None | str | Unset
    if isinstance(q, Unset):
        json_q = UNSET
    else:
        json_q = q
    params["q"] = json_q

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
        "url": "/v1/exercises",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ExercisePage | Problem | None:
    if response.status_code == 200:
        response_200 = ExercisePage.from_dict(response.json())

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
) -> Response[ExercisePage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    chain: Chain | None | Unset = UNSET,
    region: BodyRegion | None | Unset = UNSET,
    q: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[ExercisePage | Problem]:
    """List Exercises

     System exercises and the caller's custom ones, by slug.

    Args:
        chain (Chain | None | Unset):
        region (BodyRegion | None | Unset):
        q (None | str | Unset): Name or alias contains.
        limit (int | Unset): Page size (max 500). Default: 50.
        cursor (None | str | Unset): Opaque cursor from `next_cursor`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ExercisePage | Problem]
    """

    kwargs = _get_kwargs(
        chain=chain,
        region=region,
        q=q,
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
    chain: Chain | None | Unset = UNSET,
    region: BodyRegion | None | Unset = UNSET,
    q: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> ExercisePage | Problem | None:
    """List Exercises

     System exercises and the caller's custom ones, by slug.

    Args:
        chain (Chain | None | Unset):
        region (BodyRegion | None | Unset):
        q (None | str | Unset): Name or alias contains.
        limit (int | Unset): Page size (max 500). Default: 50.
        cursor (None | str | Unset): Opaque cursor from `next_cursor`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ExercisePage | Problem
    """

    return sync_detailed(
        client=client,
        chain=chain,
        region=region,
        q=q,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    chain: Chain | None | Unset = UNSET,
    region: BodyRegion | None | Unset = UNSET,
    q: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[ExercisePage | Problem]:
    """List Exercises

     System exercises and the caller's custom ones, by slug.

    Args:
        chain (Chain | None | Unset):
        region (BodyRegion | None | Unset):
        q (None | str | Unset): Name or alias contains.
        limit (int | Unset): Page size (max 500). Default: 50.
        cursor (None | str | Unset): Opaque cursor from `next_cursor`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ExercisePage | Problem]
    """

    kwargs = _get_kwargs(
        chain=chain,
        region=region,
        q=q,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    chain: Chain | None | Unset = UNSET,
    region: BodyRegion | None | Unset = UNSET,
    q: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> ExercisePage | Problem | None:
    """List Exercises

     System exercises and the caller's custom ones, by slug.

    Args:
        chain (Chain | None | Unset):
        region (BodyRegion | None | Unset):
        q (None | str | Unset): Name or alias contains.
        limit (int | Unset): Page size (max 500). Default: 50.
        cursor (None | str | Unset): Opaque cursor from `next_cursor`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ExercisePage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            chain=chain,
            region=region,
            q=q,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
