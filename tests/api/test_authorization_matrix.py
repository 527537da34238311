"""Every route of the app, called as seven kinds of caller, against one declared table.

Routes are enumerated from the app itself, so a new route without a declared expectation
fails this test. "ok" means the call got past authorization (any status but 401/403/404/5xx);
calls send an empty JSON body, so an authorised write typically answers 422. A linked trainer
without logging rights reads the client's data, so their writes are 403 `logging_not_granted`
(before the body is looked at), not 404.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from fastapi import FastAPI
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from httpx import Response
from sqlmodel import Session
from starlette.routing import Route

from db.models import ImportJob, TrainerLink, TrainerNote, User
from tests.factories import make_user, token_for
from tests.records import PAYLOADS

ROLES = ["anon", "other", "former", "trainer", "trainer_log", "admin", "owner"]
OK, NOT_FOUND, UNAUTHORIZED = "ok", "404", "401"
LOGGING_NOT_GRANTED = "403 logging_not_granted"


def expect(default: str, **roles: str) -> dict[str, str]:
    table = dict.fromkeys(ROLES, default)
    table["anon"] = UNAUTHORIZED
    table.update(roles)
    return table


# The one table: what each kind of caller gets, per route group.
EXPECTATIONS: dict[str, dict[str, str]] = {
    "public": dict.fromkeys(ROLES, OK),
    "own_account": expect(OK),
    "user_data_read": expect(NOT_FOUND, owner=OK, trainer=OK, trainer_log=OK, admin=OK),
    "user_data_write": expect(
        NOT_FOUND, owner=OK, trainer_log=OK, admin=OK, trainer=LOGGING_NOT_GRANTED
    ),
    "client_manages_trainer": expect(NOT_FOUND, owner=OK),
    "trainer_of_client": expect(NOT_FOUND, trainer=OK, trainer_log=OK),
    "note_author": expect(NOT_FOUND, trainer=OK, trainer_log=OK, former=OK),
}

# (methods, path pattern, group): the first match wins.
GROUPS: list[tuple[set[str], str, str]] = [
    ({"GET"}, r"^/(healthz|readyz|openapi\.json|docs.*)?$", "public"),  # "/" redirects
    ({"GET"}, r"^/v1/methods/\{method_id\}$", "public"),
    ({"POST"}, r"^/v1/auth/(register|token|revoke|logout)$", "public"),
    ({"POST"}, r"^/v1/auth/password$", "own_account"),
    ({"GET", "PATCH", "DELETE"}, r"^/v1/users/me$", "own_account"),
    ({"GET", "POST"}, r"^/v1/users/me/trainers$", "own_account"),
    ({"GET"}, r"^/v1/users/me/access-log$", "own_account"),
    ({"PATCH", "DELETE"}, r"^/v1/users/me/trainers/\{trainer_id\}$", "client_manages_trainer"),
    ({"GET", "POST", "PATCH", "DELETE"}, r"^/v1/exercises(/\{exercise_ref\})?$", "own_account"),
    ({"POST"}, r"^/v1/exercises/resolve$", "own_account"),
    ({"GET", "POST", "DELETE"}, r"^/v1/trainer/invitations(/\{invitation_id\})?$", "own_account"),
    ({"GET"}, r"^/v1/trainer/clients(\.csv)?$", "own_account"),
    ({"DELETE"}, r"^/v1/trainer/clients/\{client_id\}$", "trainer_of_client"),
    ({"POST"}, r"^/v1/trainer/clients/\{client_id\}/notes$", "trainer_of_client"),
    ({"GET"}, r"^/v1/trainer/clients/\{client_id\}/notes$", "note_author"),
    ({"PATCH", "DELETE"}, r"^/v1/trainer/clients/\{client_id\}/notes/\{note_id\}$", "note_author"),
    ({"GET"}, r"^/v1/users/\{user\}/.+$", "user_data_read"),  # exports and imports too
    ({"POST", "PUT", "PATCH", "DELETE"}, r"^/v1/users/\{user\}/.+$", "user_data_write"),
]


def group_of(method: str, path: str) -> str | None:
    for methods, pattern, group in GROUPS:
        if method in methods and re.match(pattern, path):
            return group
    return None


def _walk(routes: list, prefix: str = "") -> list[tuple[str, str]]:
    found = []
    for route in routes:
        included = getattr(route, "original_router", None)  # newer FastAPI keeps routers nested
        if included is not None:
            context = getattr(route, "include_context", None)
            found += _walk(included.routes, prefix + getattr(context, "prefix", ""))
        elif isinstance(route, APIRoute | Route):
            found += [(m, prefix + route.path) for m in sorted(route.methods or ()) if m != "HEAD"]
    return found


def app_routes(app: FastAPI) -> list[tuple[str, str]]:
    found = _walk(list(app.routes))
    # Deleting one's account last keeps every role alive for the other routes.
    return sorted(found, key=lambda r: (r == ("DELETE", "/v1/users/me"), r[1], r[0]))


@dataclass
class World:
    users: dict[str, User]
    headers: dict[str, dict[str, str]]
    client: TestClient
    session: Session

    def resolve(self, role: str, path: str) -> str:
        owner, me = self.users["owner"], self.users.get(role)
        values: dict[str, Callable[[], str]] = {
            "user": lambda: str(owner.id),
            "method_id": lambda: "pcb-1",
            "dataset": lambda: "sets",
            "job_id": lambda: self.import_job(),
            "client_id": lambda: str(owner.id),
            "trainer_id": lambda: str(self.users["trainer"].id),
            "record_id": lambda: self.record(path),
            "exercise_ref": lambda: self.custom_exercise(role),
            "invitation_id": lambda: self.invitation(role),
            "note_id": lambda: self.note(
                me if role in ("trainer", "trainer_log", "former") else None
            ),
        }
        return re.sub(r"\{(\w+)\}", lambda m: values[m.group(1)](), path)

    def record(self, path: str) -> str:
        resource = path.split("/")[4]
        response = self.client.post(
            f"/v1/users/me/{resource}", json=PAYLOADS[resource](), headers=self.headers["owner"]
        )
        return str(response.json()["id"])

    def import_job(self) -> str:
        job = ImportJob(user_id=self.users["owner"].id, status="done", rows_total=1)
        self.session.add(job)
        self.session.commit()
        return str(job.id)

    def custom_exercise(self, role: str) -> str:
        if role == "anon":
            return "deadlift"
        response = self.client.post(
            "/v1/exercises",
            headers=self.headers[role],
            json={"name": "Own lift", "chain": "posterior", "region": "lower"},
        )
        return str(response.json()["id"])

    def invitation(self, role: str) -> str:
        if role == "anon":
            return str(uuid.uuid4())
        response = self.client.post("/v1/trainer/invitations", json={}, headers=self.headers[role])
        return str(response.json()["id"])

    def note(self, author: User | None) -> str:
        if author is None:
            return str(uuid.uuid4())
        note = TrainerNote(trainer_id=author.id, client_id=self.users["owner"].id, body="n")
        self.session.add(note)
        self.session.commit()
        return str(note.id)


def build_world(client: TestClient, session: Session, settings) -> World:
    tag = uuid.uuid4().hex[:8]
    users = {
        role: make_user(
            session,
            email=f"{role}-{tag}@example.com",
            bodyweight_kg=80,
            role="admin" if role == "admin" else "user",
        )
        for role in ROLES
        if role != "anon"
    }
    owner = users["owner"]
    for role, can_log, ended in (
        ("trainer", False, False),
        ("trainer_log", True, False),
        ("former", True, True),
    ):
        from datetime import UTC, datetime

        session.add(
            TrainerLink(
                trainer_id=users[role].id,
                client_id=owner.id,
                can_log=can_log,
                ended_at=datetime.now(UTC) if ended else None,
            )
        )
    session.commit()
    headers = {
        role: {"Authorization": f"Bearer {token_for(u, settings)}"} for role, u in users.items()
    }
    headers["anon"] = {}
    return World(users, headers, client, session)


# Routes that act on the caller's own relationships validate the body before they look the
# relationship up: a valid body shows the relationship check itself.
VALID_BODIES = {
    ("POST", "/v1/trainer/clients/{client_id}/notes"): {"body": "note"},
    ("PATCH", "/v1/trainer/clients/{client_id}/notes/{note_id}"): {"body": "note"},
    ("PATCH", "/v1/users/me/trainers/{trainer_id}"): {"can_log": False},
}


def call(world: World, role: str, method: str, path: str) -> Response:
    url = world.resolve(role, path)
    kwargs: dict = {"headers": world.headers[role]}
    if method in {"POST", "PUT", "PATCH"}:
        kwargs["json"] = VALID_BODIES.get((method, path), {})
    return world.client.request(method, url, **kwargs)


def outcome(response: Response) -> str:
    status = response.status_code
    if status == 401:
        return UNAUTHORIZED
    if status == 404:
        return NOT_FOUND
    if status == 403 and response.headers["content-type"] == "application/problem+json":
        return f"403 {response.json()['code']}"
    return OK if status < 500 and status != 403 else f"status {status}"


def test_every_route_answers_every_role_as_declared(
    app: FastAPI, client: TestClient, session: Session, settings
) -> None:
    routes = app_routes(app)
    undeclared = [r for r in routes if group_of(*r) is None]
    assert not undeclared, f"routes without a declared expectation: {undeclared}"
    mismatches = []
    cases = 0
    for method, path in routes:
        world = build_world(client, session, settings)
        expected = EXPECTATIONS[group_of(method, path) or ""]
        for role in ROLES:
            response = call(world, role, method, path)
            cases += 1
            if outcome(response) != expected[role]:
                mismatches.append(
                    f"{method} {path} as {role}: {response.status_code}, expected {expected[role]}"
                )
    assert not mismatches, "\n".join(mismatches)
    assert len(routes) >= 50
    assert cases == len(routes) * len(ROLES)
