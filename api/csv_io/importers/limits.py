"""Limits of a whole file and of each field, as the API validates a workout and its sets."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from typing import Final

# Limits of a whole file (the HTTP layer answers 413 for both).
MAX_BYTES: Final = 10 * 1024 * 1024
MAX_ROWS: Final = 100_000

# Limits of the API's WorkoutWrite / SetWrite and the exercise catalogue.
MAX_SETS_PER_WORKOUT: Final = 200
MAX_NOTES_CHARS: Final = 2000
MAX_TITLE_CHARS: Final = 200
MAX_EXERCISE_NAME_CHARS: Final = 120
MAX_REPS: Final = 1000
MIN_LOAD_KG: Final = Decimal(-500)
MAX_LOAD_KG: Final = Decimal(1500)
MAX_RIR: Final = 10
MAX_DURATION_S: Final = Decimal(86_400)
MAX_DISTANCE_M: Final = Decimal(1_000_000)
FUTURE_TOLERANCE: Final = timedelta(hours=24)
CONTENT_HASH_VERSION: Final = 1

# Field names for errors that belong to no single column.
ROW_FIELD: Final = "row"
WORKOUT_FIELD: Final = "workout"
