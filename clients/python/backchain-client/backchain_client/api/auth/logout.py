from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.logout_request import LogoutRequest
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: LogoutRequest,
    backchain_refresh: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    cookies = {}
    if backchain_refresh is not UNSET:
        cookies["backchain_refresh"] = backchain_refresh

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/auth/logout",
        "cookies": cookies,
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | Problem | None:
    if response.status_code == 204:
        response_204 = cast(Any, None)
        return response_204

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
    *,
    client: AuthenticatedClient | Client,
    body: LogoutRequest,
    backchain_refresh: None | str | Unset = UNSET,
) -> Response[Any | Problem]:
    """Logout

     Revoke a refresh token and every token rotated from the same sign-in (and clear the
    refresh cookie when the request carried it).

    Args:
        backchain_refresh (None | str | Unset): The refresh token set by a sign-in with
            `X-Refresh-Cookie: true`.
        body (LogoutRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        backchain_refresh=backchain_refresh,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: LogoutRequest,
    backchain_refresh: None | str | Unset = UNSET,
) -> Any | Problem | None:
    """Logout

     Revoke a refresh token and every token rotated from the same sign-in (and clear the
    refresh cookie when the request carried it).

    Args:
        backchain_refresh (None | str | Unset): The refresh token set by a sign-in with
            `X-Refresh-Cookie: true`.
        body (LogoutRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        backchain_refresh=backchain_refresh,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: LogoutRequest,
    backchain_refresh: None | str | Unset = UNSET,
) -> Response[Any | Problem]:
    """Logout

     Revoke a refresh token and every token rotated from the same sign-in (and clear the
    refresh cookie when the request carried it).

    Args:
        backchain_refresh (None | str | Unset): The refresh token set by a sign-in with
            `X-Refresh-Cookie: true`.
        body (LogoutRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        backchain_refresh=backchain_refresh,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: LogoutRequest,
    backchain_refresh: None | str | Unset = UNSET,
) -> Any | Problem | None:
    """Logout

     Revoke a refresh token and every token rotated from the same sign-in (and clear the
    refresh cookie when the request carried it).

    Args:
        backchain_refresh (None | str | Unset): The refresh token set by a sign-in with
            `X-Refresh-Cookie: true`.
        body (LogoutRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            backchain_refresh=backchain_refresh,
        )
    ).parsed
