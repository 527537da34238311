"""The balance snapshot at a date: B = P / A, its regions and the lifts behind it (§4)."""

from __future__ import annotations

from datetime import date, timedelta

from api.analytics import balance as balance_core
from api.analytics.constants import get_method
from api.policy import Access
from api.schemas import analytics as schemas
from api.services.analytics.loader import Inputs, Loader, Owner, answer_json, today


def _region(score: balance_core.RegionScore) -> schemas.RegionBalance:
    return schemas.RegionBalance(
        index=score.index,
        posterior=score.posterior,
        anterior=score.anterior,
        band=score.band,
        marked=score.marked,
        missing=list(score.missing),
    )


def balance_from(inputs: Inputs, owner: Owner, at: date) -> schemas.BalanceRead:
    """The snapshot at `at` from loaded inputs (the balance and the summary share it)."""
    snap = balance_core.snapshot(
        inputs.estimates,
        at,
        sex=owner.sex,
        bodyweight_kg=inputs.timeline.on_date(at, inputs.tz),
        method=inputs.method,
    )
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
            if e.reason in ("no_bodyweight", "non_positive_load") and e.local_date <= at
        ],
    )


def _balance(loader: Loader, at: date | None) -> schemas.BalanceRead:
    at = at or today(loader.owner)
    window_start = at - timedelta(days=get_method().window_days - 1)
    inputs, _ = loader.candidates(first=window_start, last=at)
    return balance_from(inputs, loader.owner, at)


def balance_json(access: Access, *, at: date | None) -> str:
    """The balance snapshot at a local date (default: the owner's today)."""
    return answer_json(
        access, "balance", lambda loader: _balance(loader, at), uses_pain=False, date_to=at
    )
