"""Token endpoint answers and logout."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from api.schemas.common import RequestModel


class TokenPair(BaseModel):
    access_token: str
    token_type: Literal["bearer"] = "bearer"
    expires_in: int = Field(description="Access token lifetime in seconds.", examples=[900])
    refresh_token: str


class LogoutRequest(RequestModel):
    refresh_token: str = Field(min_length=1, max_length=256)
