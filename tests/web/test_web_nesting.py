"""About 1 KB of deeply nested YAML, JSON or TOML is a clear 422 at every entry point of the
web app and the API (it used to end in a RecursionError and a 500), on both databases.
The limits are the scenario file's own (``shorewise.domain.limits.MAX_DEPTH``, checked by
``io.scenario_file.parse_text`` and the one validation); these tests hold every web path
to them, including the ones that read YAML for the editor."""

from __future__ import annotations

import json
import re

import httpx
import pytest
from tests.web.conftest import example_text

YAML = {"content-type": "application/yaml"}
DEPTH = 500  # 1 KB of brackets

DEEP_YAML = example_text() + "extra: " + "[" * DEPTH + "]" * DEPTH + "\n"
DEEP_TOML = 'name = "x"\nhome_country = "US"\nextra = ' + "[" * DEPTH + "]" * DEPTH + "\n"
DEEP_JSON = '{"name": "x", "home_country": "US", "extra": ' + "[" * DEPTH + "]" * DEPTH + "}"
DEEPER_JSON = '{"extra": ' + "[" * 5000 + "]" * 5000 + "}"  # past json's own recursion limit
SELF_REFERENCE = example_text() + "extra: &loop [1, *loop]\n"


def _nested_problem(response: httpx.Response) -> str:
    assert response.status_code == 422, response.text[:300]
    errors = response.json()["errors"]
    assert len(errors) == 1
    return str(errors[0]["message"])


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (DEEP_YAML, "application/yaml"),
        (DEEP_JSON, "application/json"),
        (DEEPER_JSON, "application/json"),
        (DEEP_TOML, "application/toml"),
    ],
    ids=["yaml", "json", "json-10kb", "toml"],
)
def test_api_saves_refuse_deep_nesting(client: httpx.Client, body: str, content_type: str) -> None:
    headers = {"content-type": content_type}
    message = _nested_problem(client.post("/api/scenarios", content=body, headers=headers))
    assert "nested" in message
    saved = client.post("/api/scenarios", content=example_text(), headers=YAML).json()["id"]
    put = client.put(
        f"/api/scenarios/{saved}", content=body, headers=headers, params={"base_version": 1}
    )
    assert "nested" in _nested_problem(put)
    assert client.get(f"/api/scenarios/{saved}").json()["versions"] == [1]


def test_a_yaml_anchor_inside_itself_is_a_422(client: httpx.Client) -> None:
    message = _nested_problem(client.post("/api/scenarios", content=SELF_REFERENCE, headers=YAML))
    assert "nested deeper than" in message  # it never ends: the walk stops at the limit


def _token(client: httpx.Client) -> str:
    page = client.get("/scenarios/new")
    match = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    assert match
    return match[1]


def test_editor_yaml_tab_and_import_refuse_deep_nesting(client: httpx.Client) -> None:
    token = _token(client)
    page = client.post("/scenarios", data={"csrf_token": token, "mode": "yaml", "yaml": DEEP_YAML})
    assert page.status_code == 422
    assert "nested" in page.text
    for name, content in (("deep.yaml", DEEP_YAML), ("deep.toml", DEEP_TOML)):
        files = {"file": (name, content.encode(), "application/octet-stream")}
        imported = client.post("/import", data={"csrf_token": token}, files=files)
        assert imported.status_code == 422, name
        assert "nested" in imported.text


@pytest.mark.parametrize(
    "field", ["other", "assumptions.0.value", "workstreams.0.team"], ids=lambda f: f
)
def test_editor_form_fields_refuse_deep_nesting(client: httpx.Client, field: str) -> None:
    token = _token(client)
    fields = {
        "csrf_token": token,
        "mode": "form",
        "name": "Deep",
        "home_country": "US",
        "workstreams.0.name": "w",
        "workstreams.0.fte": "2",
        "workstreams.0.duration_months": "6",
        "assumptions.0.key": "vendor_margin",
        "assumptions.0.value": "30%",
    }
    fields[field] = "extra: " + "[" * DEPTH + "]" * DEPTH
    page = client.post("/scenarios", data=fields)
    assert page.status_code == 422
    assert "nested" in page.text
    as_yaml = client.post("/editor/yaml", data=fields)  # the YAML tab of the same form
    assert as_yaml.status_code == 200


def test_yaml_tab_to_form_refuses_deep_nesting_in_place(client: httpx.Client) -> None:
    token = _token(client)
    response = client.post("/editor/form", data={"csrf_token": token, "yaml": DEEP_YAML})
    assert response.status_code == 200
    assert response.headers["hx-reswap"] == "none"
    message = json.loads(response.headers["hx-trigger"])["yamlError"]
    assert "nested" in message


def test_editing_a_saved_scenario_refuses_deep_nesting(client: httpx.Client) -> None:
    token = _token(client)
    saved = client.post("/api/scenarios", content=example_text(), headers=YAML).json()["id"]
    fields = {"csrf_token": token, "mode": "yaml", "yaml": DEEP_YAML, "base_version": "1"}
    page = client.post(f"/scenarios/{saved}", data=fields)
    assert page.status_code == 422
    assert "nested" in page.text
    assert client.get(f"/api/scenarios/{saved}").json()["versions"] == [1]
