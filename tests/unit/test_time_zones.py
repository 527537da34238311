"""The time-zone type every request field and query parameter uses."""

from __future__ import annotations

import pytest
from pydantic import TypeAdapter, ValidationError

from api.schemas.common import TimeZoneName

ZONE = TypeAdapter(TimeZoneName)


@pytest.mark.parametrize("zone", ["UTC", "Europe/Berlin", "America/Argentina/ComodRivadavia"])
def test_iana_names_pass(zone: str) -> None:
    assert ZONE.validate_python(zone) == zone


@pytest.mark.parametrize(
    "zone",
    [
        "Mars/Base",
        "",
        "../etc/passwd",
        "/etc/localtime",
        "a" * 65,
        "a" * 300,  # zoneinfo: OSError (file name too long)
        "Europe/" + "a" * 4096,
        "Europe/Berlin\x00",
    ],
)
def test_anything_else_is_a_validation_error(zone: str) -> None:
    with pytest.raises(ValidationError):
        ZONE.validate_python(zone)
