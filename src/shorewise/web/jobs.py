"""One bounded, cancellable job queue for every heavy request: runs, comparisons, reports.

Jobs live in the database (:mod:`shorewise.storage.job_queue`), so they outlive the
process. This runner's worker threads (``workers``, default 2: the memory of at most two
Monte Carlo runs at a time) claim the oldest queued job, a heartbeat thread records their
progress every :data:`HEARTBEAT_SECONDS`, and the outcome is stored with the job.

- **Full**: :meth:`JobRunner.submit` raises ``QueueFullError`` (503 with ``Retry-After``)
  when ``max_queued`` jobs already wait.
- **Cancel**: a queued job is cancelled at once; a running one stops at its next progress
  report (a Monte Carlo chunk) and saves nothing.
- **Shutdown** (SIGTERM, Ctrl+C): running jobs are stopped and queued again, queued jobs
  stay queued; the next start runs them.
- **Follow**: a progress page's poll waits (:meth:`JobRunner.until_left`, at most
  :data:`LONG_POLL_SECONDS`) while this process runs the job, so the page moves on the
  moment the job ends instead of at its next poll.
- **Crash** (``kill -9``): a job whose runner is gone (same host and its process has
  exited, or no heartbeat for :data:`STALE_SECONDS`) is queued again at the next start or by
  any other runner, and failed with a message after ``MAX_ATTEMPTS`` interruptions.

Example::

    >>> runner = JobRunner(library, workers=2, max_queued=8)       # doctest: +SKIP
    >>> runner.start()                                            # doctest: +SKIP
    >>> job = runner.submit("run", {"scenario_id": 1}, label="App", scenario_id=1)  # doctest: +SKIP
    >>> runner.get(job.job_id).state                               # doctest: +SKIP
    'running'
"""

from __future__ import annotations

import asyncio
import logging
import os
import secrets
import socket
import threading
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from shorewise.errors import ShorewiseError
from shorewise.storage import job_queue as queue
from shorewise.storage.job_queue import JobRecord, QueueFullError
from shorewise.storage.models import utc_now
from shorewise.storage.repository import NotFoundError
from shorewise.web.job_work import run_job
from shorewise.workflows.library import Library, RunCancelledError

__all__ = ["JobRunner", "JobView", "QueueFullError"]

HEARTBEAT_SECONDS = 1.0
STALE_SECONDS = 15.0
POLL_SECONDS = 1.0
LONG_POLL_SECONDS = 1.0
"""Longest a progress poll waits for a job this process runs (its bar moves at least this
often)."""
LONG_POLL_STEP_SECONDS = 0.02
RECOVER_EVERY_SECONDS = 10.0
MAX_QUEUED = 8  # judgement: four rounds of two workers; memory is bounded by the workers
log = logging.getLogger("shorewise.jobs")


@dataclass(frozen=True)
class JobView:
    """A job as pages and the API show it: the stored record, progress, and liveness."""

    record: JobRecord
    done: int
    total: int
    silent_seconds: float | None
    """Seconds since the last heartbeat of a running job (None unless running)."""

    def __getattr__(self, name: str) -> Any:
        return getattr(self.record, name)

    @property
    def stalled(self) -> bool:
        """A running job with no heartbeat for :data:`STALE_SECONDS`: its server may be gone."""
        return self.silent_seconds is not None and self.silent_seconds > STALE_SECONDS

    @property
    def fraction(self) -> float:
        """Share done, 0..1 (1 once done)."""
        if self.record.state == "done":
            return 1.0
        return min(1.0, self.done / self.total) if self.total else 0.0

    def as_dict(self) -> dict[str, Any]:
        """The job as the JSON API shows it."""
        r = self.record
        return {
            "job_id": r.job_id,
            "kind": r.kind,
            "state": r.state,
            "label": r.label,
            "done": self.done,
            "total": self.total,
            "ahead": r.ahead,
            "attempts": r.attempts,
            "stalled": self.stalled,
            "cancel_requested": r.cancel_requested,
            "run_id": (r.result or {}).get("run_id"),
            "runs": (r.result or {}).get("runs"),
            "file": f"/api/jobs/{r.job_id}/file" if r.has_artifact else None,
            "error": r.error,
            "errors": [{"field": p.field or "body", "message": p.message} for p in r.problems],
            "created_at": r.created_at.isoformat(),
            "finished_at": r.finished_at.isoformat() if r.finished_at else None,
        }


@dataclass
class _Live:
    """A job this process runs: progress and the stop flags its work checks."""

    done: int = 0
    total: int = 0
    cancel: bool = False
    interrupt: bool = False


def _this_host() -> str:
    return socket.gethostname()


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class JobRunner:
    """Worker threads over the database's job queue (see the module docstring)."""

    def __init__(self, library: Library, *, workers: int = 2, max_queued: int = MAX_QUEUED) -> None:
        self.library = library
        self.workers = max(0, workers)  # 0: only queue, for another runner on the database
        self.max_queued = max_queued
        self.owner = f"{_this_host()}:{os.getpid()}:{secrets.token_hex(4)}"
        self._live: dict[str, _Live] = {}
        self._lock = threading.Lock()
        self._wake = threading.Condition()
        self._stopping = threading.Event()
        self._threads: list[threading.Thread] = []

    # lifecycle ----------------------------------------------------------------------

    def start(self) -> None:
        """Recover jobs orphaned by a dead server, then start the workers and heartbeat."""
        self._recover()
        for i in range(self.workers):
            thread = threading.Thread(target=self._work, name=f"shorewise-job-{i}", daemon=True)
            thread.start()
            self._threads.append(thread)
        beat = threading.Thread(target=self._beat, name="shorewise-heartbeat", daemon=True)
        beat.start()
        self._threads.append(beat)

    def shutdown(self, timeout: float = 30.0) -> None:
        """Stop claiming jobs; stop running ones and queue them again for the next start."""
        self._stopping.set()
        with self._lock:
            for live in self._live.values():
                live.interrupt = True
        with self._wake:
            self._wake.notify_all()
        for thread in self._threads:
            thread.join(timeout)
        self._threads.clear()
        try:
            waiting = queue.queued_count(self.library.store)
        except Exception:  # the database is away: the jobs are in it all the same
            return
        if waiting:
            log.warning("%d jobs left queued; they run when the server starts again", waiting)

    # requests -----------------------------------------------------------------------

    def submit(
        self, kind: str, params: dict[str, Any], *, label: str, scenario_id: int | None
    ) -> JobView:
        """Queue a job; raises ``QueueFullError`` when ``max_queued`` jobs wait already."""
        record = queue.add_job(
            self.library.store,
            kind=kind,
            label=label,
            scenario_id=scenario_id,
            params=params,
            max_queued=self.max_queued,
            workers=self.workers,
        )
        with self._wake:
            self._wake.notify()
        return self._view(record)

    def get(self, job_id: str) -> JobView:
        """The job with this id (NotFoundError if none)."""
        if not _looks_like_job_id(job_id):
            raise NotFoundError(f"no job {job_id}")
        return self._view(queue.get_job(self.library.store, job_id))

    def cancel(self, job_id: str) -> JobView:
        """Cancel a queued job, or ask a running one to stop (NotFoundError if none)."""
        if not _looks_like_job_id(job_id):
            raise NotFoundError(f"no job {job_id}")
        record = queue.request_cancel(self.library.store, job_id)
        with self._lock:
            live = self._live.get(job_id)
            if live is not None:
                live.cancel = True
        return self._view(record)

    def artifact(self, job_id: str) -> bytes | None:
        """The file a finished report job made (None if none)."""
        self.get(job_id)
        return queue.get_artifact(self.library.store, job_id)

    def runs_here(self, job_id: str) -> bool:
        """True while a worker of this process runs the job."""
        with self._lock:
            return job_id in self._live

    async def until_left(self, job_id: str, timeout: float = LONG_POLL_SECONDS) -> bool:
        """Wait (without blocking the event loop) until no worker of this process runs the
        job, at most ``timeout`` seconds; True if it left (finished, or stopped), False if
        it still runs. A job this process does not run returns at once (True)."""
        deadline = asyncio.get_running_loop().time() + timeout
        while self.runs_here(job_id):
            if asyncio.get_running_loop().time() >= deadline:
                return False
            await asyncio.sleep(LONG_POLL_STEP_SECONDS)
        return True

    async def wait(self, job_id: str, poll_seconds: float = 0.2) -> JobView:
        """Wait (without blocking the event loop) until the job is finished."""
        while True:
            view = await asyncio.to_thread(self.get, job_id)
            if view.record.finished:
                return view
            await asyncio.sleep(poll_seconds)

    def _view(self, record: JobRecord) -> JobView:
        with self._lock:
            live = self._live.get(record.job_id)
            done, total = (live.done, live.total) if live else (record.done, record.total)
        silent = None
        if record.state == "running":
            last: datetime = record.heartbeat_at or record.started_at or record.created_at
            silent = 0.0 if live else max(0.0, (utc_now() - last).total_seconds())
        return JobView(record, done, total, silent)

    # workers ------------------------------------------------------------------------

    def _work(self) -> None:
        while not self._stopping.is_set():
            try:
                record = queue.claim_next(self.library.store, self.owner)
            except Exception:  # the database is away: try again later
                log.exception("cannot claim a job")
                record = None
            if record is None:
                with self._wake:
                    self._wake.wait(POLL_SECONDS)
                continue
            self._execute(record)

    def _execute(self, record: JobRecord) -> None:
        with self._lock:  # a job claimed as the shutdown began is stopped at once
            live = _Live(interrupt=self._stopping.is_set())
            self._live[record.job_id] = live

        def progress(done: int, total: int) -> None:
            live.done, live.total = done, total
            if live.cancel or live.interrupt:
                raise RunCancelledError("stopped")

        def keep_going() -> bool:
            return not (live.cancel or live.interrupt)

        store, job_id = self.library.store, record.job_id
        try:
            result, artifact = run_job(self.library, record, progress, keep_going)
            queue.finish_job(
                store,
                job_id,
                self.owner,
                state="done",
                result=result,
                artifact=artifact,
                progress=(live.done, live.total),
            )
        except RunCancelledError:
            if live.interrupt and not live.cancel:
                queue.requeue(store, job_id, self.owner)
            else:
                queue.finish_job(store, job_id, self.owner, state="cancelled", error="cancelled")
        except ShorewiseError as exc:
            status = 404 if isinstance(exc, NotFoundError) else 422
            queue.finish_job(
                store,
                job_id,
                self.owner,
                state="failed",
                error=exc.message,
                error_status=status,
                problems=exc.problems,
            )
        except Exception as exc:  # a bug: keep the server up, say so on the job
            log.exception("job %s failed", job_id)
            queue.finish_job(
                store,
                job_id,
                self.owner,
                state="failed",
                error=f"internal error: {type(exc).__name__}: {exc}",
                error_status=500,
            )
        finally:
            with self._lock:
                self._live.pop(job_id, None)

    # heartbeat and recovery ---------------------------------------------------------

    def _beat(self) -> None:
        since_recover = 0.0
        while not self._stopping.wait(HEARTBEAT_SECONDS):
            with self._lock:
                progress = {job_id: (j.done, j.total) for job_id, j in self._live.items()}
            try:
                cancelled = queue.heartbeat(self.library.store, self.owner, progress)
                with self._lock:
                    for job_id in cancelled:
                        if job_id in self._live:
                            self._live[job_id].cancel = True
                since_recover += HEARTBEAT_SECONDS
                if since_recover >= RECOVER_EVERY_SECONDS:
                    since_recover = 0.0
                    self._recover()
            except Exception:
                log.exception("heartbeat failed")

    def _recover(self) -> None:
        recovered = queue.recover_orphans(self.library.store, self._is_dead)
        if recovered:
            log.warning("queued again or failed %d interrupted jobs", len(recovered))

    def _is_dead(self, job: JobRecord) -> bool:
        """True if the job's runner is gone: this host and its process has exited (or it
        was an earlier runner of this very process), or it is silent for too long."""
        if job.owner == self.owner:
            return False
        host, _, pid = _owner_parts(job.owner)
        if host == _this_host() and pid is not None and (pid == os.getpid() or not _pid_alive(pid)):
            return True
        last = job.heartbeat_at or job.started_at or job.created_at
        return (utc_now() - last).total_seconds() > STALE_SECONDS


def _owner_parts(owner: str | None) -> tuple[str, str, int | None]:
    """``"host:pid:token"`` -> (host, token, pid), pid None if unreadable."""
    parts = (owner or "").rsplit(":", 2)
    if len(parts) != 3 or not parts[1].isdigit():
        return "", "", None
    return parts[0], parts[2], int(parts[1])


def _looks_like_job_id(job_id: str) -> bool:
    return len(job_id) == 16 and all(c in "0123456789abcdef" for c in job_id)
