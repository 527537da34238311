from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.trainer_link_read import TrainerLinkRead
from ...models.trainer_link_update import TrainerLinkUpdate
from ...types import Response


def _get_kwargs(
    trainer_id: UUID,
    *,
    body: TrainerLinkUpdate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/v1/users/me/trainers/{trainer_id}".format(
            trainer_id=quote(str(trainer_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | TrainerLinkRead | None:
    if response.status_code == 200:
        response_200 = TrainerLinkRead.from_dict(response.json())

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
) -> Response[Problem | TrainerLinkRead]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    trainer_id: UUID,
    *,
    client: AuthenticatedClient,
    body: TrainerLinkUpdate,
) -> Response[Problem | TrainerLinkRead]:
    """Update Trainer

     Grant or withdraw a trainer's permission to log for me.

    Args:
        trainer_id (UUID):
        body (TrainerLinkUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TrainerLinkRead]
    """

    kwargs = _get_kwargs(
        trainer_id=trainer_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    trainer_id: UUID,
    *,
    client: AuthenticatedClient,
    body: TrainerLinkUpdate,
) -> Problem | TrainerLinkRead | None:
    """Update Trainer

     Grant or withdraw a trainer's permission to log for me.

    Args:
        trainer_id (UUID):
        body (TrainerLinkUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TrainerLinkRead
    """

    return sync_detailed(
        trainer_id=trainer_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    trainer_id: UUID,
    *,
    client: AuthenticatedClient,
    body: TrainerLinkUpdate,
) -> Response[Problem | TrainerLinkRead]:
    """Update Trainer

     Grant or withdraw a trainer's permission to log for me.

    Args:
        trainer_id (UUID):
        body (TrainerLinkUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TrainerLinkRead]
    """

    kwargs = _get_kwargs(
        trainer_id=trainer_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    trainer_id: UUID,
    *,
    client: AuthenticatedClient,
    body: TrainerLinkUpdate,
) -> Problem | TrainerLinkRead | None:
    """Update Trainer

     Grant or withdraw a trainer's permission to log for me.

    Args:
        trainer_id (UUID):
        body (TrainerLinkUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TrainerLinkRead
    """

    return (
        await asyncio_detailed(
            trainer_id=trainer_id,
            client=client,
            body=body,
        )
    ).parsed
