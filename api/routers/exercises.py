"""The exercise catalog."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response, status

from api.deps import CurrentUser, SessionDep
from api.errors import problem_responses
from api.pagination import PageDep
from api.schemas.enums import BodyRegion, Chain
from api.schemas.exercises import (
    ExerciseCreate,
    ExercisePage,
    ExerciseRead,
    ExerciseUpdate,
    exercise_read,
)
from api.services import exercises as exercises_service

router = APIRouter(prefix="/v1/exercises", tags=["exercises"])


def _read(view: exercises_service.ExerciseView) -> ExerciseRead:
    return exercise_read(view.exercise, list(view.aliases))


@router.get("", operation_id="listExercises", responses=problem_responses(401, 422))
def list_exercises(
    user: CurrentUser,
    session: SessionDep,
    page: PageDep,
    chain: Chain | None = None,
    region: BodyRegion | None = None,
    q: Annotated[str | None, Query(max_length=100, description="Name or alias contains.")] = None,
) -> ExercisePage:
    """System exercises and the caller's custom ones, by slug."""
    result = exercises_service.list_exercises(session, user, page, chain=chain, region=region, q=q)
    return ExercisePage(items=[_read(v) for v in result.items], next_cursor=result.next_cursor)


@router.get("/{exercise_ref}", operation_id="getExercise", responses=problem_responses(401, 404))
def get_exercise(exercise_ref: str, user: CurrentUser, session: SessionDep) -> ExerciseRead:
    """One exercise by id or slug, with its import aliases."""
    return _read(exercises_service.get_exercise(session, user, exercise_ref))


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    operation_id="createExercise",
    responses=problem_responses(401, 422),
)
def create_exercise(data: ExerciseCreate, user: CurrentUser, session: SessionDep) -> ExerciseRead:
    """Add a custom exercise (visible to its owner only)."""
    return _read(exercises_service.create_exercise(session, user, data))


@router.patch(
    "/{exercise_ref}",
    operation_id="updateExercise",
    responses=problem_responses(401, 404, 422),
)
def update_exercise(
    exercise_ref: str, data: ExerciseUpdate, user: CurrentUser, session: SessionDep
) -> ExerciseRead:
    """Change one of the caller's custom exercises."""
    return _read(exercises_service.update_exercise(session, user, exercise_ref, data))


@router.delete(
    "/{exercise_ref}",
    status_code=status.HTTP_204_NO_CONTENT,
    operation_id="deleteExercise",
    responses=problem_responses(401, 404),
)
def delete_exercise(exercise_ref: str, user: CurrentUser, session: SessionDep) -> Response:
    """Delete one of the caller's custom exercises."""
    exercises_service.delete_exercise(session, user, exercise_ref)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
