"""Best e1RM per lift and day, the latest and the all-time best, and their trend."""

from __future__ import annotations

import statistics
from collections import defaultdict
from datetime import date
from typing import Any

from sqlmodel import Session

from api.analytics import trend as trend_core
from api.analytics.e1rm import SetEstimate
from api.errors import FieldError, InvalidInput
from api.policy import Access
from api.schemas import analytics as schemas
from api.services.analytics.loader import Loader, Owner, answer_json, check_range, uncached
from api.services.analytics.trend import trend_read

FIRST_CLASS_LIFTS = ("deadlift", "hip_thrust", "pull_up")


def _benchmarks(
    loader: Loader, lift: str | None, date_from: date | None, date_to: date | None
) -> schemas.BenchmarksRead:
    inputs = loader.estimates(first=None, last=None)
    method = inputs.method
    daily: dict[str, dict[date, SetEstimate]] = defaultdict(dict)
    for e in inputs.estimates:
        if e.e1rm_kg is None or e.reason not in (None, "not_scored"):
            continue
        best = daily[e.lift].get(e.local_date)
        if best is None or (best.e1rm_kg or 0.0) < e.e1rm_kg:
            daily[e.lift][e.local_date] = e
    scored = [slug for slug, spec in method.lifts.items() if spec.is_scored]
    order = list(FIRST_CLASS_LIFTS) + sorted(
        s for s in daily if s not in FIRST_CLASS_LIFTS and (s in scored or s in method.lifts)
    )
    if lift is not None:
        if lift not in method.lifts:
            raise InvalidInput([FieldError("lift", f"not a lift of {method.method_id}: {lift!r}")])
        order = [lift]
    answers = []
    for slug in order:
        spec = method.lifts[slug]
        days = sorted(daily.get(slug, {}).items())
        all_time = max(days, key=lambda item: (item[1].e1rm_kg or 0.0, item[0]), default=None)
        in_range = [
            (d, e)
            for d, e in days
            if (date_from is None or d >= date_from) and (date_to is None or d <= date_to)
        ]
        origin = in_range[0][0] if in_range else None
        values = [e.e1rm_kg or 0.0 for _, e in in_range]
        fit = trend_core.trend(
            [((d - origin).days, e.e1rm_kg or 0.0) for d, e in in_range] if origin else [],
            method,
            center=None,
            directions=trend_core.VALUE_DIRECTIONS,
            stable_threshold=method.benchmark_stable_fraction * statistics.median(values)
            if values
            else None,
        )
        strict_reps = None
        if spec.load_model == "bodyweight":
            strict = [
                s.reps
                for s in inputs.sets.values()
                if s.lift == slug and s.set_type != "warmup" and s.load_kg == 0
            ]
            strict_reps = max(strict, default=None)
        answers.append(
            schemas.LiftBenchmark(
                lift=slug,
                chain=spec.chain,
                region=spec.region,
                points=[
                    schemas.E1rmPoint(
                        date=d,
                        e1rm_kg=e.e1rm_kg or 0.0,
                        set_id=e.set_id,
                        extrapolated=e.extrapolated,
                    )
                    for d, e in in_range
                ],
                latest=schemas.DatedValue(
                    date=in_range[-1][0], e1rm_kg=in_range[-1][1].e1rm_kg or 0.0
                )
                if in_range
                else None,
                best=schemas.DatedValue(date=all_time[0], e1rm_kg=all_time[1].e1rm_kg or 0.0)
                if all_time
                else None,
                trend=trend_read(fit),
                best_strict_reps=strict_reps,
            )
        )
    return schemas.BenchmarksRead(method=method.method_id, lifts=answers)


def benchmarks_json(
    access: Access, *, lift: str | None, date_from: date | None, date_to: date | None
) -> str:
    """Per-lift best e1RM per day, latest, all-time best and trend."""
    return answer_json(
        access,
        "benchmarks",
        lambda loader: _benchmarks(loader, lift, date_from, date_to),
        uses_pain=False,
        date_from=date_from,
        date_to=date_to,
        option=lift,
    )


def daily_bests(
    session: Session, owner: Owner, *, date_from: date | None, date_to: date | None
) -> list[dict[str, Any]]:
    """Best e1RM per lift and local date (the `benchmarks` export), by date then lift."""
    check_range(date_from, date_to)
    data = _benchmarks(uncached(session, owner.id), None, date_from, date_to)
    rows = [
        {
            "date": point.date,
            "lift": lift.lift,
            "chain": lift.chain,
            "region": lift.region,
            "e1rm_kg": point.e1rm_kg,
            "extrapolated": point.extrapolated,
            "set_id": point.set_id,
        }
        for lift in data.lifts
        for point in lift.points
    ]
    return sorted(rows, key=lambda r: (r["date"], r["lift"]))
