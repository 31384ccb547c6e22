"""The JSON API (a contract other tools rely on; documented at ``/docs``).

=======================================  =================================================
``GET /api/health``                      ``{"status": "ok"}``
``POST /api/scenarios``                  YAML (``application/yaml``) or JSON body
                                         → ``201 {"id", "version"}``; invalid → ``422``
``GET /api/scenarios``                   every saved scenario
``GET /api/scenarios/{id}``              one (``?version=N`` for an older version)
``PUT /api/scenarios/{id}?base_version=N``  a new version → ``{"id", "version"}``; ``409``
                                         if version N is no longer the current one
``DELETE /api/scenarios/{id}``           ``204``
``POST /api/scenarios/{id}/runs``        run (through the job queue) and wait → the
                                         ``shorewise compare --format json`` document
                                         plus ``run_id`` (``201``)
``GET /api/scenarios/{id}/runs``         the scenario's runs
``GET /api/runs/{run_id}``               a saved run, as the POST returned it
(:mod:`.api_jobs`)                       jobs: start, follow, cancel; reports
=======================================  =================================================

Every error body is ``{"detail": "...", "errors": [{"field": "workstreams.0.fte",
"message": "..."}]}`` with every problem; a body that cannot be read at all has the field
``body``. A full job queue answers ``503`` with ``Retry-After``; an id that cannot exist
(beyond the database's integer range) is ``404`` like any unknown id.
"""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, Response

from shorewise.errors import Problem, ScenarioError
from shorewise.web.api_models import (
    Health,
    RunDocument,
    RunItem,
    Saved,
    ScenarioDetail,
    ScenarioItem,
)
from shorewise.web.context import jobs, library
from shorewise.web.jobs import JobRunner, JobView
from shorewise.web.openapi import errors
from shorewise.workflows.library import (
    Draft,
    Library,
    RunRecord,
    draft_from_data,
    draft_from_text,
)

router = APIRouter(prefix="/api", tags=["api"])

YAML_TYPES = ("application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml")
TOML_TYPES = ("application/toml", "text/toml")

LibraryDep = Annotated[Library, Depends(library)]
JobsDep = Annotated[JobRunner, Depends(jobs)]


class UnsupportedBodyError(Exception):
    """The request body has a content type the API does not read."""


SCENARIO_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "description": "The scenario file's content (DESIGN.md §6), as YAML or as JSON.",
        "content": {
            "application/yaml": {"schema": {"type": "string"}},
            "application/json": {"schema": {"$ref": "#/components/schemas/Scenario"}},
        },
    }
}
"""The request body of a save: the scenario schema is added to the document's components
by :func:`shorewise.web.openapi.openapi_document`."""


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
        except RecursionError as exc:  # deeper than the parser goes; the data check says why
            message = "nested too deeply to read; check the brackets"
            raise ScenarioError(message, problems=(Problem("body", message),)) from exc
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


@router.get("/health", summary="Is the server up?", response_model=Health)
def health() -> dict[str, str]:
    """``{"status": "ok"}`` while the server answers."""
    return {"status": "ok"}


@router.post(
    "/scenarios",
    status_code=201,
    summary="Save a new scenario",
    openapi_extra=SCENARIO_BODY,
    response_model=Saved,
    responses=errors(413, 415, 422),
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


@router.get("/scenarios", summary="List saved scenarios", response_model=list[ScenarioItem])
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


ID_RANGE = {"minimum": 1, "maximum": 2**63 - 1}  # documented; beyond it: 404 like any unknown id
ScenarioId = Annotated[
    int,
    Path(
        description="a saved scenario's id (one the database cannot hold is simply not found)",
        json_schema_extra=ID_RANGE,
    ),
]
RunId = Annotated[
    int,
    Path(
        description="a saved run's id (one the database cannot hold is simply not found)",
        json_schema_extra=ID_RANGE,
    ),
]
Samples = Annotated[
    int | None, Query(ge=0, description="Monte Carlo draws (default: the scenario's)")
]
Seed = Annotated[
    int | None, Query(ge=0, lt=2**63, description="random seed (default: the scenario's)")
]
Version = Annotated[int | None, Query(ge=1, description="scenario version (default: current)")]
BaseVersion = Annotated[
    int,
    Query(
        ge=1,
        description="the version this edit starts from (as GET returned it); if another "
        "edit was saved since, the answer is 409 and nothing is saved",
    ),
]


@router.get(
    "/scenarios/{scenario_id}",
    summary="Get a scenario",
    response_model=ScenarioDetail,
    responses=errors(404, 422),
)
def get_scenario(
    scenario_id: ScenarioId, lib: LibraryDep, version: Version = None
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
    openapi_extra=SCENARIO_BODY,
    response_model=Saved,
    responses=errors(404, 409, 413, 415, 422),
)
async def update_scenario(
    scenario_id: ScenarioId, request: Request, lib: LibraryDep, base_version: BaseVersion
) -> JSONResponse:
    """Validate the body and save it as the version after ``base_version``."""
    await run_in_threadpool(lib.get, scenario_id)
    draft = await _draft(request)
    saved = await run_in_threadpool(
        lambda: lib.update(scenario_id, draft, base_version=base_version)
    )
    return JSONResponse({"id": saved.scenario_id, "version": saved.version})


@router.delete(
    "/scenarios/{scenario_id}",
    status_code=204,
    summary="Delete a scenario with its versions and runs",
    responses=errors(404, 422),
)
def delete_scenario(scenario_id: ScenarioId, lib: LibraryDep) -> Response:
    """Delete the scenario, every version and every run."""
    lib.delete(scenario_id)
    return Response(status_code=204)


async def queue_run(
    lib: Library,
    runner: JobRunner,
    scenario_id: int,
    *,
    version: int | None,
    samples: int | None,
    seed: int | None,
) -> JobView:
    """Check a run request (422/404 at once), then queue it (503 when the queue is full)."""
    record, _, _ = await run_in_threadpool(
        lambda: lib.check_run(scenario_id, version=version, samples=samples, seed=seed)
    )
    params: dict[str, int | None] = {"scenario_id": scenario_id, "version": record.version}
    params |= {"samples": samples, "seed": seed}
    return await run_in_threadpool(
        lambda: runner.submit(
            "run",
            params,
            label=f"{record.name} (version {record.version})",
            scenario_id=scenario_id,
        )
    )


@router.post(
    "/scenarios/{scenario_id}/runs",
    status_code=201,
    summary="Run a scenario (through the job queue), wait, and return the saved run",
    response_model=RunDocument,
    responses=errors(404, 409, 422, 503),
)
async def run_scenario(
    scenario_id: ScenarioId,
    lib: LibraryDep,
    runner: JobsDep,
    samples: Samples = None,
    seed: Seed = None,
    version: Version = None,
) -> JSONResponse:
    """Queue the run like any other and answer when it is saved: the compare JSON plus
    ``run_id`` (``409`` if someone cancelled the job meanwhile)."""
    job = await queue_run(lib, runner, scenario_id, version=version, samples=samples, seed=seed)
    finished = await runner.wait(job.job_id)
    record = finished.record
    if record.state == "done" and record.result:
        run = await run_in_threadpool(lib.get_run, int(record.result["run_id"]))
        return JSONResponse(
            run_document(run), status_code=201, headers={"Location": f"/api/runs/{run.run_id}"}
        )
    message = record.error or f"the run ended {record.state}"
    if record.state == "cancelled":
        return JSONResponse({"detail": message, "errors": []}, status_code=409)
    if record.error_status == 404:
        return JSONResponse({"detail": message, "errors": []}, status_code=404)
    return error_response(ScenarioError(message, problems=record.problems))


@router.get(
    "/scenarios/{scenario_id}/runs",
    summary="List a scenario's runs",
    response_model=list[RunItem],
    responses=errors(404, 422),
)
def list_runs(scenario_id: ScenarioId, lib: LibraryDep) -> list[dict[str, Any]]:
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


@router.get(
    "/runs/{run_id}",
    summary="Get a saved run",
    response_model=RunDocument,
    responses=errors(404, 422),
)
def get_run(run_id: RunId, lib: LibraryDep) -> JSONResponse:
    """The saved run: the compare JSON, ``run_id`` and what reproduces it (``run``)."""
    return JSONResponse(run_document(lib.get_run(run_id)))
