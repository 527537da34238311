"""Token endpoint requests and answers (RFC 6749), revocation (RFC 7009) and logout."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field, StringConstraints
from pydantic.json_schema import SkipJsonSchema

from api.errors import Problem, problem_responses
from api.schemas.common import NOT_BLANK_PATTERN, RequestModel


class TokenPair(BaseModel):
    access_token: str
    token_type: Literal["bearer"] = "bearer"
    expires_in: int = Field(description="Access token lifetime in seconds.", examples=[900])
    refresh_token: str | SkipJsonSchema[None] = Field(
        default=None,
        description="Single use: trade it for the next pair. Absent when the client asked for "
        "the refresh token in a cookie (`X-Refresh-Cookie`).",
    )


class GrantType(StrEnum):
    password = "password"
    refresh_token = "refresh_token"


class TokenRequest(BaseModel):
    """OAuth2 token request (form-encoded): password or refresh_token grant."""

    grant_type: GrantType
    username: str | None = Field(default=None, max_length=320, description="The email.")
    password: str | None = Field(default=None, max_length=128)
    refresh_token: str | None = Field(
        default=None,
        max_length=256,
        description="Required for `grant_type=refresh_token`, unless the request sends "
        "`X-Refresh-Cookie` and carries the refresh cookie.",
    )
    scope: str = Field(default="", max_length=512, description="Accepted and ignored.")


class TokenTypeHint(StrEnum):
    refresh_token = "refresh_token"
    access_token = "access_token"


class RevokeRequest(BaseModel):
    """RFC 7009 revocation request (form-encoded)."""

    # Form fields are absent or text, never null: the schema says so (SkipJsonSchema).
    token: str | SkipJsonSchema[None] = Field(
        default=None,
        max_length=4096,
        description="The refresh token to revoke (its whole sign-in ends). Required unless "
        "the request sends `X-Refresh-Cookie` and carries the refresh cookie.",
    )
    token_type_hint: TokenTypeHint | SkipJsonSchema[None] = Field(
        default=None, description="A hint only: the token is looked up as either kind."
    )


class OAuthError(Problem):
    """An RFC 6749 §5.2 error (RFC 7009 §2.2.1 for revocation): `error` and
    `error_description` for OAuth2 libraries, beside the problem members."""

    error: Literal[
        "invalid_request", "invalid_grant", "unsupported_grant_type", "unsupported_token_type"
    ]
    error_description: str


class LogoutRequest(RequestModel):
    # A token as sent (not stripped: its length is the schema's), like at /v1/auth/token.
    refresh_token: Annotated[
        str, StringConstraints(strip_whitespace=False, pattern=NOT_BLANK_PATTERN)
    ] = Field(min_length=1, max_length=256)


def _oauth_error_example(
    summary: str, error: str, code: str, title: str, detail: str, field: str | None = None
) -> dict[str, Any]:
    value: dict[str, Any] = {
        "type": f"urn:backchain:problem:{code}",
        "title": title,
        "status": 400,
        "detail": detail,
        "code": code,
    }
    if field is not None:
        value["errors"] = [{"field": field, "message": detail.split(": ", 1)[1]}]
    value.update(error=error, error_description=detail)
    return {"summary": summary, "value": value}


_OAUTH_ERROR_EXAMPLES = {
    "wrong_password": _oauth_error_example(
        "Wrong password, unknown email or deactivated account",
        "invalid_grant",
        "invalid_credentials",
        "Invalid grant",
        "Incorrect email or password",
    ),
    "bad_refresh_token": _oauth_error_example(
        "Unknown, expired, revoked or reused refresh token",
        "invalid_grant",
        "invalid_grant",
        "Invalid grant",
        "Invalid or expired refresh token",
    ),
    "missing_parameter": _oauth_error_example(
        "A required parameter is missing (or given twice)",
        "invalid_request",
        "invalid_request",
        "Invalid token request",
        "password: required for grant_type=password",
        field="password",
    ),
    "unsupported_grant_type": _oauth_error_example(
        "A grant type other than password and refresh_token",
        "unsupported_grant_type",
        "unsupported_grant_type",
        "Unsupported grant type",
        "grant_type: Input should be 'password' or 'refresh_token'",
        field="grant_type",
    ),
}

_NO_STORE = {
    "Cache-Control": {"description": "`no-store`", "schema": {"type": "string"}},
    "Pragma": {"description": "`no-cache`", "schema": {"type": "string"}},
}


def _oauth_error_response(description: str, examples: dict[str, Any]) -> dict[str, Any]:
    return {
        "model": OAuthError,
        "description": description,
        "headers": _NO_STORE,
        "content": {"application/json": {"examples": examples}},
    }


def token_responses() -> dict[int | str, dict[str, Any]]:
    """The token endpoint's answers, documented (RFC 6749 §5.1 and §5.2)."""
    return {
        200: {
            "description": "A new token pair",
            "headers": {
                **_NO_STORE,
                "Set-Cookie": {
                    "description": "With `X-Refresh-Cookie: true` only: `backchain_refresh=…; "
                    "HttpOnly; Secure; SameSite=Strict; Path=/v1/auth; Max-Age=…`",
                    "schema": {"type": "string"},
                },
            },
        },
        400: _oauth_error_response(
            "RFC 6749 §5.2 error: `error` says what OAuth2 libraries need to know",
            _OAUTH_ERROR_EXAMPLES,
        ),
        **problem_responses(429, 503),
    }


def revoke_responses() -> dict[int | str, dict[str, Any]]:
    """The revocation endpoint's answers, documented (RFC 7009 §2.2)."""
    return {
        200: {"description": "Revoked, or nothing to revoke (an unknown or invalid token)"},
        400: _oauth_error_response(
            "RFC 7009 §2.2.1 error",
            {
                "missing_token": _oauth_error_example(
                    "No token (and no refresh cookie)",
                    "invalid_request",
                    "invalid_request",
                    "Invalid token request",
                    "token: required",
                    field="token",
                ),
                "access_token": _oauth_error_example(
                    "A valid access token: it cannot be revoked alone and simply expires",
                    "unsupported_token_type",
                    "unsupported_token_type",
                    "Unsupported token type",
                    "Access tokens cannot be revoked; they expire within 15 minutes. "
                    "Revoke the refresh token to end the sign-in.",
                ),
            },
        ),
    }
