"""The web results and compare pages read in words: picks per workstream, no ids."""

from __future__ import annotations

import httpx
from tests.human_text import html_text, ids_in
from tests.web.conftest import example_text
from tests.web.test_web_pages import _follow_job, _token

YAML = {"content-type": "application/yaml"}


def test_results_and_compare_pages_have_no_ids(client: httpx.Client) -> None:
    token = _token(client)
    ids = [
        client.post("/api/scenarios", content=example_text(name), headers=YAML).json()["id"]
        for name in ("two-workstreams", "leads-at-home-mix")
    ]
    run_urls = []
    for scenario_id in ids:
        started = client.post(
            f"/scenarios/{scenario_id}/run",
            data={"csrf_token": token, "samples": "300", "seed": "3"},
        )
        assert started.status_code == 303
        run_urls.append(_follow_job(client, started.headers["location"]))
    both = client.get("/compare", params={"scenarios": ids})
    assert both.status_code == 303  # both have runs: straight to their comparison
    compare = html_text(client.get(both.headers["location"]).text)
    assert ids_in(compare) == []
    page = client.get(run_urls[0]).text
    text = html_text(page)
    assert ids_in(text) == []
    for label in ("core ledger:", "Dedicated team in India", "marketing site:", "Vendor in India"):
        assert label in text
    assert "Would change the answer" in text
    assert "Plan total" in text
