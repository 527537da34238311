from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    user: str,
    record_id: UUID,
    *,
    if_match: None | str | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/v1/users/{user}/workouts/{record_id}".format(
            user=quote(str(user), safe=""),
            record_id=quote(str(record_id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | Problem | None:
    if response.status_code == 204:
        response_204 = cast(Any, None)
        return response_204

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

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | Problem]:
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
    if_match: None | str | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[Any | Problem]:
    """Delete one of the workouts (leaves a tombstone in the change feed)

     Deleting a deleted record again answers 410 `deleted` (as a PUT or PATCH to its id does); with the
    first DELETE's `Idempotency-Key`, a retry answers 204.

    Args:
        user (str): `me` or a user id.
        record_id (UUID):
        if_match (None | str | Unset): Only write if the resource still has this ETag.
        idempotency_key (None | str | Unset): Retries with the same key and request within 24 h
            replay the first answer (status, body, ETag); the same key with another request is 422
            `idempotency_key_reused`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        user=user,
        record_id=record_id,
        if_match=if_match,
        idempotency_key=idempotency_key,
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
    if_match: None | str | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> Any | Problem | None:
    """Delete one of the workouts (leaves a tombstone in the change feed)

     Deleting a deleted record again answers 410 `deleted` (as a PUT or PATCH to its id does); with the
    first DELETE's `Idempotency-Key`, a retry answers 204.

    Args:
        user (str): `me` or a user id.
        record_id (UUID):
        if_match (None | str | Unset): Only write if the resource still has this ETag.
        idempotency_key (None | str | Unset): Retries with the same key and request within 24 h
            replay the first answer (status, body, ETag); the same key with another request is 422
            `idempotency_key_reused`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return sync_detailed(
        user=user,
        record_id=record_id,
        client=client,
        if_match=if_match,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    user: str,
    record_id: UUID,
    *,
    client: AuthenticatedClient,
    if_match: None | str | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[Any | Problem]:
    """Delete one of the workouts (leaves a tombstone in the change feed)

     Deleting a deleted record again answers 410 `deleted` (as a PUT or PATCH to its id does); with the
    first DELETE's `Idempotency-Key`, a retry answers 204.

    Args:
        user (str): `me` or a user id.
        record_id (UUID):
        if_match (None | str | Unset): Only write if the resource still has this ETag.
        idempotency_key (None | str | Unset): Retries with the same key and request within 24 h
            replay the first answer (status, body, ETag); the same key with another request is 422
            `idempotency_key_reused`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        user=user,
        record_id=record_id,
        if_match=if_match,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    user: str,
    record_id: UUID,
    *,
    client: AuthenticatedClient,
    if_match: None | str | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> Any | Problem | None:
    """Delete one of the workouts (leaves a tombstone in the change feed)

     Deleting a deleted record again answers 410 `deleted` (as a PUT or PATCH to its id does); with the
    first DELETE's `Idempotency-Key`, a retry answers 204.

    Args:
        user (str): `me` or a user id.
        record_id (UUID):
        if_match (None | str | Unset): Only write if the resource still has this ETag.
        idempotency_key (None | str | Unset): Retries with the same key and request within 24 h
            replay the first answer (status, body, ETag); the same key with another request is 422
            `idempotency_key_reused`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return (
        await asyncio_detailed(
            user=user,
            record_id=record_id,
            client=client,
            if_match=if_match,
            idempotency_key=idempotency_key,
        )
    ).parsed
