"""Token endpoint answers and logout."""

from __future__ import annotations

from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, Field

from api.schemas.common import RequestModel


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
    refresh_token: str = Field(min_length=1, max_length=256)
