"""The JSON API fuzzed by schemathesis against the real server on 127.0.0.1, on SQLite and
PostgreSQL: for valid and invalid requests alike, no 5xx, no status the OpenAPI document
does not list, no body or header that breaks its schema. A fixed seed and a bounded number
of examples per operation keep it repeatable."""

from __future__ import annotations

import json
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.config import SchemathesisConfig
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from tests.storage.postgres_server import fresh_database_url
from tests.web.conftest import example_text
from tests.web.live_server import LiveServer

from shorewise.web.app import create_app

SEED = 20_261_202
EXAMPLES_PER_OPERATION = 25
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    response_headers_conformance,
]


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def fuzzed_server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """A server with a few saved scenarios and a run, so small ids name real things."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('fuzz') / 'fuzz.db'}"
    else:
        url = fresh_database_url()
    app = create_app(url, max_samples=300, max_body_bytes=100_000, max_queued=4)
    with LiveServer(app) as server:
        with httpx.Client(base_url=server.url, timeout=120) as client:
            body = example_text().replace("samples: 10000", "samples: 100")
            for _ in range(3):
                made = client.post(
                    "/api/scenarios", content=body, headers={"content-type": "application/yaml"}
                )
                assert made.status_code == 201
            assert client.post("/api/scenarios/1/runs").status_code == 201
        yield server.url


def _document() -> dict[str, Any]:
    """The app's OpenAPI document, as it serves it (read once, when the tests are collected)."""
    with tempfile.TemporaryDirectory() as folder:
        app = create_app(f"sqlite:///{folder}/spec.db")
        try:
            return app.openapi()
        finally:
            app.state.library.close()


CONFIG = SchemathesisConfig.from_dict(
    {"seed": SEED, "generation": {"max-examples": EXAMPLES_PER_OPERATION}}
)
schema = schemathesis.openapi.from_dict(_document(), config=CONFIG)


@schema.parametrize()
@settings(
    max_examples=EXAMPLES_PER_OPERATION,
    derandomize=True,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
def test_the_api_keeps_its_openapi_contract(case: Any, fuzzed_server: str) -> None:
    case.call_and_validate(base_url=fuzzed_server, checks=CHECKS, timeout=120)


def test_every_ref_resolves_and_the_document_is_openapi(fuzzed_server: str) -> None:
    spec = httpx.get(f"{fuzzed_server}/openapi.json").json()
    assert spec == _document()  # what the fuzzing used
    assert spec["openapi"].startswith("3.1")
    text = json.dumps(spec)
    refs = set(re.findall(r'"\$ref": "([^"]+)"', text))
    assert refs
    for ref in refs:
        node: Any = spec
        assert ref.startswith("#/"), ref
        for part in ref[2:].split("/"):
            assert part in node, ref
            node = node[part]
    from jsonschema import Draft202012Validator

    for definition in spec["components"]["schemas"].values():
        Draft202012Validator.check_schema(definition)


def test_every_operation_lists_the_middlewares_answers(fuzzed_server: str) -> None:
    spec = httpx.get(f"{fuzzed_server}/openapi.json").json()
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            codes = set(operation["responses"])
            assert "400" in codes, (method, path)
            if method in ("post", "put", "delete"):
                assert "403" in codes, (method, path)
            if "requestBody" in operation:
                assert {"413", "415", "422"} <= codes, (method, path)
            if re.search(r"\{\w+_id\}", path):
                assert "404" in codes, (method, path)


def test_the_scenario_schema_matches_the_file_format(fuzzed_server: str) -> None:
    spec = httpx.get(f"{fuzzed_server}/openapi.json").json()
    scenario = spec["components"]["schemas"]["Scenario"]
    assert {"name", "home_country", "workstreams"} <= set(scenario["properties"])
    assert "$defs" not in json.dumps(spec)
    root = Path(__file__).resolve().parents[2] / "src" / "shorewise" / "examples"
    assert (root / "core-platform.yaml").exists()
