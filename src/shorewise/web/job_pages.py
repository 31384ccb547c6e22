"""HTML pages of the job queue: start a run, a comparison or a report; follow, cancel.

Every heavy request is a POST (with the CSRF token) that queues a job and goes to its
progress page; no GET runs or writes anything. ``/compare?scenarios=..`` only reads: when a
scenario has no run of its current version yet, it offers a button that queues the runs.
A full queue answers 503 with ``Retry-After`` (see ``app.py``).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import RedirectResponse, Response

from shorewise.errors import Problem, ShorewiseError
from shorewise.web.context import is_htmx, jobs, library, render
from shorewise.web.jobs import JobRunner, JobView
from shorewise.web.pages import redirect
from shorewise.web.security import check_csrf
from shorewise.workflows.library import MAX_SEED, Library

router = APIRouter(dependencies=[Depends(check_csrf)], include_in_schema=False)
LibraryDep = Annotated[Library, Depends(library)]
JobsDep = Annotated[JobRunner, Depends(jobs)]
REPORT_FORMATS = ("html", "pdf", "xlsx", "md", "csv")
POLL_DELAY_MS = 500
"""Pause before a progress page polls a job that no worker of this process runs (queued,
or run by another server), ms."""


def _number(text: str | None, field: str, problems: list[Problem]) -> int | None:
    if text is None or not text.strip():
        return None
    cleaned = text.strip().replace(",", "").replace("_", "")
    if not cleaned.isdigit() or len(cleaned) > 19:
        problems.append(Problem(field, f"a whole number from 0 below 2**63 (got {text[:40]!r})"))
        return None
    return int(cleaned)


@router.post("/scenarios/{scenario_id}/run")
async def start_run(
    request: Request, scenario_id: int, lib: LibraryDep, runner: JobsDep
) -> Response:
    """Queue a run of a version (the form's ``version``, else the current one) and go to
    its progress page."""
    form = await request.form()
    problems: list[Problem] = []
    samples = _number(str(form.get("samples", "")), "samples", problems)
    seed = _number(str(form.get("seed", "")), "seed", problems)
    version = _number(str(form.get("version", "")), "version", problems)
    if seed is not None and seed >= MAX_SEED:
        problems.append(Problem("seed", "must be below 2**63"))
    record = await run_in_threadpool(lambda: lib.get(scenario_id, version))
    if not problems:
        try:
            await run_in_threadpool(
                lambda: lib.check_run(
                    scenario_id, version=record.version, samples=samples, seed=seed
                )
            )
        except ShorewiseError as exc:
            problems.extend(exc.problems or (Problem("", exc.message),))
    if problems:
        context = {"record": record, "problems": problems}
        return render(request, "run_error.html", context, status_code=422)
    params = {"scenario_id": scenario_id, "version": record.version}
    job = await run_in_threadpool(
        lambda: runner.submit(
            "run",
            params | {"samples": samples, "seed": seed},
            label=f"{record.name} (version {record.version})",
            scenario_id=scenario_id,
        )
    )
    return redirect(request, f"/jobs/{job.job_id}")


@router.post("/runs/{run_id}/reports")
async def start_report(request: Request, run_id: int, lib: LibraryDep, runner: JobsDep) -> Response:
    """Queue a report of a saved run and go to its progress page."""
    fmt = str((await request.form()).get("format", ""))
    run = await run_in_threadpool(lib.get_run, run_id)
    if fmt not in REPORT_FORMATS:
        raise HTTPException(
            422, f"no {fmt[:20]!r} report; choose one of {', '.join(REPORT_FORMATS)}"
        )
    job = await run_in_threadpool(
        lambda: runner.submit(
            "report",
            {"run_id": run_id, "format": fmt},
            label=f"{fmt.upper()} report of {run.scenario_name}, run {run_id}",
            scenario_id=run.scenario_id,
        )
    )
    return redirect(request, f"/jobs/{job.job_id}")


def _done_url(job: JobView) -> str | None:
    result = job.record.result or {}
    if job.state != "done":
        return None
    if job.kind == "run" and "run_id" in result:
        return f"/runs/{result['run_id']}"
    if job.kind == "analyses" and "run_id" in result:
        return f"/runs/{result['run_id']}#sensitivity"
    if job.kind == "breakeven" and "run_id" in result:
        return f"/runs/{result['run_id']}/breakeven?job={job.job_id}#answer"
    if job.kind == "compare" and len(result.get("runs") or []) == 2:
        left, right = result["runs"]
        return f"/compare?runs={left}&runs={right}"
    return None


@router.get("/jobs/{job_id}")
async def job_page(request: Request, job_id: str, runner: JobsDep) -> Response:
    """A job's progress; polls itself, and goes to the result when there is one. A poll
    (HTMX) of a job this process runs waits for it to end, at most a second, so the
    results show the moment they exist."""
    if is_htmx(request) and runner.runs_here(job_id):
        await runner.until_left(job_id)
    try:
        job = await run_in_threadpool(runner.get, job_id)
    except ShorewiseError:
        raise HTTPException(
            404, f"no job {job_id[:40]} (finished jobs are kept for a while)"
        ) from None
    done_url = _done_url(job)
    if done_url is not None:
        return redirect(request, done_url)
    block = "progress" if is_htmx(request) else None
    # the next poll: at once where the server waits for the job, else after half a second
    delay = 0 if runner.runs_here(job_id) else POLL_DELAY_MS
    return render(request, "job.html", {"job": job, "poll_delay_ms": delay}, block=block)


@router.post("/jobs/{job_id}/cancel")
def cancel_job(request: Request, job_id: str, runner: JobsDep) -> Response:
    """Cancel a queued job, or stop a running one; back to its page."""
    job = runner.get(job_id)
    if not job.record.finished:
        runner.cancel(job_id)
    return redirect(request, f"/jobs/{job_id}")


@router.get("/jobs/{job_id}/file")
def job_file(job_id: str, runner: JobsDep) -> Response:
    """The file a finished report job made (read only: nothing is rendered here)."""
    job = runner.get(job_id)
    data = runner.artifact(job_id) if job.record.finished and job.has_artifact else None
    if data is None:
        raise HTTPException(404, f"job {job_id} has no file ({job.state})")
    result = job.record.result or {}
    return Response(
        data,
        media_type=str(result.get("media_type") or "application/octet-stream"),
        headers={"Content-Disposition": f'attachment; filename="{result.get("filename")}"'},
    )


@router.get("/compare")
def compare_page(
    request: Request,
    lib: LibraryDep,
    runs: Annotated[list[int] | None, Query()] = None,
    scenarios: Annotated[list[int] | None, Query()] = None,
) -> Response:
    """Two runs (``?runs=1&runs=2``), or two scenarios' latest runs (``?scenarios=..``):
    a scenario without one gets a button that runs it (POST), never a run from here."""
    if runs and len(runs) == 2:
        return render(request, "compare.html", {"c": lib.compare_runs(runs[0], runs[1])})
    if scenarios and len(scenarios) == 2:
        latest = lib.latest_runs(scenarios)
        if latest[0] is not None and latest[1] is not None:
            url = f"/compare?runs={latest[0].run_id}&runs={latest[1].run_id}"
            return RedirectResponse(url, status_code=303)
        missing = [lib.get(s) for s, run in zip(scenarios, latest, strict=True) if run is None]
        context = {"scenarios": lib.scenarios(), "chosen": scenarios, "missing": missing}
        return render(request, "compare_pick.html", context)
    status = 200 if not (runs or scenarios) else 422
    context = {"scenarios": lib.scenarios(), "chosen": [], "missing": []}
    return render(request, "compare_pick.html", context, status_code=status)


@router.post("/compare")
async def start_compare(request: Request, lib: LibraryDep, runner: JobsDep) -> Response:
    """Queue the runs two scenarios lack, then show them side by side."""
    chosen = [v for v in (await request.form()).getlist("scenarios") if isinstance(v, str)]
    if len(chosen) != 2 or not all(v.isdigit() and len(v) < 19 for v in chosen):
        raise HTTPException(422, "choose two saved scenarios to compare")
    ids = [int(v) for v in chosen]
    latest = await run_in_threadpool(lib.latest_runs, ids)
    problems: list[Problem] = []
    for scenario_id, run in zip(ids, latest, strict=True):
        if run is None:
            try:
                await run_in_threadpool(lib.check_run, scenario_id)
            except ShorewiseError as exc:
                problems.extend(exc.problems or (Problem("", exc.message),))
    names = [(await run_in_threadpool(lib.get, i)).name for i in ids]
    if problems:
        record = await run_in_threadpool(lib.get, ids[0])
        return render(
            request, "run_error.html", {"record": record, "problems": problems}, status_code=422
        )
    job = await run_in_threadpool(
        lambda: runner.submit(
            "compare", {"scenarios": ids}, label=f"{names[0]} and {names[1]}", scenario_id=ids[0]
        )
    )
    return redirect(request, f"/jobs/{job.job_id}")
