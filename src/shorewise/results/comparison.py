"""The result of an evaluation: rows per workstream x option, the recommendation, the plan.

``Comparison.to_dict()`` is the JSON contract of DESIGN.md §6 (``shorewise compare
--format json``); ``to_frame()`` gives one pandas row per alternative when pandas is there.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from shorewise.decision.policy import eligibility, policy_notes
from shorewise.domain.scenario import Scenario
from shorewise.domain.strategy import Strategy
from shorewise.engine.alternatives import Alternative, control_index
from shorewise.engine.inputs import ResolvedInputs
from shorewise.engine.types import CATEGORIES, DrawVector, FloatArray
from shorewise.results.context import RunContext
from shorewise.results.flips import flip_conditions
from shorewise.results.recommend import decide
from shorewise.results.rows import METRICS, Recommendation, Row
from shorewise.uncertainty.montecarlo import MonteCarloRun
from shorewise.uncertainty.summary import Percentiles, percentiles, probability_lowest

__all__ = ["METRICS", "Comparison", "Recommendation", "Row", "build_comparison"]


@dataclass
class Comparison:
    """Everything one evaluation produced; render with ``to_dict`` / ``to_frame``."""

    scenario: Scenario
    inputs: ResolvedInputs
    run: MonteCarloRun
    rows: list[Row]
    by_workstream: list[Recommendation]
    recommendation: Recommendation
    plan_total: Percentiles | None
    plan_npv: Percentiles | None
    notes: list[str] = field(default_factory=list)
    central: dict[str, DrawVector] = field(default_factory=dict)
    extras: dict[str, Any] = field(default_factory=dict)
    """Optional analyses added on request: ``tornado``, ``duration_sweep``, ``breakeven``."""

    def rows_for(self, workstream_index: int) -> list[Row]:
        """The rows of one workstream, in display order."""
        return [r for r in self.rows if r.alternative.workstream_index == workstream_index]

    def to_dict(self) -> dict[str, Any]:
        """The JSON contract (DESIGN.md §6)."""
        return _to_dict(self)

    def to_frame(self) -> Any:
        """One pandas row per alternative (P50 figures); needs pandas installed."""
        import pandas as pd

        records = []
        for row in self.rows:
            rec: dict[str, Any] = {
                "workstream": row.alternative.workstream.name,
                "option": row.alternative.option_name,
                "strategy": row.alternative.strategy,
                "country": row.alternative.country,
                "eligible": row.eligible,
            }
            for name in METRICS:
                rec[f"{name}_p50"] = row.figures[name].p50
            rec.update(control=row.control, rank=row.rank, p_best=row.p_best)
            records.append(rec)
        return pd.DataFrame.from_records(records)


def _row(alt: Alternative, index: int, ctx: RunContext) -> Row:
    m = ctx.run.metrics[index]
    elig = eligibility(alt, ctx.scenario)
    figures = {name: percentiles(getattr(m, name)) for name in METRICS}
    means = {c: float(ctx.run.category_means[index][i]) for i, c in enumerate(CATEGORIES)}
    reaches = float(np.mean(np.isfinite(m.months_to_target)))
    return Row(
        alt,
        elig.eligible,
        elig.reason,
        figures,
        control_index(alt, ctx.central),
        means,
        reaches_target_share=reaches,
    )


def _cost_comparisons(ctx: RunContext, rows: list[Row], idx: list[int]) -> None:
    """P(cheapest per effective FTE-month) and savings against the in-house home team."""
    cpe = np.stack([ctx.run.metrics[i].cost_per_effective_fte_month for i in idx])
    shares = probability_lowest(cpe, np.array([r.eligible for r in rows]))
    base = next(
        (
            r
            for r in rows
            if r.alternative.strategy == Strategy.ONSHORE_INHOUSE and r.alternative.mix is None
        ),
        None,
    )
    for r, share in zip(rows, shares, strict=True):
        r.p_cheapest = float(share)
        own = r.figures["cost_per_effective_fte_month"].p50
        if base is not None:
            ref = base.figures["cost_per_effective_fte_month"].p50
            if math.isfinite(ref) and math.isfinite(own) and ref > 0:
                r.savings_vs_onshore_inhouse = 1 - own / ref


def build_comparison(
    scenario: Scenario,
    inputs: ResolvedInputs,
    alternatives: list[Alternative],
    run: MonteCarloRun,
    central: dict[str, DrawVector],
    *,
    with_flips: bool = True,
) -> Comparison:
    """Summarise a Monte Carlo run into rows, recommendations and plan totals.

    ``with_flips=False`` skips the flip-condition search (for sweeps that only need the
    winner)."""
    ctx = RunContext(scenario, inputs, alternatives, run, central)
    rows = [_row(alt, i, ctx) for i, alt in enumerate(alternatives)]
    ctx.rows = rows
    recs: list[Recommendation] = []
    chosen_rows: list[int] = []
    plan_total: FloatArray | None = np.zeros(run.samples)
    plan_npv: FloatArray | None = np.zeros(run.samples)
    for w in range(len(scenario.workstreams)):
        idx = [i for i, r in enumerate(rows) if r.alternative.workstream_index == w]
        ws_rows = [rows[i] for i in idx]
        _cost_comparisons(ctx, ws_rows, idx)
        decision = decide(ctx, ws_rows, idx)
        if with_flips:
            decision.recommendation.flip_conditions = flip_conditions(ctx, decision)
        recs.append(decision.recommendation)
        if decision.chosen is None or plan_total is None or plan_npv is None:
            plan_total = plan_npv = None
        else:
            chosen = ctx.index_of(decision.chosen)
            chosen_rows.append(chosen)
            plan_total = plan_total + run.metrics[chosen].total_cost
            plan_npv = plan_npv + run.metrics[chosen].npv_cost
    overall = _overall(recs)
    if plan_total is not None:
        over, within = budget_check(ctx, chosen_rows)
        overall.caveats += over
        overall.reasons += within
    notes = policy_notes(scenario)
    overall.caveats = overall.caveats + [n for n in notes if n not in overall.caveats]
    return Comparison(
        scenario,
        inputs,
        run,
        rows,
        recs,
        overall,
        percentiles(plan_total) if plan_total is not None else None,
        percentiles(plan_npv) if plan_npv is not None else None,
        notes=notes,
        central=central,
    )


def budget_check(ctx: RunContext, chosen: list[int]) -> tuple[list[str], list[str]]:
    """Seed rule 4 needs the budget: (caveats for years over it, a reason when within)."""
    budget = ctx.scenario.company.annual_budget
    if budget is None or not chosen:
        return [], []
    burn: FloatArray = np.sum([ctx.run.monthly_burn[i] for i in chosen], axis=0)
    years = -(-burn.shape[1] // 12)
    out = []
    for k in range(years):
        year = np.percentile(burn[:, 12 * k : 12 * (k + 1)].sum(axis=1), 50)
        if year > budget:
            out.append(
                f"Over budget in year {k + 1}: the plan costs "
                f"{ctx.scenario.currency} {year:,.0f} (P50) against an annual budget "
                f"of {budget:,.0f}"
            )
    if out:
        return out, []
    peak = max(np.percentile(burn[:, 12 * k : 12 * (k + 1)].sum(axis=1), 50) for k in range(years))
    return [], [
        f"Within the annual budget: the costliest year is {ctx.scenario.currency} "
        f"{peak:,.0f} (P50) of {budget:,.0f}"
    ]


def _overall(recs: list[Recommendation]) -> Recommendation:
    if len(recs) == 1:
        only = recs[0]
        return Recommendation(
            only.strategy,
            only.country,
            only.option,
            list(only.reasons),
            list(only.caveats),
            list(only.flip_conditions),
            None,
        )
    options = {(r.strategy, r.country, r.option) for r in recs}
    if len(options) == 1:
        first = recs[0]
        reasons = [f"{r.workstream}: {reason}" for r in recs for reason in r.reasons[:1]]
        return Recommendation(
            first.strategy,
            first.country,
            first.option,
            reasons,
            sorted({c for r in recs for c in r.caveats}),
            [],
            None,
        )
    reasons = [f"{r.workstream}: {r.option} - {r.reasons[0]}" for r in recs]
    caveats = [f"{r.workstream}: {c}" for r in recs for c in r.caveats]
    flips = [f"{r.workstream}: {f}" for r in recs for f in r.flip_conditions]
    return Recommendation("mixed", None, None, reasons, caveats, flips, None)


def _rec_dict(rec: Recommendation) -> dict[str, Any]:
    out: dict[str, Any] = {
        "strategy": rec.strategy,
        "country": rec.country,
        "option": rec.option,
        "reasons": rec.reasons,
        "caveats": rec.caveats,
        "flip_conditions": rec.flip_conditions,
    }
    if rec.workstream is not None:
        out = {"workstream": rec.workstream, **out}
    return out


def _finite(value: float | None, digits: int = 4) -> float | None:
    return round(value, digits) if value is not None and math.isfinite(value) else None


def _to_dict(c: Comparison) -> dict[str, Any]:
    rows = []
    for r in c.rows:
        alt = r.alternative
        row: dict[str, Any] = {
            "workstream": alt.workstream.name,
            "strategy": alt.strategy,
            "mix": alt.mix,
            "country": alt.country,
            "option": alt.option_name,
            "eligible": r.eligible,
            "excluded_reason": r.excluded_reason,
        }
        for name in METRICS:
            row[name] = r.figures[name].as_dict()
        row.update(
            control=_finite(r.control),
            score=_finite(r.score),
            rank=r.rank,
            p_best=_finite(r.p_best),
            p_cheapest=_finite(r.p_cheapest),
            savings_vs_onshore_inhouse=_finite(r.savings_vs_onshore_inhouse),
            reaches_target_share=_finite(r.reaches_target_share),
            route=r.route_text(),
            components=[
                {
                    "option": str(k.option),
                    "share": k.share,
                    "route": k.route.value if k.route else None,
                }
                for k in alt.components
            ],
            cost_by_category={k: round(v, 2) for k, v in r.category_means.items()},
        )
        rows.append(row)
    overall = _rec_dict(c.recommendation)
    overall["by_workstream"] = [_rec_dict(r) for r in c.by_workstream]
    return {
        "scenario": c.scenario.name,
        "currency": c.scenario.currency,
        "home_country": c.scenario.home_country,
        "horizon_months": c.scenario.horizon,
        "samples": 0 if c.run.deterministic else c.run.samples,
        "seed": c.run.seed,
        "strategies": rows,
        "recommendation": overall,
        "plan": {
            "total_cost": c.plan_total.as_dict() if c.plan_total else None,
            "npv_cost": c.plan_npv.as_dict() if c.plan_npv else None,
        },
        "notes": c.notes,
    }
