"""The application factory: settings in, a configured FastAPI app out."""

from __future__ import annotations

import gc
from pathlib import Path

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.openapi.docs import get_swagger_ui_html, get_swagger_ui_oauth2_redirect_html
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from sqlalchemy import Engine
from swagger_ui_bundle import swagger_ui_path

from api import logs, openapi_doc
from api.caches import Caches
from api.errors import NotFound, register_error_handlers
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
posterior chain is catching up with the anterior chain (method `pcb-1`, explained in words at
[/docs/method.md](/docs/method.md); its constants at `/v1/methods/pcb-1`).

Errors are RFC 9457 `application/problem+json` with a stable `code`.
"""


DOCS_PATH = "/docs"
DOCS_STATIC = "/docs/static"
DOCS_OAUTH2_REDIRECT = "/docs/oauth2-redirect"
METHOD_DOCUMENT_PATH = "/docs/method.md"
# The methods explained in words (docs/METHOD.md), linked from every `/v1/methods/…` answer.
METHOD_DOCUMENT = Path(__file__).resolve().parent.parent / "docs" / "METHOD.md"


def _add_docs(app: FastAPI, *, front: str) -> None:
    """Swagger UI at /docs from the files of the `swagger-ui-bundle-v2` package (it works
    offline: nothing from a CDN), and `/` sending a browser to the dashboard or the docs."""
    app.mount(DOCS_STATIC, StaticFiles(directory=swagger_ui_path), name="docs-static")

    async def swagger_ui() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url=app.openapi_url or "/openapi.json",
            title=f"{app.title} — Swagger UI",
            swagger_js_url=f"{DOCS_STATIC}/swagger-ui-bundle.js",
            swagger_css_url=f"{DOCS_STATIC}/swagger-ui.css",
            swagger_favicon_url=f"{DOCS_STATIC}/favicon-32x32.png",
            oauth2_redirect_url=DOCS_OAUTH2_REDIRECT,
        )

    async def swagger_ui_redirect() -> HTMLResponse:
        return get_swagger_ui_oauth2_redirect_html()

    async def front_page() -> RedirectResponse:
        return RedirectResponse(front)

    document = METHOD_DOCUMENT.read_bytes() if METHOD_DOCUMENT.is_file() else None

    async def method_document() -> Response:
        if document is None:
            raise NotFound("The method document is not installed with this server")
        return Response(document, media_type="text/markdown; charset=utf-8")

    app.add_api_route(DOCS_PATH, swagger_ui, methods=["GET"], include_in_schema=False)
    app.add_api_route(
        DOCS_OAUTH2_REDIRECT, swagger_ui_redirect, methods=["GET"], include_in_schema=False
    )
    app.add_api_route("/", front_page, methods=["GET"], include_in_schema=False)
    app.add_api_route(
        METHOD_DOCUMENT_PATH, method_document, methods=["GET"], include_in_schema=False
    )


def create_app(settings: Settings | None = None, *, engine: Engine | None = None) -> FastAPI:
    """Build the app; tests pass their own settings and engine."""
    settings = settings or get_settings()
    logs.configure(settings.log_format)

    app = FastAPI(
        title="Backchain API",
        version="1.0.0",
        description=DESCRIPTION,
        openapi_url="/openapi.json",
        docs_url=None,  # served from our own files below (no CDN)
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
    has_dashboard = (settings.web_dist / "index.html").is_file()
    if has_dashboard:
        app.mount("/app", StaticFiles(directory=settings.web_dist, html=True), name="web")
    _add_docs(app, front="/app/" if has_dashboard else DOCS_PATH)
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
