"""The job queue, kept in the database: queued work survives a restart, a crash leaves a trace.

A job is ``queued`` → ``running`` → ``done`` | ``failed`` | ``cancelled``. Whoever runs
jobs (the web app's :class:`~shorewise.web.jobs.JobRunner`) claims the oldest queued one
with one atomic write, sends a heartbeat while it runs, and records the outcome. A job
whose runner died (``kill -9``, power cut) is found by :func:`recover_orphans` and queued
again, or failed with a message once it has been interrupted :data:`MAX_ATTEMPTS` times.

The queue is bounded: :func:`add_job` refuses with :class:`QueueFullError` when
``max_queued`` jobs are waiting (counted and inserted under one lock, so parallel
submissions cannot overshoot).

Example::

    >>> job = add_job(store, kind="run", label="App", scenario_id=1,
    ...               params={"scenario_id": 1}, max_queued=8)     # doctest: +SKIP
    >>> claim_next(store, owner="host:123:abc").job_id == job.job_id  # doctest: +SKIP
    True
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Select, delete, func, select, text, update
from sqlalchemy.orm import Session, defer

from shorewise.errors import Problem, ShorewiseError
from shorewise.storage.models import JobRow, utc_now
from shorewise.storage.repository import NotFoundError, Store

ACTIVE = ("queued", "running")
FINISHED = ("done", "failed", "cancelled")
MAX_ATTEMPTS = 3
KEEP_FINISHED = 200
KEEP_ARTIFACTS = 20
_PG_QUEUE_LOCK = 74_127_001  # advisory lock key: one submission at a time on PostgreSQL


class QueueFullError(ShorewiseError):
    """The queue already holds its maximum of waiting jobs; try again later."""

    def __init__(self, queued: int, capacity: int, retry_after: int) -> None:
        self.queued = queued
        self.capacity = capacity
        self.retry_after = retry_after
        super().__init__(
            f"the server is busy: {queued} jobs are waiting (at most {capacity}); "
            f"try again in about {retry_after} s"
        )


@dataclass(frozen=True)
class JobRecord:
    """One job as stored (the report bytes, if any, are read with :func:`get_artifact`)."""

    job_id: str
    kind: str
    label: str
    scenario_id: int | None
    params: dict[str, Any]
    state: str
    done: int
    total: int
    result: dict[str, Any] | None
    error: str | None
    error_status: int | None
    problems: tuple[Problem, ...]
    attempts: int
    owner: str | None
    cancel_requested: bool
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None
    heartbeat_at: datetime | None
    has_artifact: bool
    ahead: int
    """Jobs queued before this one (0 unless it is queued)."""

    @property
    def finished(self) -> bool:
        """True once the job is done, failed or cancelled."""
        return self.state in FINISHED


def _utc(moment: datetime | None) -> datetime | None:
    if moment is None:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _record(session: Session, row: JobRow, has_artifact: bool | None = None) -> JobRecord:
    if has_artifact is None:
        has_artifact = bool(
            session.scalar(select(JobRow.artifact.is_not(None)).where(JobRow.id == row.id))
        )
    ahead = 0
    if row.state == "queued":
        ahead = int(
            session.scalar(select(func.count()).where(JobRow.state == "queued", JobRow.id < row.id))
            or 0
        )
    return JobRecord(
        job_id=row.public_id,
        kind=row.kind,
        label=row.label,
        scenario_id=row.scenario_id,
        params=dict(row.params),
        state=row.state,
        done=row.done,
        total=row.total,
        result=row.result,
        error=row.error,
        error_status=row.error_status,
        problems=tuple(Problem(p["field"], p["message"]) for p in row.problems or ()),
        attempts=row.attempts,
        owner=row.owner,
        cancel_requested=row.cancel_requested,
        created_at=_utc(row.created_at) or utc_now(),
        started_at=_utc(row.started_at),
        finished_at=_utc(row.finished_at),
        heartbeat_at=_utc(row.heartbeat_at),
        has_artifact=has_artifact,
        ahead=ahead,
    )


def _jobs() -> Select[JobRow]:
    return select(JobRow).options(defer(JobRow.artifact))


def _row(session: Session, job_id: str) -> JobRow:
    row = session.scalars(_jobs().where(JobRow.public_id == job_id)).one_or_none()
    if row is None:
        raise NotFoundError(f"no job {job_id}")
    return row


def _retry_after(session: Session, queued: int, workers: int) -> int:
    """Seconds until a place frees up, from the last finished jobs' durations (10 s if none)."""
    recent = session.execute(
        select(JobRow.started_at, JobRow.finished_at)
        .where(JobRow.state == "done", JobRow.started_at.is_not(None))
        .order_by(JobRow.id.desc())
        .limit(20)
    ).all()
    spans = [(_utc(b) - _utc(a)).total_seconds() for a, b in recent if a and b]  # type: ignore[operator]
    mean = sum(spans) / len(spans) if spans else 10.0
    return int(min(600, max(1, round(mean * max(1, queued) / max(1, workers)))))


def add_job(
    store: Store,
    *,
    kind: str,
    label: str,
    scenario_id: int | None,
    params: Mapping[str, Any],
    max_queued: int,
    workers: int = 1,
) -> JobRecord:
    """Queue a job; :class:`QueueFullError` (with a ``retry_after`` in seconds) when full."""
    with store.transaction(write=True) as session:
        if session.get_bind().dialect.name == "postgresql":
            session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_QUEUE_LOCK})
        queued = int(session.scalar(select(func.count()).where(JobRow.state == "queued")) or 0)
        if queued >= max_queued:
            raise QueueFullError(queued, max_queued, _retry_after(session, queued, workers))
        row = JobRow(
            public_id=secrets.token_hex(8),
            kind=kind,
            label=label[:300],
            scenario_id=scenario_id,
            params=dict(params),
            state="queued",
            done=0,
            total=0,
            attempts=0,
            cancel_requested=False,
            created_at=utc_now(),
        )
        session.add(row)
        session.flush()
        return _record(session, row, has_artifact=False)


def get_job(store: Store, job_id: str) -> JobRecord:
    """A job by its public id; NotFoundError if there is none."""
    with store.transaction() as session:
        row = _row(session, job_id)
        return _record(session, row)


def get_artifact(store: Store, job_id: str) -> bytes | None:
    """The bytes a finished report job made (None if none, or pruned since)."""
    with store.transaction() as session:
        _row(session, job_id)
        artifact: bytes | None = session.scalar(
            select(JobRow.artifact).where(JobRow.public_id == job_id)
        )
        return artifact


def claim_next(store: Store, owner: str) -> JobRecord | None:
    """Mark the oldest queued job running for ``owner`` and return it (None if none)."""
    with store.transaction(write=True) as session:
        candidate = session.scalars(
            _jobs()
            .where(JobRow.state == "queued")
            .order_by(JobRow.id)
            .limit(1)
            .with_for_update(skip_locked=True)
        ).first()
        if candidate is None:
            return None
        now = utc_now()
        candidate.state, candidate.owner = "running", owner
        candidate.started_at = candidate.heartbeat_at = now
        candidate.attempts += 1
        session.flush()
        return _record(session, candidate, has_artifact=False)


def heartbeat(store: Store, owner: str, progress: Mapping[str, tuple[int, int]]) -> set[str]:
    """Record that ``owner`` is alive and how far each of its jobs got; returns the ids of
    its running jobs someone asked to cancel."""
    if not progress:
        return set()
    with store.transaction(write=True) as session:
        now = utc_now()
        for job_id, (done, total) in progress.items():
            session.execute(
                update(JobRow)
                .where(JobRow.public_id == job_id, JobRow.owner == owner)
                .values(heartbeat_at=now, done=done, total=total)
            )
        return set(
            session.scalars(
                select(JobRow.public_id).where(
                    JobRow.owner == owner,
                    JobRow.state == "running",
                    JobRow.cancel_requested.is_(True),
                )
            )
        )


def finish_job(
    store: Store,
    job_id: str,
    owner: str,
    *,
    state: str,
    result: dict[str, Any] | None = None,
    artifact: bytes | None = None,
    error: str | None = None,
    error_status: int | None = None,
    problems: tuple[Problem, ...] = (),
    progress: tuple[int, int] | None = None,
) -> None:
    """Record a job's outcome (``done``, ``failed`` or ``cancelled``) and its last
    ``progress`` (done, total) if ``owner`` still holds it; older finished jobs and report
    files beyond the keep limits are pruned."""
    if state not in FINISHED:
        raise ValueError(f"not a final state: {state}")
    with store.transaction(write=True) as session:
        session.execute(
            update(JobRow)
            .where(JobRow.public_id == job_id, JobRow.owner == owner, JobRow.state == "running")
            .values(
                state=state,
                result=result,
                artifact=artifact,
                error=error,
                error_status=error_status,
                problems=[{"field": p.field, "message": p.message} for p in problems],
                finished_at=utc_now(),
                owner=None,
                **({"done": progress[0], "total": progress[1]} if progress else {}),
            )
        )
        _prune(session)


def requeue(store: Store, job_id: str, owner: str) -> None:
    """Put a job its runner stopped on purpose (shutdown) back in the queue, uncounted."""
    with store.transaction(write=True) as session:
        row = session.scalars(
            _jobs().where(
                JobRow.public_id == job_id, JobRow.owner == owner, JobRow.state == "running"
            )
        ).one_or_none()
        if row is not None:
            row.state, row.owner, row.started_at, row.heartbeat_at = "queued", None, None, None
            row.done = row.total = 0
            row.attempts = max(0, row.attempts - 1)


def request_cancel(store: Store, job_id: str) -> JobRecord:
    """Cancel a queued job at once, or ask the runner of a running one to stop."""
    with store.transaction(write=True) as session:
        row = _row(session, job_id)
        if row.state == "queued":
            row.state, row.finished_at = "cancelled", utc_now()
            row.error = "cancelled before it started"
        elif row.state == "running":
            row.cancel_requested = True
        session.flush()
        return _record(session, row)


def queued_count(store: Store) -> int:
    """How many jobs wait in the queue."""
    with store.transaction() as session:
        return int(session.scalar(select(func.count()).where(JobRow.state == "queued")) or 0)


def running_jobs(store: Store) -> list[JobRecord]:
    """Every job marked running, by any owner."""
    with store.transaction() as session:
        rows = session.scalars(_jobs().where(JobRow.state == "running")).all()
        return [_record(session, row, has_artifact=False) for row in rows]


def recover_orphans(
    store: Store, is_dead: Callable[[JobRecord], bool], max_attempts: int = MAX_ATTEMPTS
) -> list[str]:
    """Queue again (or fail, after ``max_attempts``) each running job whose runner is dead.

    Returns the ids of the jobs recovered. ``is_dead`` decides from the record's ``owner``
    and ``heartbeat_at``.
    """
    recovered = []
    for job in running_jobs(store):
        if not is_dead(job):
            continue
        with store.transaction(write=True) as session:
            row = session.scalars(
                _jobs().where(
                    JobRow.public_id == job.job_id,
                    JobRow.state == "running",
                    JobRow.owner == job.owner,
                )
            ).one_or_none()
            if row is None:  # finished or recovered meanwhile
                continue
            if row.cancel_requested:
                row.state, row.error = "cancelled", "cancelled; its server had stopped"
                row.finished_at, row.owner = utc_now(), None
            elif row.attempts >= max_attempts:
                row.state, row.finished_at, row.owner = "failed", utc_now(), None
                row.error_status = 503
                row.error = (
                    f"the server stopped {row.attempts} times while running this job, "
                    "so it was not tried again; start it again if you still want it"
                )
            else:
                row.state, row.owner, row.started_at, row.heartbeat_at = "queued", None, None, None
                row.done = row.total = 0
            recovered.append(row.public_id)
    return recovered


def _prune(session: Session) -> None:
    """Keep the newest :data:`KEEP_FINISHED` finished jobs and :data:`KEEP_ARTIFACTS` files."""
    finished = select(JobRow.id).where(JobRow.state.in_(FINISHED)).order_by(JobRow.id.desc())
    oldest_kept = session.scalar(finished.offset(KEEP_FINISHED - 1).limit(1))
    if oldest_kept is not None:
        session.execute(delete(JobRow).where(JobRow.state.in_(FINISHED), JobRow.id < oldest_kept))
    with_file = select(JobRow.id).where(JobRow.artifact.is_not(None)).order_by(JobRow.id.desc())
    oldest_file = session.scalar(with_file.offset(KEEP_ARTIFACTS - 1).limit(1))
    if oldest_file is not None:
        session.execute(
            update(JobRow)
            .where(JobRow.artifact.is_not(None), JobRow.id < oldest_file)
            .values(artifact=None)
        )
