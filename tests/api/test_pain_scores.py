"""Pain scores and bodyweights: their own validation rules."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.records import bodyweight, pain_score, workout


class TestPainScoreValidation:
    @pytest.mark.parametrize(
        ("overrides", "field"),
        [
            ({"score": 11}, "score"),
            ({"score": -1}, "score"),
            ({"score": 4.5}, "score"),
            ({"score": "4"}, "score"),
            ({"region": "big_toe"}, "region"),
            ({"side": "middle"}, "side"),
            ({"context": "asleep"}, "context"),
            ({"notes": "x" * 2001}, "notes"),
            ({"recorded_at": "2026-01-01"}, "recorded_at"),
        ],
    )
    def test_bad_field_is_422(
        self, client: TestClient, auth_headers: dict, overrides: dict, field: str
    ) -> None:
        response = client.post(
            "/v1/users/me/pain-scores", json=pain_score(**overrides), headers=auth_headers
        )
        assert response.status_code == 422, response.text
        assert field in [e["field"] for e in response.json()["errors"]]

    def test_links_own_workout(self, client: TestClient, auth_headers: dict) -> None:
        w = client.post("/v1/users/me/workouts", json=workout(), headers=auth_headers).json()
        response = client.post(
            "/v1/users/me/pain-scores", json=pain_score(workout_id=w["id"]), headers=auth_headers
        )
        assert response.status_code == 201
        assert response.json()["workout_id"] == w["id"]

    def test_other_users_or_deleted_workout_is_422(
        self, client: TestClient, auth_headers: dict, other_headers: dict
    ) -> None:
        theirs = client.post("/v1/users/me/workouts", json=workout(), headers=other_headers).json()
        mine = client.post("/v1/users/me/workouts", json=workout(), headers=auth_headers).json()
        client.delete(f"/v1/users/me/workouts/{mine['id']}", headers=auth_headers)
        for workout_id in (theirs["id"], mine["id"]):
            response = client.post(
                "/v1/users/me/pain-scores",
                json=pain_score(workout_id=workout_id),
                headers=auth_headers,
            )
            assert response.status_code == 422
            assert response.json()["errors"][0]["field"] == "workout_id"

    def test_a_score_linked_to_a_workout_deleted_since_is_written_back_as_it_is(
        self, client: TestClient, auth_headers: dict
    ) -> None:
        w = client.post("/v1/users/me/workouts", json=workout(), headers=auth_headers).json()
        score = client.post(
            "/v1/users/me/pain-scores", json=pain_score(workout_id=w["id"]), headers=auth_headers
        ).json()
        client.delete(f"/v1/users/me/workouts/{w['id']}", headers=auth_headers)
        target = f"/v1/users/me/pain-scores/{score['id']}"
        got = client.get(target, headers=auth_headers).json()
        assert got["workout_id"] == w["id"]
        back = client.put(target, json=got, headers=auth_headers)
        assert back.status_code == 200, back.text
        assert back.json() == got
        changed = client.put(target, json={**got, "score": 1}, headers=auth_headers)
        assert changed.json()["version"] == 2
        assert changed.json()["workout_id"] == w["id"]

    def test_all_nine_regions_are_accepted(self, client: TestClient, auth_headers: dict) -> None:
        regions = [
            "neck",
            "shoulder",
            "upper_back",
            "elbow",
            "wrist_hand",
            "low_back",
            "hip_thigh",
            "knee",
            "ankle_foot",
        ]
        for region in regions:
            response = client.post(
                "/v1/users/me/pain-scores", json=pain_score(region=region), headers=auth_headers
            )
            assert response.status_code == 201


class TestBodyweightValidation:
    @pytest.mark.parametrize("weight", [19.9, 400.1, "heavy", None])
    def test_weight_out_of_range_is_422(
        self, client: TestClient, auth_headers: dict, weight: object
    ) -> None:
        response = client.post(
            "/v1/users/me/bodyweights", json=bodyweight(weight_kg=weight), headers=auth_headers
        )
        assert response.status_code == 422
        assert response.json()["errors"][0]["field"] == "weight_kg"

    def test_bounds_are_inclusive(self, client: TestClient, auth_headers: dict) -> None:
        for weight in (20, 400):
            response = client.post(
                "/v1/users/me/bodyweights", json=bodyweight(weight_kg=weight), headers=auth_headers
            )
            assert response.status_code == 201
