"""The plan: totals of the recommended options, the budget year by year, and the
recommendation for the whole plan (one workstream's, or a pick per workstream).

Example::

    >>> plan, findings = plan_summary(evaluation, ["offshore_inhouse@VN"])   # doctest: +SKIP
    >>> plan.total_cost.p50                                           # doctest: +SKIP
    5532778.98
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from shorewise.decision.findings import Finding
from shorewise.domain.scenario import Scenario
from shorewise.results import result as model
from shorewise.results.evaluation import Evaluation
from shorewise.results.summarise import quantiles, year_costs

__all__ = ["overall_recommendation", "plan_summary"]

_REASON_KINDS = frozenset({"within_budget", "voi_none"})


def plan_label(recs: list[model.WorkstreamRecommendation]) -> str:
    """The picks of a plan in words, one per workstream: ``Dedicated team in India for core
    ledger; Vendor in India for marketing site`` (never just "mixed")."""
    return "; ".join(f"{r.label} for {r.workstream}" for r in recs)


def plan_summary(ev: Evaluation, picks: Sequence[str | None]) -> tuple[model.Plan, list[Finding]]:
    """Totals of the picks (per draw, summed) and the plan-level findings: each year over
    the annual budget, or the costliest year within it; the policy notes."""
    s = ev.scenario
    findings: list[Finding] = []
    if not s.policy.never_outsource_core:
        findings.append(Finding("policy_off"))
    if not s.company.tech_company:
        findings.append(Finding("non_it_company"))
    budget = s.company.annual_budget
    if any(p is None for p in picks) or not picks:
        return model.Plan(total_cost=None, npv_cost=None, annual_budget=budget), findings
    index = [ev.index_of(w, p) for w, p in enumerate(picks) if p is not None]
    total = np.sum([ev.run.metrics[i].total_cost for i in index], axis=0)
    npv = np.sum([ev.run.metrics[i].npv_cost for i in index], axis=0)
    burn = np.sum([ev.run.monthly_burn[i] for i in index], axis=0)
    by_year = year_costs(burn)
    years = [
        model.YearCost(year=k + 1, cost=quantiles(by_year[:, k])) for k in range(by_year.shape[1])
    ]
    over: list[int] = []
    if budget is not None:
        p50 = [y.cost.value() for y in years]
        over = [y.year for y, v in zip(years, p50, strict=True) if v > budget]
        for y in over:
            findings.append(
                Finding("over_budget", {"year": y, "cost": p50[y - 1], "annual_budget": budget})
            )
        if not over:
            findings.append(
                Finding("within_budget", {"peak_year_cost": max(p50), "annual_budget": budget})
            )
    plan = model.Plan(
        total_cost=quantiles(total),
        npv_cost=quantiles(npv),
        years=years,
        annual_budget=budget,
        over_budget_years=over,
    )
    return plan, findings


def _prefixed(flip: model.FlipCondition, workstream: str) -> model.FlipCondition:
    return flip.model_copy(update={"text": f"{workstream}: {flip.text}", "workstream": workstream})


def _with_workstream(f: model.Finding, workstream: str) -> model.Finding:
    data = {**(f.model_extra or {}), "workstream": workstream}
    return model.Finding(kind=f.kind, text=f"{workstream}: {f.text}", **data)


def overall_recommendation(
    s: Scenario, recs: list[model.WorkstreamRecommendation], plan: list[model.Finding]
) -> model.Recommendation:
    """The whole plan's recommendation (see module doc); ``plan`` are its own findings."""
    picks = [model.Pick(workstream=r.workstream, option=r.option, label=r.label) for r in recs]
    plan_reasons = [f for f in plan if f.kind in _REASON_KINDS]
    plan_caveats = [f for f in plan if f.kind not in _REASON_KINDS]
    if len(recs) == 1:
        only = recs[0]
        return model.Recommendation(
            strategy=only.strategy,
            country=only.country,
            option=only.option,
            label=only.label,
            picks=picks,
            reasons=[*only.reasons, *plan_reasons],
            caveats=[*only.caveats, *plan_caveats],
            flip_conditions=list(only.flip_conditions),
            by_workstream=recs,
        )
    options = {(r.strategy, r.country, r.option) for r in recs}
    caveats = [_with_workstream(c, r.workstream) for r in recs for c in r.caveats]
    flips = [_prefixed(f, r.workstream) for r in recs for f in r.flip_conditions]
    if len(options) == 1:
        first = recs[0]
        reasons = [_with_workstream(r.reasons[0], r.workstream) for r in recs if r.reasons]
        return model.Recommendation(
            strategy=first.strategy,
            country=first.country,
            option=first.option,
            label=first.label,
            picks=picks,
            reasons=[*reasons, *plan_reasons],
            caveats=[*caveats, *plan_caveats],
            flip_conditions=flips,
            by_workstream=recs,
        )
    reasons = [
        model.Finding(
            kind="workstream_pick",
            text=f"{r.workstream}: {r.label}" + (f" — {r.reasons[0].text}" if r.reasons else ""),
            workstream=r.workstream,
            option=r.option,
        )
        for r in recs
    ]
    return model.Recommendation(
        strategy="mixed",
        country=None,
        option=None,
        label=plan_label(recs),
        picks=picks,
        reasons=[*reasons, *plan_reasons],
        caveats=[*caveats, *plan_caveats],
        flip_conditions=flips,
        by_workstream=recs,
    )
