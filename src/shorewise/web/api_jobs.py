"""The JSON API of the job queue: start heavy work, follow it, cancel it, fetch its file.

=========================================  ===============================================
``POST /api/scenarios/{id}/jobs``          queue a run → ``202`` job (``503`` when full)
``POST /api/runs/{run_id}/reports``        queue a report (``?format=pdf``) → ``202`` job
``GET /api/jobs/{job_id}``                 state, progress, ``run_id``, ``stalled``
``DELETE /api/jobs/{job_id}``              cancel (``409`` once finished)
``GET /api/jobs/{job_id}/file``            a finished report job's file
=========================================  ===============================================
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, Response

from shorewise.web.api import RunId, Samples, ScenarioId, Seed, queue_run
from shorewise.web.api_models import JobState
from shorewise.web.context import jobs, library
from shorewise.web.jobs import JobRunner, JobView
from shorewise.web.openapi import errors
from shorewise.workflows.library import Library

router = APIRouter(prefix="/api", tags=["jobs"])
LibraryDep = Annotated[Library, Depends(library)]
JobsDep = Annotated[JobRunner, Depends(jobs)]
ReportFormat = Literal["html", "pdf", "xlsx", "md", "csv"]

FILE_TYPES = {
    "application/octet-stream": {"schema": {"type": "string", "format": "binary"}},
    "application/pdf": {"schema": {"type": "string", "format": "binary"}},
    "text/html": {"schema": {"type": "string"}},
    "text/markdown": {"schema": {"type": "string"}},
    "text/csv": {"schema": {"type": "string"}},
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
        "schema": {"type": "string", "format": "binary"}
    },
}


FILE_RESPONSE: dict[int | str, dict[str, Any]] = {
    200: {"description": "The report file.", "content": FILE_TYPES}
}


def _accepted(job: JobView) -> JSONResponse:
    return JSONResponse(
        job.as_dict(), status_code=202, headers={"Location": f"/api/jobs/{job.job_id}"}
    )


@router.post(
    "/scenarios/{scenario_id}/jobs",
    status_code=202,
    summary="Run a scenario in the background",
    response_model=JobState,
    responses=errors(404, 422, 503),
)
async def start_job(
    scenario_id: ScenarioId,
    lib: LibraryDep,
    runner: JobsDep,
    samples: Samples = None,
    seed: Seed = None,
) -> JSONResponse:
    """Queue a run; poll ``/api/jobs/{job_id}`` for progress and the ``run_id``."""
    job = await queue_run(lib, runner, scenario_id, version=None, samples=samples, seed=seed)
    return _accepted(job)


@router.post(
    "/runs/{run_id}/reports",
    status_code=202,
    summary="Render a saved run's report in the background",
    response_model=JobState,
    responses=errors(404, 422, 503),
)
def start_report(
    run_id: RunId,
    lib: LibraryDep,
    runner: JobsDep,
    format: Annotated[ReportFormat, Query(description="the report's file type")] = "html",
) -> JSONResponse:
    """Queue a report; when the job is done its file is at ``/api/jobs/{job_id}/file``."""
    run = lib.get_run(run_id)
    job = runner.submit(
        "report",
        {"run_id": run_id, "format": format},
        label=f"{format.upper()} report of {run.scenario_name}, run {run_id}",
        scenario_id=run.scenario_id,
    )
    return _accepted(job)


@router.get(
    "/jobs/{job_id}",
    summary="A job's state and progress",
    response_model=JobState,
    responses=errors(404),
)
def job_state(job_id: str, runner: JobsDep) -> dict[str, Any]:
    """``state`` (queued, running, done, failed, cancelled), ``done``/``total`` draws,
    ``run_id`` once a run is saved, ``stalled`` when its server stopped answering."""
    return runner.get(job_id).as_dict()


@router.delete(
    "/jobs/{job_id}",
    summary="Cancel a job",
    response_model=JobState,
    responses=errors(404, 409),
)
def cancel_job(job_id: str, runner: JobsDep) -> JSONResponse:
    """Cancel a queued job at once, or stop a running one at its next step (nothing of it
    is saved); ``409`` if it has finished already."""
    job = runner.get(job_id)
    if job.record.finished:
        detail = f"job {job_id} has finished ({job.state}); nothing to cancel"
        return JSONResponse({"detail": detail, "errors": []}, status_code=409)
    return JSONResponse(runner.cancel(job_id).as_dict())


@router.get(
    "/jobs/{job_id}/file",
    summary="The file a finished report job made",
    response_class=Response,
    responses=FILE_RESPONSE | errors(404, 409),
)
async def job_file(job_id: str, runner: JobsDep) -> Response:
    """The report file (``409`` while the job has not finished, ``404`` if it made none)."""
    job = await run_in_threadpool(runner.get, job_id)
    if not job.record.finished:
        detail = f"job {job_id} is {job.state}; its file is not ready"
        return JSONResponse({"detail": detail, "errors": []}, status_code=409)
    data = await run_in_threadpool(runner.artifact, job_id) if job.has_artifact else None
    result = job.record.result or {}
    if data is None:
        detail = f"job {job_id} has no file ({job.state}; files of old jobs are not kept)"
        return JSONResponse({"detail": detail, "errors": []}, status_code=404)
    filename = str(result.get("filename") or "report")
    return Response(
        data,
        media_type=str(result.get("media_type") or "application/octet-stream"),
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
