"""The JSON API contract, on SQLite and on PostgreSQL (see tests/web/conftest.py)."""

from __future__ import annotations

import json
import time

import httpx
import pytest
import yaml
from tests.conftest import scenario_data
from tests.web.conftest import example_text

from shorewise.web.app import HTMX_VERSION

YAML = {"content-type": "application/yaml"}
CONTRACT_KEYS = ("scenario", "currency", "samples", "seed", "strategies", "recommendation", "plan")


def _create(client: httpx.Client, text: str | None = None) -> int:
    response = client.post("/api/scenarios", content=text or example_text(), headers=YAML)
    assert response.status_code == 201, response.text
    return int(response.json()["id"])


def test_health(client: httpx.Client) -> None:
    response = client.get("/api/health")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_create_from_yaml_keeps_the_text(client: httpx.Client) -> None:
    text = example_text()
    response = client.post("/api/scenarios", content=text, headers=YAML)
    assert response.status_code == 201
    body = response.json()
    assert set(body) == {"id", "version"}
    assert response.headers["location"] == f"/api/scenarios/{body['id']}"
    got = client.get(f"/api/scenarios/{body['id']}").json()
    assert got["yaml"] == text
    assert got["name"] == "Payments platform"
    assert got["scenario"]["workstreams"][0]["fte"] == 8
    assert (got["version"], got["versions"]) == (1, [1])


def test_create_from_json(client: httpx.Client) -> None:
    response = client.post("/api/scenarios", json=scenario_data(name="From JSON"))
    assert response.status_code == 201
    scenario_id = response.json()["id"]
    listed = {s["id"]: s for s in client.get("/api/scenarios").json()}
    assert listed[scenario_id]["name"] == "From JSON"


def test_invalid_scenario_lists_every_error_with_its_field(client: httpx.Client) -> None:
    data = scenario_data(workstreams=[{"name": "w", "fte": -3}], currency="usd1")
    del data["home_country"]
    response = client.post("/api/scenarios", json=data)
    assert response.status_code == 422
    errors = response.json()["errors"]
    fields = {e["field"] for e in errors}
    assert {"home_country", "workstreams.0.fte", "workstreams.0.duration_months"} <= fields
    assert "currency" in fields
    assert all(e["field"] and e["message"] for e in errors)


@pytest.mark.parametrize(
    ("body", "headers"),
    [
        ("name: [unclosed", YAML),
        ("{not json", {"content-type": "application/json"}),
        ("- just\n- a list\n", YAML),
    ],
    ids=["broken-yaml", "broken-json", "not-a-mapping"],
)
def test_unreadable_bodies_are_422_on_the_body(
    client: httpx.Client, body: str, headers: dict[str, str]
) -> None:
    response = client.post("/api/scenarios", content=body, headers=headers)
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "body"


@pytest.mark.parametrize(
    "content_type", ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data"]
)
def test_other_content_types_are_refused(client: httpx.Client, content_type: str) -> None:
    response = client.post(
        "/api/scenarios", content=example_text(), headers={"content-type": content_type}
    )
    assert response.status_code == 415


def test_put_makes_a_new_version_and_old_ones_stay_readable(client: httpx.Client) -> None:
    scenario_id = _create(client)
    edited = example_text().replace("fte: 8", "fte: 12")
    url = f"/api/scenarios/{scenario_id}"
    response = client.put(url, content=edited, headers=YAML, params={"base_version": 1})
    assert response.status_code == 200
    assert response.json() == {"id": scenario_id, "version": 2}
    current = client.get(url).json()
    assert current["scenario"]["workstreams"][0]["fte"] == 12
    assert current["versions"] == [1, 2]
    old = client.get(url, params={"version": 1}).json()
    assert old["scenario"]["workstreams"][0]["fte"] == 8
    bad = client.put(url, json={"name": "x"}, params={"base_version": 2})
    assert bad.status_code == 422
    assert client.get(url).json()["version"] == 2
    missing = client.put(
        "/api/scenarios/999999", content=edited, headers=YAML, params={"base_version": 1}
    )
    assert missing.status_code == 404


def test_put_must_name_the_version_it_starts_from(client: httpx.Client) -> None:
    scenario_id = _create(client)
    response = client.put(f"/api/scenarios/{scenario_id}", content=example_text(), headers=YAML)
    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["base_version"]
    assert client.get(f"/api/scenarios/{scenario_id}").json()["versions"] == [1]


def test_delete(client: httpx.Client) -> None:
    scenario_id = _create(client)
    assert client.delete(f"/api/scenarios/{scenario_id}").status_code == 204
    assert client.get(f"/api/scenarios/{scenario_id}").status_code == 404
    assert client.delete(f"/api/scenarios/{scenario_id}").status_code == 404
    assert scenario_id not in {s["id"] for s in client.get("/api/scenarios").json()}


def test_run_returns_the_compare_json_plus_run_id(client: httpx.Client) -> None:
    scenario_id = _create(client, example_text("two-workstreams"))
    response = client.post(f"/api/scenarios/{scenario_id}/runs", params={"samples": 400, "seed": 5})
    assert response.status_code == 201, response.text
    doc = response.json()
    for key in CONTRACT_KEYS:
        assert key in doc
    assert (doc["samples"], doc["seed"]) == (400, 5)
    assert doc["run"]["scenario_version"] == 1
    assert doc["run"]["engine_version"]
    again = client.get(f"/api/runs/{doc['run_id']}").json()
    assert again == doc
    listed = client.get(f"/api/scenarios/{scenario_id}/runs").json()
    assert listed[0]["run_id"] == doc["run_id"]
    assert client.get("/api/runs/999999").status_code == 404


@pytest.mark.parametrize(
    ("params", "field"),
    [({"samples": 20_001}, "samples"), ({"samples": -1}, "samples"), ({"seed": -2}, "seed")],
)
def test_run_limits(client: httpx.Client, params: dict[str, int], field: str) -> None:
    scenario_id = _create(client)
    response = client.post(f"/api/scenarios/{scenario_id}/runs", params=params)
    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == [field]


def test_background_job_reports_progress_and_the_run(client: httpx.Client) -> None:
    scenario_id = _create(client)
    started = client.post(f"/api/scenarios/{scenario_id}/jobs", params={"samples": 300})
    assert started.status_code == 202
    assert started.json()["state"] in ("queued", "running")
    job_id = started.json()["job_id"]
    assert started.headers["location"] == f"/api/jobs/{job_id}"
    state = started.json()
    for _ in range(600):
        state = client.get(f"/api/jobs/{job_id}").json()
        if state["state"] in ("done", "failed"):
            break
        time.sleep(0.1)
    assert state["state"] == "done", state
    assert (state["kind"], state["done"], state["total"]) == ("run", 300, 300)
    run = client.get(f"/api/runs/{state['run_id']}").json()
    assert run["samples"] == 300
    assert client.get("/api/jobs/nope").status_code == 404
    assert client.get("/api/jobs/0123456789abcdef").status_code == 404
    assert client.delete(f"/api/jobs/{job_id}").status_code == 409  # finished: nothing to cancel


def test_request_bodies_are_capped(client: httpx.Client) -> None:
    big = example_text() + "#" + "x" * 200_000 + "\n"
    response = client.post("/api/scenarios", content=big, headers=YAML)
    assert response.status_code == 413


def test_cross_site_writes_are_refused(client: httpx.Client) -> None:
    text = example_text()
    evil = client.post(
        "/api/scenarios", content=text, headers={**YAML, "origin": "http://evil.example"}
    )
    assert evil.status_code == 403
    referer = client.post(
        "/api/scenarios", content=text, headers={**YAML, "referer": "http://evil.example/x"}
    )
    assert referer.status_code == 403
    same = client.post(
        "/api/scenarios", content=text, headers={**YAML, "origin": str(client.base_url)}
    )
    assert same.status_code == 201


def test_unknown_host_names_are_refused(client: httpx.Client) -> None:
    response = client.get("/api/health", headers={"host": "attacker.example"})
    assert response.status_code == 400


def test_openapi_and_local_docs(client: httpx.Client) -> None:
    spec = client.get("/openapi.json").json()
    paths = spec["paths"]
    for path in (
        "/api/health",
        "/api/scenarios",
        "/api/scenarios/{scenario_id}",
        "/api/scenarios/{scenario_id}/runs",
        "/api/runs/{run_id}",
    ):
        assert path in paths
    body = paths["/api/scenarios"]["post"]["requestBody"]["content"]
    assert set(body) == {"application/yaml", "application/json"}
    docs = client.get("/docs")
    assert docs.status_code == 200
    assert "/api/scenarios/{scenario_id}/runs" in docs.text
    assert "cdn" not in docs.text.lower()
    assert 'src="http' not in docs.text


def test_security_headers_forbid_other_hosts(client: httpx.Client) -> None:
    headers = client.get("/").headers
    assert "connect-src 'self'" in headers["content-security-policy"]
    assert headers["x-frame-options"] == "DENY"
    assert "SameSite=Strict" in headers["set-cookie"]


def test_assets_are_served_locally(client: httpx.Client) -> None:
    htmx = client.get("/static/htmx.min.js")
    assert htmx.status_code == 200
    assert f'version:"{HTMX_VERSION}"' in htmx.text
    vega = client.get("/assets/vega.js")
    assert vega.status_code == 200
    assert "window.vegaEmbed" in vega.text


def test_json_download_equals_the_api_result(client: httpx.Client) -> None:
    scenario_id = _create(client)
    run = client.post(f"/api/scenarios/{scenario_id}/runs", params={"samples": 200}).json()
    download = client.get(f"/runs/{run['run_id']}/download/json")
    assert download.status_code == 200
    assert "attachment" in download.headers["content-disposition"]
    expected = {k: v for k, v in run.items() if k not in ("run_id", "run")}
    assert json.loads(download.text) == expected
    yaml_file = client.get(f"/scenarios/{scenario_id}/download.yaml")
    assert yaml.safe_load(yaml_file.text)["name"] == "Payments platform"
    assert client.get(f"/runs/{run['run_id']}/download/exe").status_code == 404
