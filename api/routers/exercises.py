"""The exercise catalog."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response, status

from api.deps import OwnWork
from api.errors import problem_responses
from api.pagination import PageDep
from api.schemas.enums import BodyRegion, Chain
from api.schemas.exercises import (
    ExerciseCreate,
    ExercisePage,
    ExerciseRead,
    ExerciseUpdate,
    ResolveRequest,
    ResolveResult,
)
from api.services import exercises as exercises_service

router = APIRouter(prefix="/v1/exercises", tags=["exercises"])


@router.get("", operation_id="listExercises", responses=problem_responses(401, 422))
async def list_exercises(
    work: OwnWork,
    page: PageDep,
    chain: Chain | None = None,
    region: BodyRegion | None = None,
    q: Annotated[str | None, Query(max_length=100, description="Name or alias contains.")] = None,
) -> ExercisePage:
    """System exercises and the caller's custom ones, by slug."""
    return await work.run(exercises_service.list_exercises, page, chain=chain, region=region, q=q)


@router.post("/resolve", operation_id="resolveExerciseNames", responses=problem_responses(401, 422))
async def resolve_exercise_names(data: ResolveRequest, work: OwnWork) -> ResolveResult:
    """What each name means: one of your custom exercises (an exact name wins) or a catalog
    exercise, matched as imports match them (the app's own names with `source`, then case,
    accents, punctuation, plurals, "Name (Equipment)" and German names folded); an unknown
    name gets fuzzy suggestions."""
    return await work.run(exercises_service.resolve_names, data)


@router.get("/{exercise_ref}", operation_id="getExercise", responses=problem_responses(401, 404))
async def get_exercise(exercise_ref: str, work: OwnWork) -> ExerciseRead:
    """One exercise by id or slug, with its import aliases."""
    return await work.run(exercises_service.get_exercise, exercise_ref)


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    operation_id="createExercise",
    responses=problem_responses(401, 422),
)
async def create_exercise(data: ExerciseCreate, work: OwnWork) -> ExerciseRead:
    """Add a custom exercise (visible to its owner only)."""
    return await work.run(exercises_service.create_exercise, data)


@router.patch(
    "/{exercise_ref}",
    operation_id="updateExercise",
    responses=problem_responses(401, 404, 422),
)
async def update_exercise(exercise_ref: str, data: ExerciseUpdate, work: OwnWork) -> ExerciseRead:
    """Change one of the caller's custom exercises."""
    return await work.run(exercises_service.update_exercise, exercise_ref, data)


@router.delete(
    "/{exercise_ref}",
    status_code=status.HTTP_204_NO_CONTENT,
    operation_id="deleteExercise",
    responses=problem_responses(401, 404),
)
async def delete_exercise(exercise_ref: str, work: OwnWork) -> Response:
    """Delete one of the caller's custom exercises."""
    await work.run(exercises_service.delete_exercise, exercise_ref)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
