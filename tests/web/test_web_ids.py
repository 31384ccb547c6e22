"""Ids beyond the database's integer range are 404 on every id route, like any unknown id
(SQLite's integers end at 2**63 - 1, PostgreSQL's `integer` at 2**31 - 1), on both."""

from __future__ import annotations

import re

import httpx
import pytest
from tests.web.conftest import example_text

HUGE = [2**31, 2**63, 2**64, 10**30, 0, -1, -(2**63) - 1]
YAML = {"content-type": "application/yaml"}

API_ROUTES = [
    ("GET", "/api/scenarios/{id}"),
    ("PUT", "/api/scenarios/{id}?base_version=1"),
    ("DELETE", "/api/scenarios/{id}"),
    ("GET", "/api/scenarios/{id}/runs"),
    ("POST", "/api/scenarios/{id}/runs"),
    ("POST", "/api/scenarios/{id}/jobs"),
    ("GET", "/api/runs/{id}"),
    ("POST", "/api/runs/{id}/reports"),
]
PAGE_ROUTES = [
    ("GET", "/scenarios/{id}"),
    ("GET", "/scenarios/{id}/edit"),
    ("GET", "/scenarios/{id}/download.yaml"),
    ("GET", "/scenarios/{id}/assumptions"),
    ("POST", "/scenarios/{id}"),
    ("POST", "/scenarios/{id}/run"),
    ("POST", "/scenarios/{id}/delete"),
    ("GET", "/runs/{id}"),
    ("GET", "/runs/{id}/download/json"),
    ("GET", "/runs/{id}/download/pdf"),
    ("POST", "/runs/{id}/reports"),
    ("GET", "/compare?runs={id}&runs={id}"),
    ("GET", "/compare?scenarios={id}&scenarios={id}"),
]


@pytest.mark.parametrize(("method", "route"), API_ROUTES, ids=[f"{m} {r}" for m, r in API_ROUTES])
def test_api_id_routes_answer_404_for_ids_out_of_range(
    client: httpx.Client, method: str, route: str
) -> None:
    for value in HUGE:
        response = client.request(
            method, route.format(id=value), content=example_text(), headers=YAML
        )
        assert response.status_code == 404, (value, response.text[:200])
        assert response.json()["detail"]


def test_versions_out_of_range_are_404(client: httpx.Client) -> None:
    saved = client.post("/api/scenarios", content=example_text(), headers=YAML).json()["id"]
    for value in (2**31, 2**63, 10**30):
        url = f"/api/scenarios/{saved}?version={value}"
        assert client.get(url).status_code == 404, value
        assert client.get(f"/scenarios/{saved}?version={value}").status_code == 404, value
        edit = client.put(
            f"/api/scenarios/{saved}?base_version={value}", content=example_text(), headers=YAML
        )
        assert edit.status_code == 409, value  # a version that cannot be current: stale
    assert client.get(f"/api/scenarios/{saved}").json()["versions"] == [1]


@pytest.mark.parametrize(("method", "route"), PAGE_ROUTES, ids=[f"{m} {r}" for m, r in PAGE_ROUTES])
def test_page_id_routes_answer_404_for_ids_out_of_range(
    client: httpx.Client, method: str, route: str
) -> None:
    page = client.get("/scenarios/new")
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    assert token
    form = {"csrf_token": token[1], "mode": "yaml", "yaml": example_text(), "format": "pdf"}
    for value in HUGE:
        url = route.format(id=value)
        response = client.get(url) if method == "GET" else client.post(url, data=form)
        assert response.status_code == 404, (value, url, response.text[:200])
