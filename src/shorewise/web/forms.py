"""The scenario form: fields named by the file format's dotted paths, both ways.

Input names are the paths validation errors use (``workstreams.0.fte``,
``company.annual_budget``), so an error lands on the field that is wrong. Numbers are
typed as in the file: ``8``, ``80%``, ``30%..70%`` or ``{dist: pert, low: 0.2, mode:
0.35, high: 0.6}``. Keys the form has no field for (mixes, correlations, ...) travel in
the "other settings" YAML box, so nothing is lost by editing in the form.

Example::

    >>> data, problems = form_to_data({"name": "App", "home_country": "US",
    ...     "workstreams.0.name": "app", "workstreams.0.fte": "4",
    ...     "workstreams.0.duration_months": "8"})
    >>> data["workstreams"][0]["fte"], problems
    (4, [])
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import yaml

from shorewise.domain.tradeoffs import QUESTIONS
from shorewise.errors import Problem, ScenarioError
from shorewise.io.scenario_file import parse_text

VOLATILITIES = ("low", "medium", "high")
WEIGHTS = ("cost", "speed", "control", "scalability", "risk")
FILE_ORDER = (
    "name",
    "currency",
    "home_country",
    "company",
    "horizon_months",
    "offshore_countries",
    "workstreams",
    "assumptions",
    "weights",
    "weight_answers",
    "policy",
    "simulation",
)
FORM_KEYS = frozenset(FILE_ORDER)
_WORKSTREAM_FIELDS = ("name", "fte", "team", "duration_months", "start_month", "scope_volatility")
_INDEXED = re.compile(r"^(workstreams|assumptions)\.(\d+)\.(\w+)$")


@dataclass
class FormState:
    """What the editor shows: text per field, rows per list, errors per field path."""

    values: dict[str, str] = field(default_factory=dict)
    checks: dict[str, bool] = field(default_factory=dict)
    workstreams: list[dict[str, Any]] = field(default_factory=list)
    assumptions: list[dict[str, str]] = field(default_factory=list)
    other: str = ""


def _number(text: str) -> Any:
    """``"8"`` -> 8, ``"8.5"`` -> 8.5, anything else unchanged (validation explains)."""
    cleaned = text.strip().replace(",", "") if re.fullmatch(r"[\d,.\s-]+", text) else text
    for kind in (int, float):
        try:
            return kind(cleaned)
        except ValueError:
            continue
    return text.strip()


def _flow_yaml(text: str, where: str, problems: list[Problem], hint: str) -> Any:
    try:
        return parse_text(text, source=where)  # nesting and duplicate keys checked too
    except ScenarioError as exc:
        why = "; ".join([exc.message, *(p.render() for p in exc.problems)])
        problems.append(Problem(where, f"cannot read this ({why}); {hint}"))
        return None


def _put(data: dict[str, Any], path: str, value: Any) -> None:
    head, _, rest = path.partition(".")
    if rest:
        _put(data.setdefault(head, {}), rest, value)
    else:
        data[head] = value


def form_to_data(form: Mapping[str, str]) -> tuple[dict[str, Any], list[Problem]]:
    """Scenario data from submitted fields, and problems found before validation.

    Blank fields are left out (the file's defaults apply); checkboxes are False when
    unticked; rows are renumbered in order, so paths in later errors match the form
    rendered from this data.
    """
    problems: list[Problem] = []
    data: dict[str, Any] = {}
    for key in ("name", "currency", "home_country"):
        if form.get(key, "").strip():
            data[key] = form[key].strip()
    for key in ("horizon_months", "company.annual_budget", "simulation.samples", "simulation.seed"):
        if form.get(key, "").strip():
            _put(data, key, _number(form[key]))
    _put(data, "company.tech_company", "company.tech_company" in form)
    _put(data, "policy.never_outsource_core", "policy.never_outsource_core" in form)
    countries = [c for c in re.split(r"[\s,;]+", form.get("offshore_countries", "")) if c]
    if countries:
        data["offshore_countries"] = [c.upper() for c in countries]
    weights = {w: _number(form[f"weights.{w}"]) for w in WEIGHTS if form.get(f"weights.{w}")}
    if weights:
        data["weights"] = weights
    answers = {
        q.id: form[f"weight_answers.{q.id}"]
        for q in QUESTIONS
        if form.get(f"weight_answers.{q.id}", "").strip()
    }
    if answers:
        data["weight_answers"] = answers

    rows: dict[str, dict[int, dict[str, str]]] = {"workstreams": {}, "assumptions": {}}
    for name, value in form.items():
        match = _INDEXED.match(name)
        if match:
            rows[match[1]].setdefault(int(match[2]), {})[match[3]] = value
    workstreams: list[dict[str, Any]] = []
    for _, raw in sorted(rows["workstreams"].items()):
        new = len(workstreams)
        item: dict[str, Any] = {"name": raw.get("name", "").strip()}
        item["core"] = "core" in raw
        for key in ("fte", "duration_months", "start_month"):
            if raw.get(key, "").strip():
                item[key] = _number(raw[key])
        if raw.get("team", "").strip():
            item["team"] = _flow_yaml(
                "{" + raw["team"].strip().strip("{}") + "}",
                f"workstreams.{new}.team",
                problems,
                "write roles as `backend: 4, qa: 1`",
            )
        if raw.get("scope_volatility"):
            item["scope_volatility"] = raw["scope_volatility"]
        workstreams.append(item)
    data["workstreams"] = workstreams
    assumptions: dict[str, Any] = {}
    for _, raw in sorted(rows["assumptions"].items()):
        key, text = raw.get("key", "").strip(), raw.get("value", "").strip()
        if not key and not text:
            continue
        if not key:
            problems.append(Problem("assumptions", f"a value {text!r} has no assumption name"))
            continue
        if not text:
            problems.append(Problem(f"assumptions.{key}", "give a value, e.g. 80% or 30%..70%"))
            continue
        assumptions[key] = _flow_yaml(
            text, f"assumptions.{key}", problems, "write e.g. 80%, 30%..70% or {dist: pert, ...}"
        )
    if assumptions:
        data["assumptions"] = assumptions
    other = form.get("other", "")
    if other.strip():
        extra = _flow_yaml(other, "other", problems, "write YAML keys, e.g. `mixes:`")
        if isinstance(extra, dict):
            _merge(data, extra)
        elif extra is not None:
            problems.append(Problem("other", "write other settings as YAML keys, e.g. mixes:"))
    return _file_order(data), problems


def _file_order(data: dict[str, Any]) -> dict[str, Any]:
    """Keys in the order the file format documents them (simulation last)."""
    first = [k for k in FILE_ORDER if k in data and k != "simulation"]
    rest = [k for k in data if k not in FILE_ORDER]
    tail = ["simulation"] if "simulation" in data else []
    return {k: data[k] for k in [*first, *rest, *tail]}


def _merge(into: dict[str, Any], extra: dict[str, Any]) -> None:
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(into.get(key), dict):
            _merge(into[key], value)
        else:
            into[str(key)] = value


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dict | list):
        return yaml.safe_dump(value, default_flow_style=True, sort_keys=False).strip()
    return str(value)


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def data_to_form(data: Mapping[str, Any]) -> FormState:
    """The editor's fields for scenario data (as stored, or as just submitted)."""
    state = FormState()
    get = data.get
    company = _mapping(get("company"))
    policy = _mapping(get("policy"))
    simulation = dict(_mapping(get("simulation")))
    weights = _mapping(get("weights"))
    for key in ("name", "currency", "home_country", "horizon_months"):
        state.values[key] = _text(get(key))
    state.values["company.annual_budget"] = _text(company.get("annual_budget"))
    state.checks["company.tech_company"] = bool(company.get("tech_company", True))
    state.checks["policy.never_outsource_core"] = bool(policy.get("never_outsource_core", True))
    for key in ("samples", "seed"):
        state.values[f"simulation.{key}"] = _text(simulation.pop(key, None))
    for key in WEIGHTS:
        state.values[f"weights.{key}"] = _text(weights.get(key))
    answers = _mapping(get("weight_answers"))
    for q in QUESTIONS:
        state.values[f"weight_answers.{q.id}"] = _text(answers.get(q.id))
    countries = get("offshore_countries")
    state.values["offshore_countries"] = (
        ", ".join(str(c) for c in countries) if isinstance(countries, list) else _text(countries)
    )
    for item in get("workstreams") or []:
        if not isinstance(item, dict):
            continue
        row: dict[str, Any] = {key: _text(item.get(key)) for key in _WORKSTREAM_FIELDS}
        team = item.get("team")
        if isinstance(team, dict):
            row["team"] = ", ".join(f"{k}: {_text(v)}" for k, v in team.items())
        row["core"] = bool(item.get("core", False))
        row["scope_volatility"] = str(item.get("scope_volatility") or "medium")
        state.workstreams.append(row)
    assumptions = get("assumptions")
    if isinstance(assumptions, dict):
        state.assumptions = [{"key": str(k), "value": _text(v)} for k, v in assumptions.items()]
    other = {k: v for k, v in data.items() if k not in FORM_KEYS}
    if simulation:
        other["simulation"] = simulation
    if other:
        state.other = yaml.safe_dump(other, sort_keys=False, allow_unicode=True)
    return state


def errors_by_field(problems: list[Problem] | tuple[Problem, ...]) -> dict[str, list[str]]:
    """Messages per dotted field path (``""`` for the whole scenario), as the form names
    its inputs (every ``offshore_countries.N`` goes to the one list input)."""
    out: dict[str, list[str]] = {}
    for problem in problems:
        field = problem.field
        if re.fullmatch(r"offshore_countries\.\d+", field):  # one input holds the list
            field = "offshore_countries"
        out.setdefault(field, []).append(problem.message)
    return out
