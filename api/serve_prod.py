"""`python -m api.serve_prod`: several uvicorn workers; shared state must live in Redis/DB."""

from __future__ import annotations

import os
import sys

import uvicorn

from api.settings import get_settings


def main() -> int:
    settings = get_settings()
    workers = int(os.environ.get("BACKCHAIN_WORKERS", "2"))
    if workers > 1 and not settings.redis_url:
        sys.stderr.write(
            "BACKCHAIN_REDIS_URL is required with more than one worker: rate limits and "
            "login throttles must be shared by every process\n"
        )
        return 2
    if settings.is_sqlite:
        sys.stderr.write("warning: SQLite serialises writes; use PostgreSQL in production\n")
    uvicorn.run(
        "api.app:create_app",
        factory=True,
        host=settings.host,
        port=settings.port,
        workers=workers,
        # X-Forwarded-For is believed only from the configured proxies (none by default):
        # from anyone else it would let a client pick its own address, and so its throttles.
        proxy_headers=bool(settings.forwarded_allow_ips),
        forwarded_allow_ips=",".join(settings.forwarded_allow_ips),
        timeout_graceful_shutdown=20,
        timeout_keep_alive=5,
        access_log=False,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
