"""Volume balance, coverage, suggestions, latest date (BALANCE_METHOD §11-§14, example D)."""

from __future__ import annotations

import json
import math
from datetime import UTC, date, datetime, time, timedelta
from itertools import count

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from api.analytics.balance import snapshot
from api.analytics.classes import COUNTED_CLASSES, NOT_COUNTED, CountedClass, counted_class
from api.analytics.e1rm import SetInput, estimate_sets
from api.analytics.lifts import PCB_2
from api.analytics.volume import (
    VOLUME,
    ClassifiedSet,
    coverage,
    has_counted_work,
    is_working_set,
    latest_counted_date,
    pcb_2_as_dict,
    suggestions,
    volume_balance,
    volume_series,
    weekly_posterior_sets,
)
from db.catalog import catalog_by_slug

D = date(2026, 3, 31)
_ids = count()

# Worked example D (§15): exercise slug, working sets, load (kg), reps.
EXAMPLE_D = [
    ("deadlift", 6, 120.0, 5),
    ("leg_curl", 6, 40.0, 10),
    ("back_squat", 9, 100.0, 5),
    ("leg_press", 9, 180.0, 10),
    ("barbell_row", 5, 70.0, 8),
    ("pull_up", 5, 0.0, 8),
    ("bench_press", 10, 80.0, 5),
    ("overhead_press", 5, 50.0, 5),
    ("push_up", 5, 0.0, 20),
    ("bicep_curl_barbell", 12, 30.0, 10),
    ("lateral_raise_dumbbell", 6, 10.0, 12),
]


def close(value: float) -> object:
    return pytest.approx(value, abs=5e-4)


def classified(
    exercise: str,
    day: date = D,
    *,
    set_type: str = "normal",
    reps: int = 8,
    duration_s: float | None = None,
    cls: CountedClass | None = None,
    is_classified: bool = True,
) -> ClassifiedSet:
    if cls is None:
        entry = catalog_by_slug()[exercise]
        cls = counted_class(entry.chain, entry.region)
    return ClassifiedSet(
        f"v{next(_ids)}", exercise, day, set_type, reps, duration_s, cls, is_classified
    )


def example_d() -> tuple[list[ClassifiedSet], list[SetInput]]:
    """Example D's sets spread over the 28 days ending at D, plus 4 back-squat warm-ups."""
    sets: list[ClassifiedSet] = []
    inputs: list[SetInput] = []
    for exercise, n, load, reps in EXAMPLE_D:
        for i in range(n):
            day = D - timedelta(days=(3 * i) % 28)
            sets.append(classified(exercise, day, reps=reps))
            performed = datetime.combine(day, time(18), tzinfo=UTC)
            inputs.append(SetInput(sets[-1].set_id, exercise, performed, day, "normal", reps, load))
    for i in range(4):
        sets.append(classified("back_squat", D - timedelta(days=i), set_type="warmup", reps=5))
    return sets, inputs


class TestWorkedExampleD:
    def test_set_counts_per_region(self) -> None:
        sets, _ = example_d()
        v = volume_balance(sets, D)
        assert (v.regions["lower"].posterior_sets, v.regions["lower"].anterior_sets) == (12, 18)
        assert (v.regions["upper"].posterior_sets, v.regions["upper"].anterior_sets) == (10, 20)

    def test_volume_index(self) -> None:
        sets, _ = example_d()
        v = volume_balance(sets, D)
        assert v.regions["lower"].index == close(0.667)
        assert v.regions["upper"].index == close(0.500)
        assert v.index == close(0.577)
        assert v.ln_index == close(-0.549)
        assert (v.band, v.marked, v.missing) == ("anterior_dominant", True, ())
        assert (v.method_id, v.window_days, v.date) == ("pcb-2", 28, D)

    def test_coverage(self) -> None:
        sets, inputs = example_d()
        estimates = estimate_sets(inputs, [], 80.0, PCB_2)
        scored = {e.set_id for e in estimates if e.is_counted}
        c = coverage(sets, D, scored_set_ids=scored)
        assert (c.working_sets, c.counted) == (78, 60)
        assert c.counted_fraction == close(0.769)
        assert (c.classified, c.classified_fraction) == (78, 1.0)
        # Scored: every set of D with multiples (leg press has them, §10; leg curl has none: its
        # name covers lying and seated machines that the one source scores differently).
        assert c.scored == 6 + 9 + 9 + 5 + 5 + 10 + 5 + 5
        assert c.window_days == 42

    def test_suggestions(self) -> None:
        sets, _ = example_d()
        out = suggestions(volume_balance(sets, D), None, sets)
        assert [(s.region, s.weekly_sets) for s in out] == [("lower", 3), ("upper", 4)]
        assert out[0].exercises == ("deadlift", "leg_curl")
        assert out[1].exercises == ("barbell_row", "pull_up")
        assert all(s.from_history and s.reasons == ("volume_below",) for s in out)
        assert all("not medical advice" in s.text for s in out)
        assert "3 posterior lower-body working sets a week" in out[0].text

    def test_delta_formula(self) -> None:
        assert weekly_posterior_sets(12, 18) == math.ceil((22.5 - 12) / 4) == 3
        assert weekly_posterior_sets(10, 20) == math.ceil((25 - 10) / 4) == 4


class TestWorkingSets:
    @pytest.mark.parametrize(
        ("set_type", "reps", "duration_s", "expected"),
        [
            ("normal", 5, None, True),
            ("warmup", 5, None, False),
            ("normal", 0, 45.0, True),
            ("normal", 0, None, False),
            ("normal", 0, 0.0, False),
            ("dropset", 3, None, True),
        ],
    )
    def test_is_working_set(
        self, set_type: str, reps: int, duration_s: float | None, expected: bool
    ) -> None:
        assert is_working_set(set_type, reps, duration_s) is expected

    def test_a_timed_set_counts_for_volume(self) -> None:
        sets = [
            classified("back_extension", reps=0, duration_s=60),
            classified("back_squat"),
        ]
        assert volume_balance(sets, D).regions["lower"].index == 1.0


class TestVolumeBalance:
    def test_the_window_is_the_28_days_ending_at_the_date(self) -> None:
        sets = [
            classified("deadlift", D - timedelta(days=27)),
            classified("deadlift", D - timedelta(days=28)),
            classified("back_squat", D),
            classified("back_squat", D + timedelta(days=1)),
        ]
        lower = volume_balance(sets, D).regions["lower"]
        assert (lower.posterior_sets, lower.anterior_sets, lower.index) == (1, 1, 1.0)

    def test_a_region_without_a_side_is_absent_and_says_which(self) -> None:
        sets = [classified("deadlift"), classified("back_squat"), classified("bench_press")]
        v = volume_balance(sets, D)
        assert v.regions["upper"].index is None
        assert v.regions["upper"].missing == ("posterior",)
        assert v.missing == ("upper_posterior",)
        assert v.index == 1.0  # the lower region alone

    def test_no_region_available(self) -> None:
        v = volume_balance([classified("bicep_curl_barbell"), classified("plank")], D)
        assert (v.index, v.ln_index, v.band, v.marked) == (None, None, None, None)
        assert v.missing == (
            "lower_posterior",
            "lower_anterior",
            "upper_posterior",
            "upper_anterior",
        )

    def test_not_counted_sets_never_count(self) -> None:
        sets = [classified("deadlift"), classified("back_squat"), classified("farmers_carry")]
        assert volume_balance(sets, D).regions["lower"].index == 1.0

    def test_bands_follow_section_3(self) -> None:
        sets = [classified("deadlift") for _ in range(13)] + [
            classified("back_squat") for _ in range(10)
        ]
        v = volume_balance(sets, D)
        assert v.index == pytest.approx(1.3)
        assert (v.band, v.marked) == ("posterior_dominant", True)


SET_STRATEGY = st.lists(
    st.tuples(
        st.integers(0, 80),
        st.sampled_from([*COUNTED_CLASSES, NOT_COUNTED]),
        st.sampled_from(["normal", "warmup"]),
        st.integers(0, 3),
    ),
    max_size=40,
)


class TestVolumeSeries:
    @settings(max_examples=60, deadline=None)
    @given(SET_STRATEGY)
    def test_series_equals_a_snapshot_at_each_date(
        self, rows: list[tuple[int, CountedClass, str, int]]
    ) -> None:
        sets = [
            classified("x", D - timedelta(days=offset), set_type=kind, reps=reps, cls=cls)
            for offset, cls, kind, reps in rows
        ]
        series = volume_series(sets)
        counted_dates = sorted(
            {
                s.local_date
                for s in sets
                if s.counted_class != NOT_COUNTED
                and is_working_set(s.set_type, s.reps, s.duration_s)
            }
        )
        assert [v.date for v in series] == counted_dates
        for v in series:
            assert v == volume_balance(sets, v.date)

    def test_date_range(self) -> None:
        sets = [classified("deadlift", D - timedelta(days=d)) for d in (0, 5, 10)]
        series = volume_series(sets, date_from=D - timedelta(days=7), date_to=D - timedelta(1))
        assert [v.date for v in series] == [D - timedelta(days=5)]
        # The window still reaches back before date_from.
        assert series[0].regions["lower"].posterior_sets == 2


class TestCoverage:
    def test_empty_window(self) -> None:
        c = coverage([], D)
        assert (c.working_sets, c.counted_fraction, c.scored_fraction) == (0, None, None)

    def test_custom_unclassified_sets(self) -> None:
        sets = [
            classified("my_machine", cls=NOT_COUNTED, is_classified=False),
            classified("deadlift"),
            classified("deadlift", D - timedelta(days=42)),
        ]
        c = coverage(sets, D, scored_set_ids={sets[1].set_id})
        assert (c.working_sets, c.classified, c.counted, c.scored) == (2, 1, 1, 1)
        assert c.scored_fraction == 0.5


class TestSuggestions:
    def test_balanced_volume_and_no_strength_suggests_nothing(self) -> None:
        sets = [classified("deadlift"), classified("back_squat")]
        assert suggestions(volume_balance(sets, D), None, sets) == []

    def test_defaults_without_posterior_history(self) -> None:
        sets = [classified("back_squat"), classified("deadlift", D - timedelta(days=100))]
        strength = snapshot([], D, sex="male", bodyweight_kg=80.0, method=PCB_2)
        out = suggestions(volume_balance(sets, D), strength, sets)
        assert [s.region for s in out] == ["lower", "upper"]
        lower = out[0]
        assert lower.exercises == VOLUME.default_exercises["lower"]
        assert not lower.from_history
        assert lower.reasons == ("strength_posterior_missing",)
        assert lower.weekly_sets == 1  # ⌈(1.25 · 1 − 0) / 4⌉

    def test_low_strength_index_asks_for_posterior_work(self) -> None:
        rows = [("deadlift", 80.0, 5), ("back_squat", 100.0, 5)]
        inputs = [
            SetInput(f"b{i}", lift, datetime.combine(D, time(9), tzinfo=UTC), D, "normal", r, kg)
            for i, (lift, kg, r) in enumerate(rows)
        ]
        estimates = estimate_sets(inputs, [], 80.0, PCB_2)
        strength = snapshot(estimates, D, sex="male", bodyweight_kg=80.0, method=PCB_2)
        assert strength.regions["lower"].index is not None
        assert strength.regions["lower"].index < 0.9
        sets = [classified("deadlift"), classified("back_squat")]
        out = suggestions(volume_balance(sets, D), strength, sets)
        assert [(s.region, s.reasons) for s in out] == [
            ("lower", ("strength_below",)),
            ("upper", ("strength_posterior_missing",)),
        ]
        assert out[0].weekly_sets == 1
        assert out[0].exercises == ("deadlift",)

    def test_most_logged_first_and_at_most_three(self) -> None:
        history = [
            *(classified("face_pull", D - timedelta(days=1)) for _ in range(4)),
            *(classified("pull_up", D - timedelta(days=2)) for _ in range(3)),
            *(classified("lat_pulldown", D - timedelta(days=3)) for _ in range(3)),
            *(classified("seated_row", D - timedelta(days=3)) for _ in range(2)),
            *(classified("barbell_row", D - timedelta(days=95)) for _ in range(9)),
            *(classified("bench_press") for _ in range(20)),
        ]
        out = suggestions(volume_balance(history, D), None, history)
        assert out[0].exercises == ("face_pull", "lat_pulldown", "pull_up")

    def test_a_surplus_asks_for_no_extra_sets(self) -> None:
        assert weekly_posterior_sets(30, 10) == 0


class TestLatest:
    def test_latest_counted_working_date(self) -> None:
        sets = [
            classified("deadlift", D - timedelta(days=50)),
            classified("back_squat", D - timedelta(days=40), set_type="warmup"),
            classified("plank", D - timedelta(days=10)),
        ]
        assert latest_counted_date(sets) == D - timedelta(days=50)
        assert latest_counted_date(sets, on_or_before=D - timedelta(days=51)) is None
        assert latest_counted_date([]) is None

    def test_an_empty_window_points_at_the_latest_date(self) -> None:
        sets = [classified("deadlift", D - timedelta(days=60))]
        assert not has_counted_work(sets, D, VOLUME.volume_window_days)
        latest = latest_counted_date(sets, on_or_before=D)
        assert latest is not None
        assert has_counted_work(sets, latest, VOLUME.volume_window_days)
        assert volume_balance(sets, latest).regions["lower"].posterior_sets == 1


class TestPublishedMethod:
    def test_pcb_2_publishes_its_lifts_table_and_volume_constants(self) -> None:
        data = pcb_2_as_dict()
        assert json.loads(json.dumps(data)) == data
        assert data["method_id"] == "pcb-2"
        assert [row["exercise"] for row in data["lifts"]] == list(PCB_2.lifts)
        assert data["volume"]["window_days"] == 28
        upper = data["volume"]["default_exercises"]["upper"]
        assert upper == ["pull_up", "barbell_row", "face_pull"]
        assert data["window_days"] == 42
