"""HTTP done right, on both databases: no GET (so no cross-site ``<img>``) runs or writes
anything; reports are made by the queue and fetched after; ``HEAD`` answers wherever
``GET`` does; a 405 names every method the path has; compare labels its currency."""

from __future__ import annotations

import re

import httpx
import pytest
from sqlalchemy import func, select
from tests.web.conftest import example_text, serving, wait_for_job

from shorewise.storage.models import JobRow, RunRow, VersionRow
from shorewise.workflows.library import Library

YAML = {"content-type": "application/yaml"}


def _token(client: httpx.Client) -> str:
    match = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/scenarios/new").text)
    assert match
    return match[1]


def _rows(db_url: str) -> tuple[int, int, int]:
    """Runs, jobs and scenario versions in the database."""
    library = Library.open(db_url)
    try:
        with library.store.transaction() as session:
            return tuple(  # type: ignore[return-value]
                int(session.scalar(select(func.count()).select_from(table)) or 0)
                for table in (RunRow, JobRow, VersionRow)
            )
    finally:
        library.close()


def _create(client: httpx.Client, text: str | None = None) -> int:
    answer = client.post("/api/scenarios", content=text or example_text(), headers=YAML)
    return int(answer.json()["id"])


def test_no_get_runs_or_writes_anything(db_url: str) -> None:
    with serving(db_url) as client:
        run_id = client.post(f"/api/scenarios/{_create(client)}/runs", params={"samples": 50})
        run_id = run_id.json()["run_id"]
        never_run = [_create(client), _create(client, example_text("retail-app"))]
        before = _rows(db_url)
        gets = [
            "/",
            f"/compare?scenarios={never_run[0]}&scenarios={never_run[1]}",
            f"/compare?runs={run_id}&runs={run_id}",
            *(f"/runs/{run_id}/download/{fmt}" for fmt in ("html", "pdf", "xlsx", "md", "csv")),
            f"/runs/{run_id}/download/json",
            f"/runs/{run_id}",
            f"/runs/{run_id}/breakeven",
            f"/scenarios/{never_run[0]}",
            f"/scenarios/{never_run[0]}/edit",
            f"/scenarios/{never_run[0]}/assumptions",
            f"/scenarios/{never_run[0]}/download.yaml",
            "/api/scenarios",
            f"/api/scenarios/{never_run[0]}/runs",
        ]
        for url in gets:
            for method in ("GET", "HEAD"):
                answer = client.request(method, url)
                assert answer.status_code in (200, 303), (method, url, answer.status_code)
        assert _rows(db_url) == before
        offered = client.get(gets[1])
        assert 'method="post" action="/compare"' in offered.text
        pdf = client.get(f"/runs/{run_id}/download/pdf")
        assert 'method="post" action="/runs/' in pdf.text
        assert pdf.headers["content-type"].startswith("text/html")


def test_a_report_is_made_by_the_queue_and_fetched_when_ready(db_url: str) -> None:
    with serving(db_url) as client:
        run = client.post(f"/api/scenarios/{_create(client)}/runs", params={"samples": 50})
        run_id = run.json()["run_id"]
        token = _token(client)
        queued = client.post(f"/runs/{run_id}/reports", data={"csrf_token": token, "format": "pdf"})
        assert queued.status_code == 303
        job_id = queued.headers["location"].rsplit("/", 1)[1]
        state = wait_for_job(client, job_id)
        assert state["state"] == "done", state
        assert state["file"] == f"/api/jobs/{job_id}/file"
        page = client.get(f"/jobs/{job_id}")
        assert f'href="/jobs/{job_id}/file"' in page.text
        pdf = client.get(f"/jobs/{job_id}/file")
        assert pdf.content.startswith(b"%PDF")
        assert pdf.headers["content-type"] == "application/pdf"
        assert (
            f'filename="payments-platform-run-{run_id}.pdf"' in pdf.headers["content-disposition"]
        )
        api = client.post(f"/api/runs/{run_id}/reports", params={"format": "csv"})
        assert api.status_code == 202
        assert wait_for_job(client, api.json()["job_id"])["state"] == "done"
        csv = client.get(f"/api/jobs/{api.json()['job_id']}/file")
        assert csv.status_code == 200
        assert csv.headers["content-type"].startswith("text/csv")
        assert "Payments platform" in csv.text or "," in csv.text.splitlines()[0]
        run_job = client.post(f"/api/scenarios/{run.json()['run']['scenario_id']}/jobs")
        finished = wait_for_job(client, run_job.json()["job_id"])
        assert client.get(f"/api/jobs/{finished['job_id']}/file").status_code == 404  # no file


@pytest.mark.parametrize(
    ("path", "allowed"),
    [
        ("/api/scenarios", "GET, HEAD, POST"),
        ("/api/scenarios/1", "DELETE, GET, HEAD, PUT"),
        ("/api/scenarios/1/runs", "GET, HEAD, POST"),
        ("/api/jobs/0123456789abcdef", "DELETE, GET, HEAD"),
        ("/api/health", "GET, HEAD"),
        ("/compare", "GET, HEAD, POST"),
    ],
)
def test_a_405_names_every_method_of_the_path(
    client: httpx.Client, path: str, allowed: str
) -> None:
    answer = client.request("PATCH", path)
    assert answer.status_code == 405
    assert answer.headers["allow"] == allowed
    assert answer.json()["detail"]


def test_head_answers_like_get_without_a_body(client: httpx.Client) -> None:
    for path in ("/api/health", "/api/scenarios", "/", "/openapi.json", "/static/htmx.min.js"):
        got, head = client.get(path), client.head(path)
        assert head.status_code == got.status_code == 200, path
        assert head.content == b""
        assert head.headers["content-type"] == got.headers["content-type"]
    assert client.head("/api/scenarios/999999").status_code == 404


def test_compare_across_currencies_says_how_it_converted(client: httpx.Client) -> None:
    usd = _create(client)
    eur = _create(client, example_text().replace("currency: USD", "currency: EUR"))
    runs = [
        client.post(f"/api/scenarios/{s}/runs", params={"samples": 0}).json()["run_id"]
        for s in (usd, eur)
    ]
    page = client.get("/compare", params={"runs": runs})
    assert page.status_code == 200
    assert 'id="fx-note"' in page.text
    assert "EUR figures of the right-hand run are shown in USD" in page.text
    assert "in USD." in page.text
    same = client.get("/compare", params={"runs": [runs[0], runs[0]]})
    assert 'id="fx-note"' not in same.text
