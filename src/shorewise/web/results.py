"""HTML pages for runs: read and download a run's results, and the assumptions behind
every number. Starting runs, reports and comparisons is in :mod:`.job_pages` (the queue)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response

from shorewise.report.decision_tables import decision_tables
from shorewise.report.option_colours import result_style
from shorewise.web.charts import analysis_charts, workstream_charts
from shorewise.web.context import jobs, library, render
from shorewise.web.jobs import JobRunner
from shorewise.web.pages import attachment, redirect
from shorewise.web.security import check_csrf
from shorewise.workflows.library import Library

router = APIRouter(dependencies=[Depends(check_csrf)], include_in_schema=False)
LibraryDep = Annotated[Library, Depends(library)]
JobsDep = Annotated[JobRunner, Depends(jobs)]

DOWNLOADS = ("html", "pdf", "xlsx", "md", "csv")


@router.get("/runs/{run_id}")
def run_page(request: Request, run_id: int, lib: LibraryDep) -> Response:
    """A run's results: recommendation, tables, charts and downloads."""
    from shorewise.results.headline import headline
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
            "worked_out": parsed is not None
            and bool(parsed.analyses.get("tornado") or parsed.analyses.get("duration_sweep")),
            **(decision_tables(parsed) if parsed is not None else {}),
            "top": headline(parsed) if parsed is not None else None,
            "colours": result_style(parsed).colours if parsed is not None else {},
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
async def add_analyses(request: Request, run_id: int, lib: LibraryDep, runner: JobsDep) -> Response:
    """Queue the run's tornado and duration sweep (central-value model runs, no Monte
    Carlo, kept with the run); its progress page comes back to the results when done."""
    run = await run_in_threadpool(lib.get_run, run_id)
    job = await run_in_threadpool(
        lambda: runner.submit(
            "analyses",
            {"run_id": run_id},
            label=f"sensitivity of {run.scenario_name}, run {run_id}",
            scenario_id=run.scenario_id,
        )
    )
    return redirect(request, f"/jobs/{job.job_id}")


@router.get("/runs/{run_id}/download/{fmt}")
def download(request: Request, run_id: int, fmt: str, lib: LibraryDep) -> Response:
    """The run as JSON; for a report (HTML, PDF, XLSX, Markdown, CSV) a page whose button
    queues it (a GET never renders one: rendering is heavy work for the job queue)."""
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
    return render(request, "report_start.html", {"run": run, "fmt": fmt})


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
