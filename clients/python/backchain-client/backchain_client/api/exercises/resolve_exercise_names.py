from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.resolve_request import ResolveRequest
from ...models.resolve_result import ResolveResult
from ...types import Response


def _get_kwargs(
    *,
    body: ResolveRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/exercises/resolve",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | ResolveResult | None:
    if response.status_code == 200:
        response_200 = ResolveResult.from_dict(response.json())

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
) -> Response[Problem | ResolveResult]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: ResolveRequest,
) -> Response[Problem | ResolveResult]:
    """Resolve Exercise Names

     What each name means: one of your custom exercises (an exact name wins) or a catalog
    exercise, matched as imports match them (the app's own names with `source`, then case,
    accents, punctuation, plurals, "Name (Equipment)" and German names folded); an unknown
    name gets fuzzy suggestions.

    Args:
        body (ResolveRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ResolveResult]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: ResolveRequest,
) -> Problem | ResolveResult | None:
    """Resolve Exercise Names

     What each name means: one of your custom exercises (an exact name wins) or a catalog
    exercise, matched as imports match them (the app's own names with `source`, then case,
    accents, punctuation, plurals, "Name (Equipment)" and German names folded); an unknown
    name gets fuzzy suggestions.

    Args:
        body (ResolveRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ResolveResult
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ResolveRequest,
) -> Response[Problem | ResolveResult]:
    """Resolve Exercise Names

     What each name means: one of your custom exercises (an exact name wins) or a catalog
    exercise, matched as imports match them (the app's own names with `source`, then case,
    accents, punctuation, plurals, "Name (Equipment)" and German names folded); an unknown
    name gets fuzzy suggestions.

    Args:
        body (ResolveRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ResolveResult]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: ResolveRequest,
) -> Problem | ResolveResult | None:
    """Resolve Exercise Names

     What each name means: one of your custom exercises (an exact name wins) or a catalog
    exercise, matched as imports match them (the app's own names with `source`, then case,
    accents, punctuation, plurals, "Name (Equipment)" and German names folded); an unknown
    name gets fuzzy suggestions.

    Args:
        body (ResolveRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ResolveResult
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
