"""Method pcb-2 over HTTP (BALANCE_METHOD §§9-15): volume balance, coverage, suggestions, the
latest snapshot, the volume trend, the summary and roster flags, the CSV columns, the method
document; pcb-1 still served unchanged."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from tests.api.test_analytics import EXAMPLE_A, TODAY, athlete, log
from tests.api.test_trainers import link, trainer, trainer_headers  # noqa: F401  (fixtures)

TOL = 5e-4
D = TODAY - timedelta(days=1)
# Worked example D (§15): exercise, working sets, load (kg), reps, over the 28 days ending at D.
EXAMPLE_D = [
    ("deadlift", 6, 120, 5),
    ("leg_curl", 6, 40, 10),
    ("back_squat", 9, 100, 5),
    ("leg_press", 9, 180, 10),
    ("barbell_row", 5, 70, 8),
    ("pull_up", 5, 0, 8),
    ("bench_press", 10, 80, 5),
    ("overhead_press", 5, 50, 5),
    ("push_up", 5, 0, 20),
    ("bicep_curl_barbell", 12, 30, 10),
    ("lateral_raise_dumbbell", 6, 10, 12),
]
PCB_1_MEMBERS = {
    "method",
    "date",
    "reference",
    "bodyweight_kg",
    "index",
    "ln_index",
    "band",
    "marked",
    "posterior",
    "anterior",
    "regions",
    "lifts",
    "missing",
    "excluded_sets",
}
PCB_2_MEMBERS = {"volume", "coverage", "suggestions", "latest_date", "window_empty"}


def log_example_d(client: TestClient, headers: dict) -> None:
    """Example D's working sets in four workouts a week apart ending at D, and 4 warm-ups."""
    days = [D - timedelta(days=7 * week) for week in range(4)]
    by_day: dict[int, list[tuple]] = {i: [] for i in range(4)}
    for exercise, n, load, reps in EXAMPLE_D:
        for i in range(n):
            by_day[i % 4].append((exercise, load, reps))
    by_day[0] += [("back_squat", 60, 5, {"set_type": "warmup"})] * 4
    for i, day in enumerate(days):
        log(client, headers, day, by_day[i])


def balance(client: TestClient, headers: dict, **params: object) -> dict:
    response = client.get("/v1/users/me/balance", headers=headers, params=params)
    assert response.status_code == 200, response.text
    return response.json()


class TestWorkedExampleD:
    def test_volume_coverage_and_suggestions(
        self, client: TestClient, session: Session, settings
    ) -> None:
        _, headers = athlete(session, settings, sex="male", bodyweight_kg=80)
        log_example_d(client, headers)
        body = balance(client, headers, at=D.isoformat())
        assert body["method"] == "pcb-2"
        volume = body["volume"]
        lower, upper = volume["regions"]["lower"], volume["regions"]["upper"]
        assert (lower["posterior_sets"], lower["anterior_sets"]) == (12, 18)
        assert (upper["posterior_sets"], upper["anterior_sets"]) == (10, 20)
        assert lower["index"] == pytest.approx(0.667, abs=TOL)
        assert upper["index"] == pytest.approx(0.500, abs=TOL)
        assert volume["index"] == pytest.approx(0.577, abs=TOL)
        assert volume["ln_index"] == pytest.approx(-0.549, abs=TOL)
        assert (volume["band"], volume["marked"], volume["missing"]) == (
            "anterior_dominant",
            True,
            [],
        )
        coverage = body["coverage"]
        assert (coverage["working_sets"], coverage["counted"]) == (78, 60)
        assert coverage["counted_fraction"] == pytest.approx(0.769, abs=TOL)
        assert (coverage["classified"], coverage["classified_fraction"]) == (78, 1.0)
        # Every set with multiples: leg press too (§10); not leg curl, curls, raises.
        assert coverage["scored"] == 78 - 6 - 12 - 6
        suggestions = {s["region"]: s for s in body["suggestions"]}
        assert suggestions["lower"]["weekly_sets"] == 3  # ⌈(22.5 − 12) / 4⌉
        assert suggestions["upper"]["weekly_sets"] == 4  # ⌈(25 − 10) / 4⌉
        assert suggestions["lower"]["exercises"] == ["deadlift", "leg_curl"]
        assert suggestions["upper"]["exercises"] == ["barbell_row", "pull_up"]
        assert all("not medical advice" in s["text"] for s in body["suggestions"])
        assert (body["latest_date"], body["window_empty"]) == (D.isoformat(), False)

    def test_the_strength_part_scores_the_variants(
        self, client: TestClient, session: Session, settings
    ) -> None:
        _, headers = athlete(session, settings, sex="male", bodyweight_kg=80)
        log_example_d(client, headers)
        lifts = {lift["lift"]: lift for lift in balance(client, headers, at=D.isoformat())["lifts"]}
        # leg press 180 x 10: e1RM 240; m = 1.50 x 2.75 / 1.75 (Strength Level, §10)
        assert lifts["leg_press"]["e1rm_kg"] == pytest.approx(240.0)
        assert lifts["leg_press"]["normalized"] == pytest.approx(240 / (80 * 1.5 * 2.75 / 1.75))
        assert "leg_curl" not in lifts  # no multiple, no score; it counts for volume


class TestClassification:
    def test_an_alias_counts_as_its_target_and_an_unclassified_custom_exercise_not_at_all(
        self, client: TestClient, session: Session, settings
    ) -> None:
        _, headers = athlete(session, settings, sex="male", bodyweight_kg=80)

        def exercise(**body: object) -> dict:
            response = client.post("/v1/exercises", json=body, headers=headers)
            assert response.status_code == 201, response.text
            return response.json()

        my_rdl = exercise(name="RDL (my gym)")
        machine = exercise(name="Mystery machine")
        log(
            client,
            headers,
            D,
            [(my_rdl["slug"], 100, 5), (my_rdl["slug"], 100, 5), ("back_squat", 100, 5)]
            + [(machine["slug"], 50, 10)] * 2,
        )
        before = balance(client, headers)
        assert before["coverage"]["working_sets"] == 5
        assert (before["coverage"]["classified"], before["coverage"]["counted"]) == (1, 1)
        assert before["volume"]["regions"]["lower"]["posterior_sets"] == 0
        # the owner says it *is* the catalog's Romanian deadlift: every figure follows at once
        response = client.patch(
            f"/v1/exercises/{my_rdl['id']}",
            json={"alias_of": "romanian_deadlift"},
            headers=headers,
        )
        assert response.status_code == 200, response.text
        after = balance(client, headers)
        assert (after["coverage"]["classified"], after["coverage"]["counted"]) == (3, 3)
        assert after["coverage"]["scored"] == 3
        lower = after["volume"]["regions"]["lower"]
        assert (lower["posterior_sets"], lower["anterior_sets"], lower["index"]) == (2, 1, 2.0)
        lifts = {lift["lift"]: lift for lift in after["lifts"]}
        # 100 x 5 as a Romanian deadlift: m = 1.875 x 1.5 / 2.0 (§10)
        expected = 100 * (1 + 5 / 30) / (80 * 1.875 * 1.5 / 2.0)
        assert lifts["romanian_deadlift"]["normalized"] == pytest.approx(expected)
        # classifying the machine as posterior upper work counts it too
        response = client.patch(
            f"/v1/exercises/{machine['id']}",
            json={"chain": "posterior", "region": "upper"},
            headers=headers,
        )
        assert response.status_code == 200, response.text
        classified = balance(client, headers)
        assert classified["coverage"]["classified"] == 5
        assert classified["volume"]["regions"]["upper"]["posterior_sets"] == 2


class TestPcb1Unchanged:
    def test_pcb_1_answers_without_the_pcb_2_members(
        self, client: TestClient, session: Session, settings
    ) -> None:
        _, headers = athlete(session, settings, sex="male", bodyweight_kg=80)
        log(client, headers, D, [*EXAMPLE_A, ("incline_bench_press", 70, 5)])
        one = balance(client, headers, method="pcb-1")
        two = balance(client, headers)
        assert set(one) == PCB_1_MEMBERS
        assert set(two) == PCB_1_MEMBERS | PCB_2_MEMBERS
        assert one["index"] == pytest.approx(1.031, abs=TOL)
        # pcb-1 lists the incline bench without a score; pcb-2 scores it
        scores = {
            m: {x["lift"]: x["normalized"] for x in b["lifts"]} for m, b in ((1, one), (2, two))
        }
        assert "incline_bench_press" not in scores[1] or scores[1]["incline_bench_press"] is None
        assert scores[2]["incline_bench_press"] == pytest.approx(70 * (1 + 5 / 30) / (80 * 0.8))

    def test_bad_method_and_latest_under_pcb_1_are_422(
        self, client: TestClient, auth_headers: dict
    ) -> None:
        for params, field in (
            ({"method": "pcb-9"}, "method"),
            ({"method": "pcb-1", "at": "latest"}, "at"),
            ({"at": "yesterday"}, "at"),
            ({"at": "0"}, "at"),
        ):
            response = client.get("/v1/users/me/balance", headers=auth_headers, params=params)
            assert response.status_code == 422, params
            assert response.headers["content-type"].startswith("application/problem+json")
            assert [e["field"] for e in response.json()["errors"]] == [field], params


class TestLatest:
    def test_an_empty_window_names_the_latest_date_and_at_latest_answers_for_it(
        self, client: TestClient, session: Session, settings
    ) -> None:
        _, headers = athlete(session, settings, sex="male", bodyweight_kg=80)
        old = TODAY - timedelta(days=200)
        log(client, headers, old, EXAMPLE_A)
        log(client, headers, TODAY - timedelta(days=3), [("plank", 0, 1)])  # not counted
        today = balance(client, headers)
        assert today["index"] is None
        assert (today["window_empty"], today["latest_date"]) == (True, old.isoformat())
        assert today["volume"]["index"] is None
        latest = balance(client, headers, at="latest")
        assert latest["date"] == old.isoformat()
        assert latest["index"] == pytest.approx(1.031, abs=TOL)
        assert latest["volume"]["index"] == pytest.approx(2.0)  # 2 posterior sets per anterior
        assert (latest["window_empty"], latest["latest_date"]) == (False, old.isoformat())

    def test_no_data_at_all(self, client: TestClient, auth_headers: dict) -> None:
        body = balance(client, auth_headers, at="latest")
        assert (body["latest_date"], body["window_empty"], body["index"]) == (None, True, None)
        assert body["coverage"]["working_sets"] == 0
        assert body["coverage"]["counted_fraction"] is None


class TestVolumeTrend:
    def test_volume_series_and_its_trend(
        self, client: TestClient, session: Session, settings
    ) -> None:
        _, headers = athlete(session, settings, sex="male", bodyweight_kg=80)
        start = TODAY - timedelta(days=60)
        # one workout every 10 days, posterior work growing: 1, 2, ... deadlift sets vs 4 squats
        for k in range(6):
            sets = [("deadlift", 100, 5)] * (k + 1) + [("back_squat", 100, 5)] * 4
            log(client, headers, start + timedelta(days=10 * k), sets)
        response = client.get(
            "/v1/users/me/balance/trend", headers=headers, params={"measure": "volume"}
        )
        assert response.status_code == 200, response.text
        body = response.json()
        assert (body["method"], body["measure"]) == ("pcb-2", "volume")
        points = body["points"]
        assert [p["date"] for p in points] == [
            (start + timedelta(days=10 * k)).isoformat() for k in range(6)
        ]
        # 28-day windows: day 0 holds workout 0; day 20 holds 0-2; day 30 holds 1-3 ...
        expected = [1 / 4, 3 / 8, 6 / 12, 9 / 12, 12 / 12, 15 / 12]
        assert [p["index"] for p in points] == pytest.approx(expected)
        assert [p["lower"] for p in points] == pytest.approx(expected)
        assert all(p["upper"] is None for p in points)
        assert body["trend"]["status"] == "ok"
        assert body["trend"]["direction"] == "toward_posterior"
        strength = client.get("/v1/users/me/balance/trend", headers=headers).json()
        assert (strength["method"], strength["measure"]) == ("pcb-2", "strength")

    def test_volume_needs_pcb_2_and_a_known_measure(
        self, client: TestClient, auth_headers: dict
    ) -> None:
        for params, field in (
            ({"measure": "volume", "method": "pcb-1"}, "measure"),
            ({"measure": "reps"}, "measure"),
        ):
            response = client.get("/v1/users/me/balance/trend", headers=auth_headers, params=params)
            assert response.status_code == 422, params
            assert [e["field"] for e in response.json()["errors"]] == [field]
        pcb_1 = client.get(
            "/v1/users/me/balance/trend", headers=auth_headers, params={"method": "pcb-1"}
        ).json()
        assert "measure" not in pcb_1


class TestSummaryAndRoster:
    def test_volume_band_and_flag(
        self,
        client: TestClient,
        session: Session,
        settings,
        trainer_headers: dict,  # noqa: F811
    ) -> None:
        user, headers = athlete(session, settings, sex="male", bodyweight_kg=80)
        log_example_d(client, headers)
        summary = client.get("/v1/users/me/summary", headers=headers).json()
        assert summary["method"] == "pcb-2"
        assert summary["volume"]["index"] == pytest.approx(0.577, abs=TOL)
        assert (summary["volume"]["band"], summary["volume"]["marked"]) == (
            "anterior_dominant",
            True,
        )
        flags = {f["code"]: f["detail"] for f in summary["flags"]}
        assert "volume_marked" in flags
        assert "0.58" in flags["volume_marked"]
        link(client, trainer_headers, headers)
        roster = client.get("/v1/trainer/clients", headers=trainer_headers).json()
        (entry,) = roster["items"]
        assert entry["client"]["id"] == str(user.id)
        assert (entry["balance"]["volume_band"], entry["balance"]["volume_marked"]) == (
            "anterior_dominant",
            True,
        )
        assert "volume_marked" in entry["flags"]
        flagged = client.get(
            "/v1/trainer/clients", headers=trainer_headers, params={"flag": "volume_marked"}
        ).json()
        assert [e["client"]["id"] for e in flagged["items"]] == [str(user.id)]
        table = client.get("/v1/trainer/clients.csv", headers=trainer_headers).text
        row = next(csv.DictReader(io.StringIO(table)))
        assert (row["volume_band"], row["volume_marked"]) == ("anterior_dominant", "true")

    def test_balanced_volume_raises_no_flag(
        self, client: TestClient, session: Session, settings
    ) -> None:
        _, headers = athlete(session, settings, sex="male", bodyweight_kg=80)
        log(client, headers, D, [*EXAMPLE_A, ("front_squat", 80, 5), ("overhead_press", 50, 5)])
        summary = client.get("/v1/users/me/summary", headers=headers).json()
        assert summary["volume"]["index"] == pytest.approx(1.0)
        assert summary["volume"]["marked"] is False
        assert "volume_marked" not in {f["code"] for f in summary["flags"]}


def test_balance_csv_has_the_volume_columns(client: TestClient, session: Session, settings) -> None:
    _, headers = athlete(session, settings, sex="male", bodyweight_kg=80)
    log_example_d(client, headers)
    response = client.get("/v1/users/me/exports/balance.csv", headers=headers)
    assert response.status_code == 200, response.text
    rows = list(csv.DictReader(io.StringIO(response.text.lstrip("\ufeff"))))
    assert {"volume_index", "volume_lower", "volume_upper", "volume_band", "volume_marked"} <= set(
        rows[0]
    )
    last = rows[-1]
    assert last["date"] == D.isoformat()
    assert float(last["volume_index"]) == pytest.approx(0.577, abs=TOL)
    assert float(last["volume_lower"]) == pytest.approx(0.667, abs=TOL)
    assert (last["volume_band"], last["volume_marked"]) == ("anterior_dominant", "true")


def test_the_pcb_2_method_document_publishes_the_lifts_table(client: TestClient) -> None:
    response = client.get("/v1/methods/pcb-2")
    assert response.status_code == 200
    body = response.json()
    assert body["method_id"] == "pcb-2"
    lifts = {row["exercise"]: row for row in body["lifts"]}
    assert len(lifts) >= 40
    keys = {"exercise", "chain", "region", "load_rule", "fraction", "m_male", "m_female", "source"}
    assert all(keys <= set(row) and row["source"] for row in body["lifts"])
    assert lifts["deadlift"]["m_male"] == pytest.approx(1.875)
    assert (lifts["pull_up"]["load_rule"], lifts["pull_up"]["fraction"]) == ("bodyweight", 1.0)
    assert "strengthlevel.com" in lifts["leg_press"]["source"]
    assert body["volume"]["window_days"] == 28
    # pcb-1 keeps its document
    assert isinstance(client.get("/v1/methods/pcb-1").json()["lifts"], dict)
