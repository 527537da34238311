"""Schema building blocks: strict request bases, time zone and paging types."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
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


CREATED_BY = "Who logged it: the owner, or a trainer (null once that trainer's account is erased)."

# The longest IANA name is 32 characters; 64 is the profile column's width.
MAX_TIMEZONE_LENGTH = 64


def _check_timezone(value: str) -> str:
    try:
        ZoneInfo(value)
    # OSError: zoneinfo opens a file named after the key (an over-long name is ENAMETOOLONG).
    except (ZoneInfoNotFoundError, ValueError, OSError) as exc:
        raise ValueError(f"unknown IANA time zone {value!r}") from exc
    return value


# Every time zone a client sends (body field or query parameter) is this type.
TimeZoneName = Annotated[
    str,
    StringConstraints(min_length=1, max_length=MAX_TIMEZONE_LENGTH),
    AfterValidator(_check_timezone),
]


FUTURE_TOLERANCE = timedelta(hours=24)
# Calendar bounds for every date and instant a client sends: far enough for any history, and
# far from date.min/date.max so local-time and window arithmetic can never overflow.
EARLIEST = datetime(1900, 1, 1, tzinfo=UTC)
LATEST = datetime(2999, 12, 31, tzinfo=UTC)


def _in_range(value: datetime) -> datetime:
    try:
        utc = value.astimezone(UTC)
    except OverflowError as exc:
        raise ValueError("out of range") from exc
    if not EARLIEST <= utc <= LATEST:
        raise ValueError("must be between 1900-01-01 and 2999-12-31")
    return utc


def _not_far_future(value: datetime) -> datetime:
    utc = _in_range(value)
    if utc - datetime.now(UTC) > FUTURE_TOLERANCE:
        raise ValueError("must not be more than 24 hours in the future")
    return utc


def _date_in_range(value: date) -> date:
    if not EARLIEST.date() <= value <= LATEST.date():
        raise ValueError("must be between 1900-01-01 and 2999-12-31")
    return value


# A calendar date in a query (YYYY-MM-DD), 1900-01-01 to 2999-12-31.
LocalDate = Annotated[date, AfterValidator(_date_in_range)]
# An instant used as a filter: RFC 3339 with an offset, 1900 to 2999.
FilterInstant = Annotated[AwareDatetime, AfterValidator(_in_range)]


def _rfc3339_text(value: object) -> object:
    # Pydantic would read a bare number as Unix time: the contract is RFC 3339 text.
    if not isinstance(value, str | datetime):
        raise ValueError("must be an RFC 3339 date-time string with an offset")
    return value


# RFC 3339 with an offset (no bare numbers, no naive times), at most 24 h ahead.
Instant = Annotated[AwareDatetime, BeforeValidator(_rfc3339_text), AfterValidator(_not_far_future)]
Notes = Annotated[str, StringConstraints(max_length=2000)]
