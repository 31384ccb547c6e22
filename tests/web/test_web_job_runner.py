"""The job runner in-process, on SQLite and PostgreSQL, with work it controls: cancelling a
running job, shutting down mid-job, failures of each kind, and recovering orphaned jobs."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import update
from tests.storage.postgres_server import fresh_database_url

from shorewise.errors import Problem, ScenarioError
from shorewise.storage import job_queue as queue
from shorewise.storage.models import JobRow, utc_now
from shorewise.storage.repository import NotFoundError
from shorewise.web import jobs as jobs_module
from shorewise.web.jobs import JobRunner
from shorewise.workflows.library import Library

WAIT_SECONDS = 60


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def library(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Library]:
    url = f"sqlite:///{tmp_path / 'jobs.db'}" if request.param == "sqlite" else fresh_database_url()
    opened = Library.open(url)
    yield opened
    opened.close()


Work = Callable[[Library, Any, Callable[[int, int], None], Callable[[], bool]], Any]


@pytest.fixture
def work(monkeypatch: pytest.MonkeyPatch) -> Callable[[Work], None]:
    """Replace what jobs do with the test's own function."""

    def install(fn: Work) -> None:
        monkeypatch.setattr(jobs_module, "run_job", fn)

    return install


def _until(condition: Callable[[], bool]) -> None:
    deadline = time.monotonic() + WAIT_SECONDS
    while not condition():
        assert time.monotonic() < deadline, "the condition did not come true"
        time.sleep(0.02)


def _slow(started: threading.Event) -> Work:
    """Work that reports progress until it is told to stop."""

    def run(lib: Library, record: Any, progress: Any, keep_going: Any) -> Any:
        started.set()
        for i in range(100_000):
            progress(i, 100_000)
            time.sleep(0.005)
        return {"run_id": 1}, None

    return run


def test_cancelling_a_running_job_stops_it_and_saves_nothing(
    library: Library, work: Callable[[Work], None]
) -> None:
    started = threading.Event()
    work(_slow(started))
    runner = JobRunner(library, workers=1)
    runner.start()
    try:
        job = runner.submit("run", {}, label="slow", scenario_id=None)
        assert started.wait(WAIT_SECONDS)
        assert runner.get(job.job_id).state == "running"
        runner.cancel(job.job_id)
        _until(lambda: runner.get(job.job_id).state == "cancelled")
        assert runner.get(job.job_id).result is None
    finally:
        runner.shutdown()


def test_cancelling_a_queued_job_is_at_once(library: Library) -> None:
    runner = JobRunner(library, workers=0)
    job = runner.submit("run", {}, label="waits", scenario_id=None)
    assert runner.get(job.job_id).ahead == 0
    later = runner.submit("run", {}, label="waits too", scenario_id=None)
    assert runner.get(later.job_id).ahead == 1
    assert runner.cancel(job.job_id).state == "cancelled"
    assert runner.get(later.job_id).ahead == 0


def test_a_cancel_asked_through_the_database_reaches_the_runner(
    library: Library, work: Callable[[Work], None]
) -> None:
    started = threading.Event()
    work(_slow(started))
    runner = JobRunner(library, workers=1)
    runner.start()
    try:
        job = runner.submit("run", {}, label="slow", scenario_id=None)
        assert started.wait(WAIT_SECONDS)
        queue.request_cancel(library.store, job.job_id)  # as another server process would
        _until(lambda: runner.get(job.job_id).state == "cancelled")
    finally:
        runner.shutdown()


def test_shutdown_queues_the_running_job_again_and_keeps_the_queued_ones(
    library: Library, work: Callable[[Work], None]
) -> None:
    started = threading.Event()
    work(_slow(started))
    runner = JobRunner(library, workers=1)
    runner.start()
    running = runner.submit("run", {}, label="running", scenario_id=None)
    waiting = runner.submit("run", {}, label="waiting", scenario_id=None)
    assert started.wait(WAIT_SECONDS)
    runner.shutdown()
    for job_id in (running.job_id, waiting.job_id):
        record = queue.get_job(library.store, job_id)
        assert (record.state, record.attempts, record.owner) == ("queued", 0, None)
    done: list[str] = []

    def quick(lib: Library, record: Any, progress: Any, keep_going: Any) -> Any:
        done.append(record.job_id)
        return {"run_id": len(done)}, None

    work(quick)
    after = JobRunner(library, workers=1)
    after.start()
    try:
        _until(lambda: len(done) == 2)
        assert done == [running.job_id, waiting.job_id]  # oldest first
        _until(lambda: after.get(waiting.job_id).state == "done")
    finally:
        after.shutdown()


@pytest.mark.parametrize(
    ("error", "status"),
    [
        (ScenarioError("1 problem", problems=(Problem("samples", "too many"),)), 422),
        (NotFoundError("no saved scenario with id 4"), 404),
        (ZeroDivisionError("a bug"), 500),
    ],
    ids=["invalid", "not-found", "bug"],
)
def test_failures_are_recorded_and_the_worker_goes_on(
    library: Library, work: Callable[[Work], None], error: Exception, status: int
) -> None:
    def fail_first(lib: Library, record: Any, progress: Any, keep_going: Any) -> Any:
        if record.label == "fails":
            raise error
        return {"run_id": 7}, None

    work(fail_first)
    runner = JobRunner(library, workers=1)
    runner.start()
    try:
        failing = runner.submit("run", {}, label="fails", scenario_id=None)
        fine = runner.submit("run", {}, label="works", scenario_id=None)
        _until(lambda: runner.get(fine.job_id).state == "done")
        failed = runner.get(failing.job_id).record
        assert (failed.state, failed.error_status) == ("failed", status)
        if status == 422:
            assert failed.problems == (Problem("samples", "too many"),)
        if status == 500:
            assert failed.error == "internal error: ZeroDivisionError: a bug"
        assert runner.get(fine.job_id).result == {"run_id": 7}
    finally:
        runner.shutdown()


def _orphan(library: Library, owner: str, *, attempts: int, silent_seconds: float) -> str:
    job = queue.add_job(
        library.store, kind="run", label="orphan", scenario_id=None, params={}, max_queued=99
    )
    with library.store.transaction(write=True) as session:
        session.execute(
            update(JobRow)
            .where(JobRow.public_id == job.job_id)
            .values(
                state="running",
                owner=owner,
                attempts=attempts,
                started_at=utc_now() - timedelta(seconds=silent_seconds),
                heartbeat_at=utc_now() - timedelta(seconds=silent_seconds),
            )
        )
    return job.job_id


def test_a_job_whose_server_died_is_queued_again_or_failed_visibly(library: Library) -> None:
    runner = JobRunner(library, workers=0)
    host = jobs_module._this_host()
    dead_pid = _orphan(library, f"{host}:999999999:gone", attempts=1, silent_seconds=1)
    silent = _orphan(library, "elsewhere:12:x", attempts=1, silent_seconds=120)
    alive = _orphan(library, "elsewhere:13:y", attempts=1, silent_seconds=1)
    given_up = _orphan(library, "elsewhere:14:z", attempts=3, silent_seconds=120)
    assert runner.get(silent).stalled
    assert not runner.get(alive).stalled
    runner.start()
    try:
        assert runner.get(dead_pid).state == "queued"
        assert runner.get(silent).state == "queued"
        assert runner.get(alive).state == "running"  # its server may still be working
        failed = runner.get(given_up).record
        assert failed.state == "failed"
        assert "stopped 3 times" in (failed.error or "")
    finally:
        runner.shutdown()


def test_a_progress_poll_waits_for_a_job_this_process_runs_and_returns_when_it_ends(
    library: Library, work: Callable[[Work], None]
) -> None:
    import asyncio

    release = threading.Event()

    def held(lib: Library, record: Any, progress: Any, keep_going: Any) -> Any:
        release.wait(WAIT_SECONDS)
        return {"run_id": 1}, None

    work(held)
    runner = JobRunner(library, workers=1)
    runner.start()
    try:
        job = runner.submit("run", {}, label="held", scenario_id=None)
        _until(lambda: runner.runs_here(job.job_id))
        # still running: the wait gives up after its timeout and says so
        assert asyncio.run(runner.until_left(job.job_id, timeout=0.05)) is False
        threading.Timer(0.2, release.set).start()
        # ends while the poll waits: the wait returns True, well before its timeout
        assert asyncio.run(runner.until_left(job.job_id, timeout=WAIT_SECONDS)) is True
        assert release.is_set()
        _until(lambda: runner.get(job.job_id).state == "done")
        # a job this process does not run (finished, or unknown here) does not wait
        assert runner.runs_here(job.job_id) is False
        assert asyncio.run(runner.until_left(job.job_id, timeout=WAIT_SECONDS)) is True
    finally:
        release.set()
        runner.shutdown()
