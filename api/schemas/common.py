"""Schema building blocks: strict request bases, time zone and paging types."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from typing import Annotated, Any, get_args
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    GetJsonSchemaHandler,
    PlainValidator,
    StringConstraints,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema

# What the validators below refuse, said in the schema too (so the contract and the app agree):
# no NUL anywhere, and a required text has something left once stripped.
NO_NUL_PATTERN = r"^[^\x00]*$"
# (`\x1c-\x1f` and `\x85` are whitespace to Python's strip but not to an ECMA `\s`.)
NOT_BLANK_PATTERN = r"^[^\x00]*[^\s\x00\x1c-\x1f\x85][^\x00]*$"


def _string_schemas(schema: dict[str, Any]) -> list[dict[str, Any]]:
    branches = [schema, *schema.get("anyOf", [])]
    return [b for b in branches if b.get("type") == "string"]


def _document_text_rules(schema: dict[str, Any]) -> None:
    """Give every free-text property of a request body the pattern its validators enforce."""
    for prop in schema.get("properties", {}).values():
        for text in _string_schemas(prop):
            if not {"format", "pattern", "enum", "const"} & text.keys():
                blank_ok = text.get("minLength", 0) == 0
                text["pattern"] = NO_NUL_PATTERN if blank_ok else NOT_BLANK_PATTERN


def _mentions_bool(annotation: Any) -> bool:
    """Whether a field's type is `bool` (or an optional or annotated `bool`)."""
    return annotation is bool or any(_mentions_bool(a) for a in get_args(annotation))


class RequestModel(BaseModel):
    """A request body: unknown fields are rejected (no mass assignment)."""

    model_config = ConfigDict(
        extra="forbid", str_strip_whitespace=True, json_schema_extra=_document_text_rules
    )

    @field_validator("*", mode="before")
    @classmethod
    def _json_booleans(cls, value: object, info: ValidationInfo) -> object:
        # Lax validation reads `true` as 1 and `0` as false; the schema's types are JSON's.
        field = cls.model_fields.get(info.field_name or "")
        if field is None or value is None:
            return value
        if isinstance(value, bool) != _mentions_bool(field.annotation):
            raise ValueError(
                "must be a boolean" if _mentions_bool(field.annotation) else "must not be a boolean"
            )
        return value

    @field_validator("*", mode="after")
    @classmethod
    def _no_nul_characters(cls, value: object) -> object:
        # PostgreSQL text cannot hold U+0000: refuse it here, naming the field.
        if isinstance(value, str) and "\x00" in value:
            raise ValueError("must not contain NUL (U+0000) characters")
        return value


class _NeverNull:
    """A PATCH field that may be left out but never set to null (the service refuses null):
    its schema drops the `null` branch, its validation stays that of `X | None`."""

    def __get_pydantic_json_schema__(
        self, core_schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        schema = handler(core_schema)
        options = [o for o in schema.get("anyOf", []) if o.get("type") != "null"]
        if len(options) == 1:
            del schema["anyOf"]
            schema.update(options[0])
        return schema


NEVER_NULL = _NeverNull()


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
    # The year as written (what the schema's pattern says), not in UTC: an offset moves an
    # instant by hours, still far from the calendar's ends.
    if not EARLIEST.year <= value.year <= LATEST.year:
        raise ValueError("must be between 1900-01-01 and 2999-12-31")
    return value.astimezone(UTC)


def _not_far_future(value: datetime) -> datetime:
    utc = _in_range(value)
    if utc - datetime.now(UTC) > FUTURE_TOLERANCE:
        raise ValueError("must not be more than 24 hours in the future")
    return utc


def _date_in_range(value: date) -> date:
    if not EARLIEST.date() <= value <= LATEST.date():
        raise ValueError("must be between 1900-01-01 and 2999-12-31")
    return value


def _iso_date_text(value: object) -> object:
    # Pydantic would read a bare number as Unix time (`?at=0` as 1970-01-01).
    if isinstance(value, date) or (isinstance(value, str) and DATE_TEXT.fullmatch(value)):
        return value
    raise ValueError("must be a date written YYYY-MM-DD")


def _rfc3339_text(value: object) -> object:
    # Pydantic would read a bare number (or "0") as Unix time: the contract is RFC 3339 text.
    if not isinstance(value, str | datetime) or (
        isinstance(value, str) and not DATE_TEXT.match(value)
    ):
        raise ValueError("must be an RFC 3339 date-time string with an offset")
    return value


# The years 1900 to 2999, in the schema's own terms (patterns on the text).
DATE_TEXT = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
YEARS_PATTERN = "^(19|2[0-9])[0-9]{2}-"
DATE_SCHEMA = WithJsonSchema(
    {"type": "string", "format": "date", "pattern": YEARS_PATTERN + "[0-9]{2}-[0-9]{2}$"}
)
INSTANT_SCHEMA = WithJsonSchema({"type": "string", "format": "date-time", "pattern": YEARS_PATTERN})

# A calendar date in a query (YYYY-MM-DD), 1900-01-01 to 2999-12-31.
LocalDate = Annotated[
    date, BeforeValidator(_iso_date_text), AfterValidator(_date_in_range), DATE_SCHEMA
]


def _date_or_latest(value: object) -> date | str:
    if value == "latest":
        return value
    text = _iso_date_text(value)
    return _date_in_range(text if isinstance(text, date) else date.fromisoformat(str(text)))


# A local date as LocalDate, or `latest` (the balance's latest date with data).
LocalDateOrLatest = Annotated[
    date | str,
    PlainValidator(_date_or_latest),
    WithJsonSchema(
        {
            "anyOf": [
                {
                    "type": "string",
                    "format": "date",
                    "pattern": YEARS_PATTERN + "[0-9]{2}-[0-9]{2}$",
                },
                {"type": "string", "enum": ["latest"]},
            ]
        }
    ),
]
# An instant used as a filter: RFC 3339 with an offset, 1900 to 2999.
FilterInstant = Annotated[
    AwareDatetime, BeforeValidator(_rfc3339_text), AfterValidator(_in_range), INSTANT_SCHEMA
]
# RFC 3339 with an offset (no bare numbers, no naive times), at most 24 h ahead.
Instant = Annotated[
    AwareDatetime,
    BeforeValidator(_rfc3339_text),
    AfterValidator(_not_far_future),
    INSTANT_SCHEMA,
]


def _whole_number(value: object) -> object:
    # JSON Schema's `integer` includes 4.0; strict ints still refuse "4" and true.
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


# An integer field that refuses strings and booleans but takes 4.0 like the schema does.
WholeNumber = BeforeValidator(_whole_number)
Notes = Annotated[str, StringConstraints(max_length=2000)]
