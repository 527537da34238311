"""An OAuth2 library against a live server (issue 24): authlib's httpx client signs in with the
password grant, refreshes an expired access token by itself, revokes a sign-in, and raises its
OAuth error, with the server's `error`, for a wrong password or a grant type we do not offer.
Before, authlib's `fetch_token` returned the 401 problem document as if it were a token."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from authlib.integrations.httpx_client import OAuth2Client, OAuthError

from db.models import User
from tests.conftest import LiveServer
from tests.factories import PASSWORD


@pytest.fixture
def oauth(live_server: LiveServer) -> Iterator[OAuth2Client]:
    """A public client (no secret), as a mobile app or a script is, refreshing when the access
    token has expired (no leeway: the test decides when it has)."""
    with OAuth2Client(token_endpoint=f"{live_server.url}/v1/auth/token", leeway=0) as client:
        yield client


def test_password_grant_then_an_expired_access_token_is_refreshed_by_the_library(
    oauth: OAuth2Client, live_server: LiveServer, user: User
) -> None:
    updates: list[tuple[str, str | None]] = []

    def update_token(token: dict, refresh_token: str | None = None, **_: object) -> None:
        updates.append((token["refresh_token"], refresh_token))  # what an app would persist

    oauth.update_token = update_token
    token = oauth.fetch_token(username=user.email, password=PASSWORD)
    assert token["token_type"] == "bearer"
    assert token["expires_in"] == 15 * 60
    first = dict(token)
    assert oauth.get(f"{live_server.url}/v1/users/me").json()["email"] == user.email

    oauth.token["expires_at"] = int(time.time()) - 1  # the access token has expired
    me = oauth.get(f"{live_server.url}/v1/users/me")
    assert me.status_code == 200
    assert me.json()["email"] == user.email
    assert oauth.token["access_token"] != first["access_token"]
    assert oauth.token["refresh_token"] != first["refresh_token"]
    assert updates == [(oauth.token["refresh_token"], first["refresh_token"])]


def test_a_wrong_password_raises_the_librarys_oauth_error(oauth: OAuth2Client, user: User) -> None:
    with pytest.raises(OAuthError) as raised:
        oauth.fetch_token(username=user.email, password="not the password")
    assert raised.value.error == "invalid_grant"
    assert raised.value.description == "Incorrect email or password"
    assert not oauth.token


def test_client_credentials_raises_unsupported_grant_type(oauth: OAuth2Client) -> None:
    with pytest.raises(OAuthError) as raised:
        oauth.fetch_token(grant_type="client_credentials")
    assert raised.value.error == "unsupported_grant_type"


def test_a_revoked_sign_in_cannot_be_refreshed(
    oauth: OAuth2Client, live_server: LiveServer, user: User
) -> None:
    token = oauth.fetch_token(username=user.email, password=PASSWORD)
    revoked = oauth.revoke_token(
        f"{live_server.url}/v1/auth/revoke",
        token=token["refresh_token"],
        token_type_hint="refresh_token",
    )
    assert revoked.status_code == 200
    assert revoked.content == b""
    with pytest.raises(OAuthError) as raised:
        oauth.refresh_token(refresh_token=token["refresh_token"])
    assert raised.value.error == "invalid_grant"
