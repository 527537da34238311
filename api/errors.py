"""The BackchainError family and the handlers that answer every error as problem+json (RFC 9457)."""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from sqlalchemy.exc import DataError, OperationalError
from sqlalchemy.exc import TimeoutError as SQLAlchemyTimeoutError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import compile_path

logger = logging.getLogger("backchain.errors")

PROBLEM_MEDIA_TYPE = "application/problem+json"


class ExerciseSuggestion(BaseModel):
    """A catalog (or the owner's own) exercise an unknown name may mean."""

    slug: str
    name: str
    score: float = Field(description="Similarity, 0-100 (rapidfuzz).")


class FieldErrorModel(BaseModel):
    field: str = Field(description="Dotted path of the offending field, e.g. `sets.0.reps`.")
    message: str
    line: int | None = Field(
        default=None, description="CSV imports: the 1-based line (the header is line 1)."
    )
    suggestions: list[ExerciseSuggestion] | None = Field(
        default=None, description="An unknown exercise name: the exercises it may mean."
    )


class Problem(BaseModel):
    """An RFC 9457 problem document."""

    type: str = Field(examples=["urn:backchain:problem:validation_error"])
    title: str = Field(examples=["Invalid input"])
    status: int = Field(examples=[422])
    detail: str | None = None
    code: str = Field(description="Stable machine-readable code.", examples=["validation_error"])
    errors: list[FieldErrorModel] | None = None
    request_id: str | None = None


@dataclass(frozen=True)
class FieldError:
    field: str
    message: str
    line: int | None = None
    suggestions: tuple[ExerciseSuggestion, ...] = ()


class BackchainError(Exception):
    """A failure a client can act on; maps to one problem document."""

    status: ClassVar[int] = 400
    code: ClassVar[str] = "bad_request"
    title: ClassVar[str] = "Bad request"

    def __init__(
        self,
        detail: str | None = None,
        *,
        errors: Sequence[FieldError] = (),
        headers: dict[str, str] | None = None,
        code: str | None = None,
    ) -> None:
        super().__init__(detail or self.title)
        self.detail = detail
        self.errors = list(errors)
        self.headers = headers or {}
        self.instance_code = code or self.code


class NotFound(BackchainError):
    status, code, title = 404, "not_found", "Not found"


class Unauthorized(BackchainError):
    status, code, title = 401, "unauthorized", "Authentication required"

    def __init__(self, detail: str | None = None, *, code: str | None = None) -> None:
        super().__init__(detail, headers={"WWW-Authenticate": "Bearer"}, code=code)


class Forbidden(BackchainError):
    """Refused to a caller who may see the data (so a 404 would hide nothing)."""

    status, code, title = 403, "forbidden", "Forbidden"


class Conflict(BackchainError):
    status, code, title = 409, "conflict", "Conflict"


class PreconditionFailed(BackchainError):
    status, code, title = 412, "precondition_failed", "Precondition failed"


class PayloadTooLarge(BackchainError):
    status, code, title = 413, "payload_too_large", "Request body too large"


class InvalidInput(BackchainError):
    status, code, title = 422, "validation_error", "Invalid input"

    def __init__(
        self, errors: Sequence[FieldError], detail: str | None = None, *, code: str | None = None
    ) -> None:
        super().__init__(
            detail or "; ".join(f"{e.field}: {e.message}" for e in errors), errors=errors, code=code
        )


class TooManyRequests(BackchainError):
    status, code, title = 429, "too_many_requests", "Too many requests"

    def __init__(self, retry_after_s: int, detail: str | None = None) -> None:
        super().__init__(detail, headers={"Retry-After": str(max(1, retry_after_s))})


class ServiceUnavailable(BackchainError):
    status, code, title = 503, "service_unavailable", "Service unavailable"


class DatabaseUnavailable(ServiceUnavailable):
    code = "database_unavailable"


def problem_body(
    *,
    status: int,
    code: str,
    title: str,
    detail: str | None = None,
    errors: Sequence[FieldError] = (),
    request_id: str | None = None,
) -> dict[str, Any]:
    """The JSON of a problem document."""
    body: dict[str, Any] = {
        "type": f"urn:backchain:problem:{code}",
        "title": title,
        "status": status,
        "detail": detail,
        "code": code,
    }
    if errors:
        body["errors"] = [
            {
                "field": e.field,
                "message": e.message,
                **({"line": e.line} if e.line else {}),
                **(
                    {"suggestions": [s.model_dump() for s in e.suggestions]}
                    if e.suggestions
                    else {}
                ),
            }
            for e in errors
        ]
    if request_id:
        body["request_id"] = request_id
    return body


def error_body(exc: BackchainError) -> dict[str, Any]:
    """The problem document of one of our errors (used where no response is sent, e.g. batch)."""
    return problem_body(
        status=exc.status,
        code=exc.instance_code,
        title=exc.title,
        detail=exc.detail,
        errors=exc.errors,
    )


def problem_response(
    *,
    status: int,
    code: str,
    title: str,
    detail: str | None = None,
    errors: Sequence[FieldError] = (),
    headers: dict[str, str] | None = None,
    request_id: str | None = None,
) -> JSONResponse:
    """A problem+json response."""
    body = problem_body(
        status=status, code=code, title=title, detail=detail, errors=errors, request_id=request_id
    )
    return JSONResponse(body, status_code=status, headers=headers, media_type=PROBLEM_MEDIA_TYPE)


def _request_id(request: Request) -> str | None:
    return getattr(request.state, "request_id", None)


def field_name(loc: Sequence[int | str]) -> str:
    """A dotted field path from a pydantic error location (without body/query prefixes)."""
    parts = [str(p) for p in loc]
    if parts and parts[0] in {"body", "query", "path", "header", "cookie"}:
        parts = parts[1:]
    return ".".join(parts) or "body"


async def _handle_backchain(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, BackchainError)
    return problem_response(
        status=exc.status,
        code=exc.instance_code,
        title=exc.title,
        detail=exc.detail,
        errors=exc.errors,
        headers=exc.headers,
        request_id=_request_id(request),
    )


async def _handle_validation(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = [FieldError(field_name(e.get("loc", ())), str(e.get("msg", ""))) for e in exc.errors()]
    return problem_response(
        status=422,
        code="validation_error",
        title="Invalid input",
        detail="; ".join(f"{e.field}: {e.message}" for e in errors),
        errors=errors,
        request_id=_request_id(request),
    )


_HTTP_CODES = {
    401: ("unauthorized", "Authentication required"),
    404: ("not_found", "Not found"),
    405: ("method_not_allowed", "Method not allowed"),
    413: ("payload_too_large", "Request body too large"),
    415: ("unsupported_media_type", "Unsupported media type"),
}


async def _handle_http(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    if exc.status_code == 400 and exc.detail == "There was an error parsing the body":
        # FastAPI's answer to a body that is not UTF-8 JSON: it is invalid input like any other.
        error = FieldError("body", "not a valid UTF-8 JSON document")
        return problem_response(
            status=422,
            code="validation_error",
            title="Invalid input",
            detail=f"{error.field}: {error.message}",
            errors=[error],
            request_id=_request_id(request),
        )
    code, title = _HTTP_CODES.get(exc.status_code, ("http_error", "HTTP error"))
    detail = exc.detail if isinstance(exc.detail, str) and exc.detail != title else None
    headers = dict(exc.headers or {})
    if exc.status_code == 405:
        headers["Allow"] = _allowed_methods(request)
    return problem_response(
        status=exc.status_code,
        code=code,
        title=title,
        detail=detail,
        headers=headers,
        request_id=_request_id(request),
    )


def _allowed_methods(request: Request) -> str:
    """Every method the path answers. Starlette names only the first route that matched the
    path, but each method of a path is a route of its own here (GET and POST /v1/exercises).
    A path a route names literally is that resource alone: `/v1/exercises/resolve` answers
    POST, whatever `/v1/exercises/{exercise_ref}` would make of it."""
    path = request.url.path
    matching = [
        (allowed, is_static)
        for pattern, allowed, is_static in _route_table(request.app)
        if pattern.match(path)
    ]
    if any(is_static for _, is_static in matching):
        matching = [(allowed, is_static) for allowed, is_static in matching if is_static]
    return ", ".join(sorted({m for allowed, _ in matching for m in allowed}))


def _route_table(app: FastAPI) -> list[tuple[re.Pattern[str], set[str], bool]]:
    """(path pattern, methods, whether the path has no parameters) of every route."""
    table: list[tuple[re.Pattern[str], set[str], bool]] | None = getattr(
        app.state, "route_table", None
    )
    if table is None:
        table = [
            (compile_path(path)[0], methods, "{" not in path)
            for path, methods in _routes(app.routes, "")
        ]
        app.state.route_table = table
    return table


def _routes(routes: Sequence[Any], prefix: str) -> list[tuple[str, set[str]]]:
    found = []
    for route in routes:
        included = getattr(route, "original_router", None)  # newer FastAPI nests routers
        if included is not None:
            context = getattr(route, "include_context", None)
            found += _routes(included.routes, prefix + getattr(context, "prefix", ""))
        elif getattr(route, "methods", None) and hasattr(route, "path"):
            found.append((prefix + route.path, set(route.methods)))
    return found


async def _handle_database_down(request: Request, exc: Exception) -> JSONResponse:
    # The pool could not reach the database (or lost it mid-request): a retryable 503, not a
    # 500. The pool reconnects by itself once the database is back (db.engine: idle
    # connections are pinged on checkout, and a disconnect invalidates the pool).
    logger.warning(
        "database unavailable",
        extra={"request_id": _request_id(request), "error": type(exc).__name__},
    )
    return problem_response(
        status=503,
        code="database_unavailable",
        title="Service unavailable",
        detail="The database is unreachable; retry shortly.",
        headers={"Retry-After": "5"},
        request_id=_request_id(request),
    )


async def _handle_data_error(request: Request, exc: Exception) -> JSONResponse:  # noqa: ARG001
    # A value the database cannot store (e.g. NUL in a query string): the input's fault.
    return problem_response(
        status=422,
        code="invalid_value",
        title="Invalid input",
        detail="A value in the request cannot be stored or searched (e.g. a NUL character).",
        request_id=_request_id(request),
    )


async def _handle_unexpected(request: Request, exc: Exception) -> JSONResponse:
    return unexpected_error_response(exc, _request_id(request))


def unexpected_error_response(exc: Exception, request_id: str | None) -> JSONResponse:
    """The 500 of an unhandled error, logged with its traceback (never sent)."""
    logger.error("unhandled error", exc_info=exc, extra={"request_id": request_id})
    return problem_response(
        status=500,
        code="internal_error",
        title="Internal server error",
        detail="An unexpected error occurred; quote the request id when reporting it.",
        request_id=request_id,
    )


class OAuth2Error(BackchainError):
    """An error of the token or revocation endpoint (RFC 6749 §5.2, RFC 7009 §2.2.1): a 400
    whose `error` member OAuth2 libraries read, beside the problem members
    (`_handle_oauth2` answers it, as `application/json`: the RFC's type; oauth4webapi
    refuses any other, authlib and requests-oauthlib parse either)."""

    status = 400
    error: ClassVar[str] = "invalid_request"

    def __init__(
        self, detail: str, *, errors: Sequence[FieldError] = (), code: str | None = None
    ) -> None:
        super().__init__(detail, errors=errors, code=code)


class InvalidRequest(OAuth2Error):
    code, title, error = "invalid_request", "Invalid token request", "invalid_request"


class InvalidGrant(OAuth2Error):
    code, title, error = "invalid_grant", "Invalid grant", "invalid_grant"


class UnsupportedGrantType(OAuth2Error):
    code, title, error = (
        "unsupported_grant_type",
        "Unsupported grant type",
        "unsupported_grant_type",
    )


class UnsupportedTokenType(OAuth2Error):
    code, title, error = (
        "unsupported_token_type",
        "Unsupported token type",
        "unsupported_token_type",
    )


# RFC 6749 §5.2: error_description is printable ASCII without `"` and `\`.
_DESCRIPTION_CHARS = frozenset(chr(c) for c in range(0x20, 0x7F)) - {'"', "\\"}


async def _handle_oauth2(request: Request, exc: Exception) -> JSONResponse:
    """A 400 with `error` and `error_description` beside the problem members."""
    assert isinstance(exc, OAuth2Error)
    body = problem_body(
        status=exc.status,
        code=exc.instance_code,
        title=exc.title,
        detail=exc.detail,
        errors=exc.errors,
        request_id=_request_id(request),
    )
    description = "".join(c if c in _DESCRIPTION_CHARS else " " for c in exc.detail or exc.title)
    body.update(error=exc.error, error_description=description)
    return JSONResponse(body, status_code=exc.status, headers=exc.headers)


def oauth2_validation_error(exc: RequestValidationError) -> OAuth2Error:
    """Bad parameters: `unsupported_grant_type` for a grant type other than ours, else
    `invalid_request`, naming each field."""
    # Form fields are flat: the field is the location's second part (after "body", "header",
    # "cookie"), whatever union member pydantic names after it.
    errors = [
        FieldError(field_name(tuple(e.get("loc", ()))[:2]), str(e.get("msg", "")))
        for e in exc.errors()
    ]
    detail = "; ".join(f"{e.field}: {e.message}" for e in errors)
    if any(
        e.get("type") == "enum" and tuple(e.get("loc", ()))[1:2] == ("grant_type",)
        for e in exc.errors()
    ):
        return UnsupportedGrantType(detail, errors=errors)
    return InvalidRequest(detail, errors=errors)


def register_error_handlers(app: FastAPI) -> None:
    """Answer every error, ours or the framework's, as problem+json."""
    app.add_exception_handler(BackchainError, _handle_backchain)
    app.add_exception_handler(OAuth2Error, _handle_oauth2)
    app.add_exception_handler(RequestValidationError, _handle_validation)
    app.add_exception_handler(StarletteHTTPException, _handle_http)
    app.add_exception_handler(OperationalError, _handle_database_down)
    app.add_exception_handler(DataError, _handle_data_error)
    app.add_exception_handler(SQLAlchemyTimeoutError, _handle_database_down)
    app.add_exception_handler(Exception, _handle_unexpected)


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses` entries documenting problem+json errors."""
    descriptions = {
        400: "Bad request",
        401: "Missing, invalid or expired credentials",
        403: "A linked trainer who may read but was not granted logging (`logging_not_granted`)",
        404: "Not found (or not visible to the caller)",
        409: "Conflict",
        410: "Deleted: the id belonged to a record that was deleted",
        412: "The If-Match precondition failed",
        413: "Request body too large",
        422: "Invalid input; `errors` names each bad field",
        429: "Too many requests; see Retry-After",
        503: "Service unavailable",
    }
    return {
        status: {
            "model": Problem,
            "description": descriptions.get(status, "Error"),
            "content": {PROBLEM_MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}},
        }
        for status in statuses
    }


# The example of each status in the OpenAPI document: its own status, code and title.
_FIELD = FieldError("sets.0.reps", "Input should be greater than or equal to 0")
_EXAMPLES: dict[int, tuple[str, str, str | None]] = {
    400: ("bad_request", "Bad request", "The request cannot be understood."),
    401: (Unauthorized.code, Unauthorized.title, "The access token has expired."),
    403: ("logging_not_granted", "Logging not granted", "Your client has not allowed you to log."),
    404: (NotFound.code, NotFound.title, "No such record."),
    405: ("method_not_allowed", "Method not allowed", None),
    409: (Conflict.code, Conflict.title, "The record changed meanwhile."),
    410: ("deleted", "Deleted", "This id belonged to a record that was deleted."),
    412: (
        PreconditionFailed.code,
        PreconditionFailed.title,
        "If-Match does not match the current ETag.",
    ),
    413: (PayloadTooLarge.code, PayloadTooLarge.title, None),
    415: ("unsupported_media_type", "Unsupported media type", None),
    422: (
        InvalidInput.code,
        InvalidInput.title,
        f"{_FIELD.field}: {_FIELD.message}",
    ),
    429: (TooManyRequests.code, TooManyRequests.title, "Too many attempts; retry later."),
    500: ("internal_error", "Internal server error", "An unexpected error occurred."),
    503: (
        DatabaseUnavailable.code,
        ServiceUnavailable.title,
        "The database is unreachable; retry shortly.",
    ),
}


def problem_example(status: int, field: tuple[str, str] | None = None) -> dict[str, Any]:
    """A problem document as an answer with this status would carry it; a 422 names `field`
    (one of the operation's own: its name and a message) when given."""
    code, title, detail = _EXAMPLES.get(status, ("http_error", "HTTP error", None))
    bad = _FIELD if field is None else FieldError(*field)
    if status == 422:
        detail = f"{bad.field}: {bad.message}"
    return problem_body(
        status=status,
        code=code,
        title=title,
        detail=detail,
        errors=[bad] if status == 422 else (),
        request_id="0193a4c2a3f37c5e8d2b6f1a9e4c7d10",
    )
