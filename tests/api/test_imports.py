"""CSV imports over HTTP: layouts, all-or-nothing, idempotency, dry runs, jobs, round trip."""

from __future__ import annotations

import csv
import io
import json
import re
import threading
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func
from sqlmodel import Session, select

from api.app import create_app
from api.services import imports as imports_service
from db.catalog import catalog_by_slug
from db.models import Exercise, ImportJob, User, Workout, WorkoutSet
from tests.conftest import LiveServer, make_settings
from tests.factories import make_user, token_for
from tests.faults.processes import strong_csv

IMPORTS = "/v1/users/me/imports"
STRONG = (
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,"
    "Workout Notes,RPE\n"
    "2026-03-02 18:30:00,Pull Day,1h 5m,Deadlift (Barbell),W,60,5,0,0,,,\n"
    "2026-03-02 18:30:00,Pull Day,1h 5m,Deadlift (Barbell),1,140,5,0,0,felt good,,8\n"
    "2026-03-02 18:30:00,Pull Day,1h 5m,Deadlift (Barbell),Rest Timer,0,0,0,90,,,\n"
    "2026-03-02 18:30:00,Pull Day,1h 5m,Pull Up (Assisted),1,20,8,0,0,,,\n"
    "2026-03-05 07:10:00,Legs,45m,Squat (Barbell),1,100,5,0,0,,,7.5\n"
    "2026-03-05 07:10:00,Legs,45m,Zercher Carry Deluxe,1,60,1,0,30,,,\n"
)


def post_csv(client: TestClient, headers: dict, text: str | bytes, **params: object):
    body = text.encode() if isinstance(text, str) else text
    return client.post(
        IMPORTS, content=body, params=params, headers={**headers, "content-type": "text/csv"}
    )


def count(session: Session, model: type) -> int:
    return session.exec(select(func.count()).select_from(model)).one()


class TestStrongImport:
    def test_imports_workouts_sets_and_unknown_exercises(
        self, client: TestClient, auth_headers: dict, session: Session
    ) -> None:
        response = post_csv(client, auth_headers, STRONG, tz="Europe/Berlin")
        assert response.status_code == 201, response.text
        body = response.json()
        unknown = body.pop("unknown_exercises")
        assert body == {
            "dry_run": False,
            "format": "strong",
            "workouts_created": 2,
            "sets_created": 5,
            "rows_skipped": 1,
            "duplicates_skipped": 0,
            "errors": [],
        }
        assert [u["name"] for u in unknown] == ["Zercher Carry Deluxe"]
        assert "zercher_squat" in {s["slug"] for s in unknown[0]["suggestions"]}
        workouts = client.get("/v1/users/me/workouts", headers=auth_headers).json()["items"]
        assert [w["title"] for w in workouts] == ["Legs", "Pull Day"]
        pull = workouts[1]
        assert pull["started_at"] == "2026-03-02T17:30:00Z"  # 18:30 in Berlin
        assert [(s["exercise"], s["set_type"], s["load_kg"]) for s in pull["sets"]] == [
            ("deadlift", "warmup", 60.0),
            ("deadlift", "normal", 140.0),
            ("pull_up", "normal", -20.0),
        ]
        custom = session.exec(select(Exercise).where(Exercise.name == "Zercher Carry Deluxe")).one()
        assert (custom.chain, custom.is_system, custom.classified) == ("neutral", False, False)
        assert unknown[0]["exercise_id"] == str(custom.id)

    def test_sets_stored_in_several_chunks_keep_their_workouts_and_order(
        self,
        client: TestClient,
        auth_headers: dict,
        session: Session,
        monkeypatch: pytest.MonkeyPatch,
    ) -> None:
        monkeypatch.setattr(imports_service, "SET_CHUNK", 2)
        response = post_csv(client, auth_headers, STRONG)
        assert response.json()["sets_created"] == 5
        workouts = client.get("/v1/users/me/workouts", headers=auth_headers).json()["items"]
        assert [[(s["reps"], s["load_kg"]) for s in w["sets"]] for w in workouts] == [
            [(5, 100.0), (1, 60.0)],
            [(5, 60.0), (5, 140.0), (8, -20.0)],
        ]
        ids = session.exec(select(WorkoutSet.id)).all()
        assert len(set(ids)) == 5
        assert {(i.version, i.variant) for i in ids} == {(4, uuid.RFC_4122)}

    def test_reimporting_creates_nothing(
        self, client: TestClient, auth_headers: dict, session: Session
    ) -> None:
        post_csv(client, auth_headers, STRONG)
        again = post_csv(client, auth_headers, STRONG)
        assert again.status_code == 200
        assert again.json()["workouts_created"] == 0
        assert again.json()["duplicates_skipped"] == 2
        assert count(session, Workout) == 2
        assert count(session, WorkoutSet) == 5

    def test_dry_run_reports_the_same_and_stores_nothing(
        self, client: TestClient, auth_headers: dict, session: Session
    ) -> None:
        response = post_csv(client, auth_headers, STRONG, dry_run="true")
        assert response.status_code == 200
        assert response.json()["dry_run"] is True
        assert response.json()["workouts_created"] == 2
        assert response.json()["sets_created"] == 5
        assert count(session, Workout) == 0
        assert (
            session.exec(
                select(Exercise).where(Exercise.is_system == False)  # noqa: E712
            ).first()
            is None
        )

    def test_multipart_upload(self, client: TestClient, auth_headers: dict) -> None:
        response = client.post(
            IMPORTS,
            headers=auth_headers,
            files={"file": ("strong.csv", STRONG.encode(), "text/csv")},
        )
        assert response.status_code == 201
        assert response.json()["workouts_created"] == 2

    def test_imports_appear_in_the_change_feed(
        self, client: TestClient, auth_headers: dict
    ) -> None:
        post_csv(client, auth_headers, STRONG)
        feed = client.get("/v1/users/me/changes", headers=auth_headers).json()
        assert [c["resource"] for c in feed["changes"]] == ["workouts", "workouts"]
        assert all(c["data"]["sets"] for c in feed["changes"])


class TestRejections:
    def test_any_bad_row_rejects_the_file_listing_every_line(
        self, client: TestClient, auth_headers: dict, session: Session
    ) -> None:
        bad = STRONG.replace(",140,5,", ",140,abc,").replace(",100,5,0,0,,,7.5", ",100,5,0,0,,,11")
        response = post_csv(client, auth_headers, bad)
        assert response.status_code == 422
        problem = response.json()
        assert problem["code"] == "invalid_rows"
        assert {(e["line"], e["field"]) for e in problem["errors"]} == {(3, "Reps"), (6, "RPE")}
        assert count(session, Workout) == 0

    def test_unknown_header_names_the_known_layouts(
        self, client: TestClient, auth_headers: dict
    ) -> None:
        response = post_csv(client, auth_headers, "when,what,how much\n1,2,3\n")
        assert response.status_code == 422
        assert response.json()["errors"][0]["field"] == "file"
        assert "strong" in response.json()["detail"].lower()

    def test_not_utf8_is_422(self, client: TestClient, auth_headers: dict) -> None:
        response = post_csv(
            client, auth_headers, STRONG.replace("Pull Day", "Übung").encode("latin-1")
        )
        assert response.status_code == 422
        assert "utf-8" in response.json()["detail"].lower()

    def test_over_10_megabytes_is_413(self, client: TestClient, auth_headers: dict) -> None:
        response = post_csv(client, auth_headers, b"x" * (10 * 1024 * 1024 + 1))
        assert response.status_code == 413

    def test_wrong_content_type_is_422(self, client: TestClient, auth_headers: dict) -> None:
        response = client.post(IMPORTS, json={"csv": STRONG}, headers=auth_headers)
        assert response.status_code == 422
        assert response.json()["errors"][0]["field"] == "content-type"

    def test_bad_options_are_422(self, client: TestClient, auth_headers: dict) -> None:
        for params, field in (
            ({"format": "excel"}, "format"),
            ({"tz": "Nowhere/City"}, "tz"),
            ({"tz": "a" * 300}, "tz"),
            ({"unit": "stone"}, "unit"),
        ):
            response = post_csv(client, auth_headers, STRONG, **params)
            assert response.status_code == 422
            assert response.json()["errors"][0]["field"] == field


HEVY = (
    '"title","start_time","end_time","description","exercise_title","superset_id",'
    '"exercise_notes","set_index","set_type","weight_kg","reps","distance_km",'
    '"duration_seconds","rpe"\n'
    '"Upper","8 Apr 2026, 16:50","8 Apr 2026, 17:45","","Pull Up (Assisted)","","","0",'
    '"normal","25","8","","",""\n'
    '"Upper","8 Apr 2026, 16:50","8 Apr 2026, 17:45","","Bench Press (Barbell)","","","0",'
    '"warmup","40","10","","",""\n'
    '"Upper","8 Apr 2026, 16:50","8 Apr 2026, 17:45","","Bench Press (Barbell)","","","1",'
    '"normal","80","5","","","8"\n'
)


def test_hevy_file_with_assisted_pull_ups(client: TestClient, auth_headers: dict) -> None:
    response = post_csv(client, auth_headers, HEVY, tz="UTC")
    assert response.status_code == 201, response.text
    assert response.json()["format"] == "hevy"
    workout = client.get("/v1/users/me/workouts", headers=auth_headers).json()["items"][0]
    assert [(s["exercise"], s["load_kg"], s["set_type"]) for s in workout["sets"]] == [
        ("pull_up", -25.0, "normal"),
        ("bench_press", 40.0, "warmup"),
        ("bench_press", 80.0, "normal"),
    ]


def test_backchain_export_round_trips_into_another_account(
    client: TestClient, auth_headers: dict, session: Session, settings
) -> None:
    post_csv(client, auth_headers, STRONG)
    exported = client.get("/v1/users/me/exports/sets.csv", headers=auth_headers).text
    other = make_user(session, email="twin@example.com")
    other_headers = {"Authorization": f"Bearer {token_for(other, settings)}"}
    imported = post_csv(client, other_headers, exported)
    assert imported.status_code == 201, imported.text
    assert imported.json()["format"] == "backchain"
    again = client.get("/v1/users/me/exports/sets.csv", headers=other_headers).text

    def comparable(text: str) -> list[dict[str, str]]:
        # Ids differ by design, custom exercises' slugs carry an id suffix too.
        return [
            {
                k: re.sub(r"_[0-9a-f]{8}$", "", v) if k == "exercise_slug" else v
                for k, v in row.items()
                if k not in {"workout_id", "created_by"}
            }
            for row in csv.DictReader(io.StringIO(text))
        ]

    assert comparable(again) == comparable(exported)


def test_large_file_runs_as_a_job(
    database_url: str, engine, session: Session, user: User, auth_headers: dict
) -> None:
    app = create_app(make_settings(database_url, import_sync_max_rows=3), engine=engine)
    with TestClient(app) as client:
        response = post_csv(client, auth_headers, STRONG)
        assert response.status_code == 202, response.text
        job = response.json()
        assert job["status"] in {"queued", "running", "done"}
        location = response.headers["location"]
        for _ in range(100):
            polled = client.get(location, headers=auth_headers).json()
            if polled["status"] in {"done", "failed"}:
                break
            time.sleep(0.05)
        assert polled["status"] == "done"
        assert polled["result"]["workouts_created"] == 2
        assert polled["rows_done"] == polled["rows_total"]


class TestJobLease:
    """A job holds a lease its worker renews; once it lapses (the worker was killed), the job
    answers failed (retryable, nothing stored) instead of running forever."""

    def lapsed_job(self, session: Session, user: User, status: str) -> ImportJob:
        job = ImportJob(
            user_id=user.id,
            status=status,
            rows_total=50_000,
            lease_expires_at=datetime.now(UTC) - timedelta(seconds=1),
        )
        session.add(job)
        session.commit()
        return job

    @pytest.mark.parametrize("status", ["queued", "running"])
    def test_lapsed_job_is_failed_and_retryable_when_polled(
        self, client: TestClient, auth_headers: dict, session: Session, user: User, status: str
    ) -> None:
        job = self.lapsed_job(session, user, status)
        polled = client.get(f"{IMPORTS}/{job.id}", headers=auth_headers)
        assert polled.status_code == 200
        body = polled.json()
        assert body["status"] == "failed"
        assert body["finished_at"] is not None
        assert body["result"] is None
        assert body["problem"]["status"] == 503
        assert body["problem"]["code"] == "import_interrupted"
        assert "nothing was stored" in body["problem"]["detail"]
        again = client.get(f"{IMPORTS}/{job.id}", headers=auth_headers).json()
        assert again == body
        assert count(session, Workout) == 0

    def test_job_holding_its_lease_stays_running(
        self, client: TestClient, auth_headers: dict, session: Session, user: User
    ) -> None:
        job = ImportJob(
            user_id=user.id,
            status="running",
            rows_total=50_000,
            lease_expires_at=datetime.now(UTC) + timedelta(minutes=1),
        )
        session.add(job)
        session.commit()
        body = client.get(f"{IMPORTS}/{job.id}", headers=auth_headers).json()
        assert (body["status"], body["problem"], body["finished_at"]) == ("running", None, None)

    def test_starting_a_job_fails_the_owners_lapsed_ones(
        self, database_url: str, engine, session: Session, user: User, auth_headers: dict
    ) -> None:
        job = self.lapsed_job(session, user, "running")
        app = create_app(make_settings(database_url, import_sync_max_rows=3), engine=engine)
        with TestClient(app) as client:
            assert post_csv(client, auth_headers, STRONG).status_code == 202
        session.expire_all()
        stored = session.get(ImportJob, job.id)
        assert stored is not None
        assert stored.status == "failed"

    def test_a_job_outliving_its_lease_keeps_it_by_heartbeat(
        self,
        database_url: str,
        engine,
        auth_headers: dict,
        monkeypatch: pytest.MonkeyPatch,
    ) -> None:
        settings = make_settings(database_url, import_sync_max_rows=3, import_lease_seconds=1)
        original = imports_service.run_import

        def slow_import(*args: object, **kwargs: object) -> object:
            time.sleep(2.5)  # over twice the lease
            return original(*args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(imports_service, "run_import", slow_import)
        with (
            LiveServer(create_app(settings, engine=engine)) as server,
            httpx.Client(base_url=server.url, headers=auth_headers, timeout=30) as http,
        ):
            response = http.post(
                IMPORTS, content=STRONG.encode(), headers={"content-type": "text/csv"}
            )
            assert response.status_code == 202, response.text
            seen = []
            for _ in range(100):
                polled = http.get(response.headers["location"]).json()
                seen.append(polled["status"])
                if polled["status"] in {"done", "failed"}:
                    break
                time.sleep(0.1)
        assert seen[-1] == "done", polled
        assert "running" in seen
        assert polled["result"]["workouts_created"] == 2

    def test_a_worker_that_lost_its_lease_stores_nothing(
        self,
        database_url: str,
        engine,
        session: Session,
        auth_headers: dict,
        monkeypatch: pytest.MonkeyPatch,
    ) -> None:
        """A worker still running when its lapsed job was failed (its heartbeat stalled)
        commits nothing: the job stays failed and no workout appears."""
        settings = make_settings(database_url, import_sync_max_rows=3, import_lease_seconds=1)
        original = imports_service.run_import
        finished = threading.Event()

        def slow_import(*args: object, **kwargs: object) -> object:
            try:
                time.sleep(2)
                return original(*args, **kwargs)  # type: ignore[arg-type]
            finally:
                finished.set()

        monkeypatch.setattr(imports_service, "run_import", slow_import)
        monkeypatch.setattr(imports_service, "_renew_lease", lambda *_: None)
        with (
            LiveServer(create_app(settings, engine=engine)) as server,
            httpx.Client(base_url=server.url, headers=auth_headers, timeout=30) as http,
        ):
            response = http.post(
                IMPORTS, content=STRONG.encode(), headers={"content-type": "text/csv"}
            )
            assert response.status_code == 202, response.text
            time.sleep(1.2)
            assert http.get(response.headers["location"]).json()["status"] == "failed"
            assert finished.wait(10)
            time.sleep(0.2)  # the worker's rollback
            polled = http.get(response.headers["location"]).json()
        assert polled["status"] == "failed"
        assert polled["problem"]["code"] == "import_interrupted"
        assert count(session, Workout) == 0


class TestRowLimit:
    def test_over_100000_rows_is_413_before_any_job_starts(
        self, client: TestClient, auth_headers: dict, session: Session
    ) -> None:
        response = post_csv(client, auth_headers, strong_csv(10_001))  # 100,010 rows
        assert response.status_code == 413, response.text
        assert response.headers["content-type"] == "application/problem+json"
        assert "100,000" in response.json()["detail"]
        assert count(session, ImportJob) == 0
        assert count(session, Workout) == 0

    def test_limit_is_a_setting_and_counts_only_data_rows(
        self, database_url: str, engine, session: Session, auth_headers: dict
    ) -> None:
        settings = make_settings(database_url, import_sync_max_rows=3, import_max_rows=6)
        with TestClient(create_app(settings, engine=engine)) as client:
            refused = post_csv(client, auth_headers, STRONG + STRONG.splitlines()[1] + "\n")
            assert refused.status_code == 413
            assert count(session, ImportJob) == 0
            # Six rows and blank lines: more lines than the limit, no more rows.
            accepted = post_csv(client, auth_headers, STRONG + "\n" * 10)
            assert accepted.status_code == 202, accepted.text


@pytest.mark.parametrize("name", ["strong_kg.csv", "hevy_kg.csv", "hevy_lbs.csv", "fitnotes.csv"])
def test_fixture_files_import(client: TestClient, auth_headers: dict, name: str) -> None:
    data = (Path(__file__).parent.parent / "fixtures" / "csv" / name).read_bytes()
    response = post_csv(client, auth_headers, data)
    assert response.status_code == 201, response.text
    assert response.json()["sets_created"] > 0


def _fixture(name: str) -> bytes:
    return (Path(__file__).parent.parent / "fixtures" / "csv" / name).read_bytes()


def _imported_sets(client: TestClient, headers: dict) -> list[dict]:
    page = client.get("/v1/users/me/workouts", headers=headers, params={"limit": 500}).json()
    return [s for w in page["items"] for s in w["sets"]]


class TestNameMatching:
    """Imports match names with the resolver of `POST /v1/exercises/resolve` (issue 23)."""

    @pytest.mark.parametrize(
        ("name", "custom"),
        [
            ("strong_training.csv", "Landmine Twist Thing"),
            ("hevy_training.csv", "Banded Sled Drag Mystery"),
        ],
    )
    def test_real_training_lands_on_catalog_exercises(
        self, client: TestClient, auth_headers: dict, name: str, custom: str
    ) -> None:
        """Files in Strong's and Hevy's layouts with the names their libraries use: at least
        95 % of the rows resolve to catalog exercises; the one name of the user's own becomes
        an unclassified custom exercise, listed with suggestions."""
        response = post_csv(client, auth_headers, _fixture(name))
        assert response.status_code == 201, response.text
        (unknown,) = response.json()["unknown_exercises"]
        assert unknown["name"] == custom
        made = client.get(f"/v1/exercises/{unknown['exercise_id']}", headers=auth_headers).json()
        assert (made["name"], made["chain"], made["classified"]) == (custom, "neutral", False)
        assert isinstance(unknown["suggestions"], list)
        sets = _imported_sets(client, auth_headers)
        assert len(sets) == response.json()["sets_created"]
        in_catalog = [s for s in sets if s["exercise"] in catalog_by_slug()]
        assert len(in_catalog) / len(sets) >= 0.95
        assert len(sets) - len(in_catalog) == 6  # the custom name's sets, nothing else

    def test_names_the_issue_found_neutral_are_catalog_exercises(
        self, client: TestClient, auth_headers: dict
    ) -> None:
        post_csv(client, auth_headers, _fixture("hevy_training.csv"))
        slugs = {s["exercise"] for s in _imported_sets(client, auth_headers)}
        assert {
            "incline_bench_press_dumbbell",
            "squat_smith_machine",
            "deadlift_smith_machine",
            "romanian_deadlift_dumbbell",
            "seated_row",
            "lat_pulldown_single_arm",
            "leg_press",
            "decline_push_up",
            "pike_pushup",
            "diamond_push_up",
            "chest_supported_incline_row_dumbbell",
            "rear_delt_fly",
            "shrug_barbell",
        } <= slugs

    def test_dry_run_lists_unknown_names_without_an_exercise(
        self, client: TestClient, auth_headers: dict
    ) -> None:
        response = post_csv(client, auth_headers, STRONG, dry_run="true")
        (unknown,) = response.json()["unknown_exercises"]
        assert (unknown["name"], unknown["exercise_id"]) == ("Zercher Carry Deluxe", None)
        assert unknown["suggestions"]

    def test_a_second_file_reuses_the_custom_exercise_the_first_made(
        self, client: TestClient, auth_headers: dict, session: Session
    ) -> None:
        first = post_csv(client, auth_headers, STRONG).json()["unknown_exercises"]
        later = STRONG.replace("2026-03-05", "2026-04-05")
        second = post_csv(client, auth_headers, later)
        assert second.status_code == 201, second.text
        assert second.json()["unknown_exercises"] == []
        customs = session.exec(select(Exercise).where(Exercise.is_system == False)).all()  # noqa: E712
        assert [str(c.id) for c in customs] == [first[0]["exercise_id"]]

    def test_own_exercise_wins_over_the_catalog(
        self, client: TestClient, auth_headers: dict
    ) -> None:
        mine = client.post(
            "/v1/exercises",
            headers=auth_headers,
            json={"name": "Squat (Barbell)", "chain": "anterior", "region": "lower"},
        ).json()
        post_csv(client, auth_headers, STRONG)
        slugs = {s["exercise"] for s in _imported_sets(client, auth_headers)}
        assert mine["slug"] in slugs
        assert "back_squat" not in slugs

    def test_a_job_stored_before_issue_23_still_reads(
        self, client: TestClient, auth_headers: dict, session: Session, user: User
    ) -> None:
        old = {
            "dry_run": False,
            "format": "strong",
            "workouts_created": 1,
            "sets_created": 2,
            "rows_skipped": 0,
            "duplicates_skipped": 0,
            "unknown_exercises": ["Zercher Carry Deluxe"],
            "errors": [],
        }
        job = ImportJob(user_id=user.id, status="done", result=json.dumps(old))
        session.add(job)
        session.commit()
        response = client.get(f"{IMPORTS}/{job.id}", headers=auth_headers)
        assert response.status_code == 200, response.text
        assert response.json()["result"]["unknown_exercises"] == [
            {"name": "Zercher Carry Deluxe", "exercise_id": None, "suggestions": []}
        ]
