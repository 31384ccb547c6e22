"""The editor's fragments: an empty workstream or assumption row, and the form and YAML
tabs converted into each other (nothing is saved by any of them).

Example: ``GET /editor/workstream?index=3`` gives the block of inputs named
``workstreams.3.*``.
"""

from __future__ import annotations

import json
from typing import Annotated

import yaml
from fastapi import APIRouter, Depends, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response

from shorewise.errors import ScenarioError
from shorewise.io.scenario_file import parse_text
from shorewise.web.context import render
from shorewise.web.forms import data_to_form
from shorewise.web.forms import form_to_data as parse_form
from shorewise.web.pages import choices, form_fields
from shorewise.web.security import check_csrf

router = APIRouter(dependencies=[Depends(check_csrf)], include_in_schema=False)


@router.get("/editor/workstream")
def workstream_row(request: Request, index: Annotated[int, Query(ge=0, lt=10_000)]) -> Response:
    """One empty workstream block (added in place by the editor)."""
    row = {"name": "", "duration_months": "12", "scope_volatility": "medium", "core": False}
    return render(
        request,
        "editor_rows.html",
        {"w": row, "i": index, "errors": {}, **choices()},
        block="workstream",
    )


@router.get("/editor/assumption")
def assumption_row(request: Request, index: Annotated[int, Query(ge=0, lt=10_000)]) -> Response:
    """One empty assumption row (added in place by the editor)."""
    return render(
        request,
        "editor_rows.html",
        {"a": {"key": "", "value": ""}, "i": index, "errors": {}, **choices()},
        block="assumption",
    )


@router.post("/editor/yaml")
async def form_as_yaml(request: Request) -> Response:
    """The form's current fields as scenario YAML (for the YAML tab; nothing saved)."""
    data, _ = parse_form(await form_fields(request))
    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
    return render(request, "editor.html", {"yaml_text": text}, block="yaml_text")


@router.post("/editor/form")
async def yaml_as_form(request: Request) -> Response:
    """The YAML tab's text as form fields (for the form tab; nothing saved)."""
    text = (await form_fields(request)).get("yaml", "")
    try:
        data = await run_in_threadpool(lambda: parse_text(text, source="YAML"))
    except ScenarioError as exc:
        return Response(
            status_code=200,
            headers={"HX-Reswap": "none", "HX-Trigger": json.dumps({"yamlError": exc.message})},
        )
    form = data_to_form(data if isinstance(data, dict) else {})
    context = {"form": form, "errors": {}, "problems": [], **choices()}
    return render(request, "editor.html", context, block="form_fields")
