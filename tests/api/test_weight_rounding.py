"""Computed kilograms in JSON answers are rounded to the gram when written; the figures
computed from them (indexes, scores) are not."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from tests.factories import make_user, token_for


def test_e1rm_is_shown_to_the_gram_and_the_index_in_full(
    client: TestClient, session: Session, settings
) -> None:
    user = make_user(session, email="rounding@example.com", bodyweight_kg=80, sex="male")
    headers = {"Authorization": f"Bearer {token_for(user, settings)}"}
    started = (datetime.now(UTC) - timedelta(days=2)).isoformat()
    sets = [
        {"exercise": "deadlift", "reps": 5, "load_kg": 140},
        {"exercise": "back_squat", "reps": 5, "load_kg": 95},
    ]
    response = client.post(
        "/v1/users/me/workouts", json={"started_at": started, "sets": sets}, headers=headers
    )
    assert response.status_code == 201, response.text

    balance = client.get("/v1/users/me/balance", headers=headers).json()
    assert {lift["lift"]: lift["e1rm_kg"] for lift in balance["lifts"]} == {
        "deadlift": 163.333,  # 140 · (1 + 5/30) = 163.3333…
        "back_squat": 110.833,  # 95 · (1 + 5/30) = 110.8333…
    }
    # B = (163.3333…/1.875) / (110.8333…/1.5) = 210/178.125, from the unrounded e1RMs.
    assert balance["index"] == pytest.approx(210 / 178.125, rel=1e-12)  # 1.17894736842…

    benchmarks = client.get("/v1/users/me/benchmarks", headers=headers).json()
    deadlift = next(lift for lift in benchmarks["lifts"] if lift["lift"] == "deadlift")
    assert [point["e1rm_kg"] for point in deadlift["points"]] == [163.333]
    assert deadlift["latest"]["e1rm_kg"] == 163.333
    assert deadlift["best"]["e1rm_kg"] == 163.333
