"""What the analytics caches save (tests/api/test_analytics.py pins the behaviour): a repeated
answer costs the owner's state and nothing more, a pain score leaves the strength answers
cached, and a recompute reads only what was written since."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, event
from sqlmodel import Session

from tests.api.test_analytics import PATHS, athlete, instant, log

pytestmark = pytest.mark.usefixtures("accounts_remembered")


def test_a_cached_answer_costs_one_statement_and_loads_no_account(
    client: TestClient, session: Session, settings, engine: Engine, count_queries
) -> None:
    _, headers = athlete(session, settings, sex="female", bodyweight_kg=60.0)
    log(client, headers, date.today() - timedelta(days=3), [("hip_thrust", 80, 8)])
    first = client.get(PATHS["balance"], headers=headers)
    with count_queries(engine) as seen:
        again = client.get(PATHS["balance"], headers=headers)
    assert again.content == first.content
    # The owner's cursors and profile facts; the caller was authorised by the requests
    # before (`AccountFacts`), and the account itself is never read.
    assert len(seen.statements) == 1, seen.statements
    assert "change_counter" in seen.statements[0], seen.statements


def test_a_pain_score_leaves_the_strength_answers_cached(
    client: TestClient, session: Session, settings, engine: Engine, count_queries
) -> None:
    _, headers = athlete(session, settings, sex="male", bodyweight_kg=80.0)
    log(client, headers, date.today() - timedelta(days=3), [("deadlift", 150, 5)])
    for name in ("balance", "trend", "benchmarks"):
        client.get(PATHS[name], headers=headers)
    pain = client.post(
        "/v1/users/me/pain-scores",
        headers=headers,
        json={"recorded_at": instant(date.today()), "region": "knee", "score": 6},
    )
    assert pain.status_code == 201
    with count_queries(engine) as seen:
        for name in ("balance", "trend", "benchmarks"):
            assert client.get(PATHS[name], headers=headers).status_code == 200
    assert len(seen.statements) == 3, seen.statements  # the owner's state, each


def test_a_recompute_reads_no_account_and_the_new_workouts_sets_only(
    client: TestClient, session: Session, settings, engine: Engine, count_queries
) -> None:
    _, headers = athlete(session, settings, sex="female", bodyweight_kg=60.0)
    for k in range(6):
        log(client, headers, date.today() - timedelta(days=30 - k), [("hip_thrust", 90, 8)])
    first = client.get(PATHS["trend"], headers=headers)
    new = log(client, headers, date.today(), [("back_squat", 70, 5), ("deadlift", 95, 5)])
    set_reads: list[object] = []

    def on_execute(_conn, _cursor, statement: str, parameters, *_args) -> None:  # type: ignore[no-untyped-def]
        if "workout_set" in statement:
            set_reads.append(parameters)

    event.listen(engine, "before_cursor_execute", on_execute)
    try:
        with count_queries(engine) as seen:
            again = client.get(PATHS["trend"], headers=headers)
    finally:
        event.remove(engine, "before_cursor_execute", on_execute)
    assert again.json() != first.json()
    # The owner's state (with the profile facts and the custom exercises' stamp), the range's
    # workouts and versions, the bodyweights, and the sets of the one workout not held.
    assert len(seen.statements) == 4, seen.statements
    assert not any("user_account.email" in s for s in seen.statements), seen.statements
    (parameters,) = set_reads
    values = parameters.values() if isinstance(parameters, dict) else parameters
    # (named on both sides of the join: `db.queries.analytics._WORKOUT_SETS`)
    assert {str(v).replace("-", "") for v in values} == {new["id"].replace("-", "")}


def test_a_recompute_looks_up_only_the_new_workout(
    client: TestClient, session: Session, settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The range's last load is held: after a write only the new workout is parsed and
    estimated, not the whole window again."""
    _, headers = athlete(session, settings, sex="male", bodyweight_kg=80.0)
    for k in range(5):
        log(client, headers, date.today() - timedelta(days=10 - k), [("deadlift", 150, 5)])
    client.get(PATHS["balance"], headers=headers, params={"method": "pcb-1"})
    new = log(client, headers, date.today(), [("back_squat", 110, 5)])
    workout_sets = client.app.state.caches.analytics.workout_sets  # type: ignore[attr-defined]
    asked: list[str] = []
    get_many = workout_sets.get_many

    def spy(keys):  # type: ignore[no-untyped-def]
        asked.extend(key.workout_id for key in keys)
        return get_many(keys)

    monkeypatch.setattr(workout_sets, "get_many", spy)
    # pcb-1's balance reads its window's candidates (pcb-2's every estimate of 90 days: below)
    balance = client.get(PATHS["balance"], headers=headers, params={"method": "pcb-1"})
    assert {lift["lift"] for lift in balance.json()["lifts"]} == {"deadlift", "back_squat"}
    assert [k.replace("-", "") for k in asked] == [new["id"].replace("-", "")]


def test_a_pcb_2_recompute_reads_only_the_new_workout(
    client: TestClient, session: Session, settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each workout's parsed sets are held: after a write a pcb-2 balance reads and parses only
    the new workout (it estimates the 90 days' sets again, which coverage counts one by one)."""
    _, headers = athlete(session, settings, sex="male", bodyweight_kg=80.0)
    for k in range(5):
        log(client, headers, date.today() - timedelta(days=10 - k), [("deadlift", 150, 5)])
    client.get(PATHS["balance"], headers=headers)
    new = log(client, headers, date.today(), [("back_squat", 110, 5)])
    workout_sets = client.app.state.caches.analytics.workout_sets  # type: ignore[attr-defined]
    parsed: list[str] = []
    put_many = workout_sets.put_many

    def spy(items):  # type: ignore[no-untyped-def]
        parsed.extend(key.workout_id for key, _ in items)
        return put_many(items)

    monkeypatch.setattr(workout_sets, "put_many", spy)
    balance = client.get(PATHS["balance"], headers=headers).json()
    assert balance["coverage"]["working_sets"] == 6
    assert [k.replace("-", "") for k in parsed] == [new["id"].replace("-", "")]


def test_a_recomputed_series_keeps_the_points_before_the_write(
    client: TestClient, session: Session, settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    from api.services.analytics import trend as trend_service

    _, headers = athlete(session, settings, sex="male", bodyweight_kg=80.0)
    for k in range(5):
        log(client, headers, date.today() - timedelta(days=50 - 7 * k), [("deadlift", 150, 5)])
    client.get(PATHS["trend"], headers=headers)
    log(client, headers, date.today(), [("back_squat", 110, 5)])
    computed_from: list[object] = []
    series_from = trend_service.series_from

    def spy(inputs, owner, date_from, date_to):  # type: ignore[no-untyped-def]
        computed_from.append(date_from)
        return series_from(inputs, owner, date_from, date_to)

    monkeypatch.setattr(trend_service, "series_from", spy)
    assert client.get(PATHS["trend"], headers=headers).status_code == 200
    assert computed_from == [date.today()]
