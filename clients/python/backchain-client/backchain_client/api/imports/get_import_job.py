from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.import_job_read import ImportJobRead
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    user: str,
    job_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/users/{user}/imports/{job_id}".format(
            user=quote(str(user), safe=""),
            job_id=quote(str(job_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ImportJobRead | Problem | None:
    if response.status_code == 200:
        response_200 = ImportJobRead.from_dict(response.json())

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
) -> Response[ImportJobRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    user: str,
    job_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[ImportJobRead | Problem]:
    """Get Import Job

     Progress and result of a background import. A job whose worker stopped (its lease
    lapsed) answers `failed` with an `import_interrupted` problem: nothing was stored, send the
    file again.

    Args:
        user (str): `me` or a user id.
        job_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ImportJobRead | Problem]
    """

    kwargs = _get_kwargs(
        user=user,
        job_id=job_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    user: str,
    job_id: UUID,
    *,
    client: AuthenticatedClient,
) -> ImportJobRead | Problem | None:
    """Get Import Job

     Progress and result of a background import. A job whose worker stopped (its lease
    lapsed) answers `failed` with an `import_interrupted` problem: nothing was stored, send the
    file again.

    Args:
        user (str): `me` or a user id.
        job_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ImportJobRead | Problem
    """

    return sync_detailed(
        user=user,
        job_id=job_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    user: str,
    job_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[ImportJobRead | Problem]:
    """Get Import Job

     Progress and result of a background import. A job whose worker stopped (its lease
    lapsed) answers `failed` with an `import_interrupted` problem: nothing was stored, send the
    file again.

    Args:
        user (str): `me` or a user id.
        job_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ImportJobRead | Problem]
    """

    kwargs = _get_kwargs(
        user=user,
        job_id=job_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    user: str,
    job_id: UUID,
    *,
    client: AuthenticatedClient,
) -> ImportJobRead | Problem | None:
    """Get Import Job

     Progress and result of a background import. A job whose worker stopped (its lease
    lapsed) answers `failed` with an `import_interrupted` problem: nothing was stored, send the
    file again.

    Args:
        user (str): `me` or a user id.
        job_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ImportJobRead | Problem
    """

    return (
        await asyncio_detailed(
            user=user,
            job_id=job_id,
            client=client,
        )
    ).parsed
