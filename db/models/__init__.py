"""Every table, imported here so `metadata` knows them all (Alembic, tests)."""

from db.models.exercises import Exercise, ExerciseAlias
from db.models.records import Bodyweight, PainScore, Workout, WorkoutSet
from db.models.sync import Change, ChangeCounter, IdempotencyRecord
from db.models.users import RefreshToken, User

__all__ = [
    "Bodyweight",
    "Change",
    "ChangeCounter",
    "Exercise",
    "ExerciseAlias",
    "IdempotencyRecord",
    "PainScore",
    "RefreshToken",
    "User",
    "Workout",
    "WorkoutSet",
]
