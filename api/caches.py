"""The app's caches, one object on `app.state.caches`: each keyed by versions or cursors that
every write moves, so none can go stale (docs/ARCHITECTURE.md lists each with its measured
benefit)."""

from __future__ import annotations

from dataclasses import dataclass

from api.security import AccountFacts
from api.services.record_cache import RecordJsonCache
from api.settings import Settings


@dataclass(frozen=True)
class Caches:
    accounts: AccountFacts
    records: RecordJsonCache

    @classmethod
    def for_settings(cls, settings: Settings) -> Caches:
        return cls(
            accounts=AccountFacts(settings.account_recheck_ms / 1000),
            records=RecordJsonCache(settings.record_cache_mb * 1_048_576),
        )
