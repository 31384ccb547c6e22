"""What each kind of queued job does, from the parameters stored with it.

A job is rebuilt from its row alone (kind + params), so one queued before a restart runs
the same after it. Kinds:

- ``run``: ``{scenario_id, version, samples, seed}`` → ``{"run_id"}``;
- ``compare``: ``{scenarios: [left, right]}`` → runs what has no run yet → ``{"runs": [l, r]}``;
- ``report``: ``{run_id, format}`` → the report file (stored with the job) →
  ``{"run_id", "format", "filename", "media_type"}``;
- ``analyses``: ``{run_id}`` → the run's tornado and duration sweep, kept with the run →
  ``{"run_id"}``;
- ``breakeven``: ``{run_id, workstream, a, b}`` → the run evaluated again (its seed and
  draws: the same numbers) for the break-even of option ``a`` against ``b`` →
  ``{"run_id", **BreakevenResult.to_dict()}`` (no duration sweep).

Example::

    >>> result, file = run_job(library, record, progress, keep_going)   # doctest: +SKIP
    >>> result                                                           # doctest: +SKIP
    {'run_id': 7}
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from shorewise.errors import ScenarioError
from shorewise.storage.job_queue import JobRecord
from shorewise.uncertainty.montecarlo import Progress
from shorewise.workflows.library import Library, RunCancelledError

KINDS = ("run", "compare", "report", "analyses", "breakeven")


def download_name(name: str, suffix: str, ext: str) -> str:
    """A safe file name: letters, digits and dashes only (``payments-platform-run-3.pdf``)."""
    slug = "".join(c if c.isalnum() else "-" for c in name.lower()).strip("-")
    slug = "-".join(part for part in slug.split("-") if part)[:60] or "scenario"
    return f"{slug}-{suffix}.{ext}"


def _int(params: dict[str, Any], key: str) -> int | None:
    value = params.get(key)
    return value if isinstance(value, int) else None


def run_job(
    library: Library,
    record: JobRecord,
    progress: Progress,
    keep_going: Callable[[], bool],
) -> tuple[dict[str, Any], bytes | None]:
    """Do the job; returns its result and, for a report, the file's bytes."""
    params = record.params
    if record.kind == "run":
        run = library.run(
            int(params["scenario_id"]),
            version=_int(params, "version"),
            samples=_int(params, "samples"),
            seed=_int(params, "seed"),
            progress=progress,
            keep_going=keep_going,
        )
        return {"run_id": run.run_id}, None
    if record.kind == "compare":
        left, right = (int(i) for i in params["scenarios"])
        comparison = library.compare_scenarios(
            left, right, progress=progress, keep_going=keep_going
        )
        return {"runs": [comparison.left.run_id, comparison.right.run_id]}, None
    if record.kind == "report":
        from shorewise.workflows.report import MEDIA_TYPES

        run_id, fmt = int(params["run_id"]), str(params["format"])
        run = library.get_run(run_id)
        data = library.report(run_id, fmt)
        return {
            "run_id": run_id,
            "format": fmt,
            "filename": download_name(run.scenario_name, f"run-{run_id}", fmt),
            "media_type": MEDIA_TYPES.get(fmt, "application/octet-stream"),
        }, data
    if record.kind == "analyses":
        run_id = int(params["run_id"])
        library.result(run_id, with_analyses=True)
        return {"run_id": run_id}, None
    if record.kind == "breakeven":
        from shorewise.workflows.decide import breakeven

        run_id = int(params["run_id"])
        _, result = library.reproduce(run_id)
        if not keep_going():
            raise RunCancelledError("the break-even was stopped")
        answer = breakeven(
            result,
            str(params["a"]),
            str(params["b"]),
            workstream=str(params["workstream"]),
            sweep=False,
        )
        return {"run_id": run_id, **answer.to_dict()}, None
    raise ScenarioError(f"unknown job kind {record.kind!r}; known: {', '.join(KINDS)}")
