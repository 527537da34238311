from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.workout_read import WorkoutRead
from ...models.workout_write import WorkoutWrite
from ...types import UNSET, Response, Unset


def _get_kwargs(
    user: str,
    record_id: UUID,
    *,
    body: WorkoutWrite,
    if_match: None | str | Unset = UNSET,
    if_none_match: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v1/users/{user}/workouts/{record_id}".format(
            user=quote(str(user), safe=""),
            record_id=quote(str(record_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | WorkoutRead | None:
    if response.status_code == 200:
        response_200 = WorkoutRead.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = WorkoutRead.from_dict(response.json())

        return response_201

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 410:
        response_410 = Problem.from_dict(response.json())

        return response_410

    if response.status_code == 412:
        response_412 = Problem.from_dict(response.json())

        return response_412

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
) -> Response[Problem | WorkoutRead]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    user: str,
    record_id: UUID,
    *,
    client: AuthenticatedClient,
    body: WorkoutWrite,
    if_match: None | str | Unset = UNSET,
    if_none_match: None | str | Unset = UNSET,
) -> Response[Problem | WorkoutRead]:
    """Create or replace one of the workouts by client-chosen id

     A write that changes nothing answers 200 with the record as it was (same ETag, version and
    updated_at) and adds nothing to the change feed. The body a GET answers may be sent back as it is.

    Args:
        user (str): `me` or a user id.
        record_id (UUID):
        if_match (None | str | Unset): Only write if the resource still has this ETag.
        if_none_match (None | str | Unset): On GET: answer 304 when the ETag still matches.
        body (WorkoutWrite):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WorkoutRead]
    """

    kwargs = _get_kwargs(
        user=user,
        record_id=record_id,
        body=body,
        if_match=if_match,
        if_none_match=if_none_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    user: str,
    record_id: UUID,
    *,
    client: AuthenticatedClient,
    body: WorkoutWrite,
    if_match: None | str | Unset = UNSET,
    if_none_match: None | str | Unset = UNSET,
) -> Problem | WorkoutRead | None:
    """Create or replace one of the workouts by client-chosen id

     A write that changes nothing answers 200 with the record as it was (same ETag, version and
    updated_at) and adds nothing to the change feed. The body a GET answers may be sent back as it is.

    Args:
        user (str): `me` or a user id.
        record_id (UUID):
        if_match (None | str | Unset): Only write if the resource still has this ETag.
        if_none_match (None | str | Unset): On GET: answer 304 when the ETag still matches.
        body (WorkoutWrite):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WorkoutRead
    """

    return sync_detailed(
        user=user,
        record_id=record_id,
        client=client,
        body=body,
        if_match=if_match,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    user: str,
    record_id: UUID,
    *,
    client: AuthenticatedClient,
    body: WorkoutWrite,
    if_match: None | str | Unset = UNSET,
    if_none_match: None | str | Unset = UNSET,
) -> Response[Problem | WorkoutRead]:
    """Create or replace one of the workouts by client-chosen id

     A write that changes nothing answers 200 with the record as it was (same ETag, version and
    updated_at) and adds nothing to the change feed. The body a GET answers may be sent back as it is.

    Args:
        user (str): `me` or a user id.
        record_id (UUID):
        if_match (None | str | Unset): Only write if the resource still has this ETag.
        if_none_match (None | str | Unset): On GET: answer 304 when the ETag still matches.
        body (WorkoutWrite):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WorkoutRead]
    """

    kwargs = _get_kwargs(
        user=user,
        record_id=record_id,
        body=body,
        if_match=if_match,
        if_none_match=if_none_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    user: str,
    record_id: UUID,
    *,
    client: AuthenticatedClient,
    body: WorkoutWrite,
    if_match: None | str | Unset = UNSET,
    if_none_match: None | str | Unset = UNSET,
) -> Problem | WorkoutRead | None:
    """Create or replace one of the workouts by client-chosen id

     A write that changes nothing answers 200 with the record as it was (same ETag, version and
    updated_at) and adds nothing to the change feed. The body a GET answers may be sent back as it is.

    Args:
        user (str): `me` or a user id.
        record_id (UUID):
        if_match (None | str | Unset): Only write if the resource still has this ETag.
        if_none_match (None | str | Unset): On GET: answer 304 when the ETag still matches.
        body (WorkoutWrite):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WorkoutRead
    """

    return (
        await asyncio_detailed(
            user=user,
            record_id=record_id,
            client=client,
            body=body,
            if_match=if_match,
            if_none_match=if_none_match,
        )
    ).parsed
