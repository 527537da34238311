"""Every setting, read once from `BACKCHAIN_*` environment variables and validated at start-up."""

from __future__ import annotations

import os
import secrets
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict
from sqlalchemy.engine import make_url

MIN_SECRET_BYTES = 32


class ConfigurationError(RuntimeError):
    """The service refuses to start with this configuration."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="BACKCHAIN_", extra="ignore")

    database_url: str = "sqlite:///./data/backchain.db"
    data_dir: Path = Path("./data")
    host: str = "127.0.0.1"
    port: int = 8000
    env: Literal["development", "production"] = "development"
    jwt_secret: str | None = None
    # Rotation: tokens are signed with jwt_secret; these (comma-separated) still verify until
    # the tokens they signed expire.
    jwt_previous_secrets: Annotated[list[str], NoDecode] = Field(default_factory=list)
    jwt_issuer: str = "backchain"
    jwt_audience: str = "backchain-api"
    access_token_minutes: int = Field(default=15, ge=1, le=24 * 60)
    refresh_token_days: int = Field(default=30, ge=1, le=365)
    # A refresh token used again within this many seconds of its first use answers as the
    # first use did (a retry after a timeout, two tabs at once); later, reuse revokes its
    # family. Auth0 and Okta call it the reuse interval; 0 turns it off.
    refresh_reuse_grace_seconds: int = Field(default=30, ge=0, le=3600)
    redis_url: str | None = None
    # Comma-separated origins allowed by CORS; empty = no cross-origin access.
    cors_origins: Annotated[list[str], NoDecode] = Field(default_factory=list)
    # Argon2id cost (OWASP: m=19 MiB, t=2 is the floor; these defaults sit above it).
    password_time_cost: int = Field(default=3, ge=1)
    password_memory_kib: int = Field(default=65536, ge=8)
    # Sign-in attempts per (email, client address) and per client address; a wrong current
    # password on a password change, per account.
    login_attempts_per_minute: int = Field(default=10, ge=1)
    # Sign-in attempts per email from every address together: a ceiling against guessing
    # spread over many addresses, far above what one client may try (default: 10x the above).
    login_attempts_per_email_per_minute: int | None = Field(default=None, ge=1)
    registrations_per_ip_per_hour: int = Field(default=20, ge=1)
    # Argon2 threads per process (default: half the CPUs); beyond them and the waiting: 503.
    password_hash_threads: int | None = Field(default=None, ge=1, le=64)
    password_hash_waiting: int = Field(default=16, ge=0, le=1000)
    # Comma-separated addresses (or networks) of the proxies whose X-Forwarded-For and
    # X-Forwarded-Proto are believed; empty = none: the client address is the peer's.
    forwarded_allow_ips: Annotated[list[str], NoDecode] = Field(default_factory=list)
    max_body_bytes: int = Field(default=1_048_576, ge=1024)
    log_format: Literal["json", "text"] = "json"
    # Freeze start-up objects out of the garbage collector's scans (docs/ARCHITECTURE.md).
    gc_freeze: bool = True
    # PostgreSQL cancels any statement running longer than this (the request answers 503).
    db_statement_timeout_ms: int = Field(default=30_000, ge=100)
    # Units of database work running at once per process, in threads (db.engine.Database).
    database_threads: int = Field(default=2, ge=1, le=200)
    # The built dashboard, served at /app when the folder exists (`make web` builds it).
    web_dist: Path = Path(__file__).resolve().parent.parent / "clients" / "web" / "dist"
    max_import_bytes: int = Field(default=10 * 1_048_576, ge=1024)
    # Imports with more data rows than this answer 202 and run as a background job.
    import_sync_max_rows: int = Field(default=20_000, ge=1)
    # Files with more data rows than this answer 413 before any job starts.
    import_max_rows: int = Field(default=100_000, ge=1)
    # A background import's lease, renewed every third of it (api/services/imports.py).
    import_lease_seconds: int = Field(default=60, ge=1, le=3600)
    # The caches (docs/ARCHITECTURE.md): record JSON, shared answers, remembered accounts.
    record_cache_mb: int = Field(default=64, ge=0, le=65_536)
    share_answers: bool = True
    account_recheck_ms: int = Field(default=1000, ge=0, le=60_000)

    @field_validator("cors_origins", "jwt_previous_secrets", "forwarded_allow_ips", mode="before")
    @classmethod
    def _split_origins(cls, value: object) -> object:
        if isinstance(value, str):
            return [origin.strip() for origin in value.split(",") if origin.strip()]
        return value

    @model_validator(mode="after")
    def _check_secret(self) -> Settings:
        if self.jwt_secret is not None and len(self.jwt_secret.encode()) < MIN_SECRET_BYTES:
            raise ConfigurationError(
                f"BACKCHAIN_JWT_SECRET must be at least {MIN_SECRET_BYTES} bytes long"
            )
        if self.env == "production" and self.jwt_secret is None:
            raise ConfigurationError(
                "BACKCHAIN_JWT_SECRET is required when BACKCHAIN_ENV=production "
                f"(at least {MIN_SECRET_BYTES} random bytes)"
            )
        return self

    @property
    def is_sqlite(self) -> bool:
        return make_url(self.database_url).get_backend_name() == "sqlite"

    @property
    def login_ceiling_per_email_per_minute(self) -> int:
        return self.login_attempts_per_email_per_minute or 10 * self.login_attempts_per_minute

    @property
    def password_hash_pool_threads(self) -> int:
        return self.password_hash_threads or max(1, (os.cpu_count() or 1) // 2)

    def signing_secret(self) -> str:
        """The JWT secret; in development one is generated once and kept in the data folder."""
        if self.jwt_secret is not None:
            return self.jwt_secret
        path = self.data_dir / "jwt_secret"
        if not path.exists():
            self.data_dir.mkdir(parents=True, exist_ok=True)
            path.write_text(secrets.token_urlsafe(48))
            path.chmod(0o600)
        return path.read_text().strip()


@lru_cache
def get_settings() -> Settings:
    """The process's settings (cached)."""
    return Settings()
