"""Valid payloads for each logged record area, shared by the record tests."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

RESOURCES = ["workouts", "pain-scores", "bodyweights"]


def at(days_ago: float = 1.0) -> str:
    return (datetime.now(UTC) - timedelta(days=days_ago)).isoformat()


def workout(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "started_at": at(1),
        "title": "Posterior day",
        "sets": [
            {"exercise": "deadlift", "reps": 5, "load_kg": 140},
            {"exercise": "hip_thrust", "reps": 8, "load_kg": 120, "rpe": 8.5},
            {"exercise": "pull_up", "reps": 6, "load_kg": -15, "set_type": "normal"},
        ],
    }
    body.update(overrides)
    return body


def pain_score(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "recorded_at": at(1),
        "region": "low_back",
        "score": 4,
        "side": "both",
        "context": "rest",
    }
    body.update(overrides)
    return body


def bodyweight(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {"measured_at": at(1), "weight_kg": 80.5}
    body.update(overrides)
    return body


PAYLOADS = {"workouts": workout, "pain-scores": pain_score, "bodyweights": bodyweight}
PATCHES = {
    "workouts": {"title": "Changed"},
    "pain-scores": {"score": 2},
    "bodyweights": {"weight_kg": 79.0},
}
