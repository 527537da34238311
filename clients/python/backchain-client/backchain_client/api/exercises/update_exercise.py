from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.exercise_read import ExerciseRead
from ...models.exercise_update import ExerciseUpdate
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    exercise_ref: str,
    *,
    body: ExerciseUpdate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/v1/exercises/{exercise_ref}".format(
            exercise_ref=quote(str(exercise_ref), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ExerciseRead | Problem | None:
    if response.status_code == 200:
        response_200 = ExerciseRead.from_dict(response.json())

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
) -> Response[ExerciseRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    exercise_ref: str,
    *,
    client: AuthenticatedClient,
    body: ExerciseUpdate,
) -> Response[ExerciseRead | Problem]:
    """Update Exercise

     Change one of the caller's custom exercises: chain or region classify it; `alias_of`
    (a system exercise's slug or id) makes it count as that exercise, taking its chain,
    region, pattern and load type; null clears the link. Every figure follows at once.

    Args:
        exercise_ref (str):
        body (ExerciseUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ExerciseRead | Problem]
    """

    kwargs = _get_kwargs(
        exercise_ref=exercise_ref,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    exercise_ref: str,
    *,
    client: AuthenticatedClient,
    body: ExerciseUpdate,
) -> ExerciseRead | Problem | None:
    """Update Exercise

     Change one of the caller's custom exercises: chain or region classify it; `alias_of`
    (a system exercise's slug or id) makes it count as that exercise, taking its chain,
    region, pattern and load type; null clears the link. Every figure follows at once.

    Args:
        exercise_ref (str):
        body (ExerciseUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ExerciseRead | Problem
    """

    return sync_detailed(
        exercise_ref=exercise_ref,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    exercise_ref: str,
    *,
    client: AuthenticatedClient,
    body: ExerciseUpdate,
) -> Response[ExerciseRead | Problem]:
    """Update Exercise

     Change one of the caller's custom exercises: chain or region classify it; `alias_of`
    (a system exercise's slug or id) makes it count as that exercise, taking its chain,
    region, pattern and load type; null clears the link. Every figure follows at once.

    Args:
        exercise_ref (str):
        body (ExerciseUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ExerciseRead | Problem]
    """

    kwargs = _get_kwargs(
        exercise_ref=exercise_ref,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    exercise_ref: str,
    *,
    client: AuthenticatedClient,
    body: ExerciseUpdate,
) -> ExerciseRead | Problem | None:
    """Update Exercise

     Change one of the caller's custom exercises: chain or region classify it; `alias_of`
    (a system exercise's slug or id) makes it count as that exercise, taking its chain,
    region, pattern and load type; null clears the link. Every figure follows at once.

    Args:
        exercise_ref (str):
        body (ExerciseUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ExerciseRead | Problem
    """

    return (
        await asyncio_detailed(
            exercise_ref=exercise_ref,
            client=client,
            body=body,
        )
    ).parsed
