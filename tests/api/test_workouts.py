"""Workouts: validation of every field, exercise resolution, set order, lists by time."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlmodel import Session, select

from api.settings import Settings
from db.base import new_id
from db.models import User, Workout, WorkoutSet
from db.queries import records as records_queries
from tests.api.test_trainers import link
from tests.factories import make_user, token_for
from tests.records import at, workout

URL = "/v1/users/me/workouts"


def custom_exercise(
    client: TestClient, headers: dict, name: str, region: str = "lower"
) -> dict[str, Any]:
    """A posterior-chain exercise of the caller's own, as created."""
    body = {"name": name, "chain": "posterior", "region": region}
    created: dict[str, Any] = client.post("/v1/exercises", headers=headers, json=body).json()
    return created


def post(client: TestClient, headers: dict, body: dict) -> Any:
    return client.post(URL, json=body, headers=headers)


class TestValidation:
    @pytest.mark.parametrize(
        ("set_overrides", "field"),
        [
            ({"reps": -1}, "sets.0.reps"),
            ({"reps": 1001}, "sets.0.reps"),
            ({"reps": 2.5}, "sets.0.reps"),
            ({"load_kg": -501}, "sets.0.load_kg"),
            ({"load_kg": 1500.5}, "sets.0.load_kg"),
            ({"rpe": 7.3}, "sets.0.rpe"),
            ({"rpe": 0.5}, "sets.0.rpe"),
            ({"rpe": 10.5}, "sets.0.rpe"),
            ({"rir": 11}, "sets.0.rir"),
            ({"set_type": "superset"}, "sets.0.set_type"),
            ({"notes": "x" * 2001}, "sets.0.notes"),
            ({"exercise": "no_such_lift"}, "sets.0.exercise"),
            ({"exercise": str(uuid.uuid4())}, "sets.0.exercise"),
            ({"colour": "red"}, "sets.0.colour"),
            ({"position": 1}, "sets.0.position"),
            ({"position": -1}, "sets.0.position"),
            ({"position": "0"}, "sets.0.position"),
            ({"exercise_id": str(uuid.uuid4())}, "sets.0.exercise_id"),
            ({"exercise_id": "deadlift"}, "sets.0.exercise_id"),
        ],
    )
    def test_bad_set_field_is_422_naming_it(
        self,
        client: TestClient,
        auth_headers: dict,
        session: Session,
        set_overrides: dict,
        field: str,
    ) -> None:
        body = workout(sets=[{"exercise": "deadlift", "reps": 5, "load_kg": 100, **set_overrides}])
        response = post(client, auth_headers, body)
        assert response.status_code == 422, response.text
        assert response.headers["content-type"] == "application/problem+json"
        assert field in [e["field"] for e in response.json()["errors"]]
        assert session.exec(select(Workout)).first() is None

    @pytest.mark.parametrize(
        ("overrides", "field"),
        [
            ({"started_at": "2026-01-01T10:00:00"}, "started_at"),
            ({"started_at": "yesterday"}, "started_at"),
            ({"started_at": 1767261600}, "started_at"),
            ({"started_at": (datetime.now(UTC) + timedelta(hours=25)).isoformat()}, "started_at"),
            ({"notes": "x" * 2001}, "notes"),
            ({"title": "x" * 201}, "title"),
            ({"sets": [{"exercise": "deadlift", "reps": 1}] * 201}, "sets"),
        ],
    )
    def test_bad_workout_field_is_422_naming_it(
        self, client: TestClient, auth_headers: dict, overrides: dict, field: str
    ) -> None:
        response = post(client, auth_headers, workout(**overrides))
        assert response.status_code == 422, response.text
        assert field in [e["field"] for e in response.json()["errors"]]

    def test_ended_before_started_is_422(self, client: TestClient, auth_headers: dict) -> None:
        response = post(client, auth_headers, workout(started_at=at(1), ended_at=at(2)))
        assert response.status_code == 422

    def test_up_to_200_sets_and_23_hours_ahead_are_fine(
        self, client: TestClient, auth_headers: dict
    ) -> None:
        soon = (datetime.now(UTC) + timedelta(hours=23)).isoformat()
        sets = [{"exercise": "deadlift", "reps": 1, "load_kg": 60}] * 200
        assert post(client, auth_headers, workout(started_at=soon, sets=sets)).status_code == 201

    def test_another_users_custom_exercise_is_422(
        self, client: TestClient, auth_headers: dict, other_headers: dict
    ) -> None:
        theirs = custom_exercise(client, other_headers, "Secret lift")
        for ref in (theirs["id"], theirs["slug"]):
            body = workout(sets=[{"exercise": ref, "reps": 5, "load_kg": 50}])
            response = post(client, auth_headers, body)
            assert response.status_code == 422
            assert response.json()["errors"][0]["field"] == "sets.0.exercise"

    def test_exercises_resolve_by_slug_or_id_system_or_own(
        self, client: TestClient, auth_headers: dict
    ) -> None:
        mine = custom_exercise(client, auth_headers, "Band pull-apart", region="upper")
        deadlift = client.get("/v1/exercises/deadlift", headers=auth_headers).json()
        refs = ["deadlift", deadlift["id"].upper(), mine["id"], mine["slug"], "hip_thrust"]
        body = workout(sets=[{"exercise": ref, "reps": 5, "load_kg": 50} for ref in refs])
        response = post(client, auth_headers, body)
        assert response.status_code == 201, response.text
        sets = response.json()["sets"]
        assert [s["exercise"] for s in sets] == [
            "deadlift",
            "deadlift",
            mine["slug"],
            mine["slug"],
            "hip_thrust",
        ]
        assert sets[1]["exercise_id"] == deadlift["id"]
        assert sets[2]["exercise_id"] == mine["id"]
        stored = client.get(f"/v1/users/me/workouts/{response.json()['id']}", headers=auth_headers)
        assert stored.json()["sets"] == sets

    def test_exercises_resolve_by_name_or_alias_as_imports_do(
        self, client: TestClient, auth_headers: dict
    ) -> None:
        mine = custom_exercise(client, auth_headers, "Band pull-apart", region="upper")
        refs = ["Deadlift (Barbell)", "Kniebeuge", "push-ups", "band pull apart", "Deadlift"]
        body = workout(sets=[{"exercise": ref, "reps": 5, "load_kg": 50} for ref in refs])
        response = post(client, auth_headers, body)
        assert response.status_code == 201, response.text
        assert [s["exercise"] for s in response.json()["sets"]] == [
            "deadlift",
            "back_squat",
            "push_up",
            mine["slug"],
            "deadlift",
        ]

    def test_unknown_name_is_422_with_suggestions(
        self, client: TestClient, auth_headers: dict, session: Session
    ) -> None:
        sets = [
            {"exercise": "deadlift", "reps": 5, "load_kg": 100},
            {"exercise": "Romanian Deadlfit (Dumbell)", "reps": 5, "load_kg": 40},
        ]
        response = post(client, auth_headers, workout(sets=sets))
        assert response.status_code == 422, response.text
        assert response.headers["content-type"] == "application/problem+json"
        (error,) = response.json()["errors"]
        assert error["field"] == "sets.1.exercise"
        assert error["suggestions"][0]["slug"] == "romanian_deadlift_dumbbell"
        assert set(error["suggestions"][0]) == {"slug", "name", "score"}
        assert session.exec(select(Workout)).first() is None

    def test_another_users_custom_exercise_name_is_unknown(
        self, client: TestClient, auth_headers: dict, other_headers: dict
    ) -> None:
        custom_exercise(client, other_headers, "Secret lift zz")
        body = workout(sets=[{"exercise": "Secret lift zz", "reps": 5, "load_kg": 50}])
        response = post(client, auth_headers, body)
        assert response.status_code == 422
        assert "Secret lift zz" not in {
            s["name"] for s in response.json()["errors"][0].get("suggestions", [])
        }

    def test_a_batch_write_names_exercises_too(
        self, client: TestClient, auth_headers: dict
    ) -> None:
        """The sync batch writes sets through the same matcher: a name works, an unknown one
        is that operation's 422 with suggestions."""
        sets = [[{"exercise": "Bankdrücken", "reps": 5}], [{"exercise": "Benchh Prss", "reps": 5}]]
        ops = [
            {"method": "PUT", "path": f"workouts/{uuid.uuid4()}", "body": workout(sets=s)}
            for s in sets
        ]
        response = client.post("/v1/users/me/batch", json={"operations": ops}, headers=auth_headers)
        assert response.status_code == 200, response.text
        first, second = response.json()["results"]
        assert first["status"] == 201, first
        assert first["body"]["sets"][0]["exercise"] == "bench_press"
        assert second["status"] == 422
        (error,) = second["body"]["errors"]
        assert error["field"] == "sets.0.exercise"
        assert "bench_press" in {s["slug"] for s in error["suggestions"]}

    def test_a_trainer_logs_by_the_clients_exercise_names(
        self,
        client: TestClient,
        auth_headers: dict,
        user: User,
        settings: Settings,
        session: Session,
    ) -> None:
        coach = make_user(session, email="coach-names@example.com")
        coach_headers = {"Authorization": f"Bearer {token_for(coach, settings)}"}
        link(client, coach_headers, auth_headers, can_log=True)
        theirs = custom_exercise(client, auth_headers, "Sandbag shouldering")
        custom_exercise(client, coach_headers, "Coach only lift")
        url = f"/v1/users/{user.id}/workouts"
        sets = [{"exercise": "sandbag shouldering", "reps": 3, "load_kg": 60}]
        response = client.post(url, json=workout(sets=sets), headers=coach_headers)
        assert response.status_code == 201, response.text
        assert response.json()["sets"][0]["exercise"] == theirs["slug"]
        sets = [{"exercise": "Coach only lift", "reps": 3, "load_kg": 60}]
        response = client.post(url, json=workout(sets=sets), headers=coach_headers)
        assert response.status_code == 422
        assert response.json()["errors"][0]["field"] == "sets.0.exercise"

    def test_set_id_of_another_workout_is_422(self, client: TestClient, auth_headers: dict) -> None:
        set_id = str(uuid.uuid4())
        sets = [{"id": set_id, "exercise": "deadlift", "reps": 5}]
        assert post(client, auth_headers, workout(sets=sets)).status_code == 201
        response = post(client, auth_headers, workout(sets=sets))
        assert response.status_code == 422
        assert response.json()["errors"][0]["field"] == "sets.0.id"

    @pytest.mark.parametrize("method", ["POST", "PUT new", "PUT existing", "PATCH"])
    def test_set_id_taken_after_the_check_is_422_not_500(
        self,
        client: TestClient,
        auth_headers: dict,
        session: Session,
        monkeypatch: pytest.MonkeyPatch,
        method: str,
    ) -> None:
        """Another request wrote the set id between this one's check and its insert (the
        check is made to miss it): the database refuses the set, and the answer is the
        check's 422, with nothing of this request stored."""
        set_id = str(uuid.uuid4())
        sets = [
            {"exercise": "deadlift", "reps": 5},
            {"id": set_id, "exercise": "deadlift", "reps": 3},
        ]
        first = post(client, auth_headers, workout(sets=sets[1:]))
        assert first.status_code == 201
        existing = post(client, auth_headers, workout(title="Kept", sets=sets[:1])).json()
        original = records_queries.foreign_set_ids
        calls: list[int] = []

        def stale_once(*args: Any) -> set[uuid.UUID]:
            calls.append(1)
            return set() if len(calls) == 1 else original(*args)

        monkeypatch.setattr(records_queries, "foreign_set_ids", stale_once)
        url = f"/v1/users/me/workouts/{existing['id']}"
        if method == "POST":
            response = post(client, auth_headers, workout(title="New", sets=sets))
        elif method == "PUT new":
            response = client.put(
                f"/v1/users/me/workouts/{uuid.uuid4()}",
                json=workout(title="New", sets=sets),
                headers=auth_headers,
            )
        elif method == "PUT existing":
            response = client.put(url, json=workout(title="New", sets=sets), headers=auth_headers)
        else:
            response = client.patch(url, json={"title": "New", "sets": sets}, headers=auth_headers)
        assert response.status_code == 422, response.text
        assert response.headers["content-type"] == "application/problem+json"
        assert [e["field"] for e in response.json()["errors"]] == ["sets.1.id"]
        titles = sorted(w.title for w in session.exec(select(Workout)).all())
        assert titles == ["Kept", "Posterior day"]
        assert client.get(url, headers=auth_headers).json()["sets"] == existing["sets"]
        owner = session.exec(
            select(WorkoutSet.workout_id).where(WorkoutSet.id == uuid.UUID(set_id))
        ).one()
        assert str(owner) == first.json()["id"]

    def test_duplicate_set_ids_are_422(self, client: TestClient, auth_headers: dict) -> None:
        set_id = str(uuid.uuid4())
        sets = [{"id": set_id, "exercise": "deadlift", "reps": 5}] * 2
        response = post(client, auth_headers, workout(sets=sets))
        assert response.status_code == 422
        assert response.json()["errors"][0]["field"] == "sets.1.id"


class TestSets:
    def test_exercise_by_id_or_slug_and_positions_follow_order(
        self, client: TestClient, auth_headers: dict
    ) -> None:
        deadlift = client.get("/v1/exercises/deadlift", headers=auth_headers).json()
        body = workout(
            sets=[
                {"exercise": "bench_press", "reps": 5, "load_kg": 80, "set_type": "warmup"},
                {"exercise": deadlift["id"], "reps": 3, "load_kg": 160},
                {"exercise": "pull_up", "reps": 8, "load_kg": -20},
            ]
        )
        created = post(client, auth_headers, body).json()
        assert [(s["exercise"], s["position"]) for s in created["sets"]] == [
            ("bench_press", 0),
            ("deadlift", 1),
            ("pull_up", 2),
        ]
        assert created["sets"][1]["exercise_id"] == deadlift["id"]
        assert created["sets"][2]["load_kg"] == -20
        assert created["sets"][0]["set_type"] == "warmup"

    def test_patch_with_sets_replaces_them_all(
        self, client: TestClient, auth_headers: dict, session: Session
    ) -> None:
        created = post(client, auth_headers, workout()).json()
        response = client.patch(
            f"{URL}/{created['id']}",
            headers=auth_headers,
            json={"sets": [{"exercise": "back_squat", "reps": 5, "load_kg": 100}]},
        )
        assert [s["exercise"] for s in response.json()["sets"]] == ["back_squat"]
        rows = session.exec(select(WorkoutSet)).all()
        assert len(rows) == 1

    def test_replace_keeps_client_set_ids(self, client: TestClient, auth_headers: dict) -> None:
        rid, set_id = uuid.uuid4(), str(uuid.uuid4())
        body = workout(sets=[{"id": set_id, "exercise": "deadlift", "reps": 5, "load_kg": 100}])
        client.put(f"{URL}/{rid}", json=body, headers=auth_headers)
        body["sets"][0]["reps"] = 6
        replaced = client.put(f"{URL}/{rid}", json=body, headers=auth_headers).json()
        assert replaced["sets"][0]["id"] == set_id
        assert replaced["sets"][0]["reps"] == 6

    def test_custom_exercise_in_use_cannot_be_deleted(
        self, client: TestClient, auth_headers: dict
    ) -> None:
        custom = custom_exercise(client, auth_headers, "Cable pull-through")
        post(
            client,
            auth_headers,
            workout(sets=[{"exercise": custom["slug"], "reps": 12, "load_kg": 30}]),
        )
        response = client.delete(f"/v1/exercises/{custom['id']}", headers=auth_headers)
        assert response.status_code == 409
        assert response.json()["code"] == "exercise_in_use"


class TestWritingBackTheReadShape:
    def test_sets_carry_their_exercise_id_and_position_back(
        self, client: TestClient, auth_headers: dict
    ) -> None:
        created = post(client, auth_headers, workout()).json()
        target = f"{URL}/{created['id']}"
        back = client.put(target, json=created, headers=auth_headers)
        assert back.status_code == 200, back.text
        assert back.json() == created
        created["sets"][2]["reps"] = 7
        changed = client.put(target, json=created, headers=auth_headers).json()
        assert changed["version"] == 2
        assert [s["id"] for s in changed["sets"]] == [s["id"] for s in created["sets"]]
        assert [s["reps"] for s in changed["sets"]] == [5, 8, 7]

    def test_positions_out_of_order_and_a_foreign_exercise_id_are_422_naming_them(
        self, client: TestClient, auth_headers: dict
    ) -> None:
        created = post(client, auth_headers, workout()).json()
        sent = {**created, "sets": [created["sets"][1], created["sets"][0], created["sets"][2]]}
        sent["sets"][2] = {**sent["sets"][2], "exercise_id": created["sets"][0]["exercise_id"]}
        response = client.put(f"{URL}/{created['id']}", json=sent, headers=auth_headers)
        assert response.status_code == 422
        assert [e["field"] for e in response.json()["errors"]] == [
            "sets.0.position",
            "sets.1.position",
            "sets.2.exercise_id",
        ]
        assert client.get(f"{URL}/{created['id']}", headers=auth_headers).json() == created

    def test_the_exercise_id_of_the_named_exercise_is_accepted(
        self, client: TestClient, auth_headers: dict
    ) -> None:
        deadlift = client.get("/v1/exercises/deadlift", headers=auth_headers).json()
        sets = [
            {"exercise": ref, "exercise_id": deadlift["id"], "position": i, "reps": 3}
            for i, ref in enumerate(["deadlift", deadlift["id"].upper()])
        ]
        response = post(client, auth_headers, workout(sets=sets))
        assert response.status_code == 201, response.text
        assert [s["exercise"] for s in response.json()["sets"]] == ["deadlift", "deadlift"]


class TestUnchangingWrites:
    def test_the_same_sets_without_ids_keep_theirs_and_nothing_is_written(
        self, client: TestClient, auth_headers: dict, engine, count_queries
    ) -> None:
        """A retried PUT of a body without set ids: each set is the stored one at its place,
        so it keeps that set's id and the workout is left as it is (no statement writes)."""
        rid, body = uuid.uuid4(), workout()
        created = client.put(f"{URL}/{rid}", json=body, headers=auth_headers)
        with count_queries(engine) as counter:
            again = client.put(f"{URL}/{rid}", json=body, headers=auth_headers)
            patched = client.patch(
                f"{URL}/{rid}", json={"sets": body["sets"]}, headers=auth_headers
            )
        assert again.status_code == patched.status_code == 200
        assert again.json() == patched.json() == created.json()
        assert again.headers["etag"] == created.headers["etag"]
        writes = [s for s in counter.statements if s.split()[0] in {"INSERT", "UPDATE", "DELETE"}]
        assert writes == []

    def test_a_changed_set_is_a_new_version_and_the_others_keep_their_ids(
        self, client: TestClient, auth_headers: dict
    ) -> None:
        rid, body = uuid.uuid4(), workout()
        created = client.put(f"{URL}/{rid}", json=body, headers=auth_headers).json()
        body["sets"][1]["reps"] = 9
        changed = client.put(f"{URL}/{rid}", json=body, headers=auth_headers).json()
        assert changed["version"] == 2
        assert [s["reps"] for s in changed["sets"]] == [5, 9, 6]
        old_ids = [s["id"] for s in created["sets"]]
        new_ids = [s["id"] for s in changed["sets"]]
        assert new_ids[0] == old_ids[0]
        assert new_ids[2] == old_ids[2]
        assert new_ids[1] not in old_ids
        assert client.get(f"{URL}/{rid}", headers=auth_headers).json() == changed

    def test_reordered_sets_are_a_change(self, client: TestClient, auth_headers: dict) -> None:
        rid, body = uuid.uuid4(), workout()
        created = client.put(f"{URL}/{rid}", json=body, headers=auth_headers).json()
        reordered = list(reversed(created["sets"]))
        response = client.patch(
            f"{URL}/{rid}",
            json={"sets": [{k: v for k, v in s.items() if k in SENT} for s in reordered]},
            headers=auth_headers,
        )
        assert response.json()["version"] == 2
        assert [s["id"] for s in response.json()["sets"]] == [s["id"] for s in reordered]
        assert [s["position"] for s in response.json()["sets"]] == [0, 1, 2]


# A set's members that a write names (its read shape adds `exercise_id` and `position`).
SENT = ("id", "exercise", "set_type", "reps", "load_kg", "rpe", "rir", "notes")


class TestList:
    def test_newest_first_with_time_filters(self, client: TestClient, auth_headers: dict) -> None:
        ids = [
            post(client, auth_headers, workout(started_at=at(days))).json()["id"]
            for days in (30, 20, 10)
        ]
        items = client.get(URL, headers=auth_headers).json()["items"]
        assert [i["id"] for i in items] == list(reversed(ids))
        middle = client.get(
            URL, headers=auth_headers, params={"from": at(25), "to": at(15)}
        ).json()["items"]
        assert [i["id"] for i in middle] == [ids[1]]


# Any Unicode text a JSON client can send: no NUL (refused by the API) and no lone surrogates
# (not encodable as UTF-8, so no client can send them).
TEXT = st.characters(exclude_characters="\x00", exclude_categories=("Cs",))
set_strategy = st.fixed_dictionaries(
    {
        "exercise": st.sampled_from(
            ["deadlift", "hip_thrust", "back_squat", "pull_up", "bench_press", "push_up"]
        ),
        "reps": st.integers(0, 1000),
        "load_kg": st.floats(-500, 1500, allow_nan=False).map(lambda x: round(x, 2)),
        "set_type": st.sampled_from(["normal", "warmup", "dropset", "failure"]),
        "rpe": st.none() | st.integers(2, 20).map(lambda x: x / 2),
        "rir": st.none() | st.integers(0, 10),
        # Any text but NUL, which the contract refuses (PostgreSQL cannot store it).
        "notes": st.none() | st.text(TEXT, max_size=50).map(str.strip),
    }
)
workout_strategy = st.fixed_dictionaries(
    {
        "started_at": st.datetimes(
            min_value=datetime(2000, 1, 1), max_value=datetime(2026, 1, 1), timezones=st.just(UTC)
        ).map(lambda d: d.replace(microsecond=0).isoformat()),
        "title": st.none() | st.text(TEXT, min_size=1, max_size=40).map(str.strip),
        "sets": st.lists(set_strategy, max_size=8),
    }
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(body=workout_strategy)
def test_any_valid_workout_round_trips_through_put_and_get(
    client: TestClient, auth_headers: dict, body: dict
) -> None:
    rid = uuid.uuid4()
    put = client.put(f"{URL}/{rid}", json=body, headers=auth_headers)
    assert put.status_code == 201, put.text
    got = client.get(f"{URL}/{rid}", headers=auth_headers).json()
    assert got == put.json()
    back = client.put(f"{URL}/{rid}", json=got, headers=auth_headers)  # the read shape, as is
    assert back.status_code == 200, back.text
    assert back.json() == got
    assert back.headers["etag"] == put.headers["etag"]
    assert datetime.fromisoformat(got["started_at"]) == datetime.fromisoformat(body["started_at"])
    assert got["title"] == body["title"]
    assert len(got["sets"]) == len(body["sets"])
    for original, back in zip(body["sets"], got["sets"], strict=True):
        assert back["exercise"] == original["exercise"]
        assert back["reps"] == original["reps"]
        assert back["load_kg"] == pytest.approx(original["load_kg"])
        assert back["set_type"] == original["set_type"]
        assert back["rpe"] == original["rpe"]
        assert back["rir"] == original["rir"]
        assert back["notes"] == original["notes"]


def test_server_chosen_ids_are_time_ordered(client: TestClient, auth_headers: dict) -> None:
    """Ids the server makes are UUIDv7 (db.base.new_id): a workout's sets, and workouts made
    one after another, sort in the order they were made; ids a client chose are kept."""
    first = post(client, auth_headers, workout()).json()
    second = post(client, auth_headers, workout()).json()
    ids = [uuid.UUID(first["id"]), *(uuid.UUID(s["id"]) for s in first["sets"])]
    ids.append(uuid.UUID(second["id"]))
    assert {i.version for i in ids} == {7}
    assert ids == sorted(ids, key=lambda i: i.bytes)
    # A plain UUID: SQLAlchemy types binds by the value's exact class (uuid6.UUID is unknown).
    assert type(new_id()) is uuid.UUID
    chosen = uuid.uuid4()
    body = workout(sets=[{"id": str(chosen), "exercise": "deadlift", "reps": 5, "load_kg": 100}])
    assert post(client, auth_headers, body).json()["sets"][0]["id"] == str(chosen)
