"""Killing `shorewise serve` with jobs queued and running, on SQLite and PostgreSQL:
``kill -9`` loses no acknowledged job (the interrupted ones run again at the next start),
and SIGTERM stops at once, leaving every unfinished job queued for the next start."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from sqlalchemy import text
from tests.storage.postgres_server import fresh_database_url
from tests.web.conftest import example_text
from tests.web.live_server import free_port
from tests.web.test_web_kill import _wait_for

from shorewise.storage import job_queue as queue
from shorewise.workflows.library import Library

JOBS = 6  # with the server's two workers: two running, four queued
SAMPLES = 20_000
WAIT_SECONDS = 240


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def kill_db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'killed.db'}"
    return fresh_database_url()


def _serve(db_url: str) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    command = [sys.executable, "-m", "shorewise", "serve", "--port", str(port)]
    server = subprocess.Popen(
        [*command, "--db", db_url, "--no-open"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ},
    )
    url = f"http://127.0.0.1:{port}"
    _wait_for(url, server)
    return server, url


def _queue_jobs(url: str) -> list[str]:
    with httpx.Client(base_url=url, timeout=60) as client:
        body = example_text().replace("samples: 10000", f"samples: {SAMPLES}")
        created = client.post(
            "/api/scenarios", content=body, headers={"content-type": "application/yaml"}
        )
        scenario_id = created.json()["id"]
        job_ids = []
        for seed in range(JOBS):
            started = client.post(f"/api/scenarios/{scenario_id}/jobs", params={"seed": seed})
            assert started.status_code == 202, started.text
            job_ids.append(started.json()["job_id"])
        return job_ids


def _states(db_url: str, job_ids: list[str]) -> dict[str, str]:
    library = Library.open(db_url)
    try:
        return {job_id: queue.get_job(library.store, job_id).state for job_id in job_ids}
    finally:
        library.close()


def _wait_until_some_run_and_some_wait(url: str, job_ids: list[str]) -> None:
    deadline = time.monotonic() + WAIT_SECONDS
    with httpx.Client(base_url=url, timeout=10) as client:
        while time.monotonic() < deadline:
            states = [client.get(f"/api/jobs/{j}").json() for j in job_ids]
            running = [s for s in states if s["state"] == "running" and s["done"] > 0]
            if running and any(s["state"] == "queued" for s in states):
                return
            time.sleep(0.05)
    raise AssertionError("no moment with jobs both running and queued")


def _restart_and_finish_all(db_url: str, job_ids: list[str]) -> None:
    server, url = _serve(db_url)
    try:
        deadline = time.monotonic() + WAIT_SECONDS
        with httpx.Client(base_url=url, timeout=10) as client:
            while True:
                states = [client.get(f"/api/jobs/{j}").json() for j in job_ids]
                if all(s["state"] == "done" for s in states):
                    break
                assert not [s for s in states if s["state"] in ("failed", "cancelled")], states
                assert time.monotonic() < deadline, states
                time.sleep(0.2)
            seeds = sorted(client.get(f"/api/runs/{s['run_id']}").json()["seed"] for s in states)
            assert seeds == list(range(JOBS))  # each job saved its own run, none twice
    finally:
        server.terminate()
        server.wait(timeout=60)


def _integrity(db_url: str) -> None:
    library = Library.open(db_url)
    try:
        if library.store.engine.dialect.name == "sqlite":
            with library.store.engine.connect() as connection:
                assert connection.scalar(text("pragma integrity_check")) == "ok"
    finally:
        library.close()


def test_sigkill_with_jobs_queued_and_running_loses_none(kill_db_url: str) -> None:
    server, url = _serve(kill_db_url)
    try:
        job_ids = _queue_jobs(url)
        _wait_until_some_run_and_some_wait(url, job_ids)
        server.send_signal(signal.SIGKILL)
        server.wait(timeout=30)
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
    assert server.returncode == -signal.SIGKILL
    _integrity(kill_db_url)
    left = _states(kill_db_url, job_ids)
    assert set(left) == set(job_ids)  # every acknowledged job is in the database
    assert "running" in left.values()  # killed mid-run: recovered at the next start
    _restart_and_finish_all(kill_db_url, job_ids)


def test_sigterm_stops_at_once_and_keeps_every_unfinished_job_queued(kill_db_url: str) -> None:
    server, url = _serve(kill_db_url)
    try:
        job_ids = _queue_jobs(url)
        _wait_until_some_run_and_some_wait(url, job_ids)
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=60)
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
    assert server.returncode in (0, -signal.SIGTERM)  # uvicorn re-raises it once shut down
    left = _states(kill_db_url, job_ids)
    assert set(left.values()) <= {"queued", "done"}, left  # nothing left half-run
    assert "queued" in left.values()
    _restart_and_finish_all(kill_db_url, job_ids)
