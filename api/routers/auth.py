"""Registration, the OAuth2 token and revocation endpoints, logout, password change."""

from __future__ import annotations

import functools
from collections.abc import Callable, Coroutine
from typing import Annotated, Any

from fastapi import APIRouter, Cookie, Depends, Form, Header, Request, Response, status
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute
from starlette.datastructures import FormData

from api.deps import DatabaseDep, HasherDep, OwnWork, SettingsDep, TokensDep
from api.errors import (
    FieldError,
    InvalidRequest,
    oauth2_validation_error,
    problem_responses,
)
from api.schemas.auth import (
    GrantType,
    LogoutRequest,
    RevokeRequest,
    TokenPair,
    TokenRequest,
    revoke_responses,
    token_responses,
)
from api.schemas.users import PasswordChange, UserRead, UserRegister
from api.services import auth as auth_service
from api.throttle import SignInThrottle, Throttle

router = APIRouter(prefix="/v1/auth", tags=["auth"])

# Registration, sign-in and password change await the hasher's own threads between their
# units of database work (`api.services.auth`).


async def get_login_throttle(request: Request) -> SignInThrottle:
    throttle: SignInThrottle = request.app.state.login_throttle
    return throttle


async def get_registration_throttle(request: Request) -> Throttle:
    throttle: Throttle = request.app.state.registration_throttle
    return throttle


async def get_password_throttle(request: Request) -> Throttle:
    throttle: Throttle = request.app.state.password_throttle
    return throttle


LoginThrottle = Annotated[SignInThrottle, Depends(get_login_throttle)]
RegistrationThrottle = Annotated[Throttle, Depends(get_registration_throttle)]
PasswordThrottle = Annotated[Throttle, Depends(get_password_throttle)]


def _client_ip(request: Request) -> str:
    return request.client.host if request.client else "unknown"


@router.post(
    "/register",
    status_code=status.HTTP_201_CREATED,
    operation_id="register",
    responses=problem_responses(409, 422, 429, 503),
    openapi_extra={"security": []},
)
async def register(
    request: Request,
    data: UserRegister,
    database: DatabaseDep,
    hasher: HasherDep,
    throttle: RegistrationThrottle,
) -> UserRead:
    """Create an account; the email is unique regardless of case. Registrations per client
    address are limited (429 with Retry-After)."""
    user = await auth_service.register(
        database, hasher, throttle, data, client_ip=_client_ip(request)
    )
    return UserRead.model_validate(user)


REFRESH_COOKIE = "backchain_refresh"
REFRESH_COOKIE_PATH = "/v1/auth"

RefreshCookieRequested = Annotated[
    bool,
    Header(
        alias="X-Refresh-Cookie",
        description="`true` (the web dashboard): the refresh token travels in an HttpOnly "
        f"`{REFRESH_COOKIE}` cookie scoped to {REFRESH_COOKIE_PATH}, not in the body. Browser "
        "requests must be same-origin (`Sec-Fetch-Site`); the header itself cannot be sent "
        "cross-origin without a preflight this API refuses.",
    ),
]
RefreshCookie = Annotated[
    str | None,
    Cookie(
        alias=REFRESH_COOKIE,
        description="The refresh token set by a sign-in with `X-Refresh-Cookie: true`.",
    ),
]


class OAuth2Route(APIRoute):
    """The token and revocation endpoints: bad parameters answer as RFC 6749 §5.2 errors
    (`api.errors.OAuth2Error`) instead of the app's 422."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handle = super().get_route_handler()

        async def answer(request: Request) -> Response:
            try:
                return await handle(request)
            except RequestValidationError as exc:
                raise oauth2_validation_error(exc) from exc

        return answer


def reject_repeated(form: FormData) -> None:
    """RFC 6749 §3.2: a parameter sent more than once is an invalid request."""
    repeated = sorted({key for key, _ in form.multi_items() if len(form.getlist(key)) > 1})
    if repeated:
        raise InvalidRequest(
            "; ".join(f"{key}: given more than once" for key in repeated),
            errors=[FieldError(key, "given more than once") for key in repeated],
        )


def refresh_cookie_wanted(request: Request, requested: bool) -> bool:
    """Whether the refresh token travels in the cookie: asked for with `X-Refresh-Cookie`,
    and from the same origin when a browser says where the request comes from (a custom
    header already needs a CORS preflight cross-origin; SameSite=Strict keeps the cookie off
    cross-site requests; Sec-Fetch-Site refuses the rest, e.g. a sibling subdomain)."""
    if not requested:
        return False
    if request.headers.get("sec-fetch-site", "same-origin") != "same-origin":
        raise InvalidRequest(
            "X-Refresh-Cookie: the refresh cookie is for same-origin requests only",
            errors=[FieldError("X-Refresh-Cookie", "same-origin requests only")],
        )
    return True


def set_refresh_cookie(response: Response, token: str, *, days: int) -> None:
    response.set_cookie(
        REFRESH_COOKIE,
        token,
        max_age=days * 86_400,
        path=REFRESH_COOKIE_PATH,
        secure=True,
        httponly=True,
        samesite="strict",
    )


def clear_refresh_cookie(response: Response) -> None:
    response.delete_cookie(
        REFRESH_COOKIE, path=REFRESH_COOKIE_PATH, secure=True, httponly=True, samesite="strict"
    )


# The OAuth2 endpoints (token, revocation) answer through `OAuth2Route`: their errors are RFC
# 6749 §5.2 errors (Cache-Control: no-store and Pragma: no-cache come from the middleware, as
# for every /v1/auth answer).
def _oauth2_post(path: str, **options: Any) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    def add(endpoint: Callable[..., Any]) -> Callable[..., Any]:
        router.add_api_route(
            path, endpoint, methods=["POST"], route_class_override=OAuth2Route, **options
        )
        return endpoint

    return add


@_oauth2_post(
    "/token",
    operation_id="createToken",
    response_model_exclude_none=True,
    responses=token_responses(),
    openapi_extra={"security": []},
)
async def create_token(
    request: Request,
    response: Response,
    database: DatabaseDep,
    hasher: HasherDep,
    tokens: TokensDep,
    settings: SettingsDep,
    throttle: LoginThrottle,
    form: Annotated[TokenRequest, Form()],
    cookie_requested: RefreshCookieRequested = False,
    cookie: RefreshCookie = None,
) -> TokenPair:
    """OAuth2 token endpoint: `grant_type=password` (username = email) or `refresh_token`.
    Errors follow RFC 6749 §5.2 (400 with `error`: `invalid_grant` for a wrong password or
    a bad, expired, revoked or reused refresh token; `invalid_request`; `unsupported_grant_type`).
    A refresh token used again within `BACKCHAIN_REFRESH_REUSE_GRACE_SECONDS` of its first
    use answers with the refresh token that use issued; later, the whole sign-in is revoked.
    With `X-Refresh-Cookie: true` (same-origin only) the refresh token travels in an HttpOnly
    cookie instead of the body, and the cookie may stand in for the `refresh_token` field."""
    in_cookie = refresh_cookie_wanted(request, cookie_requested)
    reject_repeated(await request.form())
    if form.grant_type == GrantType.password:
        missing = [
            f for f, v in (("username", form.username), ("password", form.password)) if not v
        ]
        if missing:
            raise InvalidRequest(
                "; ".join(f"{f}: required for grant_type=password" for f in missing),
                errors=[FieldError(f, "required for grant_type=password") for f in missing],
            )
        assert form.username is not None
        assert form.password is not None
        issued = await auth_service.login(
            database,
            hasher,
            tokens,
            throttle,
            email=form.username,
            password=form.password,
            client_ip=_client_ip(request),
            refresh_days=settings.refresh_token_days,
        )
    else:
        refresh_token = form.refresh_token or (cookie if in_cookie else None)
        if not refresh_token:
            raise InvalidRequest(
                "refresh_token: required for grant_type=refresh_token",
                errors=[FieldError("refresh_token", "required for grant_type=refresh_token")],
            )
        issued = await auth_service.refresh(
            database,
            tokens,
            refresh_token=refresh_token,
            refresh_days=settings.refresh_token_days,
            grace_seconds=settings.refresh_reuse_grace_seconds,
        )
    if in_cookie:
        set_refresh_cookie(response, issued.refresh_token, days=settings.refresh_token_days)
    return TokenPair(
        access_token=issued.access_token,
        expires_in=issued.expires_in,
        refresh_token=None if in_cookie else issued.refresh_token,
    )


@_oauth2_post(
    "/revoke",
    operation_id="revokeToken",
    response_class=Response,
    responses=revoke_responses(),
    openapi_extra={"security": []},
)
async def revoke_token(
    request: Request,
    database: DatabaseDep,
    tokens: TokensDep,
    form: Annotated[RevokeRequest, Form()],
    cookie_requested: RefreshCookieRequested = False,
    cookie: RefreshCookie = None,
) -> Response:
    """RFC 7009 revocation: a refresh token ends its whole sign-in (every token rotated from
    it). 200 with an empty body, also for an unknown or invalid token; a valid access token
    is `unsupported_token_type` (it cannot be revoked alone and simply expires). With
    `X-Refresh-Cookie: true` the refresh cookie may stand in for `token`; the answer clears
    the cookie."""
    in_cookie = refresh_cookie_wanted(request, cookie_requested)
    reject_repeated(await request.form())
    token = form.token or (cookie if in_cookie else None)
    if not token:
        raise InvalidRequest("token: required", errors=[FieldError("token", "required")])
    await database.run(functools.partial(auth_service.revoke, tokens=tokens, token=token))
    answer = Response(status_code=status.HTTP_200_OK)
    if cookie is not None:
        clear_refresh_cookie(answer)
    return answer


@router.post(
    "/logout",
    status_code=status.HTTP_204_NO_CONTENT,
    operation_id="logout",
    responses=problem_responses(422),
    openapi_extra={"security": []},
)
async def logout(
    data: LogoutRequest, database: DatabaseDep, cookie: RefreshCookie = None
) -> Response:
    """Revoke a refresh token and every token rotated from the same sign-in (and clear the
    refresh cookie when the request carried it)."""
    await database.run(functools.partial(auth_service.logout, refresh_token=data.refresh_token))
    answer = Response(status_code=status.HTTP_204_NO_CONTENT)
    if cookie is not None:
        clear_refresh_cookie(answer)
    return answer


@router.post(
    "/password",
    status_code=status.HTTP_204_NO_CONTENT,
    operation_id="changePassword",
    responses=problem_responses(401, 422, 429, 503),
)
async def change_password(
    data: PasswordChange,
    work: OwnWork,
    hasher: HasherDep,
    throttle: PasswordThrottle,
) -> Response:
    """Change the password; every existing access and refresh token stops working. Attempts
    per account are limited like sign-ins (429 with Retry-After)."""
    await auth_service.change_password(
        work, hasher, throttle, current=data.current_password, new=data.new_password
    )
    return Response(status_code=status.HTTP_204_NO_CONTENT)
