"""The uvicorn options `make serve` and `make serve-prod` start with."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import uvicorn

from api import serve, serve_prod
from api.settings import get_settings


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, object]]:
    """The keyword arguments `uvicorn.run` gets, instead of running it."""
    options: dict[str, object] = {}
    monkeypatch.setattr(uvicorn, "run", lambda _app, **kwargs: options.update(kwargs))
    monkeypatch.setenv("BACKCHAIN_REDIS_URL", "redis://127.0.0.1:6379/0")
    monkeypatch.delenv("FORWARDED_ALLOW_IPS", raising=False)
    get_settings.cache_clear()
    yield options
    get_settings.cache_clear()


@pytest.mark.parametrize("main", [serve.main, serve_prod.main])
def test_forwarded_headers_are_trusted_from_no_one_by_default(
    main: object, started: dict[str, object]
) -> None:
    """Issue 21 #7: any client could pick its own address with X-Forwarded-For."""
    main()  # type: ignore[operator]
    assert started["proxy_headers"] is False
    # uvicorn's own default trusts 127.0.0.1 (and $FORWARDED_ALLOW_IPS): never left to it.
    assert started["forwarded_allow_ips"] == ""


@pytest.mark.parametrize("main", [serve.main, serve_prod.main])
def test_forwarded_headers_are_trusted_from_configured_proxies(
    main: object, started: dict[str, object], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BACKCHAIN_FORWARDED_ALLOW_IPS", "10.0.0.2, 10.0.0.3")
    main()  # type: ignore[operator]
    assert started["proxy_headers"] is True
    assert started["forwarded_allow_ips"] == "10.0.0.2,10.0.0.3"
