"""The balance snapshot at a date: B = P / A, its regions and the lifts behind it (§4); under
pcb-2 also the volume balance V, the coverage, the suggestions and the latest date (§§11-14)."""

from __future__ import annotations

from datetime import date, timedelta

from api.analytics import balance as balance_core
from api.analytics import volume as volume_core
from api.analytics.constants import Method
from api.analytics.volume import VOLUME
from api.errors import FieldError, InvalidInput
from api.policy import Access
from api.schemas import analytics as schemas
from api.services.analytics.loader import (
    Inputs,
    Loader,
    Owner,
    answer_json,
    method_named,
    today,
)

LATEST = "latest"


def _region(score: balance_core.RegionScore) -> schemas.RegionBalance:
    return schemas.RegionBalance(
        index=score.index,
        posterior=score.posterior,
        anterior=score.anterior,
        band=score.band,
        marked=score.marked,
        missing=list(score.missing),
    )


def strength_at(inputs: Inputs, owner: Owner, at: date) -> balance_core.BalanceSnapshot:
    """The strength snapshot at `at` from loaded inputs (§4, §10)."""
    return balance_core.snapshot(
        inputs.estimates,
        at,
        sex=owner.sex,
        bodyweight_kg=inputs.timeline.on_date(at, inputs.tz),
        method=inputs.method,
    )


def balance_read(snap: balance_core.BalanceSnapshot, inputs: Inputs) -> schemas.BalanceRead:
    """A strength snapshot as the answer's members (both methods)."""
    at = snap.date
    first = at - timedelta(days=inputs.method.window_days - 1)
    return schemas.BalanceRead(
        method=snap.method_id,
        date=snap.date,
        reference=snap.reference,
        bodyweight_kg=snap.bodyweight_kg,
        index=snap.index,
        ln_index=snap.ln_index,
        band=snap.band,
        marked=snap.marked,
        posterior=snap.posterior,
        anterior=snap.anterior,
        regions=schemas.RegionsBalance(
            lower=_region(snap.regions["lower"]), upper=_region(snap.regions["upper"])
        ),
        lifts=[
            schemas.LiftBalance(
                lift=ls.lift,
                chain=ls.chain,
                region=ls.region,
                e1rm_kg=ls.e1rm_kg,
                normalized=ls.normalized,
                extrapolated=ls.extrapolated,
                date=ls.date,
                set_id=ls.set_id,
            )
            for ls in snap.lifts
        ],
        missing=list(snap.missing),
        excluded_sets=[
            schemas.ExcludedSet(
                set_id=e.set_id,
                lift=e.lift,
                date=e.local_date,
                reason=e.reason or "",
            )
            for e in inputs.estimates
            if e.reason in ("no_bodyweight", "non_positive_load")
            and e.local_date <= at
            # pcb-2 loads more than the window (its suggestions read 90 days)
            and (inputs.method.method_id == "pcb-1" or e.local_date >= first)
        ],
    )


def balance_from(inputs: Inputs, owner: Owner, at: date) -> schemas.BalanceRead:
    """The strength snapshot at `at` from loaded inputs (the balance and the summary)."""
    return balance_read(strength_at(inputs, owner, at), inputs)


def volume_read(volume: volume_core.VolumeBalance) -> schemas.VolumeRead:
    """V and its regions as the answer's member (§11): the schema reads the dataclass."""
    return schemas.VolumeRead.model_validate(volume, from_attributes=True)


def pcb_2_balance(
    inputs: Inputs, owner: Owner, at: date, latest: date | None
) -> schemas.BalanceRead:
    """The pcb-2 answer at `at` from inputs loaded for the 90 days ending there (§§10-14);
    `latest`: the latest counted date up to `at`, when the caller already knows it."""
    sets = inputs.classified
    snap = strength_at(inputs, owner, at)
    volume = volume_core.volume_balance(sets, at)
    scored = {e.set_id for e in inputs.estimates if e.is_counted}
    window = inputs.method.window_days
    read = balance_read(snap, inputs)
    read.volume = volume_read(volume)
    read.coverage = schemas.CoverageRead.model_validate(
        volume_core.coverage(sets, at, scored_set_ids=scored), from_attributes=True
    )
    read.suggestions = [
        schemas.SuggestionRead.model_validate(s, from_attributes=True)
        for s in volume_core.suggestions(volume, snap, sets)
    ]
    read.window_empty = not volume_core.has_counted_work(sets, at, window)
    read.latest_date = (
        volume_core.latest_counted_date(sets, on_or_before=at) if latest is None else latest
    )
    return read


# The days of sets a pcb-2 answer reads: the suggestions' 90 (more than B's and coverage's 42).
HISTORY_DAYS = VOLUME.suggestion_history_days


def _latest(loader: Loader, on_or_before: date, *, recent: bool) -> date | None:
    """The latest local date up to `on_or_before` with a counted working set (§14): from the
    last 90 days when `recent`, else (an imported history, a long break) from all history."""
    first = on_or_before - timedelta(days=HISTORY_DAYS - 1) if recent else None
    sets = loader.classified(first=first, last=on_or_before)
    found = volume_core.latest_counted_date(sets, on_or_before=on_or_before)
    return _latest(loader, on_or_before, recent=False) if found is None and recent else found


def _pcb_2(loader: Loader, at: date | str | None) -> schemas.BalanceRead:
    latest: date | None = None
    if at == LATEST:
        latest = _latest(loader, today(loader.owner), recent=True)
        day = latest or today(loader.owner)
    else:
        day = at if isinstance(at, date) else today(loader.owner)
    inputs = loader.estimates(first=day - timedelta(days=HISTORY_DAYS - 1), last=day)
    if latest is None and not volume_core.has_counted_work(inputs.classified, day, HISTORY_DAYS):
        latest = _latest(loader, day, recent=False)
    return pcb_2_balance(inputs, loader.owner, day, latest)


def _pcb_1(loader: Loader, at: date | str | None) -> schemas.BalanceRead:
    if at == LATEST:  # the same date as pcb-2's (§14), its answer pcb-1's
        at = _latest(loader, today(loader.owner), recent=True)
    at = at if isinstance(at, date) else today(loader.owner)
    window_start = at - timedelta(days=loader.method.window_days - 1)
    inputs, _ = loader.candidates(first=window_start, last=at)
    return balance_from(inputs, loader.owner, at)


def balance_json(access: Access, *, at: date | str | None, method: str = "pcb-2") -> str:
    """The balance at a local date (default: the owner's today; `latest`: the latest date with
    a counted working set, §14) under a method (default pcb-2)."""
    chosen: Method = method_named(method)
    day = at
    if isinstance(day, str) and day != LATEST:
        raise InvalidInput([FieldError("at", "must be a date (YYYY-MM-DD) or `latest`")])
    return answer_json(
        access,
        "balance",
        lambda loader: (_pcb_1 if chosen.method_id == "pcb-1" else _pcb_2)(loader, day),
        uses_pain=False,
        date_to=day if isinstance(day, date) else None,
        option=LATEST if day == LATEST else None,
        method=chosen,
        exclude_unset=chosen.method_id == "pcb-1",
    )
