"""HTML pages for runs: start one, watch its progress, read and download its results,
compare two runs or two scenarios, and the assumptions behind every number."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import RedirectResponse, Response

from shorewise.errors import Problem, ShorewiseError
from shorewise.web.charts import analysis_charts, workstream_charts
from shorewise.web.context import is_htmx, jobs, library, render
from shorewise.web.jobs import JobRunner
from shorewise.web.pages import attachment, redirect
from shorewise.web.security import check_csrf
from shorewise.workflows.library import Library

router = APIRouter(dependencies=[Depends(check_csrf)], include_in_schema=False)
LibraryDep = Annotated[Library, Depends(library)]
JobsDep = Annotated[JobRunner, Depends(jobs)]

DOWNLOADS = ("html", "pdf", "xlsx", "md", "csv")


def _number(text: str | None, field: str, problems: list[Problem]) -> int | None:
    if text is None or not text.strip():
        return None
    cleaned = text.strip().replace(",", "").replace("_", "")
    if not cleaned.isdigit():
        problems.append(Problem(field, f"a whole number of 0 or more (got {text!r})"))
        return None
    return int(cleaned)


@router.post("/scenarios/{scenario_id}/run")
async def start_run(
    request: Request, scenario_id: int, lib: LibraryDep, runner: JobsDep
) -> Response:
    """Start a run in the background and go to its progress page."""
    form = await request.form()
    problems: list[Problem] = []
    samples = _number(str(form.get("samples", "")), "samples", problems)
    seed = _number(str(form.get("seed", "")), "seed", problems)
    record = await run_in_threadpool(lib.get, scenario_id)
    if not problems:
        try:
            draft = await run_in_threadpool(lib.draft, scenario_id)
            lib.check_samples(draft.scenario, samples)
            if seed is not None and seed >= 2**63:
                problems.append(Problem("seed", "must be below 2**63"))
        except ShorewiseError as exc:
            problems.extend(exc.problems or (Problem("", exc.message),))
    if problems:
        return render(
            request,
            "run_error.html",
            {"record": record, "problems": problems},
            status_code=422,
        )
    job = runner.submit(
        lambda progress: (
            lib.run(
                scenario_id, version=record.version, samples=samples, seed=seed, progress=progress
            ).run_id
        ),
        label=f"{record.name} (version {record.version})",
        scenario_id=scenario_id,
    )
    return redirect(request, f"/jobs/{job.id}")


@router.get("/jobs/{job_id}")
def job_page(request: Request, job_id: str, runner: JobsDep) -> Response:
    """A run's progress; polls itself, and goes to the results when the run is saved."""
    job = runner.get(job_id)
    if job is None:
        raise HTTPException(404, f"no job {job_id} on this server (it may have restarted)")
    if job.state == "done" and job.run_id is not None:
        return redirect(request, f"/runs/{job.run_id}")
    block = "progress" if is_htmx(request) else None
    return render(request, "job.html", {"job": job}, block=block)


@router.get("/runs/{run_id}")
def run_page(request: Request, run_id: int, lib: LibraryDep) -> Response:
    """A run's results: recommendation, tables, charts and downloads."""
    from shorewise.workflows.library import stored_result

    run = lib.get_run(run_id)
    result = run.result
    parsed = stored_result(run)
    others = [r for r in lib.runs(run.scenario_id) if r.run_id != run_id]
    return render(
        request,
        "results.html",
        {
            "run": run,
            "r": result,
            "charts": workstream_charts(result),
            "analyses": analysis_charts(parsed),
            "current": parsed is not None,
            "downloads": DOWNLOADS,
            "other_runs": others,
            "other_scenarios": [
                s
                for s in lib.scenarios()
                if s.scenario_id != run.scenario_id and s.latest_run_id is not None
            ],
        },
    )


@router.post("/runs/{run_id}/analyses")
async def add_analyses(request: Request, run_id: int, lib: LibraryDep) -> Response:
    """Work out the run's tornado and duration sweep (central-value model runs, no Monte
    Carlo), keep them with the run and show the results page again."""
    await run_in_threadpool(lib.result, run_id, with_analyses=True)
    return redirect(request, f"/runs/{run_id}#sensitivity")


@router.get("/runs/{run_id}/download/{fmt}")
def download(run_id: int, fmt: str, lib: LibraryDep) -> Response:
    """The run as JSON, or its report (HTML, PDF, XLSX, Markdown, CSV), reproduced from
    the saved version, seed and sample count."""
    run = lib.get_run(run_id)
    name = f"{run.scenario_name}"
    suffix = f"run-{run.run_id}"
    if fmt == "json":
        import json

        body = json.dumps(run.result, indent=2, ensure_ascii=False).encode()
        return Response(
            body,
            media_type="application/json",
            headers={"Content-Disposition": attachment(name, suffix, "json")},
        )
    if fmt not in DOWNLOADS:
        raise HTTPException(404, f"no {fmt!r} download; choose one of json, {', '.join(DOWNLOADS)}")
    from shorewise.workflows.report import MEDIA_TYPES

    data = lib.report(run_id, fmt)
    return Response(
        data,
        media_type=MEDIA_TYPES.get(fmt, "application/octet-stream"),
        headers={"Content-Disposition": attachment(name, suffix, fmt)},
    )


@router.get("/compare")
def compare_page(
    request: Request,
    lib: LibraryDep,
    runs: Annotated[list[int] | None, Query()] = None,
    scenarios: Annotated[list[int] | None, Query()] = None,
) -> Response:
    """Two runs (``?runs=1&runs=2``) or two scenarios' latest runs (``?scenarios=..``)."""
    if runs and len(runs) == 2:
        comparison = lib.compare_runs(runs[0], runs[1])
    elif scenarios and len(scenarios) == 2:
        comparison = lib.compare_scenarios(scenarios[0], scenarios[1])
        url = f"/compare?runs={comparison.left.run_id}&runs={comparison.right.run_id}"
        return RedirectResponse(url, status_code=303)
    else:
        return render(
            request,
            "compare_pick.html",
            {"scenarios": lib.scenarios()},
            status_code=200 if not (runs or scenarios) else 422,
        )
    return render(request, "compare.html", {"c": comparison})


@router.get("/assumptions")
def assumptions_page(request: Request) -> Response:
    """Every assumption with its default, unit, provenance and source."""
    from shorewise.workflows.reference import assumption_rows

    return render(
        request, "assumptions.html", {"rows": _grouped(assumption_rows()), "record": None}
    )


@router.get("/scenarios/{scenario_id}/assumptions")
def scenario_assumptions(request: Request, scenario_id: int, lib: LibraryDep) -> Response:
    """The assumptions resolved for one scenario; its overrides marked."""
    from shorewise.workflows.reference import assumption_rows

    draft = lib.draft(scenario_id)
    record = lib.get(scenario_id)
    rows = _grouped(assumption_rows(draft.scenario))
    return render(request, "assumptions.html", {"rows": rows, "record": record})


def _grouped(rows: list[dict[str, Any]]) -> list[tuple[str, list[dict[str, Any]]]]:
    groups: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        groups.setdefault(str(row.get("group") or "other"), []).append(row)
    return list(groups.items())
