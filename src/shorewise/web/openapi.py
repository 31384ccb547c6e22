"""The OpenAPI document: every ``$ref`` resolves and every status the app can answer is listed.

FastAPI documents what a route returns; the rest is added here: the scenario schema (with
its ``$defs`` moved into ``components/schemas``), the answers of the middleware (400 for an
unknown ``Host``, 403 for a cross-site write, 413 for a body over the cap) and one error
body for every 4xx/5xx. The schemathesis tests hold the app to this document.

Example::

    >>> spec = openapi_document(app)                                   # doctest: +SKIP
    >>> spec["paths"]["/api/scenarios"]["post"]["responses"].keys()    # doctest: +SKIP
    dict_keys(['201', '400', '403', '413', '415', '422'])
"""

from __future__ import annotations

import json
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from shorewise.web.api_models import BusyBody, ConflictBody, ErrorBody

DESCRIPTIONS = {
    400: "The Host header names a host this server does not answer (DNS-rebinding guard).",
    403: "A write from another site (its Origin or Referer), refused.",
    404: "No such scenario, version, run or job (an id beyond the database's range too).",
    409: "Conflict: the edit starts from a version that is no longer current, or the job "
    "has finished (or was cancelled).",
    413: "The request body is over the size cap.",
    415: "The body is neither application/yaml nor application/json.",
    422: "Invalid scenario or request: every problem with its field.",
    503: "The job queue is full: try again after `Retry-After` seconds.",
}
MODELS: dict[int, type[ErrorBody]] = {409: ConflictBody, 503: BusyBody}
UNSAFE = ("post", "put", "delete", "patch")


def errors(*codes: int) -> dict[int | str, dict[str, Any]]:
    """The ``responses`` of a route for these error statuses, with their body model."""
    out: dict[int | str, dict[str, Any]] = {}
    for code in codes:
        out[code] = {"description": DESCRIPTIONS[code], "model": MODELS.get(code, ErrorBody)}
        if code == 503:
            out[code]["headers"] = {
                "Retry-After": {
                    "description": "seconds until a place in the queue is likely free",
                    "schema": {"type": "integer", "minimum": 1},
                }
            }
    return out


def _error_content(name: str = "ErrorBody") -> dict[str, Any]:
    return {"application/json": {"schema": {"$ref": f"#/components/schemas/{name}"}}}


def _scenario_components() -> dict[str, Any]:
    """The scenario schema and its definitions, refs pointing into ``components``."""
    from shorewise.workflows.schema import scenario_json_schema

    schema = scenario_json_schema()
    schema.pop("$schema", None)
    definitions = schema.pop("$defs", {})
    text = json.dumps({"Scenario": schema, **definitions})
    text = text.replace('"#/$defs/', '"#/components/schemas/')
    return dict(json.loads(text))


def _add_middleware_answers(operation: dict[str, Any], method: str) -> None:
    responses = operation.setdefault("responses", {})
    responses.setdefault(
        "400",
        {
            "description": DESCRIPTIONS[400],
            "content": {"text/plain": {"schema": {"type": "string"}}},
        },
    )
    if method in UNSAFE:
        responses.setdefault("403", {"description": DESCRIPTIONS[403], "content": _error_content()})
    if "requestBody" in operation:
        responses.setdefault("413", {"description": DESCRIPTIONS[413], "content": _error_content()})
    if "422" in responses:  # FastAPI's default body is not the one this app sends
        responses["422"] = {"description": DESCRIPTIONS[422], "content": _error_content()}


def openapi_document(app: FastAPI) -> dict[str, Any]:
    """The app's OpenAPI document (built once, then kept on the app)."""
    if app.openapi_schema:
        return app.openapi_schema
    spec = get_openapi(
        title=app.title,
        version=app.version,
        description=app.description,
        routes=app.routes,
    )
    schemas = spec.setdefault("components", {}).setdefault("schemas", {})
    for name, schema in _scenario_components().items():
        if name in schemas and schemas[name] != schema:
            raise RuntimeError(f"two OpenAPI schemas named {name}")
        schemas[name] = schema
    for operations in spec.get("paths", {}).values():
        for method, operation in operations.items():
            _add_middleware_answers(operation, method)
    for unused in ("HTTPValidationError", "ValidationError"):
        if f'"#/components/schemas/{unused}"' not in json.dumps(spec):
            schemas.pop(unused, None)
    app.openapi_schema = spec
    return spec
