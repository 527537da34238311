"""CSV exports: columns, options, formula guard, access, the zip, and flat memory."""

from __future__ import annotations

import csv
import io
import tracemalloc
import zipfile
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlmodel import Session, select

from api.services import exports as exports_service
from db.models import Exercise, User, Workout, WorkoutSet
from tests.factories import make_user, token_for
from tests.records import bodyweight, pain_score

SETS_HEADER = [
    "workout_id",
    "workout_started_at",
    "workout_title",
    "position",
    "exercise",
    "exercise_slug",
    "chain",
    "set_type",
    "reps",
    "load_kg",
    "rpe",
    "rir",
    "duration_s",
    "distance_m",
    "e1rm_kg",
    "notes",
    "created_by",
]


def rows(response, delimiter: str = ",") -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(response.text.lstrip("\ufeff")), delimiter=delimiter))


@pytest.fixture
def athlete(session: Session, settings) -> tuple[User, dict[str, str]]:
    user = make_user(
        session, email="exporter@example.com", bodyweight_kg=80, timezone="Europe/Berlin"
    )
    return user, {"Authorization": f"Bearer {token_for(user, settings)}"}


def log(client: TestClient, headers: dict, **overrides: object) -> dict:
    body = {
        "started_at": "2026-03-10T17:30:00+00:00",
        "title": '=HYPERLINK("http://evil")',
        "sets": [
            {"exercise": "deadlift", "reps": 5, "load_kg": 140, "notes": "@sum(1)"},
            {"exercise": "pull_up", "reps": 8, "load_kg": -20},
            {"exercise": "back_squat", "reps": 5, "load_kg": 60, "set_type": "warmup"},
        ],
        **overrides,
    }
    response = client.post("/v1/users/me/workouts", json=body, headers=headers)
    assert response.status_code == 201, response.text
    return response.json()


class TestSetsExport:
    def test_columns_values_and_attachment(self, client: TestClient, athlete) -> None:
        user, headers = athlete
        workout = log(client, headers)
        response = client.get("/v1/users/me/exports/sets.csv", headers=headers)
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/csv")
        assert response.headers["content-disposition"].startswith(
            'attachment; filename="backchain-sets-'
        )
        assert response.text.splitlines()[0].split(",") == SETS_HEADER
        data = rows(response)
        assert [r["exercise_slug"] for r in data] == ["deadlift", "pull_up", "back_squat"]
        deadlift, pull_up, warmup = data
        assert deadlift["workout_id"] == workout["id"]
        assert deadlift["workout_started_at"] == "2026-03-10T18:30:00+01:00"  # profile tz
        assert deadlift["e1rm_kg"] == "163.333"  # 140 · (1 + 5/30) = 163.3333…, to the gram
        assert pull_up["e1rm_kg"] == "76.0"  # (80 − 20) · (1 + 8/30)
        assert warmup["e1rm_kg"] == ""
        assert deadlift["created_by"] == str(user.id)

    def test_formula_injection_is_neutralised_but_numbers_stay_numbers(
        self, client: TestClient, athlete
    ) -> None:
        _, headers = athlete
        log(client, headers)
        data = rows(client.get("/v1/users/me/exports/sets.csv", headers=headers))
        assert data[0]["workout_title"] == '\'=HYPERLINK("http://evil")'
        assert data[0]["notes"] == "'@sum(1)"
        assert data[1]["load_kg"] == "-20.0"

    def test_pounds_semicolons_bom_and_time_zone(self, client: TestClient, athlete) -> None:
        _, headers = athlete
        log(client, headers)
        response = client.get(
            "/v1/users/me/exports/sets.csv",
            headers=headers,
            params={
                "unit": "lb",
                "delimiter": "semicolon",
                "bom": "true",
                "tz": "America/New_York",
            },
        )
        assert response.content.startswith("\ufeff".encode())
        data = rows(response, ";")
        assert "load_lb" in data[0]
        assert "load_kg" not in data[0]
        assert data[0]["load_lb"] == "308.647"  # 140 / 0.45359237 = 308.6471…
        assert data[0]["workout_started_at"] == "2026-03-10T13:30:00-04:00"

    def test_pounds_convert_every_weight_column(self, client: TestClient, athlete) -> None:
        _, headers = athlete
        log(client, headers)
        response = client.get(
            "/v1/users/me/exports/sets.csv", headers=headers, params={"unit": "lb"}
        )
        header = response.text.splitlines()[0].split(",")
        assert [c for c in header if c.endswith(("_kg", "_lb"))] == ["load_lb", "e1rm_lb"]
        deadlift, pull_up, warmup = rows(response)
        # 163.3333… kg / 0.45359237 = 360.0883… lb: converted from the unrounded figure.
        assert deadlift["e1rm_lb"] == "360.088"
        assert pull_up["load_lb"] == "-44.092"
        assert pull_up["e1rm_lb"] == "167.551"  # 76 kg / 0.45359237 = 167.5507…
        assert warmup["e1rm_lb"] == ""

    def test_date_range(self, client: TestClient, athlete) -> None:
        _, headers = athlete
        log(client, headers, started_at="2026-01-05T10:00:00+00:00")
        log(client, headers, started_at="2026-02-05T10:00:00+00:00")
        data = rows(
            client.get(
                "/v1/users/me/exports/sets.csv",
                headers=headers,
                params={"from": "2026-02-01", "to": "2026-02-28"},
            )
        )
        assert {r["workout_started_at"][:10] for r in data} == {"2026-02-05"}

    @pytest.mark.parametrize(
        ("params", "field"),
        [
            ({"unit": "stone"}, "unit"),
            ({"tz": "Mars/Olympus"}, "tz"),
            ({"tz": "a" * 300}, "tz"),
            ({"tz": "Europe/" + "a" * 4096}, "tz"),
            ({"delimiter": "tab"}, "delimiter"),
            ({"from": "2026-02-01", "to": "2026-01-01"}, "from"),
        ],
    )
    def test_bad_options_are_422(
        self, client: TestClient, auth_headers: dict, params: dict, field: str
    ) -> None:
        response = client.get("/v1/users/me/exports/sets.csv", headers=auth_headers, params=params)
        assert response.status_code == 422
        assert response.json()["errors"][0]["field"] == field

    def test_unknown_dataset_is_422(self, client: TestClient, auth_headers: dict) -> None:
        response = client.get("/v1/users/me/exports/secrets.csv", headers=auth_headers)
        assert response.status_code == 422
        assert response.json()["errors"][0]["field"] == "dataset"

    def test_strangers_get_404(self, client: TestClient, user: User, other_headers: dict) -> None:
        response = client.get(f"/v1/users/{user.id}/exports/sets.csv", headers=other_headers)
        assert response.status_code == 404
        assert (
            client.get(f"/v1/users/{user.id}/export.zip", headers=other_headers).status_code == 404
        )


def log_deadlift_and_squat(client: TestClient, headers: dict, *, squat_kg: float) -> None:
    """Two days ago: deadlift 140 × 5 and back squat `squat_kg` × 5; bodyweight 81 kg."""
    log(
        client,
        headers,
        started_at=(datetime.now(UTC) - timedelta(days=2)).isoformat(),
        sets=[
            {"exercise": "deadlift", "reps": 5, "load_kg": 140},
            {"exercise": "back_squat", "reps": 5, "load_kg": squat_kg},
        ],
    )
    client.post("/v1/users/me/bodyweights", json=bodyweight(weight_kg=81), headers=headers)


class TestOtherDatasets:
    def test_every_dataset_has_its_rows(self, client: TestClient, athlete) -> None:
        _, headers = athlete
        log_deadlift_and_squat(client, headers, squat_kg=100)
        client.post("/v1/users/me/pain-scores", json=pain_score(score=3), headers=headers)
        counts = {}
        for dataset in ("workouts", "pain-scores", "bodyweights", "benchmarks", "balance"):
            response = client.get(f"/v1/users/me/exports/{dataset}.csv", headers=headers)
            assert response.status_code == 200, dataset
            counts[dataset] = rows(response)
        assert counts["workouts"][0]["set_count"] == "2"
        assert counts["pain-scores"][0]["band"] == "mild"
        assert counts["bodyweights"][0]["weight_kg"] == "81.0"
        assert {r["lift"]: r["e1rm_kg"] for r in counts["benchmarks"]} == {
            "deadlift": "163.333",  # 140 · (1 + 5/30), to the gram
            "back_squat": "116.667",
        }
        balance = counts["balance"][0]
        assert float(balance["index"]) == pytest.approx(
            (140 * (1 + 5 / 30) / 1.875) / (100 * (1 + 5 / 30) / 1.5)
        )
        assert balance["band"] == "posterior_dominant"  # B = 1.12

    def test_pounds_in_bodyweights_and_benchmarks_but_not_balance(
        self, client: TestClient, athlete
    ) -> None:
        _, headers = athlete
        log_deadlift_and_squat(client, headers, squat_kg=95)
        lb = {"unit": "lb"}
        weights = client.get("/v1/users/me/exports/bodyweights.csv", headers=headers, params=lb)
        assert rows(weights)[0]["weight_lb"] == "178.574"  # 81 / 0.45359237 = 178.5744…
        assert "weight_kg" not in rows(weights)[0]
        bests = rows(client.get("/v1/users/me/exports/benchmarks.csv", headers=headers, params=lb))
        assert {r["lift"]: r["e1rm_lb"] for r in bests} == {
            "deadlift": "360.088",  # 163.3333… kg
            "back_squat": "244.346",  # 110.8333… kg = 244.3457… lb
        }
        kg = client.get("/v1/users/me/exports/balance.csv", headers=headers)
        pounds = client.get("/v1/users/me/exports/balance.csv", headers=headers, params=lb)
        assert pounds.text == kg.text  # ratios of scores: no unit to convert
        # B = (163.33/1.875) / (110.83/1.5) = 210/178.125, from the unrounded e1RMs, in full.
        assert rows(kg)[0]["index"] == repr(210 / 178.125)  # 1.1789473684210525


def test_zip_has_every_dataset_and_a_data_dictionary(client: TestClient, athlete) -> None:
    _, headers = athlete
    log(client, headers)
    response = client.get("/v1/users/me/export.zip", headers=headers)
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    names = set(archive.namelist())
    assert names == {
        "README.txt",
        "sets.csv",
        "workouts.csv",
        "pain-scores.csv",
        "bodyweights.csv",
        "benchmarks.csv",
        "balance.csv",
    }
    readme = archive.read("README.txt").decode()
    assert "pcb-1" in readme
    assert "load_kg: kg" in readme
    assert archive.read("sets.csv").decode().startswith("workout_id,")


def test_zip_in_pounds_describes_each_column_in_its_unit(client: TestClient, athlete) -> None:
    _, headers = athlete
    log(client, headers)
    response = client.get("/v1/users/me/export.zip", headers=headers, params={"unit": "lb"})
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    readme = archive.read("README.txt").decode()
    described = {
        line.split(":")[0].strip(): line.split(":", 1)[1].strip()
        for line in readme.splitlines()
        if line.startswith("  ")
    }
    for name in archive.namelist():
        if name.endswith(".csv"):
            header = archive.read(name).decode().splitlines()[0].split(",")
            assert set(header) <= described.keys(), name
            assert not [c for c in header if c.endswith("_kg")], name
    for column in ("load_lb", "e1rm_lb", "weight_lb"):
        assert described[column].startswith("lb:"), column
    assert "kg" not in " ".join(described[c] for c in ("load_lb", "e1rm_lb", "weight_lb"))
    assert "1 lb = 0.45359237 kg" in readme


def test_sets_export_streams_with_flat_memory(
    engine: Engine, session: Session, database_url: str
) -> None:
    user = make_user(session, email="big@example.com", bodyweight_kg=80)
    deadlift = session.exec(select(Exercise).where(Exercise.slug == "deadlift")).one()
    base = datetime(2020, 1, 1, tzinfo=UTC)
    workouts = 1000
    for i in range(workouts):
        workout = Workout(user_id=user.id, started_at=base + timedelta(days=i), created_by=user.id)
        session.add(workout)
        session.flush()
        session.add_all(
            WorkoutSet(
                workout_id=workout.id, exercise_id=deadlift.id, position=p, reps=5, load_kg=100 + p
            )
            for p in range(20)
        )
    session.commit()
    options = exports_service.ExportOptions(None, None, "kg", ZoneInfo("UTC"), "comma", False)
    tracemalloc.start()
    lines = 0
    with Session(engine) as reader:
        for chunk in exports_service.stream_csv(reader, user, "sets", options):
            lines += chunk.count(b"\n")
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert lines == workouts * 20 + 1
    # 20,000 rows are ~3 MB of CSV; holding them (or their ORM rows) would take far more.
    assert peak < 3 * 1024 * 1024, peak


@pytest.mark.parametrize("dataset", ["sets", "workouts", "pain-scores", "bodyweights", "balance"])
def test_small_exports_are_whole_larger_ones_streamed_alike(
    client: TestClient, athlete, monkeypatch: pytest.MonkeyPatch, dataset: str
) -> None:
    """An export of at most `WHOLE_ROWS` rows is answered whole (with a length); a larger one
    is streamed (chunked), with the same bytes."""
    _, headers = athlete
    now = datetime.now(UTC)
    sets = [
        {"exercise": "deadlift", "reps": 5, "load_kg": 140, "notes": "=1+1"},
        {"exercise": "back_squat", "reps": 5, "load_kg": 100},
    ]
    for day in (3, 2, 1):
        log(client, headers, started_at=(now - timedelta(days=day)).isoformat(), sets=sets)
        client.post(
            "/v1/users/me/pain-scores",
            json=pain_score(recorded_at=(now - timedelta(days=day)).isoformat()),
            headers=headers,
        )
        client.post(
            "/v1/users/me/bodyweights",
            json=bodyweight(measured_at=(now - timedelta(days=day)).isoformat()),
            headers=headers,
        )
    path = f"/v1/users/me/exports/{dataset}.csv?unit=lb&delimiter=semicolon&bom=true"
    whole = client.get(path, headers=headers)
    assert whole.status_code == 200, whole.text
    assert whole.headers["content-length"] == str(len(whole.content))
    assert "transfer-encoding" not in whole.headers
    assert len(rows(whole, ";")) == (6 if dataset == "sets" else 3)

    monkeypatch.setattr(exports_service, "WHOLE_ROWS", 2)
    streamed = client.get(path, headers=headers)
    assert streamed.status_code == 200, streamed.text
    assert "content-length" not in streamed.headers
    assert streamed.headers["content-type"] == whole.headers["content-type"]
    assert streamed.headers["content-disposition"] == whole.headers["content-disposition"]
    assert streamed.content == whole.content
