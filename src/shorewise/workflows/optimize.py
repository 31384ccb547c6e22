"""``shorewise optimize``: the cheapest mix per workstream under the scenario's constraints.

Example::

    >>> plan = optimize_scenario(scenario)                      # doctest: +SKIP
    >>> plan.to_dict()["workstreams"][0]["shares"]                    # doctest: +SKIP
    {'onshore_inhouse': 0.25, 'offshore_inhouse@VN': 0.75}
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from shorewise.decision.policy import eligibility
from shorewise.domain.ratecard import RateCard
from shorewise.domain.scenario import Scenario
from shorewise.engine.alternatives import build_alternatives
from shorewise.engine.inputs import resolve_inputs
from shorewise.optimize import Limits, WorkstreamLimits, build_candidates, solve
from shorewise.uncertainty.montecarlo import central_draws


@dataclass
class OptimalPlan:
    """The optimiser's answer: shares per workstream, cost, best pure option, prices."""

    scenario: str
    currency: str
    feasible: bool
    message: str
    workstreams: list[dict[str, Any]] = field(default_factory=list)
    npv_cost: float | None = None
    best_pure_npv_cost: float | None = None
    shadow_prices: dict[str, float] = field(default_factory=dict)
    constraints: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: shares per workstream, NPV against the best pure options, prices."""
        return {
            "scenario": self.scenario,
            "currency": self.currency,
            "feasible": self.feasible,
            "message": self.message,
            "constraints": self.constraints,
            "workstreams": self.workstreams,
            "npv_cost": None if self.npv_cost is None else round(self.npv_cost, 2),
            "best_pure_npv_cost": None
            if self.best_pure_npv_cost is None
            else round(self.best_pure_npv_cost, 2),
            "shadow_prices": {k: round(v, 2) for k, v in self.shadow_prices.items()},
            "objective": "NPV of the cost to finish: each part of a mix keeps its team until "
            "its share of the scope is done, months late priced by the cost of delay",
            "shadow_price_meaning": "objective added per unit the constraint is tightened "
            "(control floor +1.0, country cap -1.0, budget -1)",
        }


def optimize_scenario(scenario: Scenario, rate_card: RateCard | None = None) -> OptimalPlan:
    """Solve for the cheapest mixes at central values (see ``shorewise.optimize.solve``)."""
    settings = scenario.optimize
    inputs = resolve_inputs(scenario, rate_card)
    central = central_draws(inputs)
    alternatives = build_alternatives(scenario, inputs, central)
    eligible = [eligibility(a, scenario).eligible for a in alternatives]
    candidates = build_candidates(
        scenario, inputs, central, alternatives, eligible, settings.deadline_month
    )
    limits = [
        WorkstreamLimits(
            ws.name,
            ws.target_fte,
            settings.control_floor_core if ws.core else settings.control_floor,
        )
        for ws in scenario.workstreams
    ]
    shared = Limits(
        max_share_per_vendor=settings.max_share_per_vendor,
        max_share_per_country=settings.max_share_per_country,
        min_share=settings.min_share,
        annual_budget=scenario.company.annual_budget,
        deadline_capacity_share=settings.deadline_capacity_share
        if settings.deadline_month
        else None,
    )
    constraints = {
        **settings.model_dump(),
        "annual_budget": scenario.company.annual_budget,
    }
    solution = solve(candidates, limits, shared)
    plan = OptimalPlan(
        scenario.name,
        scenario.currency,
        solution.feasible,
        solution.message,
        constraints=constraints,
    )
    best_pure = 0.0
    for w, ws in enumerate(scenario.workstreams):
        members = [i for i, c in enumerate(candidates) if c.workstream == w]
        pure = [
            candidates[i].variable_npv + candidates[i].fixed_npv
            for i in members
            if candidates[i].eligible and candidates[i].control >= limits[w].control_floor
        ]
        best_pure += min(pure) if pure else float("nan")
        entry: dict[str, Any] = {
            "workstream": ws.name,
            "target_fte": ws.target_fte,
            "control_floor": limits[w].control_floor,
        }
        if solution.feasible:
            shares = {
                candidates[i].option: round(solution.shares[i], 4)
                for i in members
                if solution.shares[i] > 1e-6
            }
            entry["shares"] = shares
            entry["control"] = round(
                sum(candidates[i].control * solution.shares[i] for i in members), 4
            )
            entry["missing_fte_months"] = round(
                sum(candidates[i].missing_fte_months * solution.shares[i] for i in members), 2
            )
        plan.workstreams.append(entry)
    if solution.feasible:
        plan.npv_cost = solution.objective
        plan.shadow_prices = solution.shadow_prices
    plan.best_pure_npv_cost = best_pure if best_pure == best_pure else None
    return plan
