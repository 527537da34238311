"""What the record cache saves: a repeated page or record reads only ids and versions
(statement counts pin the mechanics; tests/api/test_records.py pins the behaviour)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.api.test_records import create, url
from tests.records import PATCHES, RESOURCES

pytestmark = pytest.mark.parametrize("resource", RESOURCES)


@pytest.mark.usefixtures("accounts_remembered")
def test_a_repeated_page_reads_only_ids_and_versions(
    client: TestClient, auth_headers: dict, resource: str, engine, count_queries
) -> None:
    for _ in range(3):
        create(client, auth_headers, resource)
    with count_queries(engine) as cold:
        client.get(url(resource), headers=auth_headers)
    with count_queries(engine) as warm:
        client.get(url(resource), headers=auth_headers)
    # The page itself; the records and a workout's sets are not read again, nor the
    # caller's account (read by the writes just before: `AccountFacts`).
    assert warm.count == 1
    assert cold.count == (3 if resource == "workouts" else 2)


@pytest.mark.usefixtures("accounts_remembered")
def test_a_repeated_get_reads_only_the_version_and_304_reads_no_record(
    client: TestClient, auth_headers: dict, resource: str, engine, count_queries
) -> None:
    record = create(client, auth_headers, resource)
    with count_queries(engine) as cold:
        first = client.get(url(resource, record["id"]), headers=auth_headers)
    with count_queries(engine) as warm:
        second = client.get(url(resource, record["id"]), headers=auth_headers)
    etag = first.headers["ETag"]
    with count_queries(engine) as unchanged:
        not_modified = client.get(
            url(resource, record["id"]), headers={**auth_headers, "If-None-Match": etag}
        )
    assert first.content == second.content
    assert second.headers["ETag"] == etag == f'"{record["version"]}"'
    assert not_modified.status_code == 304
    assert not_modified.headers["ETag"] == etag
    # The version (the caller's account was read by the write: `AccountFacts`); cold also
    # the row (and a workout's sets).
    assert warm.count == unchanged.count == 1
    assert cold.count == (3 if resource == "workouts" else 2)
    patched = client.patch(
        url(resource, record["id"]), json=PATCHES[resource], headers=auth_headers
    )
    assert patched.status_code == 200
    again = client.get(url(resource, record["id"]), headers=auth_headers)
    assert again.headers["ETag"] == f'"{record["version"] + 1}"'
    assert again.json()["version"] == record["version"] + 1
    for field, value in PATCHES[resource].items():
        assert again.json()[field] == value
