"""Versioned edits, id ranges and the job queue in the database, on SQLite and PostgreSQL:
parallel writers get a version each or a conflict, never a driver error; the queue bound
holds under parallel submissions; every job is claimed once."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from shorewise.storage import job_queue as queue
from shorewise.storage import repository as repo
from shorewise.storage.database import open_database
from shorewise.storage.job_queue import QueueFullError
from shorewise.storage.models import Base

THREADS = 10


@pytest.fixture
def store(db_url: str) -> Iterator[repo.Store]:
    opened = repo.Store(open_database(db_url))
    yield opened
    opened.close()


def _parallel(fn: Callable[[int], Any], n: int = THREADS) -> list[Any]:
    """Run ``fn(i)`` in ``n`` threads released at once; each result or the exception."""
    gate = threading.Barrier(n)

    def call(i: int) -> Any:
        gate.wait()
        try:
            return fn(i)
        except Exception as exc:
            return exc

    with ThreadPoolExecutor(n) as pool:
        return list(pool.map(call, range(n)))


def test_the_models_match_the_migrations(store: repo.Store) -> None:
    with store.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert differences == []


def test_a_stale_edit_is_refused_and_writes_nothing(store: repo.Store) -> None:
    saved = repo.add_scenario(store, "A", "name: A\n", {"v": 1})
    repo.add_version(store, saved.scenario_id, "A", "name: A\n", {"v": 2}, base_version=1)
    with pytest.raises(repo.VersionConflictError) as caught:
        repo.add_version(store, saved.scenario_id, "B", "name: B\n", {"v": 3}, base_version=1)
    assert (caught.value.base_version, caught.value.current_version) == (1, 2)
    record = repo.get_version(store, saved.scenario_id)
    assert (record.version, record.name, record.data) == (2, "A", {"v": 2})
    with pytest.raises(repo.NotFoundError):
        repo.add_version(store, 10**6, "x", "x", {}, base_version=1)


def test_parallel_edits_from_one_base_save_exactly_one(store: repo.Store) -> None:
    saved = repo.add_scenario(store, "A", "name: A\n", {})
    outcomes = _parallel(
        lambda i: repo.add_version(store, saved.scenario_id, f"A{i}", "t", {"i": i}, base_version=1)
    )
    saved_ones = [o for o in outcomes if isinstance(o, repo.VersionRecord)]
    refused = [o for o in outcomes if isinstance(o, repo.VersionConflictError)]
    assert len(saved_ones) == 1, outcomes
    assert len(refused) == THREADS - 1, outcomes
    assert repo.get_version(store, saved.scenario_id).versions == (1, 2)


def test_parallel_edits_without_a_base_each_get_a_version(store: repo.Store) -> None:
    saved = repo.add_scenario(store, "A", "name: A\n", {})
    outcomes = _parallel(lambda i: repo.add_version(store, saved.scenario_id, "A", "t", {"i": i}))
    assert all(isinstance(o, repo.VersionRecord) for o in outcomes), outcomes
    assert sorted(o.version for o in outcomes) == list(range(2, THREADS + 2))
    record = repo.get_version(store, saved.scenario_id)
    assert record.versions == tuple(range(1, THREADS + 2))


@pytest.mark.parametrize("value", [0, -1, 2**31, 2**63, 2**64, 10**40])
def test_ids_the_database_cannot_hold_are_not_found(store: repo.Store, value: int) -> None:
    saved = repo.add_scenario(store, "A", "name: A\n", {})
    reads: list[Callable[[], Any]] = [
        lambda: repo.get_version(store, value),
        lambda: repo.get_run(store, value),
        lambda: repo.list_runs(store, value),
        lambda: repo.delete_scenario(store, value),
        lambda: repo.get_version(store, saved.scenario_id, value),
    ]
    for read in reads:
        with pytest.raises(repo.NotFoundError):
            read()
    with pytest.raises(repo.VersionConflictError):  # a version that can never be current
        repo.add_version(store, saved.scenario_id, "A", "t", {}, base_version=value)


def _job(store: repo.Store, max_queued: int = 100) -> queue.JobRecord:
    return queue.add_job(
        store, kind="run", label="j", scenario_id=None, params={}, max_queued=max_queued
    )


def test_the_queue_bound_holds_under_parallel_submissions(store: repo.Store) -> None:
    outcomes = _parallel(lambda i: _job(store, max_queued=4))
    accepted = [o for o in outcomes if isinstance(o, queue.JobRecord)]
    refused = [o for o in outcomes if isinstance(o, QueueFullError)]
    assert (len(accepted), len(refused)) == (4, THREADS - 4), outcomes
    assert all(r.retry_after >= 1 for r in refused)
    assert {r.ahead for r in accepted} <= set(range(4))


def test_every_job_is_claimed_exactly_once(store: repo.Store) -> None:
    made = [_job(store).job_id for _ in range(12)]

    def claim_all(i: int) -> list[str]:
        got = []
        while (job := queue.claim_next(store, owner=f"host:{i}:t")) is not None:
            got.append(job.job_id)
        return got

    claims = _parallel(claim_all, 4)
    flat = [job_id for got in claims for job_id in got]
    assert sorted(flat) == sorted(made)
    for got in claims:
        assert got == sorted(got, key=made.index)  # each claimer took the oldest first


def test_only_the_owner_finishes_a_job(store: repo.Store) -> None:
    job = _job(store)
    claimed = queue.claim_next(store, owner="a:1:x")
    assert claimed is not None
    assert claimed.job_id == job.job_id
    queue.finish_job(store, job.job_id, "b:2:y", state="done", result={"run_id": 1})
    assert queue.get_job(store, job.job_id).state == "running"
    queue.finish_job(store, job.job_id, "a:1:x", state="done", result={"run_id": 1})
    assert queue.get_job(store, job.job_id).result == {"run_id": 1}
    with pytest.raises(ValueError, match="final state"):
        queue.finish_job(store, job.job_id, "a:1:x", state="running")


def test_old_jobs_and_files_are_pruned(store: repo.Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(queue, "KEEP_FINISHED", 3)
    monkeypatch.setattr(queue, "KEEP_ARTIFACTS", 1)
    ids = []
    for i in range(5):
        job = _job(store)
        assert queue.claim_next(store, owner="a:1:x") is not None
        queue.finish_job(store, job.job_id, "a:1:x", state="done", artifact=b"file %d" % i)
        ids.append(job.job_id)
    for gone in ids[:2]:
        with pytest.raises(repo.NotFoundError):
            queue.get_job(store, gone)
    assert [queue.get_job(store, j).has_artifact for j in ids[2:]] == [False, False, True]
    assert queue.get_artifact(store, ids[-1]) == b"file 4"
