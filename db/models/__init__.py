"""Every table, imported here so `metadata` knows them all (Alembic, tests)."""

from db.models.exercises import Exercise, ExerciseAlias
from db.models.imports import ImportJob, ImportRecord
from db.models.records import Bodyweight, PainScore, Workout, WorkoutSet
from db.models.sync import Change, ChangeCounter, IdempotencyRecord
from db.models.trainers import AccessLogEntry, TrainerInvitation, TrainerLink, TrainerNote
from db.models.users import RefreshToken, User

__all__ = [
    "AccessLogEntry",
    "Bodyweight",
    "Change",
    "ChangeCounter",
    "Exercise",
    "ExerciseAlias",
    "IdempotencyRecord",
    "ImportJob",
    "ImportRecord",
    "PainScore",
    "RefreshToken",
    "TrainerInvitation",
    "TrainerLink",
    "TrainerNote",
    "User",
    "Workout",
    "WorkoutSet",
]
