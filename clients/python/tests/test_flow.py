"""The generated client against a live server: sign in, write a workout, read it back every way.

Every call goes through backchain_client (the committed generated code) over real HTTP.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import pytest
from backchain_client import AuthenticatedClient, Client
from backchain_client.api.analytics import get_balance, get_balance_trend
from backchain_client.api.auth import create_token, register
from backchain_client.api.sync import list_changes
from backchain_client.api.users import get_me
from backchain_client.api.workouts import create_workout
from backchain_client.models import (
    BalanceRead,
    BalanceTrendRead,
    TokenRequest,
    GrantType,
    ChangeOp,
    ChangesPage,
    Problem,
    ResourceName,
    SetWrite,
    TokenPair,
    UserRead,
    UserRegister,
    WorkoutRead,
    WorkoutWrite,
)
from backchain_client.types import Response
from support import CLIENT_PROJECT, SPEC

PASSWORD = "correct horse battery"
CSV_PATH = "/v1/users/{user}/exports/{dataset}.csv"


@dataclass
class Account:
    email: str
    public: Client
    tokens: TokenPair
    api: AuthenticatedClient


def sign_up(base_url: str) -> Account:
    public = Client(base_url=base_url, raise_on_unexpected_status=True)
    email = f"client-{uuid.uuid4().hex[:12]}@example.com"
    created = register.sync_detailed(
        client=public, body=UserRegister(email=email, password=PASSWORD)
    )
    assert created.status_code == 201, created.content
    assert isinstance(created.parsed, UserRead)
    tokens = create_token.sync(
        client=public,
        body=TokenRequest(
            grant_type=GrantType.PASSWORD, username=email, password=PASSWORD
        ),
    )
    assert isinstance(tokens, TokenPair), tokens
    api = AuthenticatedClient(
        base_url=base_url, token=tokens.access_token, raise_on_unexpected_status=True
    )
    return Account(email, public, tokens, api)


def new_workout(hours_ago: float, title: str) -> WorkoutWrite:
    started = dt.datetime.now(dt.timezone(dt.timedelta(hours=1))) - dt.timedelta(hours=hours_ago)
    return WorkoutWrite(
        started_at=started.replace(microsecond=0),
        title=title,
        sets=[
            SetWrite(exercise="deadlift", reps=5, load_kg=140.0),
            SetWrite(exercise="back_squat", reps=5, load_kg=120.0),
        ],
    )


def add_workout(account: Account, workout: WorkoutWrite) -> WorkoutRead:
    response = create_workout.sync_detailed(user="me", client=account.api, body=workout)
    assert response.status_code == 201, response.content
    assert isinstance(response.parsed, WorkoutRead)
    return response.parsed


@pytest.fixture(scope="module")
def account(base_url: str) -> Account:
    return sign_up(base_url)


def test_login_answers_a_bearer_token_pair(account: Account) -> None:
    assert account.tokens.token_type == "bearer"
    assert account.tokens.expires_in > 0
    me = get_me.sync(client=account.api)
    assert isinstance(me, UserRead)
    assert me.email == account.email


def test_create_workout_returns_the_stored_sets(account: Account) -> None:
    workout = add_workout(account, new_workout(2, "Pull day"))
    assert workout.title == "Pull day"
    assert [(s.reps, s.load_kg) for s in workout.sets] == [(5, 140.0), (5, 120.0)]
    assert workout.started_at.utcoffset() is not None


def test_balance_and_trend_parse_into_models(account: Account) -> None:
    add_workout(account, new_workout(3, "Balance"))
    balance = get_balance.sync(user="me", client=account.api)
    assert isinstance(balance, BalanceRead), balance
    assert balance.method == "pcb-2"  # the default method
    assert isinstance(balance.date, dt.date)
    trend = get_balance_trend.sync(user="me", client=account.api)
    assert isinstance(trend, BalanceTrendRead), trend
    assert trend.method == "pcb-2"
    assert isinstance(trend.points, list)


def test_changes_feed_pages_to_the_end(base_url: str) -> None:
    fresh = sign_up(base_url)
    ids = {add_workout(fresh, new_workout(h, f"Feed {h}")).id for h in (5, 4, 3)}
    seen: list[uuid.UUID] = []
    cursor: str | None = None
    pages = 0
    while True:
        page = list_changes.sync(user="me", client=fresh.api, since=cursor, limit=2)
        assert isinstance(page, ChangesPage), page
        pages += 1
        for change in page.changes:
            assert change.resource == ResourceName.WORKOUTS
            assert change.op == ChangeOp.UPSERT
            assert isinstance(change.data, WorkoutRead)
            seen.append(change.id)
        cursor = page.next_cursor
        if not page.has_more:
            break
        assert pages < 10, "the feed never ended"
    assert pages == 2
    assert set(seen) == ids
    # Polling again from the last cursor is empty and keeps the cursor.
    again = list_changes.sync(user="me", client=fresh.api, since=cursor, limit=2)
    assert isinstance(again, ChangesPage)
    assert again.changes == []
    assert again.next_cursor == cursor


def test_expired_access_token_is_refreshed_with_the_refresh_token(base_url: str) -> None:
    fresh = sign_up(base_url)
    stale = AuthenticatedClient(base_url=base_url, token="not-a-valid-access-token")
    denied = get_me.sync_detailed(client=stale)
    assert denied.status_code == 401
    assert isinstance(denied.parsed, Problem)
    # The README's recipe: trade the refresh token (single use) for a new pair.
    pair = create_token.sync(
        client=fresh.public,
        body=TokenRequest(
            grant_type=GrantType.REFRESH_TOKEN,
            refresh_token=fresh.tokens.refresh_token,
        ),
    )
    assert isinstance(pair, TokenPair), pair
    assert pair.refresh_token != fresh.tokens.refresh_token
    api = AuthenticatedClient(base_url=base_url, token=pair.access_token)
    me = get_me.sync(client=api)
    assert isinstance(me, UserRead)
    assert me.email == fresh.email


def _csv_endpoint() -> ModuleType | None:
    """The generated module for the CSV export, found by its URL (the operationId may change)."""
    package = CLIENT_PROJECT / "backchain_client" / "api"
    for path in sorted(package.rglob("*.py")):
        if f'"{CSV_PATH}"' in path.read_text(encoding="utf-8"):
            module = ".".join(path.relative_to(CLIENT_PROJECT).with_suffix("").parts)
            return __import__(module, fromlist=["sync_detailed"])
    return None


def test_download_sets_csv(account: Account) -> None:
    if CSV_PATH not in json.loads(Path(SPEC).read_text(encoding="utf-8"))["paths"]:
        pytest.skip(f"skipped: openapi/openapi.json has no {CSV_PATH} yet (CSV export not added)")
    endpoint = _csv_endpoint()
    assert endpoint is not None, (
        f"the spec has {CSV_PATH} but the client does not: run `make clients`"
    )
    workout = add_workout(account, new_workout(1, "CSV"))
    response: Response[object] = endpoint.sync_detailed(
        user="me", dataset="sets", client=account.api
    )
    assert response.status_code == 200, response.content
    assert response.headers["content-type"].startswith("text/csv")
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("workout_id,"), lines[0]
    assert any(line.startswith(f"{workout.id},") for line in lines[1:]), lines[:5]
