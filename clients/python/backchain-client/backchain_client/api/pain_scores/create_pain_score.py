from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.pain_score_read import PainScoreRead
from ...models.pain_score_write import PainScoreWrite
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    user: str,
    *,
    body: PainScoreWrite,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/users/{user}/pain-scores".format(
            user=quote(str(user), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PainScoreRead | Problem | None:
    if response.status_code == 201:
        response_201 = PainScoreRead.from_dict(response.json())

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
) -> Response[PainScoreRead | Problem]:
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
    body: PainScoreWrite,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[PainScoreRead | Problem]:
    """Create a pain score

    Args:
        user (str): `me` or a user id.
        idempotency_key (None | str | Unset): Retries with the same key and request within 24 h
            replay the first answer (status, body, ETag); the same key with another request is 422
            `idempotency_key_reused`.
        body (PainScoreWrite):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PainScoreRead | Problem]
    """

    kwargs = _get_kwargs(
        user=user,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    user: str,
    *,
    client: AuthenticatedClient,
    body: PainScoreWrite,
    idempotency_key: None | str | Unset = UNSET,
) -> PainScoreRead | Problem | None:
    """Create a pain score

    Args:
        user (str): `me` or a user id.
        idempotency_key (None | str | Unset): Retries with the same key and request within 24 h
            replay the first answer (status, body, ETag); the same key with another request is 422
            `idempotency_key_reused`.
        body (PainScoreWrite):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PainScoreRead | Problem
    """

    return sync_detailed(
        user=user,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    user: str,
    *,
    client: AuthenticatedClient,
    body: PainScoreWrite,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[PainScoreRead | Problem]:
    """Create a pain score

    Args:
        user (str): `me` or a user id.
        idempotency_key (None | str | Unset): Retries with the same key and request within 24 h
            replay the first answer (status, body, ETag); the same key with another request is 422
            `idempotency_key_reused`.
        body (PainScoreWrite):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PainScoreRead | Problem]
    """

    kwargs = _get_kwargs(
        user=user,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    user: str,
    *,
    client: AuthenticatedClient,
    body: PainScoreWrite,
    idempotency_key: None | str | Unset = UNSET,
) -> PainScoreRead | Problem | None:
    """Create a pain score

    Args:
        user (str): `me` or a user id.
        idempotency_key (None | str | Unset): Retries with the same key and request within 24 h
            replay the first answer (status, body, ETag); the same key with another request is 422
            `idempotency_key_reused`.
        body (PainScoreWrite):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PainScoreRead | Problem
    """

    return (
        await asyncio_detailed(
            user=user,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
