"""`python -m api.serve`: run the app with uvicorn on the configured host and port."""

from __future__ import annotations

import uvicorn

from api.settings import get_settings


def main() -> None:
    settings = get_settings()
    uvicorn.run(
        "api.app:create_app",
        factory=True,
        host=settings.host,
        port=settings.port,
        # X-Forwarded-For is believed only from the configured proxies (none by default):
        # from anyone else it would let a client pick its own address, and so its throttles.
        proxy_headers=bool(settings.forwarded_allow_ips),
        forwarded_allow_ips=",".join(settings.forwarded_allow_ips),
        timeout_graceful_shutdown=20,
        access_log=False,  # the app logs one JSON line per request itself
    )


if __name__ == "__main__":
    main()
