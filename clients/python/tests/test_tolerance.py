"""The generated models accept answers from a newer server: unknown fields and enum values."""

from __future__ import annotations

import uuid

from backchain_client.models import ChangeOp, ChangeRead, ChangesPage, ResourceName


def test_unknown_fields_are_kept_and_unknown_enum_values_parse() -> None:
    change = {
        "cursor": "c1",
        "resource": "exercises",  # not a ResourceName this client knows
        "id": str(uuid.uuid4()),
        "op": "upsert",
        "data": None,
        "changed_at": "2026-01-02T03:04:05+00:00",
        "actor": "someone",  # a field added later
    }
    page = ChangesPage.from_dict(
        {"changes": [change], "next_cursor": "c1", "has_more": False, "x": 1}
    )
    parsed = page.changes[0]
    assert isinstance(parsed, ChangeRead)
    assert parsed.resource == "exercises"
    assert isinstance(parsed.resource, ResourceName)
    assert parsed.resource not in list(ResourceName)
    assert parsed.op is ChangeOp.UPSERT
    assert parsed.additional_properties == {"actor": "someone"}
    assert page.additional_properties == {"x": 1}
    assert parsed.to_dict()["resource"] == "exercises"
