"""Build a new scenario from a few answers (``shorewise init``).

Example::

    >>> text = scenario_yaml(Answers(name="App", home_country="US", offshore_countries=["VN"],
    ...     tech_company=False, workstreams=[WorkstreamAnswer("app", False, 5, 8, "high")]))
    >>> "duration_months: 8" in text
    True
"""

from __future__ import annotations

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
