"""The summary (pcb-2): latest balance, volume balance, recent direction, latest pain per
region and the flags a trainer watches; for one owner or a roster of them."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlmodel import Session

from api.analytics import pain as pain_core
from api.analytics import volume as volume_core
from api.analytics.constants import Method, get_method
from api.analytics.volume import VolumeBalance
from api.policy import Access
from api.schemas import analytics as schemas
from api.services.analytics.balance import balance_from
from api.services.analytics.loader import (
    DEFAULT_METHOD,
    Inputs,
    Loader,
    Owner,
    answer_json,
    inputs_of,
    today,
)
from api.services.analytics.trend import point, series_from, trend_of_points
from db.queries import analytics as analytics_queries


def _flags(
    method: Method,
    snapshot: schemas.BalanceRead,
    volume: VolumeBalance,
    fit: schemas.TrendRead,
    pain_rows: Sequence[Any],
    last_workout: datetime | None,
) -> list[schemas.Flag]:
    now = datetime.now(UTC)
    flags: list[schemas.Flag] = []
    recent_high = [
        r
        for r in pain_rows
        if r.score >= method.pain_high_score
        and now - r.recorded_at <= timedelta(days=method.pain_high_days)
    ]
    if recent_high:
        worst = max(recent_high, key=lambda r: r.score)
        flags.append(
            schemas.Flag(
                code="pain_high",
                detail=f"{worst.region.replace('_', ' ')} pain {worst.score}/10 within the last "
                f"{method.pain_high_days} days",
            )
        )
    by_site: dict[tuple[str, str | None], list[Any]] = defaultdict(list)
    for r in pain_rows:
        if now - r.recorded_at <= timedelta(days=method.pain_rising_days):
            by_site[(r.region, r.side)].append(r)
    rising = []
    for (reg, _side), entries in by_site.items():
        change = pain_core.pain_change(entries[0].score, entries[-1].score, method)
        if change.clinically_important and change.direction == "worsened":
            rising.append(f"{reg.replace('_', ' ')} {entries[0].score}→{entries[-1].score}")
    if rising:
        flags.append(
            schemas.Flag(
                code="pain_rising",
                detail=f"clinically important rise in the last {method.pain_rising_days} days: "
                + ", ".join(sorted(rising)),
            )
        )
    if snapshot.marked:
        flags.append(
            schemas.Flag(
                code="marked_imbalance",
                detail=f"balance index {snapshot.index:.2f} is outside "
                f"{method.marked_low}–{method.marked_high}",
            )
        )
    if volume.marked:
        flags.append(
            schemas.Flag(
                code="volume_marked",
                detail=f"volume balance {volume.index:.2f} (posterior / anterior working sets, "
                f"{volume.window_days} days) is outside {method.marked_low}–{method.marked_high}",
            )
        )
    if last_workout is None or now - last_workout > timedelta(days=method.inactive_days):
        flags.append(
            schemas.Flag(
                code="inactive",
                detail="no workout logged yet"
                if last_workout is None
                else f"no workout for {(now - last_workout).days} days",
            )
        )
    if (
        fit.status == "ok"
        and fit.significant
        and fit.toward_balance is False
        and fit.direction != "stable"
    ):
        flags.append(
            schemas.Flag(
                code="worsening",
                detail=f"balance moving away from 1.0 ({fit.slope_4w:+.3f} per 4 weeks, "
                f"p={fit.p_value:.3f})",
            )
        )
    return flags


def _summary_from(
    owner: Owner, inputs: Inputs, pain_rows: Sequence[Any], last_workout: datetime | None
) -> schemas.SummaryRead:
    """The summary from already-loaded rows: the summary endpoint and the roster share it."""
    method = get_method()
    day = today(owner)
    snapshot = balance_from(inputs, owner, day)
    volume = volume_core.volume_balance(inputs.classified, day)
    since = day - timedelta(days=method.summary_trend_days)
    series = [point(s) for s in series_from(inputs, owner, since, day)]
    recent = trend_of_points(series, inputs.method, since, day)
    latest: dict[tuple[str, str | None], Any] = {}
    for row in pain_rows:
        latest[(row.region, row.side)] = row
    region_order = {r: i for i, r in enumerate(method.pain_regions)}
    return schemas.SummaryRead(
        method=inputs.method.method_id,
        balance=schemas.SummaryBalance(
            date=snapshot.date,
            index=snapshot.index,
            band=snapshot.band,
            marked=snapshot.marked,
            lower=snapshot.regions.lower.index,
            upper=snapshot.regions.upper.index,
            missing=snapshot.missing,
        ),
        volume=schemas.SummaryVolume(
            date=volume.date,
            index=volume.index,
            band=volume.band,
            marked=volume.marked,
            lower=volume.regions["lower"].index,
            upper=volume.regions["upper"].index,
            missing=list(volume.missing),
        ),
        balance_trend=recent.trend,
        pain=[
            schemas.PainLatestByRegion(
                region=r.region,
                side=r.side,
                score=r.score,
                band=pain_core.pain_band(r.score, method),
                recorded_at=r.recorded_at,
            )
            for _, r in sorted(
                latest.items(),
                key=lambda item: (region_order.get(item[0][0], 99), item[0][1] or ""),
            )
        ],
        last_workout_at=last_workout,
        flags=_flags(method, snapshot, volume, recent.trend, pain_rows, last_workout),
    )


def summaries(
    session: Session, owners: Sequence[Owner], *, pain_since: datetime | None = None
) -> dict[Any, schemas.SummaryRead]:
    """Summaries of many users with a constant number of queries (one per dataset)."""
    if not owners:
        return {}
    method = get_method()
    ids = [o.id for o in owners]
    # Enough history for today's window and the recent trend, whatever each time zone.
    days = method.summary_trend_days + method.window_days + 2
    start = datetime.now(UTC) - timedelta(days=days)
    set_rows: dict[Any, list[Any]] = defaultdict(list)
    for row in analytics_queries.sets(session, ids, start=start, end=None):
        set_rows[row.user_id].append(row)
    bodyweight_rows: dict[Any, list[Any]] = defaultdict(list)
    for row in analytics_queries.bodyweights(session, ids):
        bodyweight_rows[row.user_id].append((row.measured_at, row.weight_kg))
    pain_rows: dict[Any, list[Any]] = defaultdict(list)
    for row in analytics_queries.pain_scores(session, ids, start=pain_since):
        pain_rows[row.user_id].append(row)
    last_workouts = analytics_queries.last_workout_at(session, ids)
    return {
        o.id: _summary_from(
            o,
            inputs_of(o, set_rows[o.id], bodyweight_rows[o.id], DEFAULT_METHOD),
            pain_rows[o.id],
            last_workouts.get(o.id),
        )
        for o in owners
    }


def _summary(loader: Loader) -> schemas.SummaryRead:
    return summaries(loader.session, [loader.owner])[loader.owner.id]


def summary_json(access: Access) -> str:
    """Latest balance, 12-week direction, latest pain per region and the trainer flags."""
    return answer_json(access, "summary", _summary, uses_pain=True)
