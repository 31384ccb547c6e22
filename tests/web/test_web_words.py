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


def test_an_example_opens_as_its_commented_file_and_saves_with_its_comments(
    client: httpx.Client,
) -> None:
    index = client.get("/").text
    assert "/scenarios/new?example=retail-app&amp;tab=yaml" in index
    text = example_text("retail-app")
    comments = [line for line in text.splitlines() if line.lstrip().startswith("#")]
    assert comments  # the bundled example explains itself
    editor = client.get("/scenarios/new", params={"example": "retail-app", "tab": "yaml"}).text
    assert comments[0].replace("'", "&#39;").replace('"', "&#34;") in editor
    saved = client.post(
        "/scenarios", data={"csrf_token": _token(client), "mode": "yaml", "yaml": text}
    )
    assert saved.status_code == 303
    stored = client.get(saved.headers["location"] + "/download.yaml").text
    for line in comments:
        assert line in stored


def test_an_older_version_can_be_run(client: httpx.Client) -> None:
    token = _token(client)
    text = example_text()
    saved = client.post("/api/scenarios", content=text, headers=YAML).json()["id"]
    edited = client.put(
        f"/api/scenarios/{saved}?base_version=1",
        content=text.replace("fte: 8", "fte: 9"),
        headers=YAML,
    )
    assert edited.status_code == 200, edited.text
    page = client.get(f"/scenarios/{saved}", params={"version": 1}).text
    assert 'name="version" value="1"' in page
    assert "Run this older version (1)" in page
    started = client.post(
        f"/scenarios/{saved}/run",
        data={"csrf_token": token, "samples": "200", "seed": "1", "version": "1"},
    )
    assert started.status_code == 303
    run_url = _follow_job(client, started.headers["location"])
    runs = client.get(f"/api/scenarios/{saved}/runs").json()
    assert [r["scenario_version"] for r in runs] == [1]
    assert "version 1" in client.get(run_url).text
