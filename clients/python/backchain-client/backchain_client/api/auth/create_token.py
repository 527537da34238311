from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.o_auth_error import OAuthError
from ...models.problem import Problem
from ...models.token_pair import TokenPair
from ...models.token_request import TokenRequest
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: TokenRequest,
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
        "url": "/v1/auth/token",
        "cookies": cookies,
    }

    _kwargs["data"] = body.to_dict()
    headers["Content-Type"] = "application/x-www-form-urlencoded"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> OAuthError | Problem | TokenPair | None:
    if response.status_code == 200:
        response_200 = TokenPair.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = OAuthError.from_dict(response.json())

        return response_400

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[OAuthError | Problem | TokenPair]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: TokenRequest,
    x_refresh_cookie: bool | Unset = False,
    backchain_refresh: None | str | Unset = UNSET,
) -> Response[OAuthError | Problem | TokenPair]:
    """Create Token

     OAuth2 token endpoint: `grant_type=password` (username = email) or `refresh_token`.
    Errors follow RFC 6749 §5.2 (400 with `error`: `invalid_grant` for a wrong password or
    a bad, expired, revoked or reused refresh token; `invalid_request`; `unsupported_grant_type`).
    A refresh token used again within `BACKCHAIN_REFRESH_REUSE_GRACE_SECONDS` of its first
    use answers with the refresh token that use issued; later, the whole sign-in is revoked.
    With `X-Refresh-Cookie: true` (same-origin only) the refresh token travels in an HttpOnly
    cookie instead of the body, and the cookie may stand in for the `refresh_token` field.

    Args:
        x_refresh_cookie (bool | Unset): `true` (the web dashboard): the refresh token travels in
            an HttpOnly `backchain_refresh` cookie scoped to /v1/auth, not in the body. Browser
            requests must be same-origin (`Sec-Fetch-Site`); the header itself cannot be sent cross-
            origin without a preflight this API refuses. Default: False.
        backchain_refresh (None | str | Unset): The refresh token set by a sign-in with
            `X-Refresh-Cookie: true`.
        body (TokenRequest): OAuth2 token request (form-encoded): password or refresh_token grant.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OAuthError | Problem | TokenPair]
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
    body: TokenRequest,
    x_refresh_cookie: bool | Unset = False,
    backchain_refresh: None | str | Unset = UNSET,
) -> OAuthError | Problem | TokenPair | None:
    """Create Token

     OAuth2 token endpoint: `grant_type=password` (username = email) or `refresh_token`.
    Errors follow RFC 6749 §5.2 (400 with `error`: `invalid_grant` for a wrong password or
    a bad, expired, revoked or reused refresh token; `invalid_request`; `unsupported_grant_type`).
    A refresh token used again within `BACKCHAIN_REFRESH_REUSE_GRACE_SECONDS` of its first
    use answers with the refresh token that use issued; later, the whole sign-in is revoked.
    With `X-Refresh-Cookie: true` (same-origin only) the refresh token travels in an HttpOnly
    cookie instead of the body, and the cookie may stand in for the `refresh_token` field.

    Args:
        x_refresh_cookie (bool | Unset): `true` (the web dashboard): the refresh token travels in
            an HttpOnly `backchain_refresh` cookie scoped to /v1/auth, not in the body. Browser
            requests must be same-origin (`Sec-Fetch-Site`); the header itself cannot be sent cross-
            origin without a preflight this API refuses. Default: False.
        backchain_refresh (None | str | Unset): The refresh token set by a sign-in with
            `X-Refresh-Cookie: true`.
        body (TokenRequest): OAuth2 token request (form-encoded): password or refresh_token grant.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OAuthError | Problem | TokenPair
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
    body: TokenRequest,
    x_refresh_cookie: bool | Unset = False,
    backchain_refresh: None | str | Unset = UNSET,
) -> Response[OAuthError | Problem | TokenPair]:
    """Create Token

     OAuth2 token endpoint: `grant_type=password` (username = email) or `refresh_token`.
    Errors follow RFC 6749 §5.2 (400 with `error`: `invalid_grant` for a wrong password or
    a bad, expired, revoked or reused refresh token; `invalid_request`; `unsupported_grant_type`).
    A refresh token used again within `BACKCHAIN_REFRESH_REUSE_GRACE_SECONDS` of its first
    use answers with the refresh token that use issued; later, the whole sign-in is revoked.
    With `X-Refresh-Cookie: true` (same-origin only) the refresh token travels in an HttpOnly
    cookie instead of the body, and the cookie may stand in for the `refresh_token` field.

    Args:
        x_refresh_cookie (bool | Unset): `true` (the web dashboard): the refresh token travels in
            an HttpOnly `backchain_refresh` cookie scoped to /v1/auth, not in the body. Browser
            requests must be same-origin (`Sec-Fetch-Site`); the header itself cannot be sent cross-
            origin without a preflight this API refuses. Default: False.
        backchain_refresh (None | str | Unset): The refresh token set by a sign-in with
            `X-Refresh-Cookie: true`.
        body (TokenRequest): OAuth2 token request (form-encoded): password or refresh_token grant.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OAuthError | Problem | TokenPair]
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
    body: TokenRequest,
    x_refresh_cookie: bool | Unset = False,
    backchain_refresh: None | str | Unset = UNSET,
) -> OAuthError | Problem | TokenPair | None:
    """Create Token

     OAuth2 token endpoint: `grant_type=password` (username = email) or `refresh_token`.
    Errors follow RFC 6749 §5.2 (400 with `error`: `invalid_grant` for a wrong password or
    a bad, expired, revoked or reused refresh token; `invalid_request`; `unsupported_grant_type`).
    A refresh token used again within `BACKCHAIN_REFRESH_REUSE_GRACE_SECONDS` of its first
    use answers with the refresh token that use issued; later, the whole sign-in is revoked.
    With `X-Refresh-Cookie: true` (same-origin only) the refresh token travels in an HttpOnly
    cookie instead of the body, and the cookie may stand in for the `refresh_token` field.

    Args:
        x_refresh_cookie (bool | Unset): `true` (the web dashboard): the refresh token travels in
            an HttpOnly `backchain_refresh` cookie scoped to /v1/auth, not in the body. Browser
            requests must be same-origin (`Sec-Fetch-Site`); the header itself cannot be sent cross-
            origin without a preflight this API refuses. Default: False.
        backchain_refresh (None | str | Unset): The refresh token set by a sign-in with
            `X-Refresh-Cookie: true`.
        body (TokenRequest): OAuth2 token request (form-encoded): password or refresh_token grant.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OAuthError | Problem | TokenPair
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            x_refresh_cookie=x_refresh_cookie,
            backchain_refresh=backchain_refresh,
        )
    ).parsed
