"""The exercise catalog: system lifts with aliases, custom exercises, filters and paging."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from fastapi.testclient import TestClient

from api.analytics.classes import counted_class
from db.catalog import catalog_by_slug
from tests.unit.test_catalog import CLASSES

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

    def test_a_chain_alone_classifies_with_region_none(
        self, client: TestClient, auth_headers: dict
    ) -> None:
        response = client.post(
            "/v1/exercises", headers=auth_headers, json={"name": "x", "chain": "posterior"}
        )
        assert response.status_code == 201, response.text
        body = response.json()
        assert (body["chain"], body["region"], body["classified"]) == ("posterior", "none", True)


RESOLVE = "/v1/exercises/resolve"


def resolve(client: TestClient, headers: dict, *names: str, **extra: object) -> list[dict]:
    response = client.post(RESOLVE, headers=headers, json={"names": list(names), **extra})
    assert response.status_code == 200, response.text
    return list(response.json()["items"])


class TestResolveExerciseNames:
    def test_anonymous_is_401(self, client: TestClient) -> None:
        assert client.post(RESOLVE, json={"names": ["Deadlift"]}).status_code == 401

    def test_app_names_german_names_plurals_and_equipment_forms(
        self, client: TestClient, auth_headers: dict
    ) -> None:
        names = {
            "Squat (Barbell)": "back_squat",
            "Kreuzheben (Langhantel)": "deadlift",
            "Bankdrücken": "bench_press",
            "Klimmzug": "pull_up",
            "Push Ups": "push_up",
            "Step-up": "step_up",
            "Dumbbell Incline Bench Press": "incline_bench_press_dumbbell",
            "ROMANIAN DEADLIFT (dumbbell)": "romanian_deadlift_dumbbell",
        }
        items = resolve(client, auth_headers, *names, source="strong")
        assert [i["name"] for i in items] == list(names)
        assert [i["exercise"]["slug"] for i in items] == list(names.values())
        assert all(i["suggestions"] == [] for i in items)
        deadlift = client.get("/v1/exercises/deadlift", headers=auth_headers).json()
        assert items[1]["exercise"] == {
            "id": deadlift["id"],
            "slug": "deadlift",
            "name": deadlift["name"],
            "chain": "posterior",
            "region": "lower",
        }

    def test_unknown_name_has_no_exercise_and_fuzzy_suggestions(
        self, client: TestClient, auth_headers: dict
    ) -> None:
        (item,) = resolve(client, auth_headers, "Squat (Smith Machien)")
        assert item["exercise"] is None
        assert item["suggestions"][0]["slug"] == "squat_smith_machine"
        scores = [s["score"] for s in item["suggestions"]]
        assert scores == sorted(scores, reverse=True)
        assert 0 < len(scores) <= 5

    def test_own_exercise_wins_over_the_catalog_on_its_name(
        self, client: TestClient, auth_headers: dict, other_headers: dict
    ) -> None:
        mine = create(client, auth_headers, name="Hip Thrust")
        (item,) = resolve(client, auth_headers, "hip thrusts")
        assert (item["exercise"]["id"], item["exercise"]["chain"]) == (mine["id"], "posterior")
        (theirs,) = resolve(client, other_headers, "hip thrusts")
        assert theirs["exercise"]["slug"] == "hip_thrust"

    def test_own_exercises_are_suggested_too(self, client: TestClient, auth_headers: dict) -> None:
        mine = create(client, auth_headers, name="Zercher Carry Deluxe")
        (item,) = resolve(client, auth_headers, "Zercher Carry Delux")
        assert item["exercise"] is None
        assert item["suggestions"][0]["slug"] == mine["slug"]

    def test_repeated_names_answer_each(self, client: TestClient, auth_headers: dict) -> None:
        items = resolve(client, auth_headers, "Pull Up", "Pull Up")
        assert [i["exercise"]["slug"] for i in items] == ["pull_up", "pull_up"]

    def test_no_names_is_422(self, client: TestClient, auth_headers: dict) -> None:
        response = client.post(RESOLVE, headers=auth_headers, json={"names": []})
        assert response.status_code == 422
        assert response.json()["errors"][0]["field"] == "names"

    def test_more_than_200_names_is_422(self, client: TestClient, auth_headers: dict) -> None:
        response = client.post(RESOLVE, headers=auth_headers, json={"names": ["Squat"] * 201})
        assert response.status_code == 422
        assert response.json()["errors"][0]["field"] == "names"

    def test_blank_name_is_422_naming_it(self, client: TestClient, auth_headers: dict) -> None:
        response = client.post(RESOLVE, headers=auth_headers, json={"names": ["Squat", "  "]})
        assert response.status_code == 422
        assert response.json()["errors"][0]["field"] == "names.1"

    def test_unknown_source_is_422(self, client: TestClient, auth_headers: dict) -> None:
        response = client.post(
            RESOLVE, headers=auth_headers, json={"names": ["Squat"], "source": "myfitnesspal"}
        )
        assert response.status_code == 422
        assert response.json()["errors"][0]["field"] == "source"


class TestCatalogClassesAsServed:
    """The table of well-known names (tests/unit/test_catalog.py) against what the database
    serves: each name resolves over HTTP to an exercise whose chain and region give its class."""

    def test_every_well_known_name_has_its_class(
        self, client: TestClient, auth_headers: dict
    ) -> None:
        items = resolve(client, auth_headers, *CLASSES)
        served = {
            i["name"]: counted_class(i["exercise"]["chain"], i["exercise"]["region"])
            for i in items
            if i["exercise"] is not None
        }
        assert served == CLASSES

    @pytest.mark.parametrize(
        ("slug", "chain", "region", "equipment"),
        [
            ("romanian_deadlift_dumbbell", "posterior", "lower", "dumbbell"),
            ("squat_smith_machine", "anterior", "lower", "smith_machine"),
            ("seated_row", "posterior", "upper", "cable"),
            ("leg_press", "anterior", "lower", "machine"),
            ("shrug_barbell", "posterior", "upper", "barbell"),
            ("lateral_raise_dumbbell", "neutral", "none", "dumbbell"),
        ],
    )
    def test_catalog_exercise_as_served(
        self,
        client: TestClient,
        auth_headers: dict,
        slug: str,
        chain: str,
        region: str,
        equipment: str,
    ) -> None:
        body = client.get(f"/v1/exercises/{slug}", headers=auth_headers).json()
        assert (body["chain"], body["region"], body["equipment"]) == (chain, region, equipment)
        assert (body["is_system"], body["classified"]) == (True, True)
        expected = catalog_by_slug()[slug]
        assert {(a["alias"], a["source"]) for a in body["aliases"]} == {
            (a.name, a.source) for a in expected.aliases
        }


class TestAliasOf:
    def test_alias_of_by_slug_takes_the_targets_class(
        self, client: TestClient, auth_headers: dict
    ) -> None:
        made = client.post("/v1/exercises", headers=auth_headers, json={"name": "Hip hinge X"})
        assert made.json()["classified"] is False
        patched = client.patch(
            f"/v1/exercises/{made.json()['id']}",
            headers=auth_headers,
            json={"alias_of": "romanian_deadlift_dumbbell"},
        )
        assert patched.status_code == 200, patched.text
        body = patched.json()
        assert (body["alias_of"], body["chain"], body["region"], body["classified"]) == (
            "romanian_deadlift_dumbbell",
            "posterior",
            "lower",
            True,
        )
        again = client.get(f"/v1/exercises/{body['slug']}", headers=auth_headers).json()
        assert again["alias_of"] == "romanian_deadlift_dumbbell"
        listed = client.get(
            "/v1/exercises", headers=auth_headers, params={"q": "hip hinge x"}
        ).json()["items"]
        assert [i["alias_of"] for i in listed] == ["romanian_deadlift_dumbbell"]

    def test_alias_of_by_id_and_null_clears(self, client: TestClient, auth_headers: dict) -> None:
        mine = create(client, auth_headers, name="Pullups on rings")
        pull_up = client.get("/v1/exercises/pull_up", headers=auth_headers).json()
        body = client.patch(
            f"/v1/exercises/{mine['id']}", headers=auth_headers, json={"alias_of": pull_up["id"]}
        ).json()
        assert (body["alias_of"], body["chain"], body["region"], body["load_type"]) == (
            "pull_up",
            "posterior",
            "upper",
            "bodyweight_plus",
        )
        cleared = client.patch(
            f"/v1/exercises/{mine['id']}", headers=auth_headers, json={"alias_of": None}
        ).json()
        assert (cleared["alias_of"], cleared["chain"], cleared["classified"]) == (
            None,
            "posterior",
            True,
        )

    def test_chain_and_region_given_with_alias_of_win(
        self, client: TestClient, auth_headers: dict
    ) -> None:
        made = client.post(
            "/v1/exercises",
            headers=auth_headers,
            json={"name": "Odd row", "alias_of": "barbell_row", "chain": "neutral"},
        )
        assert made.status_code == 201, made.text
        body = made.json()
        assert (body["alias_of"], body["chain"], body["region"]) == (
            "barbell_row",
            "neutral",
            "upper",
        )

    def test_classifying_by_patch(self, client: TestClient, auth_headers: dict) -> None:
        made = client.post("/v1/exercises", headers=auth_headers, json={"name": "Sled push"})
        body = client.patch(
            f"/v1/exercises/{made.json()['id']}",
            headers=auth_headers,
            json={"chain": "anterior", "region": "lower"},
        ).json()
        assert (body["chain"], body["region"], body["classified"]) == (
            "anterior",
            "lower",
            True,
        )

    @pytest.mark.parametrize("target", ["no_such_lift", "00000000-0000-0000-0000-000000000000"])
    def test_unknown_target_is_422_naming_alias_of(
        self, client: TestClient, auth_headers: dict, target: str
    ) -> None:
        mine = create(client, auth_headers)
        response = client.patch(
            f"/v1/exercises/{mine['id']}", headers=auth_headers, json={"alias_of": target}
        )
        assert response.status_code == 422
        assert response.headers["content-type"] == "application/problem+json"
        assert response.json()["errors"][0]["field"] == "alias_of"

    def test_a_custom_exercise_is_no_target(self, client: TestClient, auth_headers: dict) -> None:
        first = create(client, auth_headers)
        second = create(client, auth_headers, name="Other")
        response = client.patch(
            f"/v1/exercises/{second['id']}", headers=auth_headers, json={"alias_of": first["slug"]}
        )
        assert response.status_code == 422
        assert response.json()["errors"][0]["field"] == "alias_of"

    def test_others_and_system_exercises_are_404(
        self, client: TestClient, auth_headers: dict, other_headers: dict
    ) -> None:
        mine = create(client, auth_headers)
        for ref, headers in ((mine["id"], other_headers), ("deadlift", auth_headers)):
            response = client.patch(
                f"/v1/exercises/{ref}", headers=headers, json={"alias_of": "hip_thrust"}
            )
            assert response.status_code == 404
        assert (
            client.get(f"/v1/exercises/{mine['id']}", headers=auth_headers).json()["alias_of"]
            is None
        )

    def test_figures_follow_an_alias_at_once(self, client: TestClient, auth_headers: dict) -> None:
        made = client.post("/v1/exercises", headers=auth_headers, json={"name": "Ring rows"})
        slug = made.json()["slug"]
        day = (datetime.now(UTC) - timedelta(days=2)).isoformat()
        logged = client.post(
            "/v1/users/me/workouts",
            headers=auth_headers,
            json={"started_at": day, "sets": [{"exercise": slug, "reps": 10, "load_kg": 20}]},
        )
        assert logged.status_code == 201, logged.text

        def counted_upper_posterior() -> tuple[int, int]:
            balance = client.get("/v1/users/me/balance", headers=auth_headers).json()
            upper = balance["volume"]["regions"]["upper"]
            return balance["coverage"]["counted"], upper["posterior_sets"]

        assert counted_upper_posterior() == (0, 0)  # a new custom exercise counts nowhere
        patched = client.patch(
            f"/v1/exercises/{slug}", headers=auth_headers, json={"alias_of": "barbell_row"}
        )
        assert patched.status_code == 200
        assert counted_upper_posterior() == (1, 1)  # now a barbell row: posterior upper


class TestResolvePath:
    def test_resolve_answers_post_only(self, client: TestClient, auth_headers: dict) -> None:
        response = client.request("OPTIONS", RESOLVE, headers=auth_headers)
        assert response.status_code == 405
        assert response.headers["allow"] == "POST"

    def test_a_name_longer_than_the_limit_as_sent_is_422(
        self, client: TestClient, auth_headers: dict
    ) -> None:
        """Whitespace around it does not make a 121-character name fit the schema's 120."""
        response = client.post(
            "/v1/exercises", headers=auth_headers, json={"name": "\u00a0" + "x" * 120}
        )
        assert response.status_code == 422
        assert response.json()["errors"][0]["field"] == "name"
