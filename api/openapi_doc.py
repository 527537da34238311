"""The OpenAPI document: FastAPI's, plus the shared Problem schema, a bearer scheme next to
the OAuth2 password flow, and download responses typed as strings."""

from __future__ import annotations

import json
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from api.errors import PROBLEM_MEDIA_TYPE, Problem, problem_example

DOWNLOAD_SCHEMAS = {
    "text/csv": {"type": "string"},
    "application/zip": {"type": "string", "format": "binary"},
}


def _problem_components() -> dict[str, Any]:
    schema = Problem.model_json_schema(ref_template="#/components/schemas/{model}")
    definitions: dict[str, Any] = schema.pop("$defs", {})
    return {"Problem": schema, **definitions}


def _example(
    schema: dict[str, Any], schemas: dict[str, Any], seen: frozenset[str] = frozenset()
) -> Any:
    """A plausible instance of a JSON schema: declared examples first, then the types (within
    their bounds). `seen` holds the references being expanded: a cycle ends in None."""
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        if name in seen:
            return None
        return _example(schemas[name], schemas, seen | {name})
    if schema.get("examples"):
        return schema["examples"][0]
    if "example" in schema:
        return schema["example"]
    if "default" in schema and schema["default"] is not None:
        return schema["default"]
    if "const" in schema:
        return schema["const"]
    if "enum" in schema:
        return next((value for value in schema["enum"] if value is not None), None)
    for key in ("anyOf", "oneOf", "allOf"):
        if key in schema:
            options = [o for o in schema[key] if o.get("type") != "null"]
            if len(options) < len(schema[key]) and options[0].get("format") == "uuid":
                return None  # an optional reference: a made-up id would name nothing
            return _example(options[0], schemas, seen) if options else None
    kind = schema.get("type")
    if kind == "object" or "properties" in schema:
        properties = schema.get("properties", {})
        return {name: _example(sub, schemas, seen) for name, sub in properties.items()}
    if kind == "array":
        item = _example(schema.get("items", {}), schemas, seen)
        return [] if item is None else [item] * max(1, schema.get("minItems", 1))
    if kind in ("integer", "number"):
        return _number_example(schema, kind)
    if kind == "boolean":
        return False
    if kind == "string":
        return _string_example(schema)
    return None


def _number_example(schema: dict[str, Any], kind: str) -> int | float:
    """1 where the bounds allow it, else the nearest value inside them."""
    low = schema.get("minimum", schema.get("exclusiveMinimum"))
    high = schema.get("maximum", schema.get("exclusiveMaximum"))
    value: float = 1
    if low is not None and value <= low:
        value = low + (1 if "exclusiveMinimum" in schema else 0)
    if high is not None and value >= high:
        value = high - (1 if "exclusiveMaximum" in schema else 0)
    return int(value) if kind == "integer" else float(value)


def _string_example(schema: dict[str, Any]) -> str | None:
    by_format = {
        "date-time": "2026-11-20T18:30:00Z",
        "date": "2026-11-20",
        "uuid": "2f0c6a4e-3b4d-4a53-9a47-2f1e8d0b9c11",
        "email": "ada@example.com",
        "password": "correct horse battery",
        "binary": None,
    }
    if schema.get("format") in by_format:
        return by_format[schema["format"]]
    text = "string"
    minimum, maximum = schema.get("minLength", 0), schema.get("maxLength")
    if len(text) < minimum:
        text = "correct horse battery staple"[:minimum].ljust(minimum, "x")
    return text[:maximum] if maximum is not None else text


def _field_of(operation: dict[str, Any], schemas: dict[str, Any]) -> tuple[str, str] | None:
    """A field of the operation's own that its 422 example can name, with a message: its
    body's first required member or first member, else its first query parameter or last path
    parameter (None: the generic example)."""
    for content in operation.get("requestBody", {}).get("content", {}).values():
        schema = content.get("schema", {})
        if "$ref" in schema:
            schema = schemas.get(schema["$ref"].rsplit("/", 1)[-1], {})
        if schema.get("required"):
            return str(schema["required"][0]), "Field required"
        if schema.get("properties"):
            return next(iter(schema["properties"])), "Input is not valid for this field"
    parameters = operation.get("parameters", [])
    for where in ("query", "path"):
        named = [p["name"] for p in parameters if p.get("in") == where]
        if named:  # the last path parameter is the most specific (a record's id)
            return str(named[0] if where == "query" else named[-1]), "Input is not valid here"
    return None


def _add_examples(spec: dict[str, Any]) -> None:
    """Give every JSON request body and response an example built from its schema."""
    schemas = spec.get("components", {}).get("schemas", {})
    for operations in spec.get("paths", {}).values():
        for operation in operations.values():
            bodies = [operation.get("requestBody", {})]
            bodies += list(operation.get("responses", {}).values())
            for body in bodies:
                for media_type, content in body.get("content", {}).items():
                    if "json" not in media_type or "example" in content or "examples" in content:
                        continue
                    example = _example(content.get("schema", {}), schemas)
                    if example is not None:
                        content["example"] = example


# The order of areas in the document's paths.
PATH_ORDER = (
    "health",
    "auth",
    "users",
    "exercises",
    "workouts",
    "pain-scores",
    "bodyweights",
    "sync",
    "analytics",
    "exports",
    "imports",
    "trainer",
    "trainers",
)


def _area_rank(path_item: tuple[str, dict[str, Any]]) -> int:
    operations = [op for op in path_item[1].values() if isinstance(op, dict)]
    tags = operations[0].get("tags", []) if operations else []
    return PATH_ORDER.index(tags[0]) if tags and tags[0] in PATH_ORDER else len(PATH_ORDER)


def build(app: FastAPI) -> dict[str, Any]:
    """Generate (once) and return the app's OpenAPI document."""
    if app.openapi_schema is not None:
        return app.openapi_schema
    spec = get_openapi(
        title=app.title,
        version=app.version,
        description=app.description,
        routes=app.routes,
        # Relative: Swagger UI and clients call the server that served the document.
        servers=[{"url": "/", "description": "The server that serves this document"}],
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
    # Paths by area, whatever order the app matches routes in (busiest first).
    spec["paths"] = dict(sorted(spec["paths"].items(), key=_area_rank))
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
            responses = operation.get("responses", {})
            if "400" in responses:  # the OAuth2 endpoints: bad input is 400 (RFC 6749 §5.2)
                responses.pop("422", None)
            if "422" in responses and PROBLEM_MEDIA_TYPE not in responses["422"].get("content", {}):
                # FastAPI's default 422 (HTTPValidationError): ours answer problem+json.
                responses["422"] = {
                    "description": "Invalid input; `errors` names each bad field",
                    "content": {
                        PROBLEM_MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}
                    },
                }
            for status, response in responses.items():
                content = response.get("content", {})
                if PROBLEM_MEDIA_TYPE in content:
                    content.pop("application/json", None)
                    if status.isdigit():  # an example with its own status and code
                        content[PROBLEM_MEDIA_TYPE]["example"] = problem_example(
                            int(status), _field_of(operation, components["schemas"])
                        )
                for media_type, schema in DOWNLOAD_SCHEMAS.items():
                    if media_type in content and not content[media_type].get("schema"):
                        content[media_type]["schema"] = schema
    for unused in ("HTTPValidationError", "ValidationError"):
        if unused not in json.dumps(spec["paths"]):
            components["schemas"].pop(unused, None)
    _add_examples(spec)
    app.openapi_schema = spec
    return spec
