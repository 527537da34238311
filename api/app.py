"""The application factory: settings in, a configured FastAPI app out."""

from __future__ import annotations

import gc

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.staticfiles import StaticFiles
from sqlalchemy import Engine

from api import logs, openapi_doc
from api.caches import Caches
from api.errors import register_error_handlers
from api.exercise_names import system_resolver
from api.middleware import BodySizeLimitMiddleware, RequestContextMiddleware
from api.routers import (
    analytics,
    auth,
    bodyweights,
    exercises,
    exports,
    health,
    imports,
    pain_scores,
    sync,
    trainers,
    users,
    workouts,
)
from api.security import PasswordHasher, TokenCodec
from api.settings import Settings, get_settings
from api.throttle import SignInThrottle, Throttle
from db.engine import Database, make_engine

DESCRIPTION = """\
Backchain tracks strength and pain, and tells athletes and their trainers whether the
posterior chain is catching up with the anterior chain (method `pcb-1`).

Errors are RFC 9457 `application/problem+json` with a stable `code`.
"""


def create_app(settings: Settings | None = None, *, engine: Engine | None = None) -> FastAPI:
    """Build the app; tests pass their own settings and engine."""
    settings = settings or get_settings()
    logs.configure(settings.log_format)

    app = FastAPI(
        title="Backchain API",
        version="1.0.0",
        description=DESCRIPTION,
        openapi_url="/openapi.json",
        docs_url="/docs",
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.engine = engine or make_engine(
        settings.database_url, statement_timeout_ms=settings.db_statement_timeout_ms
    )
    app.state.db = Database(app.state.engine, threads=settings.database_threads)
    app.state.caches = Caches.for_settings(settings)
    app.state.hasher = PasswordHasher(settings)
    app.state.tokens = TokenCodec(settings)
    app.state.login_throttle = SignInThrottle(
        attempts=Throttle(
            settings.redis_url, limit=settings.login_attempts_per_minute, namespace="login"
        ),
        per_email=Throttle(
            settings.redis_url,
            limit=settings.login_ceiling_per_email_per_minute,
            namespace="login-email",
        ),
    )
    app.state.password_throttle = Throttle(
        settings.redis_url, limit=settings.login_attempts_per_minute, namespace="password"
    )
    app.state.registration_throttle = Throttle(
        settings.redis_url,
        limit=settings.registrations_per_ip_per_hour,
        window_minutes=60,
        namespace="register",
    )
    app.state.accept_throttle = Throttle(
        settings.redis_url, limit=settings.login_attempts_per_minute, namespace="accept"
    )
    register_error_handlers(app)
    # Busiest first: a request is matched against each route in turn (no two routes match
    # the same request, so the order changes nothing else; tests/unit/test_routes.py).
    for router in (
        workouts.router,
        pain_scores.router,
        bodyweights.router,
        sync.router,
        analytics.router,
        users.router,
        exercises.router,
        exports.router,
        trainers.client_router,
        trainers.trainer_router,
        imports.router,
        auth.router,
        health.router,
    ):
        app.include_router(router)
    app.add_middleware(
        BodySizeLimitMiddleware,
        max_bytes=settings.max_body_bytes,
        larger={r"^/v1/users/[^/]+/imports$": settings.max_import_bytes},
    )
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "POST", "PUT", "PATCH", "DELETE"],
            allow_headers=[
                "Authorization",
                "Content-Type",
                "If-Match",
                "If-None-Match",
                "Idempotency-Key",
                "X-Request-ID",
            ],
            expose_headers=["ETag", "X-Request-ID", "Retry-After"],
        )
    if (settings.web_dist / "index.html").is_file():
        app.mount("/app", StaticFiles(directory=settings.web_dist, html=True), name="web")
    app.openapi = lambda: openapi_doc.build(app)  # type: ignore[method-assign]
    app.add_middleware(
        RequestContextMiddleware, database=app.state.db, hsts=settings.env == "production"
    )
    # The catalog's name matcher (immutable, ~0.3 s to build) is built now rather than by the
    # first import or set named by name, and is frozen with the rest.
    system_resolver()
    # Long-lived objects made at start-up (routes, schemas, the catalog of types) move out of
    # the collector's way: GC pauses were 30-50 % of a cold analytics request (bench/RESULTS.md).
    if settings.gc_freeze:
        gc.collect()
        gc.freeze()
    return app
