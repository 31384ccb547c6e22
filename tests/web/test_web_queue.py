"""Every heavy request goes through one bounded job queue, on SQLite and PostgreSQL: a full
queue answers 503 with Retry-After on every way in; queued jobs outlive the server; the
synchronous run endpoint waits its turn like any job; progress pages see a dead job."""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import httpx
from sqlalchemy import select, update
from tests.web.conftest import example_text, serving, wait_for_job

from shorewise.storage.models import JobRow, utc_now
from shorewise.workflows.library import Library

YAML = {"content-type": "application/yaml"}


def _scenario(client: httpx.Client) -> int:
    return int(client.post("/api/scenarios", content=example_text(), headers=YAML).json()["id"])


def _token(client: httpx.Client) -> str:
    match = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/scenarios/new").text)
    assert match
    return match[1]


def _assert_busy(response: httpx.Response) -> None:
    assert response.status_code == 503, response.text[:200]
    assert int(response.headers["retry-after"]) >= 1


def test_a_full_queue_answers_503_with_retry_after_on_every_way_in(db_url: str) -> None:
    library = Library.open(db_url)
    with serving(db_url, workers=0, max_queued=2) as client:  # no worker: jobs only wait
        scenario_id = _scenario(client)
        run_id = library.run(scenario_id, samples=50).run_id  # a saved run to report on
        first = client.post(f"/api/scenarios/{scenario_id}/jobs", params={"samples": 10})
        second = client.post(f"/api/runs/{run_id}/reports", params={"format": "csv"})
        assert (first.status_code, second.status_code) == (202, 202)
        full = client.post(f"/api/scenarios/{scenario_id}/jobs")
        _assert_busy(full)
        assert full.json()["retry_after"] == int(full.headers["retry-after"])
        assert "2 jobs are waiting (at most 2)" in full.json()["detail"]
        _assert_busy(client.post(f"/api/scenarios/{scenario_id}/runs"))  # synchronous too
        _assert_busy(client.post(f"/api/runs/{run_id}/reports", params={"format": "pdf"}))
        token = _token(client)
        _assert_busy(client.post(f"/scenarios/{scenario_id}/run", data={"csrf_token": token}))
        form = {"csrf_token": token, "format": "pdf"}
        page = client.post(f"/runs/{run_id}/reports", data=form)
        _assert_busy(page)
        assert "The server is busy" in page.text
        other = _scenario(client)
        pair = {"csrf_token": token, "scenarios": [str(scenario_id), str(other)]}
        _assert_busy(client.post("/compare", data=pair))
        cancelled = client.delete(f"/api/jobs/{first.json()['job_id']}")
        assert cancelled.json()["state"] == "cancelled"
        assert client.post(f"/api/scenarios/{scenario_id}/jobs").status_code == 202
    library.close()


def test_queued_jobs_outlive_the_server_and_run_at_the_next_start(db_url: str) -> None:
    with serving(db_url, workers=0) as client:
        scenario_id = _scenario(client)
        job_ids = [
            client.post(f"/api/scenarios/{scenario_id}/jobs", params={"samples": 40 + i}).json()[
                "job_id"
            ]
            for i in range(3)
        ]
    with serving(db_url, workers=2) as client:  # a restart
        states = [wait_for_job(client, job_id) for job_id in job_ids]
        assert [s["state"] for s in states] == ["done"] * 3
        samples = [client.get(f"/api/runs/{s['run_id']}").json()["samples"] for s in states]
        assert samples == [40, 41, 42]


def test_the_synchronous_run_endpoint_waits_its_turn_in_the_queue(db_url: str) -> None:
    with serving(db_url, workers=2, max_queued=10) as client:
        scenario_id = _scenario(client)
        base = str(client.base_url)

        def run(seed: int) -> int:
            with httpx.Client(base_url=base, timeout=300) as http:
                url = f"/api/scenarios/{scenario_id}/runs"
                return http.post(url, params={"samples": 300, "seed": seed}).status_code

        with ThreadPoolExecutor(6) as pool:
            assert list(pool.map(run, range(6))) == [201] * 6
    library = Library.open(db_url)
    try:
        with library.store.transaction() as session:
            spans = session.execute(
                select(JobRow.started_at, JobRow.finished_at).where(JobRow.kind == "run")
            ).all()
    finally:
        library.close()
    assert len(spans) == 6
    moments = sorted([(s, 1) for s, _ in spans] + [(f, -1) for _, f in spans])
    running = most = 0
    for _, step in moments:
        running += step
        most = max(most, running)
    assert most <= 2  # never more than the two workers at once


def _pretend_running_elsewhere(db_url: str, job_id: str, silent_seconds: float) -> None:
    """Mark the job as run by a server on another host, last heard of that long ago."""
    library = Library.open(db_url)
    try:
        with library.store.transaction(write=True) as session:
            last = utc_now() - timedelta(seconds=silent_seconds)
            session.execute(
                update(JobRow)
                .where(JobRow.public_id == job_id)
                .values(
                    state="running",
                    owner="another-host:1:x",
                    attempts=1,
                    started_at=last,
                    heartbeat_at=last,
                )
            )
    finally:
        library.close()


STALLED = re.compile(r"No sign of life from the server running this job for (\d+) s")


def test_a_job_whose_server_went_silent_is_shown_stalled(db_url: str) -> None:
    with serving(db_url, workers=0) as client:
        scenario_id = _scenario(client)
        job_id = client.post(f"/api/scenarios/{scenario_id}/jobs").json()["job_id"]
        _pretend_running_elsewhere(db_url, job_id, silent_seconds=1)
        state = client.get(f"/api/jobs/{job_id}").json()
        assert (state["state"], state["stalled"]) == ("running", False)
        assert "data-stalled" not in client.get(f"/jobs/{job_id}").text
        _pretend_running_elsewhere(db_url, job_id, silent_seconds=300)
        assert client.get(f"/api/jobs/{job_id}").json()["stalled"] is True
        page = client.get(f"/jobs/{job_id}")
        assert page.status_code == 200
        assert "data-stalled" in page.text
        silent = re.search(
            r"No sign of life from the server running this job for (\d+) s", page.text
        )
        assert silent is not None
        assert 300 <= int(silent.group(1)) <= 330  # the heartbeat's age when the page was drawn
