"""HTML pages to list, write, import, save and delete scenarios.

Every state is a URL (``/scenarios/3?version=2``, ``/scenarios/3/edit?tab=yaml``); every
form post carries the CSRF token (:func:`~shorewise.web.security.check_csrf`). The
editor posts either the form (fields named by dotted paths) or the YAML text; errors come
back on the fields they name.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Annotated, Any

import yaml
from fastapi import APIRouter, Depends, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import RedirectResponse, Response
from starlette.datastructures import UploadFile

from shorewise.domain.tradeoffs import QUESTIONS
from shorewise.errors import Problem, ScenarioError
from shorewise.io.scenario_file import parse_text
from shorewise.web.context import is_htmx, library, render, settings
from shorewise.web.forms import VOLATILITIES, FormState, data_to_form, errors_by_field
from shorewise.web.forms import form_to_data as parse_form
from shorewise.web.job_work import download_name
from shorewise.web.security import check_csrf
from shorewise.workflows.library import (
    Draft,
    Library,
    VersionConflictError,
    draft_from_data,
    draft_from_text,
)

router = APIRouter(dependencies=[Depends(check_csrf)], include_in_schema=False)
LibraryDep = Annotated[Library, Depends(library)]

BLANK: dict[str, Any] = {
    "name": "",
    "currency": "USD",
    "home_country": "US",
    "company": {"tech_company": True},
    "offshore_countries": ["VN"],
    "workstreams": [
        {"name": "", "core": False, "duration_months": 12, "scope_volatility": "medium"}
    ],
    "simulation": {"samples": 10000, "seed": 42},
}


@lru_cache(maxsize=1)
def choices() -> dict[str, Any]:
    from shorewise.workflows.reference import assumption_rows, country_rows

    return {
        "assumption_names": [
            {"name": r["name"], "hint": f"{r['value']} {r['unit_text']}".strip()}
            for r in assumption_rows()
        ],
        "countries": [{"code": c.iso2, "name": c.name} for c in country_rows()],
        "volatilities": VOLATILITIES,
        "questions": QUESTIONS,
    }


def redirect(request: Request, url: str) -> Response:
    """303 to ``url``, or an ``HX-Redirect`` for HTMX requests."""
    if is_htmx(request):
        return Response(status_code=200, headers={"HX-Redirect": url})
    return RedirectResponse(url, status_code=303)


def _editor(
    request: Request,
    *,
    action: str,
    title: str,
    form: FormState,
    yaml_text: str,
    problems: tuple[Problem, ...] | list[Problem] = (),
    tab: str = "form",
    scenario_id: int | None = None,
    base_version: int | None = None,
    conflict: VersionConflictError | None = None,
    status_code: int = 200,
) -> Response:
    context = {
        "base_version": base_version,
        "conflict": conflict,
        "action": action,
        "title": title,
        "form": form,
        "yaml_text": yaml_text,
        "problems": list(problems),
        "errors": errors_by_field(problems),
        "tab": tab if tab in ("form", "yaml") else "form",
        "scenario_id": scenario_id,
        **choices(),
    }
    block = "editor" if is_htmx(request) else None
    return render(request, "editor.html", context, status_code=status_code, block=block)


def _problems_of(exc: ScenarioError) -> list[Problem]:
    return list(exc.problems) or [Problem("", exc.message)]


def _loose_data(text: str) -> dict[str, Any]:
    """Whatever mapping the YAML text holds, to refill the form; {} if it cannot be read."""
    try:
        data = parse_text(text, source="YAML")  # nesting and duplicate keys checked first
    except ScenarioError:
        return {}
    return data if isinstance(data, dict) else {}


def _parse_yaml(text: str) -> tuple[Draft | None, FormState, str, list[Problem]]:
    try:
        draft = draft_from_text(text, source="YAML")
    except ScenarioError as exc:
        return None, data_to_form(_loose_data(text)), text, _problems_of(exc)
    return draft, data_to_form(draft.data), text, []


def _parse_submission(fields: dict[str, str]) -> tuple[Draft | None, FormState, str, list[Problem]]:
    """The draft (or every problem), and what the editor shows again."""
    if fields.get("mode") == "yaml":
        return _parse_yaml(fields.get("yaml", ""))
    data, problems = parse_form(fields)
    try:
        draft = draft_from_data(data, source="form")
    except ScenarioError as exc:
        seen = {p.field for p in problems}
        problems += [p for p in _problems_of(exc) if p.field not in seen]
        text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
        return None, data_to_form(data), text, problems
    if problems:
        return None, data_to_form(data), draft.text, problems
    return draft, data_to_form(data), draft.text, []


async def form_fields(request: Request) -> dict[str, str]:
    form = await request.form()
    return {k: v for k, v in form.multi_items() if isinstance(v, str)}


@router.get("/")
def index(request: Request, lib: LibraryDep) -> Response:
    """The saved scenarios, a compare form and the bundled examples."""
    from shorewise.workflows.examples import example_names

    return render(
        request, "index.html", {"scenarios": lib.scenarios(), "examples": example_names()}
    )


@router.get("/scenarios/new")
def new_scenario(request: Request, example: str | None = None, tab: str = "form") -> Response:
    """An empty editor, or one filled with a bundled example (``?example=NAME``)."""
    text = yaml.safe_dump(BLANK, sort_keys=False)
    data: dict[str, Any] = dict(BLANK)
    if example:
        from shorewise.workflows.examples import example_names, example_path

        if example in example_names():  # a bundled name, never a path from the request
            text = example_path(example).read_text(encoding="utf-8")
            data = yaml.safe_load(text)
    return _editor(
        request,
        action="/scenarios",
        title="New scenario",
        form=data_to_form(data),
        yaml_text=text,
        tab=tab,
    )


@router.post("/scenarios")
async def create_scenario(request: Request, lib: LibraryDep) -> Response:
    """Save the editor's scenario as a new scenario, or show its errors in place."""
    fields = await form_fields(request)
    draft, form, text, problems = await run_in_threadpool(_parse_submission, fields)
    if draft is None:
        return _editor(
            request,
            action="/scenarios",
            title="New scenario",
            form=form,
            yaml_text=text,
            problems=problems,
            tab=fields.get("mode", "form"),
            status_code=422,
        )
    saved = await run_in_threadpool(lib.create, draft)
    return redirect(request, f"/scenarios/{saved.scenario_id}")


@router.get("/scenarios/{scenario_id}")
def scenario_page(
    request: Request,
    scenario_id: int,
    lib: LibraryDep,
    version: Annotated[int | None, Query(ge=1)] = None,
) -> Response:
    """One scenario: its versions, its runs, a run button and its YAML."""
    record = lib.get(scenario_id, version)
    simulation = record.data.get("simulation")
    defaults = simulation if isinstance(simulation, dict) else {}
    return render(
        request,
        "scenario.html",
        {
            "record": record,
            "runs": lib.runs(scenario_id),
            "default_samples": defaults.get("samples", 10000),
            "default_seed": defaults.get("seed", 42),
            "others": [s for s in lib.scenarios() if s.scenario_id != scenario_id],
        },
    )


@router.get("/scenarios/{scenario_id}/edit")
def edit_scenario(
    request: Request, scenario_id: int, lib: LibraryDep, tab: str = "form"
) -> Response:
    """The editor filled with the current version (which the save names as its base)."""
    record = lib.get(scenario_id)
    return _editor(
        request,
        action=f"/scenarios/{scenario_id}",
        title=f"Edit {record.name}",
        form=data_to_form(record.data),
        yaml_text=record.text,
        tab=tab,
        scenario_id=scenario_id,
        base_version=record.version,
    )


def _base_version(fields: dict[str, str]) -> int | None:
    text = fields.get("base_version", "").strip()
    return int(text) if text.isdigit() and len(text) < 19 else None


@router.post("/scenarios/{scenario_id}")
async def update_scenario(request: Request, scenario_id: int, lib: LibraryDep) -> Response:
    """Save the editor's scenario as the next version, or show its errors in place.

    The form names the version it was opened on; if someone saved another version since,
    the editor comes back (409) with this edit unsaved but intact, to save on top of it.
    """
    record = await run_in_threadpool(lib.get, scenario_id)
    fields = await form_fields(request)
    base = _base_version(fields)
    draft, form, text, problems = await run_in_threadpool(_parse_submission, fields)
    if base is None:
        problems = [
            *problems,
            Problem(
                "",
                "this form does not say which version it edits; "
                "reload the editor and make the change again",
            ),
        ]
    again: dict[str, Any] = {
        "action": f"/scenarios/{scenario_id}",
        "title": f"Edit {record.name}",
        "form": form,
        "yaml_text": text,
        "tab": fields.get("mode", "form"),
        "scenario_id": scenario_id,
    }
    if draft is None or base is None:
        return _editor(request, **again, problems=problems, base_version=base, status_code=422)
    try:
        await run_in_threadpool(lambda: lib.update(scenario_id, draft, base_version=base))
    except VersionConflictError as exc:
        return _editor(
            request,
            **again,
            base_version=exc.current_version,
            conflict=exc,
            status_code=409,
        )
    return redirect(request, f"/scenarios/{scenario_id}")


@router.post("/scenarios/{scenario_id}/delete")
def delete_scenario(request: Request, scenario_id: int, lib: LibraryDep) -> Response:
    """Delete a scenario with every version and run."""
    lib.delete(scenario_id)
    return redirect(request, "/")


@router.get("/scenarios/{scenario_id}/download.yaml")
def download_yaml(
    scenario_id: int, lib: LibraryDep, version: Annotated[int | None, Query(ge=1)] = None
) -> Response:
    """The scenario file of a version, as saved."""
    record = lib.get(scenario_id, version)
    return Response(
        record.text,
        media_type="application/yaml; charset=utf-8",
        headers={"Content-Disposition": attachment(record.name, f"v{record.version}", "yaml")},
    )


def attachment(name: str, suffix: str, ext: str) -> str:
    """A ``Content-Disposition`` with a safe file name: letters, digits and dashes only."""
    return f'attachment; filename="{download_name(name, suffix, ext)}"'


# import ------------------------------------------------------------------------------------


@router.get("/import")
def import_page(request: Request) -> Response:
    """Upload a scenario file (its content is read; no path is ever used)."""
    return render(request, "import.html", {"problems": []})


@router.post("/import")
async def import_file(request: Request, lib: LibraryDep) -> Response:
    """Save an uploaded YAML/TOML file as a new scenario; errors open it in the editor."""
    form = await request.form()
    try:
        upload = form.get("file")
        if not isinstance(upload, UploadFile) or not upload.filename:
            problem = Problem("file", "choose a .yaml, .yml or .toml file")
            return render(request, "import.html", {"problems": [problem]}, status_code=422)
        raw = await upload.read(settings(request).max_body_bytes + 1)
        label = upload.filename.replace("\\", "/").rsplit("/", 1)[-1][:100]
    finally:
        await form.close()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        problem = Problem("file", f"{label} is not UTF-8 text")
        return render(request, "import.html", {"problems": [problem]}, status_code=422)
    if "\x00" in text:
        problem = Problem("file", f"{label} is a binary file, not a scenario")
        return render(request, "import.html", {"problems": [problem]}, status_code=422)
    fmt = "toml" if label.lower().endswith(".toml") else "yaml"
    try:
        draft = await run_in_threadpool(draft_from_text, text, fmt=fmt, source=label)
    except ScenarioError as exc:
        return _editor(
            request,
            action="/scenarios",
            title=f"Import {label}",
            form=FormState(),
            yaml_text=text,
            problems=_problems_of(exc),
            tab="yaml",
            status_code=422,
        )
    saved = await run_in_threadpool(lib.create, draft)
    return RedirectResponse(f"/scenarios/{saved.scenario_id}", status_code=303)
