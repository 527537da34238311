"""Workouts of a user: `/v1/users/{user}/workouts` with the shared sync semantics."""

from api.routers.records import build_record_router
from api.schemas.workouts import WorkoutPage, WorkoutPatch, WorkoutRead, WorkoutWrite
from api.services import workouts as workouts_service

router = build_record_router(
    workouts_service.KIND,
    singular="Workout",
    plural="Workouts",
    write_schema=WorkoutWrite,
    patch_schema=WorkoutPatch,
    read_schema=WorkoutRead,
    page_schema=WorkoutPage,
    tag="workouts",
)
