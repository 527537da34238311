"""Settings validation and the development secret."""

from __future__ import annotations

import pytest

from api.settings import ConfigurationError, Settings


def test_production_requires_a_secret() -> None:
    with pytest.raises(ConfigurationError, match="BACKCHAIN_JWT_SECRET is required"):
        Settings(env="production", jwt_secret=None)


def test_short_secret_is_refused() -> None:
    with pytest.raises(ConfigurationError, match="at least 32 bytes"):
        Settings(env="production", jwt_secret="short")


def test_development_secret_is_generated_once(tmp_path) -> None:
    settings = Settings(data_dir=tmp_path)
    first = settings.signing_secret()
    assert len(first) >= 32
    assert Settings(data_dir=tmp_path).signing_secret() == first
    assert (tmp_path / "jwt_secret").stat().st_mode & 0o077 == 0


def test_cors_origins_accept_a_comma_separated_list(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BACKCHAIN_CORS_ORIGINS", "https://a.example, https://b.example")
    assert Settings().cors_origins == ["https://a.example", "https://b.example"]


def test_forwarded_allow_ips_accept_a_comma_separated_list(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("BACKCHAIN_FORWARDED_ALLOW_IPS", "10.0.0.2, 10.0.0.0/24")
    assert Settings().forwarded_allow_ips == ["10.0.0.2", "10.0.0.0/24"]
    monkeypatch.delenv("BACKCHAIN_FORWARDED_ALLOW_IPS")
    assert Settings().forwarded_allow_ips == []


def test_the_per_email_sign_in_ceiling_defaults_to_ten_times_the_limit() -> None:
    assert Settings(login_attempts_per_minute=7).login_ceiling_per_email_per_minute == 70
    assert (
        Settings(
            login_attempts_per_minute=7, login_attempts_per_email_per_minute=30
        ).login_ceiling_per_email_per_minute
        == 30
    )
