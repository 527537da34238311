from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.o_auth_error import OAuthError
from ...models.revoke_request import RevokeRequest
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: RevokeRequest,
    x_refresh_cookie: bool | Unset = False,
    backchain_refresh: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_refresh_cookie, Unset):
        headers["X-Refresh-Cookie"] = "true" if x_refresh_cookie else "false"

    cookies = {}
    if backchain_refresh is not UNSET:
        cookies["backchain_refresh"] = backchain_refresh

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/auth/revoke",
        "cookies": cookies,
    }

    _kwargs["data"] = body.to_dict()
    headers["Content-Type"] = "application/x-www-form-urlencoded"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | OAuthError | None:
    if response.status_code == 200:
        response_200 = cast(Any, None)
        return response_200

    if response.status_code == 400:
        response_400 = OAuthError.from_dict(response.json())

        return response_400

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | OAuthError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: RevokeRequest,
    x_refresh_cookie: bool | Unset = False,
    backchain_refresh: None | str | Unset = UNSET,
) -> Response[Any | OAuthError]:
    """Revoke Token

     RFC 7009 revocation: a refresh token ends its whole sign-in (every token rotated from
    it). 200 with an empty body, also for an unknown or invalid token; a valid access token
    is `unsupported_token_type` (it cannot be revoked alone and simply expires). With
    `X-Refresh-Cookie: true` the refresh cookie may stand in for `token`; the answer clears
    the cookie.

    Args:
        x_refresh_cookie (bool | Unset): `true` (the web dashboard): the refresh token travels in
            an HttpOnly `backchain_refresh` cookie scoped to /v1/auth, not in the body. Browser
            requests must be same-origin (`Sec-Fetch-Site`); the header itself cannot be sent cross-
            origin without a preflight this API refuses. Default: False.
        backchain_refresh (None | str | Unset): The refresh token set by a sign-in with
            `X-Refresh-Cookie: true`.
        body (RevokeRequest): RFC 7009 revocation request (form-encoded).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | OAuthError]
    """

    kwargs = _get_kwargs(
        body=body,
        x_refresh_cookie=x_refresh_cookie,
        backchain_refresh=backchain_refresh,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: RevokeRequest,
    x_refresh_cookie: bool | Unset = False,
    backchain_refresh: None | str | Unset = UNSET,
) -> Any | OAuthError | None:
    """Revoke Token

     RFC 7009 revocation: a refresh token ends its whole sign-in (every token rotated from
    it). 200 with an empty body, also for an unknown or invalid token; a valid access token
    is `unsupported_token_type` (it cannot be revoked alone and simply expires). With
    `X-Refresh-Cookie: true` the refresh cookie may stand in for `token`; the answer clears
    the cookie.

    Args:
        x_refresh_cookie (bool | Unset): `true` (the web dashboard): the refresh token travels in
            an HttpOnly `backchain_refresh` cookie scoped to /v1/auth, not in the body. Browser
            requests must be same-origin (`Sec-Fetch-Site`); the header itself cannot be sent cross-
            origin without a preflight this API refuses. Default: False.
        backchain_refresh (None | str | Unset): The refresh token set by a sign-in with
            `X-Refresh-Cookie: true`.
        body (RevokeRequest): RFC 7009 revocation request (form-encoded).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | OAuthError
    """

    return sync_detailed(
        client=client,
        body=body,
        x_refresh_cookie=x_refresh_cookie,
        backchain_refresh=backchain_refresh,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: RevokeRequest,
    x_refresh_cookie: bool | Unset = False,
    backchain_refresh: None | str | Unset = UNSET,
) -> Response[Any | OAuthError]:
    """Revoke Token

     RFC 7009 revocation: a refresh token ends its whole sign-in (every token rotated from
    it). 200 with an empty body, also for an unknown or invalid token; a valid access token
    is `unsupported_token_type` (it cannot be revoked alone and simply expires). With
    `X-Refresh-Cookie: true` the refresh cookie may stand in for `token`; the answer clears
    the cookie.

    Args:
        x_refresh_cookie (bool | Unset): `true` (the web dashboard): the refresh token travels in
            an HttpOnly `backchain_refresh` cookie scoped to /v1/auth, not in the body. Browser
            requests must be same-origin (`Sec-Fetch-Site`); the header itself cannot be sent cross-
            origin without a preflight this API refuses. Default: False.
        backchain_refresh (None | str | Unset): The refresh token set by a sign-in with
            `X-Refresh-Cookie: true`.
        body (RevokeRequest): RFC 7009 revocation request (form-encoded).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | OAuthError]
    """

    kwargs = _get_kwargs(
        body=body,
        x_refresh_cookie=x_refresh_cookie,
        backchain_refresh=backchain_refresh,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: RevokeRequest,
    x_refresh_cookie: bool | Unset = False,
    backchain_refresh: None | str | Unset = UNSET,
) -> Any | OAuthError | None:
    """Revoke Token

     RFC 7009 revocation: a refresh token ends its whole sign-in (every token rotated from
    it). 200 with an empty body, also for an unknown or invalid token; a valid access token
    is `unsupported_token_type` (it cannot be revoked alone and simply expires). With
    `X-Refresh-Cookie: true` the refresh cookie may stand in for `token`; the answer clears
    the cookie.

    Args:
        x_refresh_cookie (bool | Unset): `true` (the web dashboard): the refresh token travels in
            an HttpOnly `backchain_refresh` cookie scoped to /v1/auth, not in the body. Browser
            requests must be same-origin (`Sec-Fetch-Site`); the header itself cannot be sent cross-
            origin without a preflight this API refuses. Default: False.
        backchain_refresh (None | str | Unset): The refresh token set by a sign-in with
            `X-Refresh-Cookie: true`.
        body (RevokeRequest): RFC 7009 revocation request (form-encoded).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | OAuthError
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            x_refresh_cookie=x_refresh_cookie,
            backchain_refresh=backchain_refresh,
        )
    ).parsed
