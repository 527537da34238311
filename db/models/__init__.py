"""Every table, imported here so `metadata` knows them all (Alembic, tests)."""

from db.models.exercises import Exercise, ExerciseAlias
from db.models.users import RefreshToken, User

__all__ = ["Exercise", "ExerciseAlias", "RefreshToken", "User"]
