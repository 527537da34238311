"""Pure ASGI middleware (cheaper than BaseHTTPMiddleware): request ids and body size limits."""

from __future__ import annotations

import functools
import itertools
import json
import logging
import os
import re
import secrets
import time
from typing import Any

from sqlmodel import Session
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.errors import PROBLEM_MEDIA_TYPE, unexpected_error_response
from db.engine import Database
from db.models import AccessLogEntry

_SAFE_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")


class _RequestIds:
    """Generated request ids: 16 random hex digits per process, then a counter (32 hex digits
    in all). Unique without a system call per request, as uuid4 makes one each time."""

    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        self.prefix = secrets.token_hex(8)
        self.numbers = itertools.count(1)

    def new(self) -> str:
        return f"{self.prefix}{next(self.numbers):016x}"


_REQUEST_IDS = _RequestIds()
os.register_at_fork(after_in_child=_REQUEST_IDS.reset)  # a forked worker gets its own prefix


SECURITY_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
]
HSTS = (b"strict-transport-security", b"max-age=63072000; includeSubDomains")

access_logger = logging.getLogger("backchain.access")

# Cache-Control by kind of answer (`cache_control`): public documents are the same for everyone;
# everything else is someone's data or a credential. Records carry ETags, so a client may keep
# them to revalidate (`If-None-Match` → 304) but must ask every time.
PUBLIC_PATHS = ("/openapi.json", "/docs", "/v1/methods/")
AUTH_PATH = "/v1/auth/"
NO_STORE_PATHS = (AUTH_PATH, "/healthz", "/readyz")
# RFC 6749 §5.1: token answers carry `Pragma: no-cache` beside `no-store` (for HTTP/1.0
# caches); every /v1/auth answer does.
PRAGMA_NO_CACHE = (b"pragma", b"no-cache")


def cache_control(path: str, status: int, headers: list[tuple[bytes, bytes]]) -> bytes:
    """The Cache-Control of an answer: `no-store` for errors, tokens and health; `public` for
    the spec and the method tables; `private` for the rest (revalidated if it has an ETag)."""
    if status >= 400 or path.startswith(NO_STORE_PATHS):
        return b"no-store"
    if path.startswith(PUBLIC_PATHS):
        return b"public, max-age=3600"
    if any(name == b"etag" for name, _ in headers):
        return b"private, no-cache"
    return b"private, no-store"


class RequestContextMiddleware:
    """Per request: echo a well-formed X-Request-ID or make one, add security headers and
    Cache-Control, log one line per request (request id, user id, route template, status, duration;
    never bodies, query strings or tokens), and record each trainer call on a client's data
    once it has answered (status included).

    The access-log row is written after the response has been sent, in its own short
    transaction, so a read is not slowed; the dependency that authorised the call marks it
    in `scope["state"]`. (One middleware for all of this: each layer costs every request.)
    """

    def __init__(self, app: ASGIApp, *, database: Database, hsts: bool = False) -> None:
        self.app = app
        self.database = database
        self.headers = [*SECURITY_HEADERS, *([HSTS] if hsts else [])]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        began = time.perf_counter()
        incoming = dict(scope["headers"]).get(b"x-request-id", b"").decode("latin-1")
        request_id = incoming if _SAFE_REQUEST_ID.match(incoming) else _REQUEST_IDS.new()
        state = scope.setdefault("state", {})
        state["request_id"] = request_id
        status = 500
        started = finished = False

        async def send_with_headers(message: Message) -> None:
            nonlocal status, started, finished
            if message["type"] == "http.response.start":
                status = message["status"]
                started = True
                headers = message.get("headers", [])
                message["headers"] = [
                    *headers,
                    (b"x-request-id", request_id.encode("latin-1")),
                    (b"cache-control", cache_control(scope["path"], status, headers)),
                    *([PRAGMA_NO_CACHE] if scope["path"].startswith(AUTH_PATH) else []),
                    *self.headers,
                ]
            elif message["type"] == "http.response.body" and not message.get("more_body"):
                finished = True
            await send(message)

        try:
            await self.app(scope, receive, send_with_headers)
        except Exception as exc:
            # Answered here, not by Starlette's outermost handler: its 500 would miss these
            # headers, and it re-raises, so the server would drop the keep-alive connection.
            # Only a response cut short must end the connection (the client saw a truncated
            # answer); after a complete one the error is logged and the connection kept.
            if started and not finished:
                raise
            response = unexpected_error_response(exc, request_id)
            if not started:
                await response(scope, receive, send_with_headers)
        finally:
            route = getattr(scope.get("route"), "path", None)
            access_logger.info(
                "request",
                extra={
                    "request_id": request_id,
                    "user_id": str(state["user_id"]) if state.get("user_id") else None,
                    "method": scope["method"],
                    "route": route or "unmatched",
                    "status": status,
                    "duration_ms": round((time.perf_counter() - began) * 1000, 2),
                },
            )
            marked = state.get("access_log")
            if marked is not None:
                await self.database.run(
                    functools.partial(
                        _write_access_log,
                        marked=marked,
                        method=scope["method"],
                        path=scope["path"],
                        status=status,
                    )
                )


class BodyTooLarge(StarletteHTTPException):
    """Raised from `receive`; an HTTPException so the framework renders it (not as a 400)."""

    def __init__(self) -> None:
        super().__init__(status_code=413, detail="Request body too large")


class BodySizeLimitMiddleware:
    """Refuse request bodies over the limit with 413, by header or while streaming.

    `larger` maps path patterns to their own limit (CSV imports take files up to 10 MB).
    """

    def __init__(self, app: ASGIApp, max_bytes: int, larger: dict[str, int] | None = None) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.larger = [(re.compile(pattern), limit) for pattern, limit in (larger or {}).items()]

    def _limit(self, path: str) -> int:
        for pattern, limit in self.larger:
            if pattern.search(path):
                return limit
        return self.max_bytes

    async def _reject(self, scope: Scope, send: Send, limit: int) -> None:
        body: dict[str, Any] = {
            "type": "urn:backchain:problem:payload_too_large",
            "title": "Request body too large",
            "status": 413,
            "detail": f"The request body exceeds {limit} bytes",
            "code": "payload_too_large",
            "request_id": scope.get("state", {}).get("request_id"),
        }
        payload = json.dumps(body).encode()
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [
                    (b"content-type", PROBLEM_MEDIA_TYPE.encode()),
                    (b"content-length", str(len(payload)).encode()),
                ],
            }
        )
        await send({"type": "http.response.body", "body": payload})

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self._limit(scope["path"])
        length = dict(scope["headers"]).get(b"content-length")
        if length is not None and length.isdigit() and int(length) > limit:
            await self._reject(scope, send, limit)
            return
        received = 0
        started = False

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise BodyTooLarge
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except BodyTooLarge:
            if not started:
                await self._reject(scope, send, limit)


def _resource_of(path: str) -> str:
    # /v1/users/{id}/<resource>/...
    parts = path.strip("/").split("/")
    return parts[3] if len(parts) > 3 else "user"


def _write_access_log(
    session: Session, *, marked: tuple[Any, Any], method: str, path: str, status: int
) -> None:
    trainer_id, client_id = marked
    session.add(
        AccessLogEntry(
            client_id=client_id,
            trainer_id=trainer_id,
            method=method,
            path=path[:300],
            resource=_resource_of(path)[:32],
            status=status,
        )
    )
    session.commit()
