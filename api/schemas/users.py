"""Profiles: registration, reading and updating one's own account."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

import email_validator
from pydantic import EmailStr, Field, StringConstraints

from api.schemas.common import (
    NEVER_NULL,
    NO_NUL_PATTERN,
    RequestModel,
    ResponseModel,
    TimeZoneName,
)
from api.schemas.enums import Role, Sex, Unit

# A password is taken as typed (sign-in does not strip it either); only NUL is refused.
Password = Annotated[str, StringConstraints(strip_whitespace=False, pattern=NO_NUL_PATTERN)]


def _no_special_use_domain() -> str:
    """A pattern refusing what email-validator refuses beyond the format: addresses under the
    special-use names (`.test`, `.local`, ...), which can never receive mail."""
    names = "|".join(
        "".join(f"[{c}{c.upper()}]" if c.isalpha() else c for c in name)
        for name in email_validator.SPECIAL_USE_DOMAIN_NAMES
    )
    return f"^(?!.*[@.]({names})$)"


class UserRegister(RequestModel):
    email: EmailStr = Field(
        examples=["ada@example.com"], json_schema_extra={"pattern": _no_special_use_domain()}
    )
    password: Password = Field(min_length=10, max_length=128, examples=["correct horse battery"])
    display_name: str | None = Field(default=None, max_length=100, examples=["Ada"])
    sex: Sex = Sex.unspecified
    birth_year: int | None = Field(default=None, ge=1900, le=2100)
    timezone: TimeZoneName = Field(default="UTC", examples=["Europe/Berlin"])
    unit_preference: Unit = Unit.kg
    bodyweight_kg: float | None = Field(default=None, ge=20, le=400)


class UserUpdate(RequestModel):
    display_name: str | None = Field(default=None, max_length=100)
    # sex, timezone and unit_preference may be left out, never null.
    sex: Annotated[Sex | None, NEVER_NULL] = None
    birth_year: int | None = Field(default=None, ge=1900, le=2100)
    timezone: Annotated[TimeZoneName | None, NEVER_NULL] = None
    unit_preference: Annotated[Unit | None, NEVER_NULL] = None
    bodyweight_kg: float | None = Field(default=None, ge=20, le=400)


class UserRead(ResponseModel):
    id: uuid.UUID
    email: str
    display_name: str | None
    sex: Sex
    birth_year: int | None
    timezone: str
    unit_preference: Unit
    bodyweight_kg: float | None
    role: Role
    created_at: datetime
    updated_at: datetime


class PasswordChange(RequestModel):
    current_password: Password = Field(max_length=128)
    new_password: Password = Field(min_length=10, max_length=128)
