"""The app matches routes busiest first (api/app.py): that is only safe while no request
could match two routes, which these tests check for every route the app serves."""

from __future__ import annotations

import re

from fastapi.routing import APIRoute
from starlette.routing import compile_path

from api.app import create_app
from api.settings import Settings

SAMPLES = ("me", "123e4567-e89b-42d3-a456-426614174000", "deadlift")


def _walk(routes: list, prefix: str = "") -> list[tuple[set[str], str]]:
    found = []
    for route in routes:
        included = getattr(route, "original_router", None)  # newer FastAPI nests routers
        if included is not None:
            context = getattr(route, "include_context", None)
            found += _walk(included.routes, prefix + getattr(context, "prefix", ""))
        elif isinstance(route, APIRoute):
            found.append((set(route.methods or ()), prefix + route.path))
    return found


def _concrete(template: str, value: str) -> str:
    return re.sub(r"\{[^}]+\}", value, template)


def test_no_request_matches_two_routes(tmp_path) -> None:
    app = create_app(
        Settings(database_url=f"sqlite:///{tmp_path}/x.db", data_dir=tmp_path, gc_freeze=False)
    )
    routes = _walk(list(app.routes))
    assert len(routes) > 50
    clashes = []
    for methods, template in routes:
        for other_methods, other in routes:
            if other == template or not methods & other_methods:
                continue
            pattern = compile_path(other)[0]
            clashes += [
                (template, other) for value in SAMPLES if pattern.match(_concrete(template, value))
            ]
    assert clashes == []


def test_the_checker_sees_a_clash() -> None:
    pattern = compile_path("/v1/users/{user}/workouts")[0]
    assert pattern.match(_concrete("/v1/users/me/workouts", "x"))
