"""The pcb-2 lifts table and method (BALANCE_METHOD §10).

Every scored exercise of pcb-2 has a load rule (`external`: L = load; `bodyweight` with a
fraction f: L = f · bodyweight + added) and reference multiples on the pcb-1 scale: the pcb-1
multiple of its reference lift times a ratio between the two taken from *one* published source
that lists both. No source, no multiple: such an exercise is not in this table, yet it still
counts for volume (§11) through its catalog class. The table is data, published whole at
`GET /v1/methods/pcb-2` so a client can recompute every figure.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, replace
from types import MappingProxyType
from typing import Any, Literal

from api.analytics.constants import PCB_1, Chain, LiftSpec, LoadModel, Method, Region

LoadRule = Literal["external", "bodyweight"]
PCB_2_ID = "pcb-2"


@dataclass(frozen=True, slots=True)
class LiftRow:
    """One scored exercise of pcb-2: load rule, multiples and where they come from."""

    exercise: str  # catalog slug
    chain: Chain
    region: Region
    load_rule: LoadRule
    fraction: float | None  # of bodyweight, for load_rule "bodyweight"
    m_male: float
    m_female: float
    source: str
    # The pcb-1 lift the multiples derive from and the published ratio used (None for the
    # pcb-1 rows themselves, whose derivation is their source).
    reference: str | None = None
    ratio_male: float | None = None
    ratio_female: float | None = None

    def __post_init__(self) -> None:
        if (self.load_rule == "bodyweight") != (self.fraction is not None):
            raise ValueError(f"{self.exercise}: a fraction is given exactly for bodyweight")
        if self.fraction is not None and not 0 < self.fraction <= 1:
            raise ValueError(f"{self.exercise}: the bodyweight fraction is in (0, 1]")
        if not (self.m_male > 0 and self.m_female > 0):
            raise ValueError(f"{self.exercise}: reference multiples must be > 0")
        if not self.source:
            raise ValueError(f"{self.exercise}: no source, no multiple (§10)")
        if (self.reference is None) != (self.ratio_male is None) or (self.ratio_male is None) != (
            self.ratio_female is None
        ):
            raise ValueError(f"{self.exercise}: a derived row names its reference and ratios")

    def as_dict(self) -> dict[str, Any]:
        """The row as JSON-ready data."""
        return asdict(self)


def _multiples(spec: LiftSpec) -> tuple[float, float]:
    if spec.multiple_male is None or spec.multiple_female is None:
        raise ValueError(f"{spec.slug} has no reference multiples")
    return spec.multiple_male, spec.multiple_female


def derived(
    exercise: str,
    reference: str,
    ratio_male: float,
    ratio_female: float,
    source: str,
    *,
    load_rule: LoadRule = "external",
    fraction: float | None = None,
) -> LiftRow:
    """A variant's row: its reference lift's pcb-1 multiples times a published ratio (§10)."""
    base = PCB_1.lifts[reference]
    m_male, m_female = _multiples(base)
    return LiftRow(
        exercise=exercise,
        chain=base.chain,
        region=base.region,
        load_rule=load_rule,
        fraction=fraction,
        m_male=m_male * ratio_male,
        m_female=m_female * ratio_female,
        source=source,
        reference=reference,
        ratio_male=ratio_male,
        ratio_female=ratio_female,
    )


def _pcb_1_row(spec: LiftSpec) -> LiftRow:
    """A pcb-1 lift as a pcb-2 row, its values unchanged (§10: the ten rows keep them)."""
    m_male, m_female = _multiples(spec)
    fraction = {"external": None, "bodyweight": 1.0, "push_up": PCB_1.push_up_bodyweight_fraction}
    return LiftRow(
        exercise=spec.slug,
        chain=spec.chain,
        region=spec.region,
        load_rule="external" if spec.load_model == "external" else "bodyweight",
        fraction=fraction[spec.load_model],
        m_male=m_male,
        m_female=m_female,
        source=f"pcb-1 (BALANCE_METHOD §2): {spec.derivation}",
    )


# --- the variants' one source: Strength Level ---------------------------------------------
# Strength Level (https://strengthlevel.com/strength-standards) publishes, for each exercise, the
# 1RM / bodyweight ratios of its Beginner, Novice, Intermediate, Advanced and Elite levels (5th,
# 20th, 50th, 80th, 95th percentile of its lifters), men and women. pcb-1's multiples sit at the
# intermediate level, so a variant's ratio to its reference lift is the quotient of the two
# intermediate figures of that one table, per sex. Dumbbell figures are per dumbbell (one
# dumbbell's load, as logged); goblet squat and pullover use their one weight.
# Figures as published (the "broad" bodyweight ratios; page slugs are Strength Level's).
STRENGTH_LEVEL = "Strength Level"
STRENGTH_LEVEL_URL = "https://strengthlevel.com/strength-standards/"
# Strength Level page slug -> intermediate 1RM / bodyweight (male, female)
STRENGTH_LEVEL_INTERMEDIATE: Mapping[str, tuple[float, float]] = MappingProxyType(
    {
        # the pcb-1 reference lifts
        "squat": (1.75, 1.25),
        "deadlift": (2.0, 1.5),
        "hip-thrust": (1.75, 1.75),
        "bench-press": (1.25, 0.75),
        "shoulder-press": (0.8, 0.5),
        "bent-over-row": (1.0, 0.7),
        # anterior, upper: presses and flies
        "incline-bench-press": (1.0, 0.65),
        "decline-bench-press": (1.25, 0.75),
        "close-grip-bench-press": (1.25, 0.75),
        "floor-press": (1.25, 0.7),
        "smith-machine-bench-press": (1.25, 0.7),
        "dumbbell-bench-press": (0.5, 0.3),
        "incline-dumbbell-bench-press": (0.5, 0.3),
        "decline-dumbbell-bench-press": (0.45, 0.35),
        "dumbbell-floor-press": (0.45, 0.3),
        "chest-press": (1.0, 0.55),
        "machine-chest-fly": (1.0, 0.6),
        "dumbbell-fly": (0.3, 0.2),
        "incline-dumbbell-fly": (0.3, 0.2),
        "cable-fly": (0.45, 0.3),
        "seated-dip-machine": (1.5, 1.0),
        "seated-shoulder-press": (1.0, 0.5),
        "dumbbell-shoulder-press": (0.4, 0.25),
        "seated-dumbbell-shoulder-press": (0.4, 0.25),
        "machine-shoulder-press": (1.0, 0.5),
        "arnold-press": (0.3, 0.2),
        "push-press": (1.0, 0.7),
        "dumbbell-front-raise": (0.2, 0.15),
        # anterior, lower: squats, presses, extensions
        "smith-machine-squat": (1.5, 1.0),
        "hack-squat": (2.0, 1.5),
        "sled-leg-press": (2.75, 2.25),
        "goblet-squat": (0.55, 0.4),
        "dumbbell-squat": (0.45, 0.35),
        "box-squat": (2.0, 1.25),
        "zercher-squat": (1.5, 1.0),
        "leg-extension": (1.25, 1.0),
        # posterior, lower: hinges, calves, hip abduction
        "romanian-deadlift": (1.5, 1.0),
        "dumbbell-romanian-deadlift": (0.55, 0.45),
        "sumo-deadlift": (2.25, 1.5),
        "hex-bar-deadlift": (2.0, 1.5),
        "stiff-leg-deadlift": (1.5, 1.0),
        "dumbbell-deadlift": (0.55, 0.4),
        "good-morning": (1.0, 0.7),
        "rack-pull": (2.25, 1.75),
        "cable-pull-through": (0.75, 0.65),
        "machine-calf-raise": (1.75, 1.25),
        "seated-calf-raise": (1.25, 1.0),
        "barbell-calf-raise": (1.5, 1.25),
        "hip-abduction": (1.25, 1.0),
        # posterior, upper: pulldowns, rows, shrugs, reverse flies
        "lat-pulldown": (1.0, 0.75),
        "reverse-grip-lat-pulldown": (1.25, 0.8),
        "straight-arm-pulldown": (0.65, 0.45),
        "seated-cable-row": (1.0, 0.75),
        "machine-row": (1.25, 0.75),
        "dumbbell-row": (0.55, 0.35),
        "chest-supported-dumbbell-row": (0.45, 0.35),
        "pendlay-row": (1.25, 0.8),
        "t-bar-row": (1.0, 0.7),
        "face-pull": (0.6, 0.5),
        "barbell-shrug": (1.5, 1.0),
        "dumbbell-shrug": (0.55, 0.4),
        "cable-reverse-fly": (0.3, 0.2),
        "dumbbell-pullover": (0.45, 0.3),
    }
)
# The pcb-1 reference lift -> its Strength Level page.
_REFERENCE_PAGE: Mapping[str, str] = MappingProxyType(
    {
        "back_squat": "squat",
        "deadlift": "deadlift",
        "hip_thrust": "hip-thrust",
        "bench_press": "bench-press",
        "overhead_press": "shoulder-press",
        "barbell_row": "bent-over-row",
    }
)


def from_strength_level(exercise: str, page: str, reference: str) -> LiftRow:
    """A variant's row from Strength Level's intermediate figures for it and its reference."""
    reference_page = _REFERENCE_PAGE[reference]
    male, female = STRENGTH_LEVEL_INTERMEDIATE[page]
    ref_male, ref_female = STRENGTH_LEVEL_INTERMEDIATE[reference_page]
    source = (
        f"{STRENGTH_LEVEL}, {STRENGTH_LEVEL_URL}{page} and {STRENGTH_LEVEL_URL}{reference_page}: "
        f"intermediate 1RM/bodyweight {male:g} vs {ref_male:g} (men), "
        f"{female:g} vs {ref_female:g} (women)"
    )
    return derived(exercise, reference, male / ref_male, female / ref_female, source)


# (catalog slug, Strength Level page, pcb-1 reference lift). Left out on purpose: catalog rows
# whose names cover equipment the source scores differently (leg_curl: lying and seated;
# rear_delt_fly: dumbbell, cable and machine; lunge and bulgarian_split_squat: any load), and
# exercises the source has no page for (hip thrust machine, ...). They still count for volume.
_VARIANTS: tuple[tuple[str, str, str], ...] = (
    ("incline_bench_press", "incline-bench-press", "bench_press"),
    ("decline_bench_press_barbell", "decline-bench-press", "bench_press"),
    ("bench_press_close_grip_barbell", "close-grip-bench-press", "bench_press"),
    ("floor_press_barbell", "floor-press", "bench_press"),
    ("bench_press_smith_machine", "smith-machine-bench-press", "bench_press"),
    ("dumbbell_bench_press", "dumbbell-bench-press", "bench_press"),
    ("incline_bench_press_dumbbell", "incline-dumbbell-bench-press", "bench_press"),
    ("decline_bench_press_dumbbell", "decline-dumbbell-bench-press", "bench_press"),
    ("floor_press_dumbbell", "dumbbell-floor-press", "bench_press"),
    ("chest_press_machine", "chest-press", "bench_press"),
    ("chest_fly_machine", "machine-chest-fly", "bench_press"),
    ("pec_deck_machine", "machine-chest-fly", "bench_press"),
    ("chest_fly_dumbbell", "dumbbell-fly", "bench_press"),
    ("incline_chest_fly_dumbbell", "incline-dumbbell-fly", "bench_press"),
    ("cable_fly", "cable-fly", "bench_press"),
    ("seated_dip_machine", "seated-dip-machine", "bench_press"),
    ("seated_overhead_press_barbell", "seated-shoulder-press", "overhead_press"),
    ("overhead_press_dumbbell", "dumbbell-shoulder-press", "overhead_press"),
    ("seated_overhead_press_dumbbell", "seated-dumbbell-shoulder-press", "overhead_press"),
    ("shoulder_press_machine", "machine-shoulder-press", "overhead_press"),
    ("arnold_press_dumbbell", "arnold-press", "overhead_press"),
    ("push_press", "push-press", "overhead_press"),
    ("front_raise_dumbbell", "dumbbell-front-raise", "overhead_press"),
    ("squat_smith_machine", "smith-machine-squat", "back_squat"),
    ("hack_squat", "hack-squat", "back_squat"),
    ("leg_press", "sled-leg-press", "back_squat"),
    ("goblet_squat", "goblet-squat", "back_squat"),
    ("squat_dumbbell", "dumbbell-squat", "back_squat"),
    ("box_squat_barbell", "box-squat", "back_squat"),
    ("zercher_squat_barbell", "zercher-squat", "back_squat"),
    ("leg_extension", "leg-extension", "back_squat"),
    ("romanian_deadlift", "romanian-deadlift", "deadlift"),
    ("romanian_deadlift_dumbbell", "dumbbell-romanian-deadlift", "deadlift"),
    ("sumo_deadlift", "sumo-deadlift", "deadlift"),
    ("trap_bar_deadlift", "hex-bar-deadlift", "deadlift"),
    ("stiff_leg_deadlift_barbell", "stiff-leg-deadlift", "deadlift"),
    ("deadlift_dumbbell", "dumbbell-deadlift", "deadlift"),
    ("good_morning", "good-morning", "deadlift"),
    ("rack_pull", "rack-pull", "deadlift"),
    ("cable_pull_through", "cable-pull-through", "deadlift"),
    ("standing_calf_raise_machine", "machine-calf-raise", "deadlift"),
    ("seated_calf_raise_machine", "seated-calf-raise", "deadlift"),
    ("standing_calf_raise_barbell", "barbell-calf-raise", "deadlift"),
    ("hip_abductor_machine", "hip-abduction", "hip_thrust"),
    ("lat_pulldown", "lat-pulldown", "barbell_row"),
    ("reverse_grip_lat_pulldown_cable", "reverse-grip-lat-pulldown", "barbell_row"),
    ("lat_pulldown_underhand_cable", "reverse-grip-lat-pulldown", "barbell_row"),
    ("straight_arm_lat_pulldown_cable", "straight-arm-pulldown", "barbell_row"),
    ("seated_row", "seated-cable-row", "barbell_row"),
    ("seated_row_machine", "machine-row", "barbell_row"),
    ("dumbbell_row", "dumbbell-row", "barbell_row"),
    ("chest_supported_incline_row_dumbbell", "chest-supported-dumbbell-row", "barbell_row"),
    ("pendlay_row_barbell", "pendlay-row", "barbell_row"),
    ("t_bar_row", "t-bar-row", "barbell_row"),
    ("face_pull", "face-pull", "barbell_row"),
    ("shrug_barbell", "barbell-shrug", "barbell_row"),
    ("shrug_dumbbell", "dumbbell-shrug", "barbell_row"),
    ("rear_delt_reverse_fly_cable", "cable-reverse-fly", "barbell_row"),
    ("pullover_dumbbell", "dumbbell-pullover", "barbell_row"),
)

# The ten pcb-1 rows, then the variants whose ratio to a pcb-1 lift a single published source
# gives for both sexes (add a row only with that source; `derived` computes the multiples).
LIFTS: tuple[LiftRow, ...] = tuple(_pcb_1_row(spec) for spec in PCB_1.lifts.values()) + tuple(
    from_strength_level(*variant) for variant in _VARIANTS
)


def load_model_of(row: LiftRow, method: Method = PCB_1) -> LoadModel:
    """The e1RM load model that computes `L` for a row (BALANCE_METHOD §1, §10).

    The e1RM code knows L = bodyweight + added and L = 0.64 · bodyweight + added (the push-up,
    with its rep cap); a row with another fraction needs that code to learn it first."""
    if row.load_rule == "external":
        return "external"
    if row.fraction == 1.0:
        return "bodyweight"
    if row.fraction == method.push_up_bodyweight_fraction:
        return "push_up"
    raise ValueError(f"{row.exercise}: no load model for a bodyweight fraction of {row.fraction}")


def _spec(row: LiftRow) -> LiftSpec:
    return LiftSpec(
        row.exercise,
        row.chain,
        row.region,
        row.m_male,
        row.m_female,
        load_model_of(row),
        derivation=row.source,
    )


# pcb-2 keeps every pcb-1 formula and constant (§10); only its lifts table grows.
PCB_2: Method = replace(
    PCB_1,
    method_id=PCB_2_ID,
    lifts=MappingProxyType({row.exercise: _spec(row) for row in LIFTS}),
)


def lifts_as_dicts(rows: tuple[LiftRow, ...] = LIFTS) -> list[dict[str, Any]]:
    """The whole lifts table as JSON-ready rows, in table order."""
    return [row.as_dict() for row in rows]
