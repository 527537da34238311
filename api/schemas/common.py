"""Schema building blocks: strict request bases, time zone and paging types."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Annotated
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    StringConstraints,
    field_validator,
)


class RequestModel(BaseModel):
    """A request body: unknown fields are rejected (no mass assignment)."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    @field_validator("*", mode="after")
    @classmethod
    def _no_nul_characters(cls, value: object) -> object:
        # PostgreSQL text cannot hold U+0000: refuse it here, naming the field.
        if isinstance(value, str) and "\x00" in value:
            raise ValueError("must not contain NUL (U+0000) characters")
        return value


class ResponseModel(BaseModel):
    model_config = ConfigDict(from_attributes=True)


def _check_timezone(value: str) -> str:
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValueError(f"unknown IANA time zone {value!r}") from exc
    return value


TimeZoneName = Annotated[str, AfterValidator(_check_timezone)]


FUTURE_TOLERANCE = timedelta(hours=24)


def _not_far_future(value: datetime) -> datetime:
    if value - datetime.now(UTC) > FUTURE_TOLERANCE:
        raise ValueError("must not be more than 24 hours in the future")
    return value.astimezone(UTC)


def _rfc3339_text(value: object) -> object:
    # Pydantic would read a bare number as Unix time: the contract is RFC 3339 text.
    if not isinstance(value, str | datetime):
        raise ValueError("must be an RFC 3339 date-time string with an offset")
    return value


# RFC 3339 with an offset (no bare numbers, no naive times), at most 24 h ahead.
Instant = Annotated[AwareDatetime, BeforeValidator(_rfc3339_text), AfterValidator(_not_far_future)]
Notes = Annotated[str, StringConstraints(max_length=2000)]
