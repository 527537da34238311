"""Generated training histories: bulk-inserted with SQLAlchemy Core, or written as a Strong CSV.

One generator feeds the analytics user, the mixed-load users, the CSV file and the raw insert
that the CSV import is compared with, so the same workouts reach the database either way. It is
deterministic (a seeded `random.Random`): every run measures the same data.
"""

from __future__ import annotations

import io
import random
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import Engine, insert, select, update

from db.models import Exercise, User, Workout, WorkoutSet

# (catalog slug, Strong's exercise name, typical working load in kg; pull-ups: added load)
LIFTS: dict[str, tuple[str, float]] = {
    "deadlift": ("Deadlift (Barbell)", 140.0),
    "back_squat": ("Squat (Barbell)", 110.0),
    "bench_press": ("Bench Press (Barbell)", 80.0),
    "hip_thrust": ("Hip Thrust (Barbell)", 120.0),
    "pull_up": ("Pull Up", 10.0),
    "barbell_row": ("Bent Over Row (Barbell)", 70.0),
}
# Two alternating sessions of 4 lifts x 5 sets (the first a warm-up): 20 sets each.
SESSIONS = (
    ("Pull day", ("deadlift", "bench_press", "pull_up", "hip_thrust")),
    ("Squat day", ("back_squat", "barbell_row", "bench_press", "hip_thrust")),
)
SETS_PER_LIFT = 5
SETS_PER_SESSION = SETS_PER_LIFT * len(SESSIONS[0][1])
WEEKDAYS_4 = (0, 1, 3, 4)  # Monday, Tuesday, Thursday, Friday
STRONG_HEADER = (
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,"
    "Workout Notes,RPE"
)
BODYWEIGHT_KG = 82.0


@dataclass(frozen=True, slots=True)
class PlannedSet:
    lift: str
    set_type: str  # "warmup" or "normal"
    reps: int
    load_kg: float
    rpe: float | None


@dataclass(frozen=True, slots=True)
class PlannedWorkout:
    started_at: datetime  # aware UTC, whole seconds
    minutes: int
    title: str
    sets: tuple[PlannedSet, ...]


def training_days(first: date, last: date, *, weekdays: Sequence[int] | None) -> list[date]:
    """Days in [first, last] on `weekdays` (None: every day), oldest first."""
    days = []
    day = first
    while day <= last:
        if weekdays is None or day.weekday() in weekdays:
            days.append(day)
        day += timedelta(days=1)
    return days


def plan(days: Sequence[date], *, seed: int, origin: date | None = None) -> list[PlannedWorkout]:
    """One 20-set session per day, alternating the two templates; loads grow slowly over the
    years (from `origin`, default the first day) with day-to-day noise."""
    rng = random.Random(seed)
    start = origin or (days[0] if days else date.today())
    workouts = []
    for i, day in enumerate(days):
        title, lifts = SESSIONS[i % 2]
        years = (day - start).days / 365.25
        sets = []
        for lift in lifts:
            working = LIFTS[lift][1] * (1 + 0.04 * years) * rng.uniform(0.95, 1.05)
            sets.append(PlannedSet(lift, "warmup", 8, round(working * 0.5 / 2.5) * 2.5, None))
            for _ in range(SETS_PER_LIFT - 1):
                reps = rng.randint(3, 8)
                load = round(working * (1.1 - reps * 0.025) / 2.5) * 2.5
                sets.append(PlannedSet(lift, "normal", reps, load, float(rng.choice((7, 8, 9)))))
        hour = rng.choice((6, 7, 12, 17, 18))
        started_at = datetime(day.year, day.month, day.day, hour, rng.randrange(60), tzinfo=UTC)
        workouts.append(PlannedWorkout(started_at, rng.randint(45, 90), title, tuple(sets)))
    return workouts


def exercise_ids(engine: Engine, slugs: Sequence[str] = tuple(LIFTS)) -> dict[str, uuid.UUID]:
    """System exercises by slug, from the seeded catalog."""
    table = Exercise.__table__  # type: ignore[attr-defined]
    with engine.connect() as conn:
        rows = conn.execute(
            select(table.c.slug, table.c.id).where(
                table.c.slug.in_(list(slugs)), table.c.is_system.is_(True)
            )
        ).all()
    found: dict[str, uuid.UUID] = {row.slug: row.id for row in rows}
    missing = set(slugs) - set(found)
    if missing:
        raise RuntimeError(f"the catalog lacks {sorted(missing)}")
    return found


def rows(
    user_id: uuid.UUID, workouts: Sequence[PlannedWorkout], exercises: dict[str, uuid.UUID]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Table rows (workout, workout_set) for `workouts`, with fresh ids."""
    now = datetime.now(UTC)
    workout_rows, set_rows = [], []
    for workout in workouts:
        workout_id = uuid.uuid4()
        workout_rows.append(
            {
                "id": workout_id,
                "user_id": user_id,
                "started_at": workout.started_at,
                "ended_at": workout.started_at + timedelta(minutes=workout.minutes),
                "title": workout.title,
                "notes": None,
                "created_by": user_id,
                "version": 1,
                "created_at": now,
                "updated_at": now,
                "deleted_at": None,
            }
        )
        for position, planned in enumerate(workout.sets):
            set_rows.append(
                {
                    "id": uuid.uuid4(),
                    "workout_id": workout_id,
                    "exercise_id": exercises[planned.lift],
                    "position": position,
                    "set_type": planned.set_type,
                    "reps": planned.reps,
                    "load_kg": planned.load_kg,
                    "rpe": planned.rpe,
                    "rir": None,
                    "duration_s": None,
                    "distance_m": None,
                    "notes": None,
                }
            )
    return workout_rows, set_rows


def insert_rows(
    engine: Engine, workout_rows: list[dict[str, Any]], set_rows: list[dict[str, Any]]
) -> None:
    """One transaction, one Core executemany per table."""
    with engine.begin() as conn:
        conn.execute(insert(Workout.__table__), workout_rows)  # type: ignore[attr-defined]
        conn.execute(insert(WorkoutSet.__table__), set_rows)  # type: ignore[attr-defined]


def set_profile_bodyweight(engine: Engine, user_id: uuid.UUID, kg: float = BODYWEIGHT_KG) -> None:
    table = User.__table__  # type: ignore[attr-defined]
    with engine.begin() as conn:
        conn.execute(update(table).where(table.c.id == user_id).values(bodyweight_kg=kg))


def _strong_lines(workouts: Sequence[PlannedWorkout]) -> Iterator[str]:
    yield STRONG_HEADER
    for workout in workouts:
        when = workout.started_at.strftime("%Y-%m-%d %H:%M:%S")
        duration = f"{workout.minutes // 60}h {workout.minutes % 60}m"
        order: dict[str, int] = {}
        for planned in workout.sets:
            if planned.set_type == "warmup":
                set_order = "W"
            else:
                order[planned.lift] = order.get(planned.lift, 0) + 1
                set_order = str(order[planned.lift])
            rpe = "" if planned.rpe is None else f"{planned.rpe:g}"
            yield (
                f"{when},{workout.title},{duration},{LIFTS[planned.lift][0]},{set_order},"
                f"{planned.load_kg:g},{planned.reps},0,0,,,{rpe}"
            )


def strong_csv(workouts: Sequence[PlannedWorkout]) -> bytes:
    """The workouts as Strong's current comma export (times in UTC, weights in kg)."""
    buffer = io.StringIO()
    for line in _strong_lines(workouts):
        buffer.write(line)
        buffer.write("\n")
    return buffer.getvalue().encode()
