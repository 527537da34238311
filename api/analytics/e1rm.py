"""Estimated one-rep max of logged sets (BALANCE_METHOD §1)."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from typing import Literal, NamedTuple

from api.analytics.constants import PCB_1, LoadModel, Method

# Why a set has no counted e1RM. "not_scored": the e1RM exists but the lift has no reference
# multiple, so it is listed and never enters a score (§2).
SetReason = Literal[
    "unknown_lift", "warmup", "no_reps", "no_bodyweight", "non_positive_load", "not_scored"
]

WARMUP_SET_TYPE = "warmup"


class SetInput(NamedTuple):
    """One logged set; `load_kg` is the added load for bodyweight lifts (negative if assisted).

    A tuple: cheap to build, and its fields as a plain tuple are what callers may keep (a
    plain tuple of such values is not tracked by the garbage collector)."""

    set_id: str
    lift: str
    performed_at: datetime  # aware
    local_date: date  # calendar date in the profile time zone (§4)
    set_type: str
    reps: int
    load_kg: float


@dataclass(frozen=True, slots=True)
class BodyweightInput:
    """One bodyweight entry."""

    measured_at: datetime  # aware
    weight_kg: float


class SetEstimate(NamedTuple):
    """The e1RM of one set, or the reason it has none.

    A tuple, as `SetInput` is: a recomputed answer builds one per held candidate, and a
    tuple is built in a sixth of a frozen dataclass's time (bench/RESULTS.md)."""

    set_id: str
    lift: str
    local_date: date
    reps: int
    effective_load_kg: float | None
    bodyweight_kg: float | None
    e1rm_kg: float | None
    extrapolated: bool
    reason: SetReason | None

    @property
    def is_counted(self) -> bool:
        """Whether the set enters a balance score."""
        return self.reason is None


@dataclass(frozen=True, slots=True)
class BodyweightTimeline:
    """Bodyweight entries sorted once, for O(log n) lookups (BALANCE_METHOD §1)."""

    instants: tuple[datetime, ...]
    weights_kg: tuple[float, ...]
    profile_bodyweight_kg: float | None
    match_window: timedelta

    @classmethod
    def build(
        cls,
        entries: Iterable[BodyweightInput],
        profile_bodyweight_kg: float | None,
        method: Method = PCB_1,
    ) -> BodyweightTimeline:
        """Sort the entries once."""
        ordered = sorted(entries, key=lambda e: e.measured_at)
        return cls(
            instants=tuple(e.measured_at for e in ordered),
            weights_kg=tuple(e.weight_kg for e in ordered),
            profile_bodyweight_kg=profile_bodyweight_kg,
            match_window=timedelta(days=method.bodyweight_match_days),
        )

    def at(self, instant: datetime) -> float | None:
        """Closest entry within ±window, else the latest before, else the profile's, else None."""
        i = bisect_right(self.instants, instant)  # instants[:i] <= instant < instants[i:]
        gap_before = instant - self.instants[i - 1] if i > 0 else None
        gap_after = self.instants[i] - instant if i < len(self.instants) else None
        # The closer neighbour within the window; on a tie the earlier one, known at the time.
        if gap_before is not None and gap_before <= self.match_window:
            if gap_after is None or gap_before <= gap_after:
                return self.weights_kg[i - 1]
            return self.weights_kg[i]
        if gap_after is not None and gap_after <= self.match_window:
            return self.weights_kg[i]
        if gap_before is not None:
            return self.weights_kg[i - 1]
        return self.profile_bodyweight_kg

    def on_date(self, day: date, tz: tzinfo) -> float | None:
        """The bodyweight in force at the end of a local calendar date (BALANCE_METHOD §2, §4)."""
        return self.at(datetime.combine(day, time.max, tzinfo=tz))


def effective_load_kg(
    load_model: LoadModel, load_kg: float, bodyweight_kg: float | None, method: Method = PCB_1
) -> float | None:
    """Effective load L of a set; None when the lift needs a bodyweight and there is none (§1)."""
    if load_model == "external":
        return load_kg
    if bodyweight_kg is None:
        return None
    if load_model == "push_up":
        return method.push_up_bodyweight_fraction * bodyweight_kg + load_kg
    return bodyweight_kg + load_kg


def epley_e1rm(effective_load: float, reps: int, rep_cap: int) -> float:
    """Epley (1985) e1RM with reps capped; one rep is the load itself (§1)."""
    if reps == 1:
        return effective_load
    return effective_load * (1 + min(reps, rep_cap) / 30)


def estimate_set(
    set_: SetInput, bodyweight_kg: float | None, method: Method = PCB_1
) -> SetEstimate:
    """The e1RM of one set given the bodyweight in force for it, or why it has none."""
    spec = method.lifts.get(set_.lift)
    reps = set_.reps
    reason: SetReason | None = None
    load: float | None = None
    e1rm: float | None = None
    if spec is None:
        reason = "unknown_lift"
    elif set_.set_type == WARMUP_SET_TYPE:
        reason = "warmup"
    elif reps < 1:
        reason = "no_reps"
    else:
        load = effective_load_kg(spec.load_model, set_.load_kg, bodyweight_kg, method)
        if load is None:
            reason = "no_bodyweight"
        elif not load > 0:  # also rejects NaN
            reason = "non_positive_load"
        else:
            cap = method.push_up_rep_cap if spec.load_model == "push_up" else method.epley_rep_cap
            e1rm = epley_e1rm(load, reps, cap)
            if not spec.is_scored:
                reason = "not_scored"
    return SetEstimate(
        set_.set_id,
        set_.lift,
        set_.local_date,
        reps,
        load,
        bodyweight_kg if spec is not None and spec.load_model != "external" else None,
        e1rm,
        e1rm is not None and reps > method.extrapolated_above_reps,
        reason,
    )


def estimate_sets(
    sets: Sequence[SetInput],
    bodyweights: Iterable[BodyweightInput],
    profile_bodyweight_kg: float | None,
    method: Method = PCB_1,
) -> list[SetEstimate]:
    """The e1RM of every set, in input order; O(n log n) via one sorted bodyweight timeline."""
    timeline = BodyweightTimeline.build(bodyweights, profile_bodyweight_kg, method)
    return estimate_on(sets, timeline, method)


def estimate_on(
    sets: Sequence[SetInput], timeline: BodyweightTimeline, method: Method = PCB_1
) -> list[SetEstimate]:
    """`estimate_sets` with the bodyweight timeline already built (for estimating in parts)."""
    lifts = method.lifts
    # The sets of one workout share its instant: one timeline lookup each.
    bodyweight_at: dict[datetime, float | None] = {}
    out: list[SetEstimate] = []
    for set_ in sets:
        spec = lifts.get(set_.lift)
        bodyweight = None
        if spec is not None and spec.load_model != "external":
            instant = set_.performed_at
            if instant in bodyweight_at:
                bodyweight = bodyweight_at[instant]
            else:
                bodyweight = bodyweight_at[instant] = timeline.at(instant)
        out.append(estimate_set(set_, bodyweight, method))
    return out
