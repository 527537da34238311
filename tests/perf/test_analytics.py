"""What the analytics caches save (tests/api/test_analytics.py pins the behaviour): a repeated
answer costs the owner's state and nothing more, a pain score leaves the strength answers
cached, and a recompute reads only what was written since."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine
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
