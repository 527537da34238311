"""Token endpoint answers and logout."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, Field, StringConstraints

from api.schemas.common import NOT_BLANK_PATTERN, RequestModel


class TokenPair(BaseModel):
    access_token: str
    token_type: Literal["bearer"] = "bearer"
    expires_in: int = Field(description="Access token lifetime in seconds.", examples=[900])
    refresh_token: str


class GrantType(StrEnum):
    password = "password"
    refresh_token = "refresh_token"


class TokenRequest(BaseModel):
    """OAuth2 token request (form-encoded): password or refresh_token grant."""

    grant_type: GrantType
    username: str | None = Field(default=None, max_length=320, description="The email.")
    password: str | None = Field(default=None, max_length=128)
    refresh_token: str | None = Field(default=None, max_length=256)
    scope: str = Field(default="", max_length=512, description="Accepted and ignored.")


class LogoutRequest(RequestModel):
    # A token as sent (not stripped: its length is the schema's), like at /v1/auth/token.
    refresh_token: Annotated[
        str, StringConstraints(strip_whitespace=False, pattern=NOT_BLANK_PATTERN)
    ] = Field(min_length=1, max_length=256)
