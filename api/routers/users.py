"""One's own account."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response, status

from api.deps import CurrentUser, SessionDep
from api.errors import problem_responses
from api.schemas.users import UserRead, UserUpdate
from api.services import users as users_service

router = APIRouter(prefix="/v1/users", tags=["users"])


@router.get("/me", operation_id="getMe", responses=problem_responses(401))
def get_me(user: CurrentUser) -> UserRead:
    """The caller's profile."""
    return UserRead.model_validate(user)


@router.patch("/me", operation_id="updateMe", responses=problem_responses(401, 422))
def update_me(data: UserUpdate, user: CurrentUser, session: SessionDep) -> UserRead:
    """Change profile fields; role, email and activation are not writable here."""
    return UserRead.model_validate(users_service.update_profile(session, user, data))


@router.delete(
    "/me",
    status_code=status.HTTP_204_NO_CONTENT,
    operation_id="deleteMe",
    responses=problem_responses(401),
)
def delete_me(request: Request, user: CurrentUser, session: SessionDep) -> Response:
    """Erase the account and everything it owns."""
    users_service.delete_account(session, user)
    request.app.state.account_facts.forget(user.id)  # other processes: AccountFacts
    return Response(status_code=status.HTTP_204_NO_CONTENT)
