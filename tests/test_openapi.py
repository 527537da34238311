"""The committed OpenAPI document matches the app (regenerate with `make openapi`)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from jsonschema import Draft202012Validator

from api.errors import problem_example
from api.openapi_spec import SPEC_PATH, build_spec, render


def test_committed_spec_matches_the_app() -> None:
    assert SPEC_PATH.read_text() == render(build_spec()), "stale spec: run `make openapi`"


def test_every_operation_has_an_id_tag_and_summary() -> None:
    spec = json.loads(SPEC_PATH.read_text())
    ids = []
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            ids.append(operation["operationId"])
            assert operation.get("tags"), f"{method} {path} has no tag"
            assert operation.get("summary") or operation.get("description"), f"{method} {path}"
    assert len(ids) == len(set(ids))


def _examples(spec: dict[str, Any]) -> Iterator[tuple[str, Any, dict[str, Any]]]:
    """(where, example, schema) for every example of a body, a response or a parameter."""
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            where = f"{method.upper()} {path}"
            for parameter in operation.get("parameters", []):
                if "example" in parameter:
                    yield f"{where} {parameter['name']}", parameter["example"], parameter["schema"]
            bodies = [("request", operation.get("requestBody", {}))]
            bodies += list(operation.get("responses", {}).items())
            for status, body in bodies:
                for media_type, content in body.get("content", {}).items():
                    named = [content["example"]] if "example" in content else []
                    named += [e["value"] for e in content.get("examples", {}).values()]
                    for example in named:
                        yield f"{where} {status} {media_type}", example, content["schema"]
    for name, schema in spec["components"]["schemas"].items():
        for example in schema.get("examples", []):
            yield f"schema {name}", example, schema
        for member, sub in schema.get("properties", {}).items():
            for example in sub.get("examples", []):
                yield f"schema {name}.{member}", example, sub


def test_every_example_validates_against_its_schema() -> None:
    spec = json.loads(SPEC_PATH.read_text())
    failures, checked = [], 0
    for where, example, schema in _examples(spec):
        # The schema as a document holding the components, so `#/components/...` resolves.
        validator = Draft202012Validator(
            {**schema, "components": spec["components"]},
            format_checker=Draft202012Validator.FORMAT_CHECKER,
        )
        failures += [f"{where}: {error.message}" for error in validator.iter_errors(example)]
        checked += 1
    assert checked > 250, checked
    assert not failures, "\n".join(failures)


def test_every_error_example_carries_its_own_status_and_code() -> None:
    spec = json.loads(SPEC_PATH.read_text())
    seen = set()
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            for status, response in operation["responses"].items():
                content = response.get("content", {}).get("application/problem+json")
                if content is None:
                    continue
                example = content["example"]
                assert example["status"] == int(status), f"{method} {path} {status}"
                assert example["code"] == problem_example(int(status))["code"]
                assert example["type"] == f"urn:backchain:problem:{example['code']}"
                assert ("errors" in example) == (status == "422"), f"{method} {path} {status}"
                seen.add(status)
    assert {"401", "404", "409", "410", "412", "413", "422", "429", "503"} <= seen
