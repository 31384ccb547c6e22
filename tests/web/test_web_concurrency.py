"""Concurrent edits of one scenario, on SQLite and PostgreSQL: each edit names the version it
starts from; of parallel edits from one version exactly one is saved, the others get 409
and nothing is overwritten; none ever gets a 5xx."""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor

import httpx
import yaml
from tests.web.conftest import example_text

YAML = {"content-type": "application/yaml"}
PARALLEL = 10


def _edit(fte: int) -> str:
    return example_text().replace("fte: 8", f"fte: {fte}")


def _put(base_url: str, scenario_id: int, fte: int, base_version: int) -> httpx.Response:
    with httpx.Client(base_url=base_url, timeout=60) as http:
        return http.put(
            f"/api/scenarios/{scenario_id}",
            content=_edit(fte),
            headers=YAML,
            params={"base_version": base_version},
        )


def test_parallel_edits_from_one_version_save_one_and_refuse_the_rest(
    client: httpx.Client, served: str
) -> None:
    scenario_id = client.post("/api/scenarios", content=example_text(), headers=YAML).json()["id"]
    with ThreadPoolExecutor(PARALLEL) as pool:
        answers = list(
            pool.map(lambda fte: _put(served, scenario_id, fte, 1), range(20, 20 + PARALLEL))
        )
    statuses = sorted(a.status_code for a in answers)
    assert statuses == [200] + [409] * (PARALLEL - 1), [a.text[:200] for a in answers]
    winner = next(a for a in answers if a.status_code == 200).json()
    assert winner == {"id": scenario_id, "version": 2}
    for refused in (a.json() for a in answers if a.status_code == 409):
        assert (refused["base_version"], refused["current_version"]) == (1, 2)
        assert "not saved" in refused["detail"]
    current = client.get(f"/api/scenarios/{scenario_id}").json()
    assert current["versions"] == [1, 2]
    saved_fte = current["scenario"]["workstreams"][0]["fte"]
    winner_fte = next(
        fte
        for fte, a in zip(range(20, 20 + PARALLEL), answers, strict=True)
        if a.status_code == 200
    )
    assert saved_fte == winner_fte
    first = client.get(f"/api/scenarios/{scenario_id}", params={"version": 1}).json()
    assert first["scenario"]["workstreams"][0]["fte"] == 8  # untouched


def test_parallel_editors_that_retry_from_the_current_version_lose_nothing(
    client: httpx.Client, served: str
) -> None:
    scenario_id = client.post("/api/scenarios", content=example_text(), headers=YAML).json()["id"]

    def edit_until_saved(fte: int) -> list[int]:
        statuses = []
        with httpx.Client(base_url=served, timeout=60) as http:
            for _ in range(100):
                base = http.get(f"/api/scenarios/{scenario_id}").json()["version"]
                answer = _put(served, scenario_id, fte, base)
                statuses.append(answer.status_code)
                if answer.status_code != 409:
                    return statuses
        return statuses

    with ThreadPoolExecutor(PARALLEL) as pool:
        histories = list(pool.map(edit_until_saved, range(40, 40 + PARALLEL)))
    for history in histories:
        assert history[-1] == 200, history
        assert set(history) <= {200, 409}, history
    record = client.get(f"/api/scenarios/{scenario_id}").json()
    assert record["versions"] == list(range(1, PARALLEL + 2))
    saved = set()
    for version in range(2, PARALLEL + 2):
        text = client.get(f"/api/scenarios/{scenario_id}", params={"version": version}).json()
        saved.add(yaml.safe_load(text["yaml"])["workstreams"][0]["fte"])
    assert saved == set(range(40, 40 + PARALLEL))  # every edit is a version of its own


def test_parallel_creates_and_saves_never_fail(client: httpx.Client, served: str) -> None:
    def create(i: int) -> int:
        with httpx.Client(base_url=served, timeout=60) as http:
            body = example_text().replace("Payments platform", f"parallel {i}")
            return http.post("/api/scenarios", content=body, headers=YAML).status_code

    with ThreadPoolExecutor(PARALLEL) as pool:
        assert list(pool.map(create, range(PARALLEL * 2))) == [201] * PARALLEL * 2


def _token(client: httpx.Client) -> str:
    match = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/scenarios/new").text)
    assert match
    return match[1]


def test_a_stale_form_save_comes_back_409_with_the_edit_intact(client: httpx.Client) -> None:
    token = _token(client)
    scenario_id = client.post("/api/scenarios", content=example_text(), headers=YAML).json()["id"]
    url = f"/scenarios/{scenario_id}"
    opened = [client.get(url + "/edit").text for _ in range(2)]  # two tabs on version 1
    assert all('name="base_version" value="1"' in page for page in opened)
    first = {"csrf_token": token, "mode": "yaml", "yaml": _edit(11), "base_version": "1"}
    assert client.post(url, data=first).status_code == 303
    second = {"csrf_token": token, "mode": "yaml", "yaml": _edit(12), "base_version": "1"}
    page = client.post(url, data=second)
    assert page.status_code == 409
    assert 'id="conflict"' in page.text
    assert "someone saved version 2 while you edited version 1" in page.text
    assert "fte: 12" in page.text  # the unsaved edit is still in the editor
    assert 'name="base_version" value="2"' in page.text  # saving again builds on version 2
    assert client.get(f"/api/scenarios/{scenario_id}").json()["versions"] == [1, 2]
    again = client.post(url, data={**second, "base_version": "2"})
    assert again.status_code == 303
    latest = client.get(f"/api/scenarios/{scenario_id}").json()
    assert (latest["version"], latest["scenario"]["workstreams"][0]["fte"]) == (3, 12)
    v2 = client.get(f"/api/scenarios/{scenario_id}", params={"version": 2}).json()
    assert v2["scenario"]["workstreams"][0]["fte"] == 11


def test_a_form_without_its_base_version_is_not_saved(client: httpx.Client) -> None:
    token = _token(client)
    scenario_id = client.post("/api/scenarios", content=example_text(), headers=YAML).json()["id"]
    page = client.post(
        f"/scenarios/{scenario_id}", data={"csrf_token": token, "mode": "yaml", "yaml": _edit(5)}
    )
    assert page.status_code == 422
    assert "which version it edits" in page.text
    assert client.get(f"/api/scenarios/{scenario_id}").json()["versions"] == [1]
