"""How many thread hops a request takes (`db.engine.Database.run`): one per unit of database
work, so a read or a write to one's own data takes one, and a write to someone else's data
two (it is authorised before its body is validated)."""

from __future__ import annotations

from datetime import UTC, datetime

from fastapi.testclient import TestClient

from tests.factories import make_user, token_for


def test_a_read_and_a_write_to_ones_own_data_take_one_hop_each(
    client: TestClient, auth_headers: dict, thread_hops: list[str]
) -> None:
    body = {"recorded_at": datetime.now(UTC).isoformat(), "region": "neck", "score": 2}
    created = client.post("/v1/users/me/pain-scores", json=body, headers=auth_headers)
    assert created.status_code == 201, created.text
    assert len(thread_hops) == 1, thread_hops
    assert client.get("/v1/users/me/pain-scores", headers=auth_headers).status_code == 200
    assert len(thread_hops) == 2, thread_hops


def test_a_write_to_someone_elses_data_is_authorised_in_a_hop_of_its_own(
    client: TestClient, session, settings, thread_hops: list[str]
) -> None:
    admin = make_user(session, email="admin@example.com", role="admin")
    owner = make_user(session, email="owner@example.com")
    headers = {"Authorization": f"Bearer {token_for(admin, settings)}"}
    body = {"recorded_at": datetime.now(UTC).isoformat(), "region": "neck", "score": 2}
    created = client.post(f"/v1/users/{owner.id}/pain-scores", json=body, headers=headers)
    assert created.status_code == 201, created.text
    assert len(thread_hops) == 2, thread_hops
