"""The committed generated client must be exactly what the generator makes from the spec."""

from __future__ import annotations

import generate  # clients/python/generate.py (on sys.path via conftest)
import pytest


def test_generated_client_matches_the_committed_spec() -> None:
    try:
        problems = generate.check()
    except generate.GenerationError as error:
        pytest.fail(str(error))
    assert not problems, (
        "clients/python/backchain-client differs from what openapi/openapi.json generates "
        f"(run `make clients`; {generate.tool_versions()}):\n" + "\n".join(problems)
    )
