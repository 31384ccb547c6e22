"""Runs in the background: a small thread pool, a job id per run, progress to poll.

A run never blocks the server: the request that starts it returns at once with a job id,
the page polls the job, and the finished job names the saved run. Jobs live in memory
(a restart forgets unfinished ones; finished runs are in the database).

Example::

    >>> jobs = JobRunner(workers=2)                                 # doctest: +SKIP
    >>> job = jobs.submit(lambda p: library.run(1, progress=p).run_id)  # doctest: +SKIP
    >>> jobs.get(job.id).state                                      # doctest: +SKIP
    'running'
"""

from __future__ import annotations

import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from shorewise.errors import Problem, ShorewiseError

KEEP_FINISHED = 200

ProgressCallback = Callable[[int, int], None]
Work = Callable[[ProgressCallback], int]
"""The job's work: called with a progress callback, returns the saved run's id."""


@dataclass
class Job:
    """One background run: its state, progress, and the saved run (or the error)."""

    id: str
    label: str
    scenario_id: int
    state: str = "queued"  # queued | running | done | failed
    done: int = 0
    total: int = 0
    run_id: int | None = None
    error: str | None = None
    problems: tuple[Problem, ...] = ()
    created: float = field(default_factory=time.monotonic)

    @property
    def fraction(self) -> float:
        """Share done, 0..1 (1 once finished)."""
        if self.state == "done":
            return 1.0
        return self.done / self.total if self.total else 0.0

    def as_dict(self) -> dict[str, object]:
        """The job as the JSON API shows it."""
        return {
            "job_id": self.id,
            "state": self.state,
            "done": self.done,
            "total": self.total,
            "run_id": self.run_id,
            "error": self.error,
            "errors": [{"field": p.field, "message": p.message} for p in self.problems],
        }


class JobRunner:
    """A thread pool that runs jobs and remembers the latest :data:`KEEP_FINISHED`."""

    def __init__(self, workers: int = 2) -> None:
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="shorewise-run")
        self._jobs: OrderedDict[str, Job] = OrderedDict()
        self._lock = threading.Lock()

    def submit(self, work: Work, *, label: str, scenario_id: int) -> Job:
        """Queue ``work``; returns its job at once."""
        job = Job(secrets.token_hex(8), label, scenario_id)
        with self._lock:
            self._jobs[job.id] = job
            while len(self._jobs) > KEEP_FINISHED:
                oldest = next(iter(self._jobs.values()))
                if oldest.state in ("queued", "running"):
                    break
                self._jobs.popitem(last=False)
        self._pool.submit(self._run, job, work)
        return job

    def get(self, job_id: str) -> Job | None:
        """The job with this id, if this server still knows it."""
        with self._lock:
            return self._jobs.get(job_id)

    def _run(self, job: Job, work: Work) -> None:
        job.state = "running"

        def progress(done: int, total: int) -> None:
            job.done, job.total = done, total

        try:
            job.run_id = work(progress)
            job.state = "done"
        except ShorewiseError as exc:
            job.error, job.problems, job.state = exc.message, exc.problems, "failed"
        except Exception as exc:  # a bug: report it on the job, keep the server up
            job.error, job.state = f"internal error: {type(exc).__name__}: {exc}", "failed"

    def shutdown(self) -> None:
        """Stop taking jobs; wait for those running."""
        self._pool.shutdown(wait=True, cancel_futures=True)
