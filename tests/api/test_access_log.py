"""The access log times each request (one line per request in either format)."""

from __future__ import annotations

import logging
import time

import pytest
from fastapi.testclient import TestClient

from api.logs import TextFormatter


def test_each_request_is_timed_from_its_start(
    client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    access = logging.getLogger("backchain.access")
    access.addHandler(caplog.handler)  # the app's loggers do not propagate to the root
    try:
        with caplog.at_level(logging.INFO, logger="backchain.access"):
            began = time.perf_counter()
            client.get("/healthz", headers={"X-Request-ID": "timed-1"})
            elapsed_ms = (time.perf_counter() - began) * 1000
    finally:
        access.removeHandler(caplog.handler)
    (entry, *_) = [r for r in caplog.records if getattr(r, "request_id", None) == "timed-1"]
    assert 0 <= entry.duration_ms <= elapsed_ms
    line = TextFormatter().format(entry)
    assert line.endswith(f" GET /healthz 200 {entry.duration_ms:.1f} ms id=timed-1")
