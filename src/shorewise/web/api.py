"""The JSON API (a contract other tools rely on; documented at ``/docs``).

=======================================  =================================================
``GET /api/health``                      ``{"status": "ok"}``
``POST /api/scenarios``                  YAML (``application/yaml``) or JSON body
                                         → ``201 {"id", "version"}``; invalid → ``422``
``GET /api/scenarios``                   every saved scenario
``GET /api/scenarios/{id}``              one (``?version=N`` for an older version)
``PUT /api/scenarios/{id}``              a new version → ``{"id", "version"}``
``DELETE /api/scenarios/{id}``           ``204``
``POST /api/scenarios/{id}/runs``        run now → the ``shorewise compare --format json``
                                         document plus ``run_id`` (``201``)
``GET /api/scenarios/{id}/runs``         the scenario's runs
``GET /api/runs/{run_id}``               a saved run, as the POST returned it
``POST /api/scenarios/{id}/jobs``        run in the background → ``202 {"job_id"}``
``GET /api/jobs/{job_id}``               the job's state and progress
=======================================  =================================================

A ``422`` body is ``{"detail": "...", "errors": [{"field": "workstreams.0.fte",
"message": "..."}]}`` with every problem; a body that cannot be read at all has the
field ``body``.
"""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, Response

from shorewise.errors import Problem, ScenarioError
from shorewise.web.context import jobs, library
from shorewise.web.jobs import JobRunner
from shorewise.workflows.library import (
    Draft,
    Library,
    RunRecord,
    draft_from_data,
    draft_from_text,
)
from shorewise.workflows.schema import scenario_json_schema

router = APIRouter(prefix="/api", tags=["api"])

YAML_TYPES = ("application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml")
TOML_TYPES = ("application/toml", "text/toml")

LibraryDep = Annotated[Library, Depends(library)]
JobsDep = Annotated[JobRunner, Depends(jobs)]


class UnsupportedBodyError(Exception):
    """The request body has a content type the API does not read."""


def _scenario_body() -> dict[str, Any]:
    return {
        "requestBody": {
            "required": True,
            "description": "The scenario file's content (DESIGN.md §6), as YAML or as JSON.",
            "content": {
                "application/yaml": {"schema": {"type": "string"}},
                "application/json": {"schema": scenario_json_schema()},
            },
        }
    }


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    404: {"description": "No such scenario, version or run."},
    415: {"description": "Body is neither application/yaml nor application/json."},
    422: {
        "description": "Invalid scenario or request: every problem with its field.",
        "content": {
            "application/json": {
                "example": {
                    "detail": "2 problems in the scenario",
                    "errors": [
                        {"field": "home_country", "message": "required"},
                        {"field": "workstreams.0.fte", "message": "must be greater than 0"},
                    ],
                }
            }
        },
    },
}


async def _draft(request: Request) -> Draft:
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    body = await request.body()
    if media == "application/json":
        try:
            data = json.loads(body)
        except ValueError as exc:
            raise ScenarioError(
                "broken JSON", problems=(Problem("body", f"broken JSON: {exc}"),)
            ) from exc
        return await run_in_threadpool(draft_from_data, data, source="request body")
    if media in YAML_TYPES or media in TOML_TYPES:
        try:
            text = body.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ScenarioError(
                "not UTF-8", problems=(Problem("body", "the body is not UTF-8 text"),)
            ) from exc
        fmt = "toml" if media in TOML_TYPES else "yaml"
        return await run_in_threadpool(draft_from_text, text, fmt=fmt, source="request body")
    raise UnsupportedBodyError(media or "no content type")


def error_response(exc: ScenarioError, status_code: int = 422) -> JSONResponse:
    """Every problem with its field; a problem without one is about the ``body``."""
    problems = exc.problems or (Problem("body", exc.message),)
    return JSONResponse(
        {
            "detail": exc.message,
            "errors": [{"field": p.field or "body", "message": p.message} for p in problems],
        },
        status_code=status_code,
    )


def run_document(run: RunRecord) -> dict[str, Any]:
    """A saved run as the API returns it: the compare JSON, ``run_id`` and ``run``."""
    return {
        **run.result,
        "run_id": run.run_id,
        "run": {
            "scenario_id": run.scenario_id,
            "scenario_version": run.version,
            "seed": run.seed,
            "samples": run.samples,
            "engine_version": run.engine_version,
            "seconds": run.seconds,
            "created_at": run.created_at.isoformat(),
        },
    }


@router.get("/health", summary="Is the server up?")
def health() -> dict[str, str]:
    """``{"status": "ok"}`` while the server answers."""
    return {"status": "ok"}


@router.post(
    "/scenarios",
    status_code=201,
    summary="Save a new scenario",
    openapi_extra=_scenario_body(),
    responses=ERROR_RESPONSES,
)
async def create_scenario(request: Request, lib: LibraryDep) -> JSONResponse:
    """Validate and save a scenario (YAML or JSON body) as version 1."""
    draft = await _draft(request)
    saved = await run_in_threadpool(lib.create, draft)
    return JSONResponse(
        {"id": saved.scenario_id, "version": saved.version},
        status_code=201,
        headers={"Location": f"/api/scenarios/{saved.scenario_id}"},
    )


@router.get("/scenarios", summary="List saved scenarios")
def list_scenarios(lib: LibraryDep) -> list[dict[str, Any]]:
    """Every saved scenario, most recently changed first."""
    return [
        {
            "id": s.scenario_id,
            "name": s.name,
            "version": s.version,
            "created_at": s.created_at.isoformat(),
            "updated_at": s.updated_at.isoformat(),
            "latest_run_id": s.latest_run_id,
        }
        for s in lib.scenarios()
    ]


@router.get("/scenarios/{scenario_id}", summary="Get a scenario", responses=ERROR_RESPONSES)
def get_scenario(
    scenario_id: int,
    lib: LibraryDep,
    version: Version = None,
) -> dict[str, Any]:
    """A saved scenario version: its data, its YAML text and the list of versions."""
    record = lib.get(scenario_id, version)
    return {
        "id": record.scenario_id,
        "name": record.name,
        "version": record.version,
        "current_version": record.current_version,
        "versions": list(record.versions),
        "created_at": record.created_at.isoformat(),
        "scenario": record.data,
        "yaml": record.text,
    }


@router.put(
    "/scenarios/{scenario_id}",
    summary="Save a new version of a scenario",
    openapi_extra=_scenario_body(),
    responses=ERROR_RESPONSES,
)
async def update_scenario(scenario_id: int, request: Request, lib: LibraryDep) -> JSONResponse:
    """Validate the body and save it as the scenario's next version."""
    await run_in_threadpool(lib.get, scenario_id)
    draft = await _draft(request)
    saved = await run_in_threadpool(lib.update, scenario_id, draft)
    return JSONResponse({"id": saved.scenario_id, "version": saved.version})


@router.delete(
    "/scenarios/{scenario_id}",
    status_code=204,
    summary="Delete a scenario with its versions and runs",
    responses=ERROR_RESPONSES,
)
def delete_scenario(scenario_id: int, lib: LibraryDep) -> Response:
    """Delete the scenario, every version and every run."""
    lib.delete(scenario_id)
    return Response(status_code=204)


Samples = Annotated[
    int | None, Query(ge=0, description="Monte Carlo draws (default: the scenario's)")
]
Seed = Annotated[
    int | None, Query(ge=0, lt=2**63, description="random seed (default: the scenario's)")
]
Version = Annotated[int | None, Query(ge=1, description="scenario version (default: current)")]


@router.post(
    "/scenarios/{scenario_id}/runs",
    status_code=201,
    summary="Run a scenario now and save the run",
    responses=ERROR_RESPONSES,
)
def run_scenario(
    scenario_id: int,
    lib: LibraryDep,
    samples: Samples = None,
    seed: Seed = None,
    version: Version = None,
) -> JSONResponse:
    """Evaluate the scenario (in a worker thread) and return the compare JSON + ``run_id``."""
    run = lib.run(scenario_id, version=version, samples=samples, seed=seed)
    return JSONResponse(
        run_document(run), status_code=201, headers={"Location": f"/api/runs/{run.run_id}"}
    )


@router.get(
    "/scenarios/{scenario_id}/runs", summary="List a scenario's runs", responses=ERROR_RESPONSES
)
def list_runs(scenario_id: int, lib: LibraryDep) -> list[dict[str, Any]]:
    """The scenario's runs over all its versions, newest first."""
    return [
        {
            "run_id": r.run_id,
            "scenario_version": r.version,
            "seed": r.seed,
            "samples": r.samples,
            "engine_version": r.engine_version,
            "created_at": r.created_at.isoformat(),
            "recommendation": r.recommendation.get("strategy"),
        }
        for r in lib.runs(scenario_id)
    ]


@router.get("/runs/{run_id}", summary="Get a saved run", responses=ERROR_RESPONSES)
def get_run(run_id: int, lib: LibraryDep) -> dict[str, Any]:
    """The saved run: the compare JSON, ``run_id`` and what reproduces it (``run``)."""
    return run_document(lib.get_run(run_id))


@router.post(
    "/scenarios/{scenario_id}/jobs",
    status_code=202,
    summary="Run a scenario in the background",
    responses=ERROR_RESPONSES,
)
def start_job(
    scenario_id: int,
    lib: LibraryDep,
    runner: JobsDep,
    samples: Samples = None,
    seed: Seed = None,
) -> JSONResponse:
    """Start a run; poll ``/api/jobs/{job_id}`` for progress and the ``run_id``."""
    record = lib.get(scenario_id)
    lib.check_samples(lib.draft(scenario_id).scenario, samples)
    job = runner.submit(
        lambda progress: (
            lib.run(
                scenario_id, version=record.version, samples=samples, seed=seed, progress=progress
            ).run_id
        ),
        label=record.name,
        scenario_id=scenario_id,
    )
    return JSONResponse(job.as_dict(), status_code=202, headers={"Location": f"/api/jobs/{job.id}"})


@router.get("/jobs/{job_id}", summary="A background run's progress", responses=ERROR_RESPONSES)
def job_state(job_id: str, runner: JobsDep) -> JSONResponse:
    """``state`` (queued, running, done, failed), ``done``/``total`` draws, ``run_id``."""
    job = runner.get(job_id)
    if job is None:
        return JSONResponse({"detail": f"no job {job_id} on this server"}, status_code=404)
    return JSONResponse(job.as_dict())
