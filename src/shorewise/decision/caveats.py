"""The seed's watch-outs for each strategy, with this scenario's numbers in them.

Seed, "General considerations": onshore team — HR is a problem, cost is a problem;
offshore team — HR is a problem, needs time to build; outsourcing — needs a trusted
partner, costs of change requests; and from the text: vendor dependency ("if your service
provider stops their support, you are also at risk of facing business disruption") and
least-effort solutions ("barely functional with poor scalability").

Example::

    >>> caveats_for("offshore_inhouse", StrategyNumbers(attrition=0.18, months_to_target=10))[0]
    'HR is a problem (seed): about 18 % of the team abroad leaves each year; ...'
"""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class StrategyNumbers:
    """Central figures the caveats quote; ``None`` when not relevant."""

    attrition: float | None = None
    months_to_target: float | None = None
    unit_cost_ratio: float | None = None  # cost per eff. FTE-month / cheapest eligible
    change_request_premium: float | None = None
    volatility: str | None = None
    control: float | None = None
    rework_rate: float | None = None
    setup_months: float | None = None
    route: str | None = None


def _pct(value: float) -> str:
    return f"{value:.0%}"


def _months(value: float | None) -> str:
    if value is None or not math.isfinite(value):
        return "not within the work"
    return f"{value:.0f} months"


def _inhouse_home(n: StrategyNumbers) -> list[str]:
    out = []
    if n.attrition is not None:
        out.append(
            f"HR is a problem (seed): hiring takes months and about "
            f"{_pct(n.attrition)} of the team leaves each year; each leaver is a "
            "vacancy, a recruiting fee and a new hire to train"
        )
    if n.unit_cost_ratio is not None and n.unit_cost_ratio > 1.05:
        out.append(
            f"Cost is a problem (seed): {n.unit_cost_ratio:.1f}x the cheapest eligible "
            "option per effective FTE-month"
        )
    return out


def _inhouse_abroad(n: StrategyNumbers) -> list[str]:
    out = []
    if n.attrition is not None:
        out.append(
            f"HR is a problem (seed): about {_pct(n.attrition)} of the team abroad "
            "leaves each year; local HR, payroll and retention need an owner"
        )
    build = (
        f"Needs time to build (seed): {_months(n.months_to_target)} to reach 90 % of the "
        "target capacity"
    )
    if n.route == "entity" and n.setup_months:
        build += f", including about {n.setup_months:.0f} months to open an own entity"
    out.append(build + "; the upfront investment pays back only on longer work")
    out.append(
        "Control is lower than at home (seed: different country, -25 %): plan "
        "overlap hours, visits and clear ownership"
    )
    return out


def _outsourced(n: StrategyNumbers, abroad: bool) -> list[str]:
    out = [
        "Needs a trusted partner (seed): check references, delivery track record and "
        "who owns the code and knowledge"
    ]
    if n.change_request_premium is not None:
        vol = f" with {n.volatility} scope volatility" if n.volatility else ""
        out.append(
            f"Costs of change requests (seed): modelled at "
            f"{_pct(n.change_request_premium)} of fees{vol}; fix scope and rates for "
            "changes in the contract"
        )
    out.append(
        "Vendor dependency (seed): if the vendor stops, the work stops; keep "
        "documentation, access and an exit plan"
    )
    if n.rework_rate is not None:
        out.append(
            f"Least-effort solutions (seed): rework modelled at up to "
            f"{_pct(n.rework_rate)} of fees after a year; review architecture and "
            "code quality yourself"
        )
    if abroad and n.control is not None:
        out.append(
            f"Least control of all options (seed: external vendor, different country, "
            f"control {_pct(n.control)})"
        )
    return out


def caveats_for(strategy: str, numbers: StrategyNumbers) -> list[str]:
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
