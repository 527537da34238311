"""Accounts and their refresh tokens."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import Column, ForeignKey, Uuid
from sqlmodel import Field, SQLModel

from db.base import id_field, instant_field, utcnow


class User(SQLModel, table=True):
    __tablename__ = "user_account"

    id: uuid.UUID = id_field()
    # Stored lower-cased so uniqueness is case-insensitive on every database.
    email: str = Field(max_length=320, unique=True)
    password_hash: str = Field(max_length=255)
    display_name: str | None = Field(default=None, max_length=100)
    sex: str = Field(default="unspecified", max_length=16)
    birth_year: int | None = None
    timezone: str = Field(default="UTC", max_length=64)
    unit_preference: str = Field(default="kg", max_length=2)
    bodyweight_kg: float | None = None
    role: str = Field(default="user", max_length=16)
    is_active: bool = True
    token_version: int = 0
    created_at: datetime = instant_field(default_factory=utcnow)
    updated_at: datetime = instant_field(default_factory=utcnow)


class RefreshToken(SQLModel, table=True):
    __tablename__ = "refresh_token"

    id: uuid.UUID = id_field()
    user_id: uuid.UUID = Field(
        sa_column=Column(
            Uuid, ForeignKey("user_account.id", ondelete="CASCADE"), nullable=False, index=True
        )
    )
    # SHA-256 of the opaque token: the token itself is never stored.
    token_hash: str = Field(max_length=64, unique=True)
    family_id: uuid.UUID = Field(index=True)
    parent_id: uuid.UUID | None = None
    created_at: datetime = instant_field(default_factory=utcnow)
    expires_at: datetime = instant_field()
    used_at: datetime | None = instant_field(default=None, nullable=True)
    revoked_at: datetime | None = instant_field(default=None, nullable=True)
