"""Log lines: JSON in production, one readable line per request in development."""

from __future__ import annotations

import json
import logging
import sys
from datetime import datetime

import pytest

from api.logs import JsonFormatter, TextFormatter
from api.serve import development_settings
from api.settings import Settings

CREATED = datetime(2026, 12, 7, 18, 4, 5).timestamp()  # local time, as the line shows it


def record(
    name: str, message: str, level: int = logging.INFO, **extra: object
) -> logging.LogRecord:
    made = logging.getLogger(name).makeRecord(
        name, level, __file__, 1, message, (), None, extra=extra
    )
    made.created = CREATED
    return made


REQUEST = {
    "request_id": "0193a4c2a3f37c5e",
    "user_id": "2f0c6a4e-3b4d-4a53-9a47-2f1e8d0b9c11",
    "method": "GET",
    "route": "/v1/users/{user}/workouts",
    "status": 200,
    "duration_ms": 12.345,
}


def test_a_request_is_one_line_of_method_route_status_time_and_id() -> None:
    line = TextFormatter().format(record("backchain.access", "request", **REQUEST))
    assert line == "18:04:05 GET /v1/users/{user}/workouts 200 12.3 ms id=0193a4c2a3f37c5e"


def test_an_unmatched_request_keeps_its_status() -> None:
    fields = {**REQUEST, "route": "unmatched", "status": 404, "user_id": None}
    line = TextFormatter().format(record("backchain.access", "request", **fields))
    assert line == "18:04:05 GET unmatched 404 12.3 ms id=0193a4c2a3f37c5e"


def test_other_records_name_level_logger_and_their_fields() -> None:
    line = TextFormatter().format(
        record(
            "backchain.errors",
            "database unavailable",
            logging.WARNING,
            request_id="abc",
            error="OperationalError",
        )
    )
    assert line == (
        "18:04:05 WARNING backchain.errors: database unavailable request_id=abc "
        "error=OperationalError"
    )


def test_an_exception_follows_its_line() -> None:
    try:
        raise ValueError("boom")
    except ValueError:
        failed = logging.getLogger("backchain.errors").makeRecord(
            "backchain.errors", logging.ERROR, __file__, 1, "unhandled error", (), sys.exc_info()
        )
    first, *rest = TextFormatter().format(failed).splitlines()
    assert first.endswith("ERROR backchain.errors: unhandled error")
    assert rest[0] == "Traceback (most recent call last):"
    assert rest[-1] == "ValueError: boom"


def test_production_lines_are_json_objects() -> None:
    entry = json.loads(JsonFormatter().format(record("backchain.access", "request", **REQUEST)))
    assert entry["level"] == "info"
    assert entry["msg"] == "request"
    assert {key: entry[key] for key in REQUEST} == REQUEST


def test_development_server_logs_text_unless_told_otherwise(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("BACKCHAIN_LOG_FORMAT", raising=False)
    monkeypatch.delenv("BACKCHAIN_ENV", raising=False)
    assert development_settings(Settings()).log_format == "text"
    assert development_settings(Settings(log_format="json")).log_format == "json"
    monkeypatch.setenv("BACKCHAIN_LOG_FORMAT", "json")
    assert development_settings(Settings()).log_format == "json"
    monkeypatch.delenv("BACKCHAIN_LOG_FORMAT")
    production = Settings(env="production", jwt_secret="x" * 40)
    assert development_settings(production).log_format == "json"
