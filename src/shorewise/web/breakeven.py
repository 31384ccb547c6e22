"""The two-option break-even of a saved run, in the web app (``shorewise breakeven`` in
the terminal).

``GET /runs/{id}/breakeven`` offers the run's options by their labels (read from the stored
result, never an id); ``POST`` checks the choice and queues a ``breakeven`` job, which
evaluates the run again with its own seed and draws (the stored result keeps percentile
bands, not the draws a break-even needs; the same seed gives the same numbers) and keeps
the answer with the job; its progress page comes back to
``GET /runs/{id}/breakeven?job=...``, which shows the month from which the first option
stays cheaper per effective FTE-month than the second (P10, P50, P90) and the share of draws
in which it never does, in words and numbers. A choice the run does not have answers 422
with the valid labels, a job that is not this run's break-even 404; never 500.

Example::

    >>> words = answer_words(
    ...     {"a": "offshore_inhouse@VN", "b": "offshore_outsource@VN", "workstream": "app",
    ...      "breakeven_month": {"p10": 6.0, "p50": 8.0, "p90": 11.0}, "never_share": 0.12,
    ...      "draws": 10000})
    >>> words["headline"]
    'The dedicated team in Vietnam becomes cheaper per effective FTE-month than ...'
    >>> words["rows"][1]
    ('P50 (the median)', 'month 8')
    >>> words["never"]
    'In 12% of the 10,000 draws it never does within the work.'
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response

from shorewise.errors import ShorewiseError
from shorewise.results import numbers as fmt
from shorewise.results.result import Result
from shorewise.results.vocabulary import option_label, option_phrase
from shorewise.web.context import jobs, library, render
from shorewise.web.jobs import JobRunner
from shorewise.web.pages import redirect
from shorewise.web.security import check_csrf
from shorewise.workflows.library import Library, stored_result

__all__ = ["answer_words", "choices", "router"]

router = APIRouter(dependencies=[Depends(check_csrf)], include_in_schema=False)
LibraryDep = Annotated[Library, Depends(library)]
JobsDep = Annotated[JobRunner, Depends(jobs)]
MAX_FIELD = 200
"""Longest option or workstream name read from the form, characters (judgement: the
longest label of a mix is about 60)."""


def choices(result: Result) -> dict[str, dict[str, str]]:
    """Per workstream (in the scenario's order): option label -> option id."""
    return {
        ws.name: {r.label: r.option for r in result.rows_for(ws.name)} for ws in result.workstreams
    }


def _month(value: Any) -> str:
    return "never" if not isinstance(value, int | float) else f"month {value:.0f}"


def _never_words(never: float, draws: int) -> str:
    n = fmt.count(draws)
    if never <= 0:
        return f"It breaks even within the work in every one of the {n} draws."
    if never >= 1:
        return f"None of the {n} draws breaks even within the work."
    return f"In {fmt.share(never)} of the {n} draws it never does within the work."


def answer_words(answer: dict[str, Any]) -> dict[str, Any]:
    """The break-even job's answer (``BreakevenResult.to_dict()``) in words and numbers:
    ``headline``, ``never`` (sentences), ``a``/``b`` (labels) and ``rows`` (``[(what,
    value)]``: the P10/P50/P90 months and the share of draws that never break even)."""
    a, b = str(answer["a"]), str(answer["b"])
    the_a = option_phrase(a)
    the_a, the_b = the_a[0].upper() + the_a[1:], option_phrase(b)
    m = answer.get("breakeven_month") or {}
    never, draws = float(answer.get("never_share") or 0.0), int(answer.get("draws") or 0)
    than = f"cheaper per effective FTE-month than {the_b}"
    if never >= 1:
        headline = f"{the_a} never becomes {than} within the work."
    elif m.get("p50") is None:
        early = m.get("p10")
        where = (
            f"; where it does, from {_month(early)} of the work at P10" if early is not None else ""
        )
        headline = f"{the_a} does not become {than} within the work in most draws{where}."
    else:
        headline = (
            f"{the_a} becomes {than} from {_month(m['p50'])} of the work and stays so (P50; "
            f"P10 {_month(m.get('p10'))}, P90 {_month(m.get('p90'))})."
        )
    return {
        "a": option_label(a),
        "b": option_label(b),
        "workstream": str(answer.get("workstream", "")),
        "headline": headline,
        "never": _never_words(never, draws),
        "rows": [
            ("P10 (an early break-even)", _month(m.get("p10"))),
            ("P50 (the median)", _month(m.get("p50"))),
            ("P90 (a late break-even)", _month(m.get("p90"))),
            (
                "never breaks even within the work",
                f"{fmt.share(never)} of {fmt.count(draws)} draws",
            ),
        ],
    }


def _result(lib: Library, run_id: int) -> tuple[Any, Result]:
    run = lib.get_run(run_id)
    result = stored_result(run)
    if result is None:
        raise HTTPException(
            409, "this run was saved by an earlier version of shorewise: run the scenario again"
        )
    return run, result


def _answer(runner: JobRunner, job_id: str, run_id: int) -> dict[str, Any] | None:
    """The answer a finished break-even job of this run keeps (404 for any other job)."""
    try:
        job = runner.get(job_id[:64])
    except ShorewiseError:
        raise HTTPException(
            404, f"no job {job_id[:40]} (finished jobs are kept for a while)"
        ) from None
    answer = job.record.result or {}
    if job.kind != "breakeven" or answer.get("run_id") != run_id:
        raise HTTPException(404, f"job {job_id[:40]} is not a break-even of run {run_id}")
    return answer if job.state == "done" else None


@router.get("/runs/{run_id}/breakeven")
def breakeven_page(
    request: Request,
    run_id: int,
    lib: LibraryDep,
    runner: JobsDep,
    job: Annotated[str | None, Query(max_length=MAX_FIELD)] = None,
) -> Response:
    """Pick two options of the run; with ``?job=``, the break-even that job worked out."""
    run, result = _result(lib, run_id)
    answer = _answer(runner, job, run_id) if job else None
    words = answer_words(answer) if answer else None
    return render(
        request,
        "breakeven.html",
        {"run": run, "r": result, "choices": choices(result), "words": words},
    )


def _field(form: Any, name: str) -> str:
    value = form.get(name, "")
    return value.strip()[:MAX_FIELD] if isinstance(value, str) else ""


@router.post("/runs/{run_id}/breakeven")
async def start_breakeven(
    request: Request, run_id: int, lib: LibraryDep, runner: JobsDep
) -> Response:
    """Check the two options (labels of the run's options) and queue the break-even."""
    run, result = await run_in_threadpool(_result, lib, run_id)
    form = await request.form()
    options = choices(result)
    workstream = _field(form, "workstream") or next(iter(options))
    if workstream not in options:
        valid = ", ".join(options)
        raise HTTPException(
            422, f"no workstream {workstream!r} in this run; choose one of: {valid}"
        )
    picked = [_field(form, "a"), _field(form, "b")]
    for name in picked:
        if name not in options[workstream]:
            valid = ", ".join(options[workstream])
            raise HTTPException(422, f"no option {name!r} in {workstream}; choose one of: {valid}")
    if picked[0] == picked[1]:
        raise HTTPException(422, "choose two different options")
    a, b = (options[workstream][name] for name in picked)
    params = {"run_id": run_id, "workstream": workstream, "a": a, "b": b}
    job = await run_in_threadpool(
        lambda: runner.submit(
            "breakeven",
            params,
            label=f"break-even of {picked[0]} against {picked[1]} ({workstream}), run {run_id}",
            scenario_id=run.scenario_id,
        )
    )
    return redirect(request, f"/jobs/{job.job_id}")
