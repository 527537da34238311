"""One's own account."""

from __future__ import annotations

from fastapi import APIRouter, Response, status

from api.deps import OwnWork
from api.errors import problem_responses
from api.schemas.users import UserRead, UserUpdate
from api.services import users as users_service

router = APIRouter(prefix="/v1/users", tags=["users"])


@router.get("/me", operation_id="getMe", responses=problem_responses(401))
async def get_me(work: OwnWork) -> UserRead:
    """The caller's profile."""
    return await work.run(users_service.get_profile)


@router.patch("/me", operation_id="updateMe", responses=problem_responses(401, 422))
async def update_me(data: UserUpdate, work: OwnWork) -> UserRead:
    """Change profile fields; role, email and activation are not writable here."""
    return await work.run(users_service.update_profile, data)


@router.delete(
    "/me",
    status_code=status.HTTP_204_NO_CONTENT,
    operation_id="deleteMe",
    responses=problem_responses(401),
)
async def delete_me(work: OwnWork) -> Response:
    """Erase the account and everything it owns."""
    await work.run(users_service.delete_account)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
