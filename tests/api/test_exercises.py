"""The exercise catalog: system lifts with aliases, custom exercises, filters and paging."""

from __future__ import annotations

from fastapi.testclient import TestClient

SCORED = {
    "back_squat",
    "front_squat",
    "deadlift",
    "hip_thrust",
    "bench_press",
    "overhead_press",
    "push_up",
    "barbell_row",
    "pull_up",
    "chin_up",
}


def create(client: TestClient, headers: dict, **overrides: object) -> dict:
    payload = {
        "name": "Single-leg hip thrust",
        "chain": "posterior",
        "region": "lower",
        "load_type": "external",
        **overrides,
    }
    response = client.post("/v1/exercises", headers=headers, json=payload)
    assert response.status_code == 201, response.text
    return response.json()


class TestListExercises:
    def test_anonymous_is_401(self, client: TestClient) -> None:
        assert client.get("/v1/exercises").status_code == 401

    def test_system_catalog_is_seeded(self, client: TestClient, auth_headers: dict) -> None:
        slugs: set[str] = set()
        cursor = None
        while True:
            params = {"limit": 7, **({"cursor": cursor} if cursor else {})}
            page = client.get("/v1/exercises", headers=auth_headers, params=params).json()
            new = {item["slug"] for item in page["items"]}
            assert not new & slugs  # no duplicates across pages
            slugs |= new
            cursor = page["next_cursor"]
            if cursor is None:
                break
        assert slugs >= SCORED | {"romanian_deadlift", "lat_pulldown", "plank", "nordic_curl"}

    def test_filters_by_chain_and_region(self, client: TestClient, auth_headers: dict) -> None:
        items = client.get(
            "/v1/exercises",
            headers=auth_headers,
            params={"chain": "posterior", "region": "upper", "limit": 500},
        ).json()
        slugs = {i["slug"] for i in items["items"]}
        assert {"pull_up", "chin_up", "barbell_row"} <= slugs
        assert "bench_press" not in slugs
        assert all(i["chain"] == "posterior" and i["region"] == "upper" for i in items["items"])

    def test_search_matches_import_aliases(self, client: TestClient, auth_headers: dict) -> None:
        items = client.get(
            "/v1/exercises", headers=auth_headers, params={"q": "Deadlift (Barbell)"}
        ).json()["items"]
        assert "deadlift" in {i["slug"] for i in items}

    def test_other_users_custom_exercises_are_invisible(
        self, client: TestClient, auth_headers: dict, other_headers: dict
    ) -> None:
        mine = create(client, auth_headers)
        theirs = client.get("/v1/exercises", headers=other_headers, params={"limit": 500}).json()
        assert mine["id"] not in {i["id"] for i in theirs["items"]}
        assert client.get(f"/v1/exercises/{mine['id']}", headers=other_headers).status_code == 404

    def test_limit_over_500_is_422(self, client: TestClient, auth_headers: dict) -> None:
        response = client.get("/v1/exercises", headers=auth_headers, params={"limit": 501})
        assert response.status_code == 422
        assert response.json()["errors"][0]["field"] == "limit"

    def test_malformed_cursor_is_422(self, client: TestClient, auth_headers: dict) -> None:
        response = client.get("/v1/exercises", headers=auth_headers, params={"cursor": "%%%"})
        assert response.status_code == 422
        assert response.json()["errors"][0]["field"] == "cursor"


class TestGetExercise:
    def test_by_slug_with_aliases(self, client: TestClient, auth_headers: dict) -> None:
        body = client.get("/v1/exercises/deadlift", headers=auth_headers).json()
        assert (body["chain"], body["region"], body["is_system"]) == ("posterior", "lower", True)
        assert ("Deadlift (Barbell)", "strong") in {
            (a["alias"], a["source"]) for a in body["aliases"]
        }
        by_id = client.get(f"/v1/exercises/{body['id']}", headers=auth_headers).json()
        assert by_id == body

    def test_pull_up_is_bodyweight_plus(self, client: TestClient, auth_headers: dict) -> None:
        body = client.get("/v1/exercises/pull_up", headers=auth_headers).json()
        assert body["load_type"] == "bodyweight_plus"

    def test_unknown_is_404_problem(self, client: TestClient, auth_headers: dict) -> None:
        response = client.get("/v1/exercises/no_such_lift", headers=auth_headers)
        assert response.status_code == 404
        assert response.headers["content-type"] == "application/problem+json"


class TestCustomExercises:
    def test_create_update_delete(self, client: TestClient, auth_headers: dict) -> None:
        created = create(client, auth_headers)
        assert created["is_system"] is False
        assert created["slug"].startswith("single_leg_hip_thrust_")
        updated = client.patch(
            f"/v1/exercises/{created['id']}",
            headers=auth_headers,
            json={"name": "B-stance hip thrust"},
        )
        assert updated.status_code == 200
        assert updated.json()["name"] == "B-stance hip thrust"
        assert updated.json()["chain"] == "posterior"
        assert (
            client.delete(f"/v1/exercises/{created['id']}", headers=auth_headers).status_code == 204
        )
        assert client.get(f"/v1/exercises/{created['id']}", headers=auth_headers).status_code == 404

    def test_system_exercises_are_read_only(self, client: TestClient, auth_headers: dict) -> None:
        assert (
            client.patch(
                "/v1/exercises/deadlift", headers=auth_headers, json={"chain": "anterior"}
            ).status_code
            == 404
        )
        assert client.delete("/v1/exercises/deadlift", headers=auth_headers).status_code == 404
        body = client.get("/v1/exercises/deadlift", headers=auth_headers).json()
        assert body["chain"] == "posterior"

    def test_others_cannot_change_mine(
        self, client: TestClient, auth_headers: dict, other_headers: dict
    ) -> None:
        mine = create(client, auth_headers)
        assert (
            client.patch(
                f"/v1/exercises/{mine['id']}", headers=other_headers, json={"name": "x"}
            ).status_code
            == 404
        )
        assert (
            client.delete(f"/v1/exercises/{mine['id']}", headers=other_headers).status_code == 404
        )

    def test_bad_enum_is_422_naming_field(self, client: TestClient, auth_headers: dict) -> None:
        response = client.post(
            "/v1/exercises",
            headers=auth_headers,
            json={"name": "x", "chain": "sideways", "region": "lower"},
        )
        assert response.status_code == 422
        assert response.json()["errors"][0]["field"] == "chain"


class TestClassification:
    def test_system_exercises_are_classified_with_equipment(
        self, client: TestClient, auth_headers: dict
    ) -> None:
        body = client.get("/v1/exercises/romanian_deadlift", headers=auth_headers).json()
        assert (body["equipment"], body["classified"], body["alias_of"]) == (
            "barbell",
            True,
            None,
        )

    def test_custom_exercise_without_class_is_neutral_and_unclassified(
        self, client: TestClient, auth_headers: dict
    ) -> None:
        response = client.post(
            "/v1/exercises", headers=auth_headers, json={"name": "Landmine thing"}
        )
        assert response.status_code == 201, response.text
        body = response.json()
        assert (body["chain"], body["region"], body["classified"]) == ("neutral", "none", False)
        assert body["equipment"] is None

    def test_custom_exercise_with_class_is_classified(
        self, client: TestClient, auth_headers: dict
    ) -> None:
        assert create(client, auth_headers)["classified"] is True

    def test_chain_without_region_is_422_naming_region(
        self, client: TestClient, auth_headers: dict
    ) -> None:
        response = client.post(
            "/v1/exercises", headers=auth_headers, json={"name": "x", "chain": "posterior"}
        )
        assert response.status_code == 422
        assert response.headers["content-type"] == "application/problem+json"
        assert response.json()["errors"][0]["field"] == "region"
