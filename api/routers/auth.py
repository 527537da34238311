"""Registration and the OAuth2 token endpoint."""

from __future__ import annotations

import functools
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request, Response, status

from api.deps import DatabaseDep, HasherDep, OwnWork, SettingsDep, TokensDep
from api.errors import FieldError, InvalidInput, problem_responses
from api.schemas.auth import GrantType, LogoutRequest, TokenPair, TokenRequest
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


@router.post(
    "/token",
    operation_id="createToken",
    responses=problem_responses(401, 422, 429, 503),
    openapi_extra={"security": []},
)
async def create_token(
    request: Request,
    database: DatabaseDep,
    hasher: HasherDep,
    tokens: TokensDep,
    settings: SettingsDep,
    throttle: LoginThrottle,
    form: Annotated[TokenRequest, Form()],
) -> TokenPair:
    """OAuth2 token endpoint: `grant_type=password` (username = email) or `refresh_token`."""
    username, password, refresh_token = form.username, form.password, form.refresh_token
    if form.grant_type == GrantType.password:
        missing = [f for f, v in (("username", username), ("password", password)) if not v]
        if missing:
            raise InvalidInput([FieldError(f, "required for grant_type=password") for f in missing])
        assert username is not None
        assert password is not None
        issued = await auth_service.login(
            database,
            hasher,
            tokens,
            throttle,
            email=username,
            password=password,
            client_ip=_client_ip(request),
            refresh_days=settings.refresh_token_days,
        )
    else:
        if not refresh_token:
            raise InvalidInput(
                [FieldError("refresh_token", "required for grant_type=refresh_token")]
            )
        issued = await auth_service.refresh(
            database, tokens, refresh_token=refresh_token, refresh_days=settings.refresh_token_days
        )
    return TokenPair(
        access_token=issued.access_token,
        expires_in=issued.expires_in,
        refresh_token=issued.refresh_token,
    )


@router.post(
    "/logout",
    status_code=status.HTTP_204_NO_CONTENT,
    operation_id="logout",
    responses=problem_responses(422),
    openapi_extra={"security": []},
)
async def logout(data: LogoutRequest, database: DatabaseDep) -> Response:
    """Revoke a refresh token and every token rotated from the same sign-in."""
    await database.run(functools.partial(auth_service.logout, refresh_token=data.refresh_token))
    return Response(status_code=status.HTTP_204_NO_CONTENT)


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
