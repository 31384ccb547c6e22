"""The seed's watch-outs for each strategy, as findings carrying this scenario's numbers.

Seed, "General considerations": onshore team — HR is a problem, cost is a problem;
offshore team — HR is a problem, needs time to build; outsourcing — needs a trusted
partner, costs of change requests; and from the text: vendor dependency ("if your service
provider stops their support, you are also at risk of facing business disruption") and
least-effort solutions ("barely functional with poor scalability").

Example::

    >>> [f.kind for f in watch_outs("offshore_inhouse", StrategyNumbers(attrition=0.18))]
    ['hr_problem', 'time_to_build', 'lower_control']
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from shorewise.decision.findings import Finding

__all__ = ["StrategyNumbers", "watch_outs"]

COST_PROBLEM_RATIO = 1.05
"""Say "cost is a problem" when the home team costs this much more than the cheapest."""


@dataclass(frozen=True)
class StrategyNumbers:
    """Central figures the watch-outs quote; ``None`` when not relevant."""

    attrition: float | None = None
    months_to_target: float | None = None
    unit_cost_ratio: float | None = None  # cost per eff. FTE-month / cheapest eligible
    change_request_premium: float | None = None
    volatility: str | None = None
    control: float | None = None
    rework_rate: float | None = None
    setup_months: float | None = None
    route: str | None = None


def _finite(value: float | None) -> float | None:
    return value if value is not None and math.isfinite(value) else None


def _inhouse_home(n: StrategyNumbers) -> list[Finding]:
    out = []
    if n.attrition is not None:
        out.append(Finding("hr_problem", {"where": "home", "attrition": n.attrition}))
    if n.unit_cost_ratio is not None and n.unit_cost_ratio > COST_PROBLEM_RATIO:
        out.append(Finding("cost_problem", {"unit_cost_ratio": n.unit_cost_ratio}))
    return out


def _inhouse_abroad(n: StrategyNumbers) -> list[Finding]:
    out = []
    if n.attrition is not None:
        out.append(Finding("hr_problem", {"where": "abroad", "attrition": n.attrition}))
    out.append(
        Finding(
            "time_to_build",
            {
                "months_to_target": _finite(n.months_to_target),
                "setup_months": n.setup_months if n.route == "entity" else None,
                "route": n.route,
            },
        )
    )
    out.append(Finding("lower_control", {"control": n.control}))
    return out


def _outsourced(n: StrategyNumbers, abroad: bool) -> list[Finding]:
    out = [Finding("trusted_partner")]
    if n.change_request_premium is not None:
        out.append(
            Finding(
                "change_requests",
                {"premium": n.change_request_premium, "volatility": n.volatility},
            )
        )
    out.append(Finding("vendor_dependency"))
    if n.rework_rate is not None:
        out.append(Finding("least_effort", {"rework_rate": n.rework_rate}))
    if abroad and n.control is not None:
        out.append(Finding("least_control", {"control": n.control}))
    return out


def watch_outs(strategy: str, numbers: StrategyNumbers) -> list[Finding]:
    """The seed's watch-outs for ``strategy`` (one of the four names), with numbers."""
    if strategy == "onshore_inhouse":
        return _inhouse_home(numbers)
    if strategy == "offshore_inhouse":
        return _inhouse_abroad(numbers)
    if strategy == "onshore_outsource":
        return _outsourced(numbers, abroad=False)
    if strategy == "offshore_outsource":
        return _outsourced(numbers, abroad=True)
    raise ValueError(f"unknown strategy {strategy!r}")
