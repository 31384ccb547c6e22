"""Build a new scenario from a few answers (``shorewise init``).

Example::

    >>> text = scenario_yaml(Answers(name="App", home_country="US", offshore_countries=["VN"],
    ...     tech_company=False, workstreams=[WorkstreamAnswer("app", False, 5, 8, "high")]))
    >>> "duration_months: 8" in text
    True
    >>> print(toml_text({"name": "App", "company": {"tech_company": False},
    ...                  "workstreams": [{"name": "app", "fte": 5.0}]}))
    name = "App"
    <BLANKLINE>
    [company]
    tech_company = false
    <BLANKLINE>
    [[workstreams]]
    name = "app"
    fte = 5.0
    <BLANKLINE>
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

import yaml

from shorewise.io.scenario_check import scenario_from_data

HEADER = """\
# A shorewise scenario, written by `shorewise init`.
# Compare it:        shorewise compare {path}
# Every key:         docs/scenario-format.md  (or `shorewise schema`)
# Every assumption:  shorewise assumptions {path}   (override any under `assumptions:`)
"""


@dataclass
class WorkstreamAnswer:
    """One workstream as asked: name, core or not, FTE, months, scope volatility."""

    name: str
    core: bool
    fte: float
    duration_months: int
    scope_volatility: str = "medium"


@dataclass
class Answers:
    """Everything ``init`` asks."""

    name: str
    home_country: str
    offshore_countries: list[str]
    tech_company: bool
    workstreams: list[WorkstreamAnswer]
    currency: str = "USD"
    weight_answers: dict[str, str] = field(default_factory=dict)
    """Trade-off answers (question id -> criterion or ``equal``), see
    :mod:`shorewise.domain.tradeoffs`; they give the importance order."""
    samples: int = 10_000
    seed: int = 42
    extra: dict[str, Any] = field(default_factory=dict)


def scenario_data(a: Answers) -> dict[str, Any]:
    """The answers as scenario data (validated: raises ScenarioError on a bad answer)."""
    data: dict[str, Any] = {
        "name": a.name,
        "currency": a.currency.upper(),
        "home_country": a.home_country.upper(),
        "company": {"tech_company": a.tech_company},
        "offshore_countries": [c.upper() for c in a.offshore_countries],
        "workstreams": [
            {
                "name": w.name,
                "core": w.core,
                "fte": w.fte,
                "duration_months": w.duration_months,
                "scope_volatility": w.scope_volatility,
            }
            for w in a.workstreams
        ],
        "policy": {"never_outsource_core": True},
        **({"weight_answers": dict(a.weight_answers)} if a.weight_answers else {}),
        "simulation": {"samples": a.samples, "seed": a.seed},
        **a.extra,
    }
    scenario_from_data(data, source="answers")
    return data


def scenario_yaml(a: Answers, path: str = "scenario.yaml") -> str:
    """Commented YAML for the answers."""
    body = yaml.safe_dump(scenario_data(a), sort_keys=False, allow_unicode=True)
    return HEADER.format(path=path) + "\n" + body


def scenario_text(a: Answers, path: str = "scenario.yaml") -> str:
    """The answers as a commented scenario file in the format ``path`` names: TOML for
    ``.toml``, YAML otherwise."""
    if path.lower().endswith(".toml"):
        return HEADER.format(path=path) + "\n" + toml_text(scenario_data(a))
    return scenario_yaml(a, path)


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        # a TOML basic string: JSON escapes quotes, backslashes and U+0000-U+001F; TOML
        # also refuses a raw DEL (U+007F)
        return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007F")
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    raise TypeError(f"no TOML form for {type(value).__name__}")


def toml_text(data: dict[str, Any]) -> str:
    """Scenario data as TOML: scalars and lists first, then a ``[table]`` per mapping and
    ``[[array]]`` entries per list of mappings (the scenario file's two levels)."""
    lines: list[str] = []
    tables: list[str] = []
    for key, value in data.items():
        if isinstance(value, dict):
            tables += ["", f"[{key}]"] + [f"{k} = {_toml_value(v)}" for k, v in value.items()]
        elif isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            for item in value:
                tables += ["", f"[[{key}]]"] + [f"{k} = {_toml_value(v)}" for k, v in item.items()]
        else:
            lines.append(f"{key} = {_toml_value(value)}")
    return "\n".join(lines + tables) + "\n"
