"""Pain per region and side, its clinically important change and trend, and its association
with the balance index over time (association, not causation)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from api.analytics import pain as pain_core
from api.analytics import trend as trend_core
from api.analytics.constants import get_method
from api.policy import Access
from api.schemas import analytics as schemas
from api.schemas.enums import PainRegion
from api.services.analytics.loader import Loader, answer_json, local_start, today
from api.services.analytics.trend import points, trend_read
from db.queries import analytics as analytics_queries


def _pain_trend(
    loader: Loader, region: str | None, date_from: date | None, date_to: date | None
) -> schemas.PainTrendRead:
    session, owner, method = loader.session, loader.owner, get_method()
    tz = ZoneInfo(owner.timezone)
    start = local_start(date_from, tz) if date_from else None
    end = local_start(date_to + timedelta(days=1), tz) if date_to else None
    rows = analytics_queries.pain_scores(session, [owner.id], start=start, end=end)
    groups: dict[tuple[str, str | None], list[Any]] = defaultdict(list)
    for row in rows:
        if region is None or row.region == region:
            groups[(row.region, row.side)].append(row)
    region_order = {r: i for i, r in enumerate(method.pain_regions)}
    series = []
    for (reg, side), entries in sorted(
        groups.items(), key=lambda item: (region_order.get(item[0][0], 99), item[0][1] or "")
    ):
        first, last = entries[0], entries[-1]
        origin = first.recorded_at
        fit = trend_core.trend(
            [((e.recorded_at - origin).total_seconds() / 86400, float(e.score)) for e in entries],
            method,
            center=None,
            directions=trend_core.VALUE_DIRECTIONS,
            stable_threshold=method.pain_stable_points,
        )
        change = pain_core.pain_change(first.score, last.score, method)
        series.append(
            schemas.PainSeries(
                region=reg,
                side=side,
                points=[
                    schemas.PainPoint(
                        recorded_at=e.recorded_at,
                        date=e.recorded_at.astimezone(tz).date(),
                        score=e.score,
                    )
                    for e in entries
                ],
                latest=schemas.PainLatest(
                    score=last.score,
                    band=pain_core.pain_band(last.score, method),
                    recorded_at=last.recorded_at,
                ),
                change=schemas.PainChangeRead(
                    baseline=change.baseline,
                    last=change.last,
                    delta=change.delta,
                    percent=change.percent,
                    clinically_important=change.clinically_important,
                    direction=change.direction,
                ),
                trend=trend_read(fit),
            )
        )
    assoc_region = region or method.association_default_region
    balance, _ = points(loader, None, date_to or today(owner))
    assoc = pain_core.association(
        [(r.recorded_at.astimezone(tz).date(), r.score) for r in rows if r.region == assoc_region],
        [(day, index) for day, index, *_ in balance],
        method,
        region=assoc_region,
    )
    return schemas.PainTrendRead(
        method=method.method_id,
        series=series,
        association=schemas.AssociationRead(
            region=assoc.region,
            note=assoc.note,
            lags=[
                schemas.LagAssociation(
                    lag_days=lag.lag_days,
                    n=lag.n,
                    rho=lag.rho,
                    p_value=lag.p_value,
                    status=lag.status,
                    reason=lag.reason,
                    supports_hypothesis=lag.supports_hypothesis,
                )
                for lag in assoc.lags
            ],
        ),
    )


def pain_trend_json(
    access: Access, *, region: PainRegion | None, date_from: date | None, date_to: date | None
) -> str:
    """Per region and side: points, latest band, change from the first entry, trend; and the
    pain–balance association."""
    name = region.value if region else None
    return answer_json(
        access,
        "pain_trend",
        lambda loader: _pain_trend(loader, name, date_from, date_to),
        uses_pain=True,
        date_from=date_from,
        date_to=date_to,
        option=name,
    )
