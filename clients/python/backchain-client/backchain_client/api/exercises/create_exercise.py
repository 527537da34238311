from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.exercise_create import ExerciseCreate
from ...models.exercise_read import ExerciseRead
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    *,
    body: ExerciseCreate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/exercises",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ExerciseRead | Problem | None:
    if response.status_code == 201:
        response_201 = ExerciseRead.from_dict(response.json())

        return response_201

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
) -> Response[ExerciseRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: ExerciseCreate,
) -> Response[ExerciseRead | Problem]:
    """Create Exercise

     Add a custom exercise (visible to its owner only). With chain and region, or
    `alias_of`, it is classified; without, it is neutral/none and counts nowhere until
    classified.

    Args:
        body (ExerciseCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ExerciseRead | Problem]
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
    body: ExerciseCreate,
) -> ExerciseRead | Problem | None:
    """Create Exercise

     Add a custom exercise (visible to its owner only). With chain and region, or
    `alias_of`, it is classified; without, it is neutral/none and counts nowhere until
    classified.

    Args:
        body (ExerciseCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ExerciseRead | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ExerciseCreate,
) -> Response[ExerciseRead | Problem]:
    """Create Exercise

     Add a custom exercise (visible to its owner only). With chain and region, or
    `alias_of`, it is classified; without, it is neutral/none and counts nowhere until
    classified.

    Args:
        body (ExerciseCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ExerciseRead | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: ExerciseCreate,
) -> ExerciseRead | Problem | None:
    """Create Exercise

     Add a custom exercise (visible to its owner only). With chain and region, or
    `alias_of`, it is classified; without, it is neutral/none and counts nowhere until
    classified.

    Args:
        body (ExerciseCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ExerciseRead | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
