"""The versioned constants table of the balance method (BALANCE_METHOD.md, method id pcb-1).

Every number the analytics use lives here, so a response can name the method version it used and
a caller can override one value with `dataclasses.replace(get_method("pcb-1"), window_days=56)`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field, fields, replace
from types import MappingProxyType
from typing import Any, Literal

Chain = Literal["posterior", "anterior"]
Region = Literal["lower", "upper"]
# How the logged load becomes the effective load L (BALANCE_METHOD §1): "external" L = load,
# "bodyweight" L = bodyweight + added (assisted: added < 0), "push_up" L = fraction·bw + added.
LoadModel = Literal["external", "bodyweight", "push_up"]
Reference = Literal["male", "female", "default"]

CHAINS: tuple[Chain, ...] = ("posterior", "anterior")
REGIONS: tuple[Region, ...] = ("lower", "upper")
LOAD_MODELS: tuple[LoadModel, ...] = ("external", "bodyweight", "push_up")


@dataclass(frozen=True, slots=True)
class LiftSpec:
    """One lift of the method: its chain, region, reference multiples and load model."""

    slug: str
    chain: Chain
    region: Region
    multiple_male: float | None
    multiple_female: float | None
    load_model: LoadModel = "external"
    derivation: str = ""

    def __post_init__(self) -> None:
        if self.chain not in CHAINS:
            raise ValueError(f"chain must be one of {CHAINS}, got {self.chain!r}")
        if self.region not in REGIONS:
            raise ValueError(f"region must be one of {REGIONS}, got {self.region!r}")
        if self.load_model not in LOAD_MODELS:
            raise ValueError(f"load_model must be one of {LOAD_MODELS}, got {self.load_model!r}")
        if (self.multiple_male is None) != (self.multiple_female is None):
            raise ValueError("multiple_male and multiple_female are both set or both None")
        for multiple in (self.multiple_male, self.multiple_female):
            if multiple is not None and not multiple > 0:
                raise ValueError("a reference multiple must be > 0")

    @property
    def is_scored(self) -> bool:
        """Whether the lift has a reference multiple (else listed, not scored: §2)."""
        return self.multiple_male is not None

    def multiple(self, reference: Reference) -> float | None:
        """The reference multiple m for a reference table (default uses the male table, §2)."""
        return self.multiple_female if reference == "female" else self.multiple_male


@dataclass(frozen=True, slots=True)
class Method:
    """Every constant of one version of the balance method."""

    method_id: str
    # §1 e1RM
    bodyweight_match_days: int
    epley_rep_cap: int
    push_up_rep_cap: int
    extrapolated_above_reps: int
    push_up_bodyweight_fraction: float
    # §2 lifts, keyed by slug; excluded from the hash because a mapping is not hashable
    lifts: Mapping[str, LiftSpec] = field(hash=False)
    # §3 bands
    band_low: float
    band_high: float
    marked_low: float
    marked_high: float
    # §4 snapshots
    window_days: int
    # §5 trend
    trend_min_points: int
    trend_min_span_days: float
    stable_threshold: float
    ewma_half_life_days: float
    slope_scale_days: float
    alpha: float
    kendall_exact_max_n: int
    # §6 pain: (band, lowest score, highest score), NPRS 0-10
    pain_bands: tuple[tuple[str, int, int], ...]
    pain_regions: tuple[str, ...]
    important_change_points: int
    important_change_fraction: float
    # §7 association
    association_lags_days: tuple[int, ...]
    association_window_days: int
    association_min_pairs: int
    exact_permutation_max_n: int
    association_default_region: str
    # Backchain's own thresholds (not in BALANCE_METHOD): stable bands for non-balance series
    # and the trainer flags of the summary.
    benchmark_stable_fraction: float  # |slope_4w| below this share of the median e1RM: stable
    pain_stable_points: float  # |slope_4w| below this many NPRS points: stable
    summary_trend_days: int  # the summary's balance direction uses this many recent days
    pain_high_score: int  # flag pain_high: a score at or above this ...
    pain_high_days: int  # ... within this many days
    pain_rising_days: int  # flag pain_rising: a clinically important rise within these days
    inactive_days: int  # flag inactive: no workout for this many days


def _lifts(*specs: LiftSpec) -> Mapping[str, LiftSpec]:
    return MappingProxyType({spec.slug: spec for spec in specs})


# BALANCE_METHOD §2. Multiples are the intermediate level relative to bodyweight; derived ones are
# written out as the table prints them, the rep-based ones are computed from their rep norms.
_PCB_1_LIFTS = _lifts(
    LiftSpec("back_squat", "anterior", "lower", 1.50, 1.25, derivation="strength standards"),
    LiftSpec("front_squat", "anterior", "lower", 1.275, 1.0625, derivation="0.85 x back squat"),
    LiftSpec("deadlift", "posterior", "lower", 1.875, 1.5625, derivation="1.25 x back squat"),
    LiftSpec("hip_thrust", "posterior", "lower", 1.875, 1.5625, derivation="1.25 x back squat"),
    LiftSpec("bench_press", "anterior", "upper", 1.00, 0.70, derivation="strength standards"),
    LiftSpec("overhead_press", "anterior", "upper", 0.65, 0.455, derivation="0.65 x bench"),
    LiftSpec(
        "push_up",
        "anterior",
        "upper",
        0.64 * (1 + 22 / 30),
        0.64 * (1 + 15 / 30),
        load_model="push_up",
        derivation="22 / 15 reps norms (CSEP) at 0.64 x bodyweight",
    ),
    LiftSpec("barbell_row", "posterior", "upper", 0.80, 0.56, derivation="0.80 x bench"),
    LiftSpec(
        "pull_up",
        "posterior",
        "upper",
        1 + 10 / 30,
        1 + 6 / 30,
        load_model="bodyweight",
        derivation="10 / 6 reps at bodyweight",
    ),
    LiftSpec(
        "chin_up",
        "posterior",
        "upper",
        1 + 10 / 30,
        1 + 6 / 30,
        load_model="bodyweight",
        derivation="10 / 6 reps at bodyweight",
    ),
)

PCB_1 = Method(
    method_id="pcb-1",
    bodyweight_match_days=28,
    epley_rep_cap=12,
    push_up_rep_cap=30,
    extrapolated_above_reps=10,
    push_up_bodyweight_fraction=0.64,  # Ebben et al. 2011, JSCR 25(10)
    lifts=_PCB_1_LIFTS,
    band_low=0.90,
    band_high=1.10,
    marked_low=0.80,
    marked_high=1.25,
    window_days=42,
    trend_min_points=4,
    trend_min_span_days=28,
    stable_threshold=0.02,
    ewma_half_life_days=28,
    slope_scale_days=28,
    alpha=0.05,
    kendall_exact_max_n=10,
    pain_bands=(("none", 0, 0), ("mild", 1, 3), ("moderate", 4, 6), ("severe", 7, 10)),
    # Nordic Musculoskeletal Questionnaire sites (BALANCE_METHOD §6)
    pain_regions=(
        "neck",
        "shoulder",
        "upper_back",
        "elbow",
        "wrist_hand",
        "low_back",
        "hip_thigh",
        "knee",
        "ankle_foot",
    ),
    important_change_points=2,  # Farrar 2001; Ostelo 2008
    important_change_fraction=0.30,
    association_lags_days=(0, 14, 28),
    association_window_days=42,
    association_min_pairs=5,
    exact_permutation_max_n=10,
    association_default_region="low_back",
    benchmark_stable_fraction=0.01,
    pain_stable_points=0.5,
    summary_trend_days=84,
    pain_high_score=7,
    pain_high_days=7,
    pain_rising_days=28,
    inactive_days=14,
)

METHODS: dict[str, Method] = {PCB_1.method_id: PCB_1}
DEFAULT_METHOD_ID = PCB_1.method_id


def get_method(method_id: str = DEFAULT_METHOD_ID) -> Method:
    """The method with this id; KeyError names the known ids when there is none."""
    try:
        return METHODS[method_id]
    except KeyError:
        raise KeyError(f"unknown method {method_id!r}; known: {sorted(METHODS)}") from None


def custom_lift(
    slug: str,
    chain: Chain,
    region: Region,
    multiple: float | None = None,
    load_model: LoadModel = "external",
) -> LiftSpec:
    """A user's custom lift; without a multiple it is listed but not scored (BALANCE_METHOD §2)."""
    return LiftSpec(slug, chain, region, multiple, multiple, load_model, derivation="custom")


def with_custom_lifts(method: Method, custom: Iterable[LiftSpec]) -> Method:
    """The method with extra lift specs added; a custom lift may not replace a method lift."""
    lifts = dict(method.lifts)
    for spec in custom:
        if spec.slug in method.lifts:
            raise ValueError(f"custom lift {spec.slug!r} would replace a {method.method_id} lift")
        lifts[spec.slug] = spec
    return replace(method, lifts=MappingProxyType(lifts))


def method_as_dict(method: Method) -> dict[str, Any]:
    """The method as JSON-ready data (lists, dicts, str, int, float)."""
    out: dict[str, Any] = {}
    for f in fields(method):
        value = getattr(method, f.name)
        if f.name == "lifts":
            out[f.name] = {slug: asdict(spec) for slug, spec in value.items()}
        elif f.name == "pain_bands":
            out[f.name] = [{"band": b, "min": lo, "max": hi} for b, lo, hi in value]
        elif isinstance(value, tuple):
            out[f.name] = list(value)
        else:
            out[f.name] = value
    return out
