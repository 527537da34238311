"""The OpenAPI document: FastAPI's, plus the shared Problem schema, a bearer scheme next to
the OAuth2 password flow, and download responses typed as strings."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from api.errors import PROBLEM_MEDIA_TYPE, Problem

DOWNLOAD_SCHEMAS = {
    "text/csv": {"type": "string"},
    "application/zip": {"type": "string", "format": "binary"},
}


def _problem_components() -> dict[str, Any]:
    schema = Problem.model_json_schema(ref_template="#/components/schemas/{model}")
    definitions: dict[str, Any] = schema.pop("$defs", {})
    return {"Problem": schema, **definitions}


def build(app: FastAPI) -> dict[str, Any]:
    """Generate (once) and return the app's OpenAPI document."""
    if app.openapi_schema is not None:
        return app.openapi_schema
    spec = get_openapi(
        title=app.title,
        version=app.version,
        description=app.description,
        routes=app.routes,
        tags=[
            {"name": "auth", "description": "Accounts and OAuth2 tokens."},
            {"name": "users", "description": "The caller's own profile."},
            {"name": "exercises", "description": "The exercise catalog."},
            {"name": "workouts", "description": "Workouts with ordered sets."},
            {"name": "pain-scores", "description": "NPRS pain scores by body region."},
            {"name": "bodyweights", "description": "Bodyweight measurements."},
            {"name": "sync", "description": "Change feed and batched writes for offline apps."},
            {"name": "analytics", "description": "Balance, trends and benchmarks (pcb-1)."},
            {"name": "exports", "description": "CSV exports."},
            {"name": "imports", "description": "CSV imports from Strong, Hevy and FitNotes."},
            {"name": "trainer", "description": "The trainer's side: invitations, roster, notes."},
            {"name": "trainers", "description": "The client's side: my trainers, access log."},
            {"name": "health", "description": "Probes."},
        ],
    )
    components = spec.setdefault("components", {})
    components.setdefault("schemas", {}).update(_problem_components())
    components.setdefault("securitySchemes", {})["BearerJWT"] = {
        "type": "http",
        "scheme": "bearer",
        "bearerFormat": "JWT",
        "description": "The `access_token` from `POST /v1/auth/token`.",
    }
    for operations in spec.get("paths", {}).values():
        for operation in operations.values():
            security = operation.get("security")
            if security:  # routes behind a token accept either scheme
                operation["security"] = [*security, {"BearerJWT": []}]
            for response in operation.get("responses", {}).values():
                content = response.get("content", {})
                if PROBLEM_MEDIA_TYPE in content:
                    content.pop("application/json", None)
                for media_type, schema in DOWNLOAD_SCHEMAS.items():
                    if media_type in content and not content[media_type].get("schema"):
                        content[media_type]["schema"] = schema
    app.openapi_schema = spec
    return spec
