"""Analytics over HTTP: the worked examples of BALANCE_METHOD posted as sets and read back."""

from __future__ import annotations

import math
from datetime import UTC, date, datetime, time, timedelta

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from api.app import create_app
from api.services.analytics.loader import READ_ALL_ABOVE
from db.models import User
from tests.factories import make_user, token_for

TOL = 5e-4


def athlete(session: Session, settings, **profile: object) -> tuple[User, dict[str, str]]:
    user = make_user(
        session, email=f"{profile.get('sex', 'x')}-{id(profile)}@example.com", **profile
    )
    return user, {"Authorization": f"Bearer {token_for(user, settings)}"}


def instant(day: date, hour: int = 12) -> str:
    return datetime.combine(day, time(hour), tzinfo=UTC).isoformat()


def log(client: TestClient, headers: dict, day: date, sets: list[tuple], **extra: object) -> dict:
    body = {
        "started_at": instant(day),
        "sets": [
            {"exercise": lift, "reps": reps, "load_kg": load, **(more[0] if more else {})}
            for lift, load, reps, *more in sets
        ],
        **extra,
    }
    response = client.post("/v1/users/me/workouts", json=body, headers=headers)
    assert response.status_code == 201, response.text
    return response.json()


TODAY = datetime.now(UTC).date()
PATHS = {
    "balance": "/v1/users/me/balance",
    "trend": "/v1/users/me/balance/trend",
    "benchmarks": "/v1/users/me/benchmarks",
    "pain": "/v1/users/me/pain/trend",
    "summary": "/v1/users/me/summary",
}

EXAMPLE_A = [
    ("deadlift", 140, 5),
    ("hip_thrust", 120, 8),
    ("back_squat", 100, 5),
    ("bench_press", 80, 5),
    ("pull_up", 0, 8),
    ("barbell_row", 70, 8),
]
EXAMPLE_B = [
    ("back_squat", 60, 8),
    ("hip_thrust", 50, 10),
    ("bench_press", 35, 6),
    ("push_up", 0, 20),
    ("barbell_row", 25, 10),
    ("pull_up", -20, 3),
]


class TestBalance:
    def test_anonymous_401_and_strangers_404(
        self, client: TestClient, user: User, other_headers: dict
    ) -> None:
        assert client.get("/v1/users/me/balance").status_code == 401
        for path in ("balance", "balance/trend", "benchmarks", "pain/trend", "summary"):
            response = client.get(f"/v1/users/{user.id}/{path}", headers=other_headers)
            assert response.status_code == 404, path

    @pytest.mark.parametrize(("params", "method"), [({}, "pcb-2"), ({"method": "pcb-1"}, "pcb-1")])
    def test_worked_example_a(
        self, client: TestClient, session: Session, settings, params: dict, method: str
    ) -> None:
        # pcb-2 keeps every pcb-1 formula and row: the ten lifts score alike under both.
        _, headers = athlete(session, settings, sex="male", bodyweight_kg=80)
        log(client, headers, TODAY - timedelta(days=1), EXAMPLE_A)
        body = client.get("/v1/users/me/balance", headers=headers, params=params).json()
        assert body["method"] == method
        assert body["reference"] == "male"
        normalized = {lift["lift"]: lift["normalized"] for lift in body["lifts"]}
        expected = {
            "deadlift": 1.089,
            "hip_thrust": 1.013,
            "back_squat": 0.972,
            "bench_press": 1.167,
            "pull_up": 0.950,
            "barbell_row": 1.385,
        }
        for lift, value in expected.items():
            assert normalized[lift] == pytest.approx(value, abs=TOL), lift
        assert body["regions"]["lower"]["index"] == pytest.approx(1.080, abs=TOL)
        assert body["regions"]["upper"]["index"] == pytest.approx(0.983, abs=TOL)
        assert body["posterior"] == pytest.approx(1.098, abs=TOL)
        assert body["anterior"] == pytest.approx(1.065, abs=TOL)
        assert body["index"] == pytest.approx(1.031, abs=TOL)
        assert body["ln_index"] == pytest.approx(0.030, abs=TOL)
        assert (body["band"], body["marked"], body["missing"]) == ("balanced", False, [])

    def test_worked_example_b(self, client: TestClient, session: Session, settings) -> None:
        _, headers = athlete(session, settings, sex="female")
        client.post(
            "/v1/users/me/bodyweights",
            headers=headers,
            json={"measured_at": instant(TODAY - timedelta(days=3)), "weight_kg": 62},
        )
        log(client, headers, TODAY - timedelta(days=2), EXAMPLE_B)
        body = client.get("/v1/users/me/balance", headers=headers).json()
        e1rm = {lift["lift"]: lift["e1rm_kg"] for lift in body["lifts"]}
        expected = {
            "back_squat": 76.000,
            "hip_thrust": 66.667,
            "bench_press": 42.000,
            "push_up": 66.133,
            "barbell_row": 33.333,
            "pull_up": 46.200,
        }
        for lift, value in expected.items():
            assert e1rm[lift] == pytest.approx(value, abs=TOL), lift
        assert body["bodyweight_kg"] == 62
        assert body["regions"]["lower"]["index"] == pytest.approx(0.702, abs=TOL)
        assert body["regions"]["upper"]["index"] == pytest.approx(0.745, abs=TOL)
        assert body["index"] == pytest.approx(0.723, abs=TOL)
        assert (body["band"], body["marked"]) == ("anterior_dominant", True)

    def test_user_without_data_gets_nulls_and_reasons(
        self, client: TestClient, auth_headers: dict
    ) -> None:
        body = client.get("/v1/users/me/balance", headers=auth_headers).json()
        assert body["index"] is None
        assert body["band"] is None
        assert set(body["missing"]) >= {"posterior", "anterior"}
        assert body["lifts"] == []

    def test_only_posterior_lifts_name_the_missing_side(
        self, client: TestClient, session: Session, settings
    ) -> None:
        _, headers = athlete(session, settings, sex="male", bodyweight_kg=80)
        log(client, headers, TODAY, [("deadlift", 140, 5), ("pull_up", 0, 8)])
        body = client.get("/v1/users/me/balance", headers=headers).json()
        assert body["index"] is None
        assert body["missing"] == ["anterior"]
        assert body["posterior"] is not None

    def test_without_any_bodyweight_nothing_is_normalised(
        self, client: TestClient, session: Session, settings
    ) -> None:
        _, headers = athlete(session, settings, sex="male")
        log(client, headers, TODAY, EXAMPLE_A)
        body = client.get("/v1/users/me/balance", headers=headers).json()
        assert body["index"] is None
        assert "bodyweight" in body["missing"]
        reasons = {e["lift"]: e["reason"] for e in body["excluded_sets"]}
        assert reasons["pull_up"] == "no_bodyweight"

    def test_assisted_pull_up_with_no_effective_load_is_excluded(
        self, client: TestClient, session: Session, settings
    ) -> None:
        _, headers = athlete(session, settings, sex="male", bodyweight_kg=60)
        log(
            client,
            headers,
            TODAY,
            [("pull_up", -70, 5), ("deadlift", 100, 5), ("bench_press", 60, 5)],
        )
        body = client.get("/v1/users/me/balance", headers=headers).json()
        assert "pull_up" not in {lift["lift"] for lift in body["lifts"]}
        assert [e["reason"] for e in body["excluded_sets"]] == ["non_positive_load"]

    def test_warm_ups_are_ignored(self, client: TestClient, session: Session, settings) -> None:
        _, headers = athlete(session, settings, sex="male", bodyweight_kg=80)
        log(client, headers, TODAY, [*EXAMPLE_A, ("deadlift", 300, 5, {"set_type": "warmup"})])
        body = client.get("/v1/users/me/balance", headers=headers).json()
        assert body["index"] == pytest.approx(1.031, abs=TOL)

    def test_window_is_42_days_and_at_selects_the_date(
        self, client: TestClient, session: Session, settings
    ) -> None:
        _, headers = athlete(session, settings, sex="male", bodyweight_kg=80)
        day = TODAY - timedelta(days=50)
        log(client, headers, day, EXAMPLE_A)
        inside = client.get(
            "/v1/users/me/balance",
            headers=headers,
            params={"at": (day + timedelta(days=41)).isoformat()},
        ).json()
        outside = client.get(
            "/v1/users/me/balance",
            headers=headers,
            params={"at": (day + timedelta(days=42)).isoformat()},
        ).json()
        assert inside["index"] == pytest.approx(1.031, abs=TOL)
        assert outside["index"] is None

    def test_local_dates_follow_the_profile_time_zone(
        self, client: TestClient, session: Session, settings
    ) -> None:
        _, headers = athlete(
            session, settings, sex="male", bodyweight_kg=80, timezone="Pacific/Auckland"
        )
        day = TODAY - timedelta(days=10)
        # 11:30 UTC is already the next calendar day in Auckland (UTC+12/+13).
        body = {
            "started_at": datetime.combine(day, time(11, 30), tzinfo=UTC).isoformat(),
            "sets": [
                {"exercise": lift, "load_kg": load, "reps": reps} for lift, load, reps in EXAMPLE_A
            ],
        }
        client.post("/v1/users/me/workouts", json=body, headers=headers)
        before = client.get(
            "/v1/users/me/balance", headers=headers, params={"at": day.isoformat()}
        ).json()
        after = client.get(
            "/v1/users/me/balance",
            headers=headers,
            params={"at": (day + timedelta(days=1)).isoformat()},
        ).json()
        assert before["index"] is None
        assert after["index"] == pytest.approx(1.031, abs=TOL)
        assert after["lifts"][0]["date"] == (day + timedelta(days=1)).isoformat()

    def test_bad_date_is_422(self, client: TestClient, auth_headers: dict) -> None:
        response = client.get(
            "/v1/users/me/balance", params={"at": "31-12-2026"}, headers=auth_headers
        )
        assert response.status_code == 422
        assert response.json()["errors"][0]["field"] == "at"

    def test_a_new_workout_changes_a_cached_answer(
        self, client: TestClient, session: Session, settings
    ) -> None:
        _, headers = athlete(session, settings, sex="male", bodyweight_kg=80)
        log(client, headers, TODAY, [("deadlift", 140, 5)])
        first = client.get("/v1/users/me/balance", headers=headers).json()
        assert client.get("/v1/users/me/balance", headers=headers).json() == first
        log(client, headers, TODAY, [("back_squat", 100, 5)])
        assert client.get("/v1/users/me/balance", headers=headers).json()["index"] is not None


# Worked example C: B at each day, produced with rising squat and deadlift loads so the
# 42-day best of each lift is the latest one (B = D / (1.25 · S) with the male multiples).
C_DAYS = [0, 9, 23, 37, 50, 64, 78, 93]
C_INDEX = [0.842, 0.861, 0.855, 0.893, 0.910, 0.904, 0.951, 0.968]
C_PAIN = [(2, 6), (12, 6), (25, 5), (40, 5), (52, 4), (66, 4), (80, 3), (95, 3)]


def log_example_c(client: TestClient, headers: dict) -> date:
    start = TODAY - timedelta(days=100)
    for k, (day, b) in enumerate(zip(C_DAYS, C_INDEX, strict=True)):
        squat = 100 + 10 * k
        log(
            client,
            headers,
            start + timedelta(days=day),
            [("back_squat", squat, 1), ("deadlift", b * 1.25 * squat, 1)],
        )
    for day, score in C_PAIN:
        response = client.post(
            "/v1/users/me/pain-scores",
            headers=headers,
            json={
                "recorded_at": instant(start + timedelta(days=day), 8),
                "region": "low_back",
                "score": score,
            },
        )
        assert response.status_code == 201
    return start


class TestBalanceTrend:
    @pytest.mark.parametrize(("params", "method"), [({}, "pcb-2"), ({"method": "pcb-1"}, "pcb-1")])
    def test_worked_example_c(
        self, client: TestClient, session: Session, settings, params: dict, method: str
    ) -> None:
        _, headers = athlete(session, settings, sex="male", bodyweight_kg=80)
        start = log_example_c(client, headers)
        body = client.get("/v1/users/me/balance/trend", headers=headers, params=params).json()
        assert body["method"] == method
        assert [p["date"] for p in body["points"]] == [
            (start + timedelta(days=d)).isoformat() for d in C_DAYS
        ]
        assert [p["index"] for p in body["points"]] == pytest.approx(C_INDEX, abs=1e-9)
        trend = body["trend"]
        assert trend["status"] == "ok"
        assert trend["n"] == 8
        assert trend["slope_4w"] == pytest.approx(0.0376337, abs=1e-6)
        assert trend["kendall_tau"] == pytest.approx(0.857, abs=TOL)
        assert trend["p_value"] == pytest.approx(0.002, abs=TOL)
        assert trend["significant"] is True
        assert trend["direction"] == "toward_posterior"
        assert trend["smoothed_last"] == pytest.approx(0.923, abs=TOL)
        assert body["points"][-1]["smoothed"] == trend["smoothed_last"]
        assert trend["toward_balance"] is True
        assert trend["slope_4w_low"] < trend["slope_4w"] < trend["slope_4w_high"]

    def test_range_and_insufficient_data(
        self, client: TestClient, session: Session, settings
    ) -> None:
        _, headers = athlete(session, settings, sex="male", bodyweight_kg=80)
        start = log_example_c(client, headers)
        body = client.get(
            "/v1/users/me/balance/trend",
            headers=headers,
            params={
                "from": (start + timedelta(days=40)).isoformat(),
                "to": (start + timedelta(days=70)).isoformat(),
            },
        ).json()
        assert [p["index"] for p in body["points"]] == pytest.approx([0.910, 0.904], abs=1e-9)
        assert body["trend"]["status"] == "insufficient_data"
        assert body["trend"]["reason"] == "too_few_points"
        assert body["trend"]["slope_4w"] is None

    def test_from_after_to_is_422(self, client: TestClient, auth_headers: dict) -> None:
        response = client.get(
            "/v1/users/me/balance/trend",
            headers=auth_headers,
            params={"from": "2026-02-01", "to": "2026-01-01"},
        )
        assert response.status_code == 422
        assert response.json()["errors"][0]["field"] == "from"


class TestPainTrend:
    def test_worked_example_c_association(
        self, client: TestClient, session: Session, settings
    ) -> None:
        _, headers = athlete(session, settings, sex="male", bodyweight_kg=80)
        log_example_c(client, headers)
        body = client.get("/v1/users/me/pain/trend", headers=headers).json()
        association = body["association"]
        assert association["region"] == "low_back"
        assert association["note"] == "association over time, not causation"
        lags = {lag["lag_days"]: lag for lag in association["lags"]}
        assert set(lags) == {0, 14, 28}
        assert lags[0]["rho"] == pytest.approx(-0.927, abs=TOL)
        assert lags[0]["n"] == 8
        assert lags[0]["supports_hypothesis"] is True
        assert lags[14]["rho"] == pytest.approx(-0.837, abs=TOL)
        assert lags[14]["n"] == 6
        assert lags[14]["supports_hypothesis"] is False
        series = body["series"][0]
        assert (series["region"], series["latest"]["score"], series["latest"]["band"]) == (
            "low_back",
            3,
            "mild",
        )
        assert series["change"]["delta"] == -3
        assert series["change"]["clinically_important"] is True
        assert series["change"]["direction"] == "improved"
        assert series["trend"]["direction"] == "falling"

    def test_clinically_important_change_example_b(
        self, client: TestClient, auth_headers: dict
    ) -> None:
        for region, scores in (("low_back", (5, 4)), ("neck", (4, 2))):
            for days_ago, score in zip((5, 1), scores, strict=True):
                client.post(
                    "/v1/users/me/pain-scores",
                    headers=auth_headers,
                    json={
                        "recorded_at": instant(TODAY - timedelta(days=days_ago)),
                        "region": region,
                        "score": score,
                    },
                )
        body = client.get("/v1/users/me/pain/trend", headers=auth_headers).json()
        changes = {s["region"]: s["change"] for s in body["series"]}
        assert changes["low_back"]["clinically_important"] is False
        assert changes["neck"]["clinically_important"] is True
        assert changes["neck"]["direction"] == "improved"
        assert changes["neck"]["percent"] == pytest.approx(-50.0)
        only_neck = client.get(
            "/v1/users/me/pain/trend", headers=auth_headers, params={"region": "neck"}
        ).json()
        assert [s["region"] for s in only_neck["series"]] == ["neck"]
        assert only_neck["association"]["region"] == "neck"
        assert all(lag["status"] == "insufficient_data" for lag in only_neck["association"]["lags"])


class TestBenchmarks:
    def test_first_class_lifts_with_best_latest_and_strict_pull_ups(
        self, client: TestClient, session: Session, settings
    ) -> None:
        _, headers = athlete(session, settings, sex="male", bodyweight_kg=80)
        log(client, headers, TODAY - timedelta(days=20), [("deadlift", 150, 3), ("pull_up", 0, 12)])
        log(
            client,
            headers,
            TODAY - timedelta(days=10),
            [("deadlift", 140, 1), ("deadlift", 120, 5), ("pull_up", 10, 5)],
        )
        body = client.get("/v1/users/me/benchmarks", headers=headers).json()
        lifts = [lift["lift"] for lift in body["lifts"]]
        assert lifts[:3] == ["deadlift", "hip_thrust", "pull_up"]
        deadlift = body["lifts"][0]
        assert [p["e1rm_kg"] for p in deadlift["points"]] == pytest.approx([165.0, 140.0])
        assert deadlift["best"] == {
            "date": (TODAY - timedelta(days=20)).isoformat(),
            "e1rm_kg": 165.0,
        }
        assert deadlift["latest"]["e1rm_kg"] == 140.0
        assert deadlift["trend"]["status"] == "insufficient_data"
        assert body["lifts"][1]["points"] == []
        pull_up = body["lifts"][2]
        assert pull_up["best_strict_reps"] == 12
        assert pull_up["points"][0]["extrapolated"] is True

    def test_single_lift_filter_and_unknown_lift(
        self, client: TestClient, auth_headers: dict
    ) -> None:
        body = client.get(
            "/v1/users/me/benchmarks", headers=auth_headers, params={"lift": "hip_thrust"}
        ).json()
        assert [lift["lift"] for lift in body["lifts"]] == ["hip_thrust"]
        response = client.get(
            "/v1/users/me/benchmarks", headers=auth_headers, params={"lift": "curl"}
        )
        assert response.status_code == 422
        assert response.json()["errors"][0]["field"] == "lift"


class TestSummary:
    def test_flags_for_a_struggling_athlete(
        self, client: TestClient, session: Session, settings
    ) -> None:
        _, headers = athlete(session, settings, sex="female")
        client.post(
            "/v1/users/me/bodyweights",
            headers=headers,
            json={"measured_at": instant(TODAY - timedelta(days=30)), "weight_kg": 62},
        )
        log(client, headers, TODAY - timedelta(days=20), EXAMPLE_B)
        for days_ago, score in ((20, 4), (2, 8)):
            client.post(
                "/v1/users/me/pain-scores",
                headers=headers,
                json={
                    "recorded_at": instant(TODAY - timedelta(days=days_ago)),
                    "region": "low_back",
                    "score": score,
                },
            )
        body = client.get("/v1/users/me/summary", headers=headers).json()
        codes = {flag["code"] for flag in body["flags"]}
        assert codes == {"pain_high", "pain_rising", "marked_imbalance", "inactive"}
        assert body["balance"]["index"] == pytest.approx(0.723, abs=TOL)
        assert body["pain"][0]["score"] == 8
        assert body["pain"][0]["band"] == "severe"
        assert all(flag["detail"] for flag in body["flags"])

    def test_empty_user_is_only_inactive(self, client: TestClient, auth_headers: dict) -> None:
        body = client.get("/v1/users/me/summary", headers=auth_headers).json()
        assert [flag["code"] for flag in body["flags"]] == ["inactive"]
        assert body["balance"]["index"] is None
        assert body["last_workout_at"] is None


def test_method_table_is_public(client: TestClient) -> None:
    body = client.get("/v1/methods/pcb-1").json()
    assert body["method_id"] == "pcb-1"
    assert body["window_days"] == 42
    assert math.isclose(body["lifts"]["deadlift"]["multiple_male"], 1.875)
    assert client.get("/v1/methods/pcb-9").status_code == 404


class TestAnswersFollowWrites:
    """Answers are cached per user and data version: a repeat answers alike, and every write
    an answer depends on shows at once."""

    def test_a_repeat_answers_alike_and_a_write_recomputes(
        self, client: TestClient, session: Session, settings
    ) -> None:
        _, headers = athlete(session, settings, bodyweight_kg=80.0)
        log(client, headers, date.today() - timedelta(days=3), [("deadlift", 150, 5)])
        for path in ("/v1/users/me/balance", "/v1/users/me/balance/trend"):
            first = client.get(path, headers=headers)
            again = client.get(path, headers=headers)
            assert first.status_code == again.status_code == 200
            assert again.content == first.content
        before = client.get("/v1/users/me/balance", headers=headers).json()
        log(client, headers, date.today() - timedelta(days=1), [("hip_thrust", 200, 5)])
        after = client.get("/v1/users/me/balance", headers=headers).json()
        assert after != before

    def test_a_pain_score_changes_only_the_answers_that_read_pain(
        self, client: TestClient, session: Session, settings
    ) -> None:
        _, headers = athlete(session, settings, sex="male", bodyweight_kg=80.0)
        log(client, headers, date.today() - timedelta(days=3), [("deadlift", 150, 5)])
        log(client, headers, date.today() - timedelta(days=2), [("back_squat", 110, 5)])
        first = {name: client.get(path, headers=headers) for name, path in PATHS.items()}
        assert all(r.status_code == 200 for r in first.values())
        pain = client.post(
            "/v1/users/me/pain-scores",
            headers=headers,
            json={"recorded_at": instant(date.today()), "region": "knee", "score": 6},
        )
        assert pain.status_code == 201
        for name in ("balance", "trend", "benchmarks"):
            assert client.get(PATHS[name], headers=headers).content == first[name].content, name
        pain_after = client.get(PATHS["pain"], headers=headers).json()
        summary_after = client.get(PATHS["summary"], headers=headers).json()
        assert pain_after != first["pain"].json()
        assert "knee" in {series["region"] for series in pain_after["series"]}
        assert summary_after != first["summary"].json()
        # A workout still moves them all.
        log(client, headers, date.today() - timedelta(days=1), [("deadlift", 170, 5)])
        assert client.get(PATHS["balance"], headers=headers).content != first["balance"].content

    def test_an_exercise_edit_recomputes_the_answers_that_list_it(
        self, client: TestClient, session: Session, settings
    ) -> None:
        _, headers = athlete(session, settings, sex="male", bodyweight_kg=80.0)
        made = client.post(
            "/v1/exercises",
            headers=headers,
            json={"name": "Reverse hyper", "chain": "posterior", "region": "lower"},
        )
        assert made.status_code == 201
        slug = made.json()["slug"]
        log(client, headers, date.today() - timedelta(days=2), [(slug, 60, 10)])

        def chain_of_custom_lift() -> str:
            balance = client.get("/v1/users/me/balance", headers=headers).json()
            (lift,) = [entry for entry in balance["lifts"] if entry["lift"] == slug]
            return str(lift["chain"])

        assert chain_of_custom_lift() == "posterior"
        edited = client.patch(f"/v1/exercises/{slug}", headers=headers, json={"chain": "anterior"})
        assert edited.status_code == 200
        assert chain_of_custom_lift() == "anterior"


def answers(client: TestClient, headers: dict) -> list[bytes]:
    names = ("balance", "trend", "benchmarks", "pain")
    return [client.get(PATHS[name], headers=headers).content for name in names]


def fresh_answers(client: TestClient, headers: dict) -> list[bytes]:
    """The answers of an app that has read nothing yet (another process, caches empty)."""
    state = client.app.state  # type: ignore[attr-defined]
    with TestClient(create_app(state.settings, engine=state.engine)) as fresh:
        return answers(fresh, headers)


class TestRecomputedAnswers:
    """A recomputed answer is what a process that never read the owner's data answers."""

    def test_every_kind_of_write_shows_as_a_fresh_read_would(
        self, client: TestClient, session: Session, settings
    ) -> None:
        _, headers = athlete(session, settings, sex="male", bodyweight_kg=80.0)
        day = date.today() - timedelta(days=20)
        made = [
            log(client, headers, day + timedelta(days=k), [("deadlift", 140 + k, 5)])
            for k in range(4)
        ]
        log(client, headers, day, [("back_squat", 100, 5), ("pull_up", 0, 8)])
        exercise = client.post(
            "/v1/exercises",
            headers=headers,
            json={"name": "Back raise", "chain": "posterior", "region": "lower"},
        ).json()["slug"]
        log(client, headers, day + timedelta(days=5), [(exercise, 40, 12)])
        answers(client, headers)  # every workout is now held
        writes = [
            # The pull-ups' e1RM moves with the bodyweight: first the profile's, then an entry.
            lambda: client.patch("/v1/users/me", headers=headers, json={"bodyweight_kg": 84.5}),
            lambda: client.post(
                "/v1/users/me/bodyweights",
                headers=headers,
                json={"measured_at": instant(day), "weight_kg": 77.0},
            ),
            lambda: log(client, headers, day + timedelta(days=6), [("deadlift", 200, 3)]),
            lambda: client.put(  # new sets, new version
                f"/v1/users/me/workouts/{made[0]['id']}",
                headers=headers,
                json={
                    "started_at": instant(day),
                    "sets": [{"exercise": "hip_thrust", "reps": 8, "load_kg": 150}],
                },
            ),
            lambda: client.patch(
                f"/v1/users/me/workouts/{made[1]['id']}",
                headers=headers,
                json={"started_at": instant(day - timedelta(days=60))},  # out of the window
            ),
            lambda: client.delete(f"/v1/users/me/workouts/{made[2]['id']}", headers=headers),
            lambda: client.patch(
                f"/v1/exercises/{exercise}", headers=headers, json={"chain": "anterior"}
            ),
            lambda: client.patch(
                "/v1/users/me", headers=headers, json={"timezone": "Pacific/Kiritimati"}
            ),
        ]
        for write in writes:
            before = answers(client, headers)
            done = write()
            assert isinstance(done, dict) or done.status_code in (200, 201, 204), done.text
            after = answers(client, headers)
            assert after == fresh_answers(client, headers)
            assert after != before

    def test_a_long_history_read_whole_then_in_part_answers_alike(
        self, client: TestClient, session: Session, settings
    ) -> None:
        """More workouts than `READ_ALL_ABOVE` not read yet: the whole range is read at once;
        after a write only the new one is. Both answer what an empty cache does."""
        _, headers = athlete(session, settings, sex="male", bodyweight_kg=82.0)
        start = date.today() - timedelta(days=150)
        for k in range(READ_ALL_ABOVE + 5):
            lift = ("deadlift", "back_squat", "hip_thrust")[k % 3]
            log(client, headers, start + timedelta(days=k), [(lift, 100 + k % 7, 5)])
        first = answers(client, headers)  # the whole range, read at once
        assert first == fresh_answers(client, headers)
        log(client, headers, date.today(), [("bench_press", 90, 5)])
        after = answers(client, headers)  # 105 workouts held, one read
        assert after != first
        assert after == fresh_answers(client, headers)
