"""The app's caches, one object on `app.state.caches`: each keyed by versions or cursors that
every write moves, so none can go stale (docs/ARCHITECTURE.md lists each with its measured
benefit)."""

from __future__ import annotations

from dataclasses import dataclass

from api.security import AccountFacts
from api.services.analytics_cache import AnalyticsCaches
from api.services.record_cache import RecordJsonCache
from api.services.shared_answers import RedisAnswers
from api.settings import Settings


@dataclass(frozen=True)
class Caches:
    accounts: AccountFacts
    records: RecordJsonCache
    analytics: AnalyticsCaches

    @classmethod
    def for_settings(cls, settings: Settings) -> Caches:
        # With Redis, the workers share rendered analytics answers there.
        shared = (
            RedisAnswers(settings.redis_url, database_url=settings.database_url)
            if settings.redis_url and settings.share_answers
            else None
        )
        return cls(
            accounts=AccountFacts(settings.account_recheck_ms / 1000),
            records=RecordJsonCache(settings.record_cache_mb * 1_048_576),
            analytics=AnalyticsCaches.sized(shared=shared),
        )
