"""The exercise name resolver: folding, equipment forms, localized names, suggestions."""

from __future__ import annotations

import pytest

from api.exercise_names import (
    NameEntry,
    NameResolver,
    OwnerResolver,
    fold,
    name_key,
    own_entries,
    system_resolver,
    word_key,
)


class TestKeys:
    def test_fold_drops_case_accents_and_punctuation(self) -> None:
        assert fold("  Bankdrücken (Langhantel) ") == "bankdrucken langhantel"
        assert fold("Farmer's Walk") == "farmer s walk"
        assert fold("Straße") == "strasse"

    @pytest.mark.parametrize("spelling", ["Push Ups", "Push-up", "Pushup", "push-ups", "PUSH UP"])
    def test_plurals_hyphens_and_spaces_fold_alike(self, spelling: str) -> None:
        assert name_key(spelling) == name_key("Push Up")

    def test_step_ups(self) -> None:
        assert name_key("Step-up") == name_key("Step Ups") == name_key("step up")

    def test_press_keeps_its_s(self) -> None:
        assert name_key("Bench Press") == "benchpress"

    @pytest.mark.parametrize(
        "spelling", ["Dumbbell Bench Press", "DB Bench Press", "Bench Press (Dumbbells)"]
    )
    def test_name_with_equipment_matches_any_word_order(self, spelling: str) -> None:
        assert word_key(spelling) == word_key("Bench Press (Dumbbell)")

    def test_smith_machine_is_the_smith(self) -> None:
        assert word_key("Smith Squat") == word_key("Squat (Smith Machine)")


def _small() -> NameResolver:
    return NameResolver(
        [
            NameEntry("back_squat", "Back Squat", "Back Squat", "name"),
            NameEntry("back_squat", "Back Squat", "Squat (Barbell)", "strong"),
            NameEntry("front_squat", "Front Squat", "Front Squat", "name"),
            NameEntry("front_squat", "Front Squat", "Squat", "fitnotes"),
            NameEntry("back_squat", "Back Squat", "Squat", "common"),
        ]
    )


class TestResolve:
    def test_the_app_names_own_meaning_wins(self) -> None:
        resolver = _small()
        assert resolver.resolve("Squat", "fitnotes").slug == "front_squat"
        assert resolver.resolve("squat", "fitnotes").stage == "source"
        assert resolver.resolve("Squat").slug == "back_squat"

    def test_an_unknown_source_name_falls_back_to_any_name(self) -> None:
        resolved = _small().resolve("Barbell Squat", "hevy")
        assert (resolved.slug, resolved.stage) == ("back_squat", "words")

    def test_unknown_name_gets_suggestions_not_a_guess(self) -> None:
        resolved = _small().resolve("Frnt Squat")
        assert resolved.slug is None
        assert resolved.exercise_name is None
        assert resolved.suggestions[0].slug == "front_squat"

    def test_nothing_alike_gives_no_suggestions(self) -> None:
        assert _small().resolve("Zzzz").suggestions == ()
        assert _small().resolve("!!!").suggestions == ()

    def test_resolve_many_keeps_order_and_repeats(self) -> None:
        names = ["Squat (Barbell)", "Nope", "Squat (Barbell)"]
        out = _small().resolve_many(names, "strong")
        assert [r.name for r in out] == names
        assert [r.slug for r in out] == ["back_squat", None, "back_squat"]


class TestSystemCatalog:
    @pytest.mark.parametrize(
        ("name", "source", "slug"),
        [
            ("Squat (Barbell)", "strong", "back_squat"),
            ("Deadlift (Barbell)", "hevy", "deadlift"),
            ("Flat Barbell Bench Press", "fitnotes", "bench_press"),
            ("Seated Cable Row - V Grip (Cable)", "hevy", "seated_row"),
            ("Kniebeuge (Langhantel)", "strong", "back_squat"),
            ("Kreuzheben", None, "deadlift"),
            ("BANKDRUCKEN", None, "bench_press"),
            ("Klimmzüge", None, "pull_up"),
            ("Schulterdrücken (Langhantel)", "strong", "overhead_press"),
            ("Push Ups", None, "push_up"),
            ("push-up", "hevy", "push_up"),
            ("Step-up", None, "step_up"),
            ("Step Ups", None, "step_up"),
            ("Pull-ups", None, "pull_up"),
            ("Dumbbell Romanian Deadlift", None, "romanian_deadlift_dumbbell"),
            ("Smith Machine Squat", None, "squat_smith_machine"),
            ("Incline DB Bench Press", None, "incline_bench_press_dumbbell"),
            ("Lat Pulldown (Single Arm)", "strong", "lat_pulldown_single_arm"),
        ],
    )
    def test_resolves(self, name: str, source: str | None, slug: str) -> None:
        assert system_resolver().resolve(name, source).slug == slug

    @pytest.mark.parametrize(
        ("typo", "slug"),
        [
            ("Squat (Smith Machien)", "squat_smith_machine"),
            ("Romanain Deadlift (Barbell)", "romanian_deadlift"),
            ("Pushup diamond", "diamond_push_up"),
            ("Hip thrust smith machin", "hip_thrust_smith_machine"),
        ],
    )
    def test_typos_get_the_right_first_suggestion(self, typo: str, slug: str) -> None:
        resolved = system_resolver().resolve(typo)
        assert resolved.slug is None
        assert resolved.suggestions[0].slug == slug

    def test_suggestions_are_distinct_ranked_and_bounded(self) -> None:
        suggestions = system_resolver().resolve("Bizeps Curl").suggestions
        assert 0 < len(suggestions) <= 5
        assert len({s.slug for s in suggestions}) == len(suggestions)
        scores = [s.score for s in suggestions]
        assert scores == sorted(scores, reverse=True)
        assert all(60 <= s <= 100 for s in scores)
        assert all(s.name for s in suggestions)


class TestOwnerResolver:
    def _resolver(self) -> OwnerResolver:
        own = own_entries([("hip_thrust_1a2b3c4d", "Hip Thrust"), ("sled_drag_9f", "Sled Drag")])
        return OwnerResolver(own, _small())

    def test_own_name_wins_over_the_catalog(self) -> None:
        assert self._resolver().resolve("hip thrusts").slug == "hip_thrust_1a2b3c4d"

    def test_catalog_when_no_own_name_matches(self) -> None:
        resolved = self._resolver().resolve("Squat (Barbell)", "strong")
        assert (resolved.slug, resolved.stage) == ("back_squat", "source")

    def test_suggestions_merge_own_and_catalog_best_first(self) -> None:
        resolved = self._resolver().resolve("Sled Drgs Squat")
        assert resolved.slug is None
        slugs = [s.slug for s in resolved.suggestions]
        assert "sled_drag_9f" in slugs
        assert {"back_squat", "front_squat"} & set(slugs)
        scores = [s.score for s in resolved.suggestions]
        assert scores == sorted(scores, reverse=True)

    def test_without_own_exercises_it_is_the_catalog(self) -> None:
        resolver = OwnerResolver([], _small())
        assert resolver.resolve("Zzz").suggestions == _small().resolve("Zzz").suggestions
        assert [r.slug for r in resolver.resolve_many(["Squat", "Squat"])] == ["back_squat"] * 2
