"""The pcb-2 lifts table and method (BALANCE_METHOD §10).

Every scored exercise of pcb-2 has a load rule (`external`: L = load; `bodyweight` with a
fraction f: L = f · bodyweight + added) and reference multiples on the pcb-1 scale: the pcb-1
multiple of its reference lift times a ratio between the two taken from *one* published source
that lists both. No source, no multiple: such an exercise is not in this table, yet it still
counts for volume (§11) through its catalog class. The table is data, published whole at
`GET /v1/methods/pcb-2` so a client can recompute every figure.
"""

from __future__ import annotations

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


# The ten pcb-1 rows, then the variants whose ratio to a pcb-1 lift a single published source
# gives for both sexes (add a row only with that source; `derived` computes the multiples).
LIFTS: tuple[LiftRow, ...] = tuple(_pcb_1_row(spec) for spec in PCB_1.lifts.values())


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
