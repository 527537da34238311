"""Balance, trends, benchmarks, pain and the summary: one loader (`loader`) feeds the pure
pcb-1 core (`api.analytics`); each answer is cached by the owner's cursors."""

from api.services.analytics.balance import balance_json
from api.services.analytics.benchmarks import benchmarks_json, daily_bests
from api.services.analytics.loader import today
from api.services.analytics.pain import pain_trend_json
from api.services.analytics.summary import summaries, summary_json
from api.services.analytics.trend import balance_rows, balance_trend_json

__all__ = [
    "balance_json",
    "balance_rows",
    "balance_trend_json",
    "benchmarks_json",
    "daily_bests",
    "pain_trend_json",
    "summaries",
    "summary_json",
    "today",
]
