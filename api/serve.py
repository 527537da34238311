"""`python -m api.serve`: the development server, with uvicorn on the configured host and port.

It logs one human-readable line per request unless `BACKCHAIN_LOG_FORMAT` says otherwise, or
`BACKCHAIN_ENV=production` keeps the JSON lines that `api.serve_prod` writes."""

from __future__ import annotations

import uvicorn
from fastapi import FastAPI

from api.app import create_app
from api.settings import Settings, get_settings


def development_settings(settings: Settings) -> Settings:
    """The settings with text logs, where neither the environment nor production says JSON."""
    if settings.env == "production" or "log_format" in settings.model_fields_set:
        return settings
    return settings.model_copy(update={"log_format": "text"})


def development_app() -> FastAPI:
    """The app as the development server runs it (uvicorn's factory)."""
    return create_app(development_settings(get_settings()))


def main() -> None:
    settings = get_settings()
    uvicorn.run(
        "api.serve:development_app",
        factory=True,
        host=settings.host,
        port=settings.port,
        # X-Forwarded-For is believed only from the configured proxies (none by default):
        # from anyone else it would let a client pick its own address, and so its throttles.
        proxy_headers=bool(settings.forwarded_allow_ips),
        forwarded_allow_ips=",".join(settings.forwarded_allow_ips),
        timeout_graceful_shutdown=20,
        access_log=False,  # the app logs one line per request itself
    )


if __name__ == "__main__":
    main()
