"""Logs on stderr, one line per record: JSON objects in production, a human-readable line in
development (`python -m api.serve`). Never personal data or tokens."""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime

# Attributes every LogRecord has; anything else was passed with `extra=` and is logged.
_STANDARD = set(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {"message", "asctime"}
# The access log's fields (api/middleware.py), shown in the request line itself.
_REQUEST_FIELDS = {"method", "route", "status", "duration_ms", "request_id", "user_id"}


def _extra(record: logging.LogRecord) -> dict[str, object]:
    return {k: v for k, v in vars(record).items() if k not in _STANDARD}


class JsonFormatter(logging.Formatter):
    """`{"ts", "level", "logger", "msg", ...extra}` on one line."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, object] = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(),
            "level": record.levelname.lower(),
            "logger": record.name,
            "msg": record.getMessage(),
        }
        entry.update(_extra(record))
        if record.exc_info:
            entry["exc"] = self.formatException(record.exc_info)
        return json.dumps(entry, default=str)


class TextFormatter(logging.Formatter):
    """One line a person reads: a request as `12:04:05 GET /v1/users/{user}/workouts 200
    12.3 ms id=…`; anything else as `12:04:05 WARNING backchain.errors: message key=value`."""

    def format(self, record: logging.LogRecord) -> str:
        clock = datetime.fromtimestamp(record.created).strftime("%H:%M:%S")
        extra = _extra(record)
        if _REQUEST_FIELDS.issubset(extra):
            line = (
                f"{clock} {extra['method']} {extra['route']} {extra['status']} "
                f"{extra['duration_ms']:.1f} ms id={extra['request_id']}"
            )
            rest = {k: v for k, v in extra.items() if k not in _REQUEST_FIELDS}
        else:
            line = f"{clock} {record.levelname} {record.name}: {record.getMessage()}"
            rest = extra
        line += "".join(f" {key}={value}" for key, value in rest.items() if value is not None)
        if record.exc_info:
            line += "\n" + self.formatException(record.exc_info)
        return line


def configure(log_format: str) -> None:
    """Send the `backchain` loggers to stderr as JSON or as text lines."""
    logger = logging.getLogger("backchain")
    if any(getattr(h, "_backchain", False) for h in logger.handlers):
        return
    handler = logging.StreamHandler()
    handler.setFormatter(JsonFormatter() if log_format == "json" else TextFormatter())
    handler._backchain = True  # type: ignore[attr-defined]
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False
