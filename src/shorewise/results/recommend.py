"""The recommendation for one workstream: policy, multi-criteria scores, reasons, caveats.

The decision matrix (:mod:`shorewise.decision.criteria`) is scored with the weighted sum
(additive, so each score splits into per-criterion contributions for the "why") at the P50
of every criterion; each Monte Carlo draw is scored too, giving each option's probability
of ranking first. TOPSIS and ±20 % weight perturbations test how robust the pick is.

Example::

    >>> decision = decide(context, rows)                       # doctest: +SKIP
    >>> decision.recommendation.reasons[0]
    'Ranks first on the weighted criteria ...'
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from shorewise.decision import (
    perturbed_weights,
    probability_first,
    rank_agreement,
    topsis,
    weighted_sum,
    weighted_sum_contributions,
)
from shorewise.decision.caveats import StrategyNumbers, caveats_for
from shorewise.decision.criteria import (
    CRITERIA,
    DIRECTIONS,
    NORMALISATION,
    Facts,
    censored_speed,
    central_matrix,
    decision_matrix,
    relative_cost_at_risk,
    weight_vector,
)
from shorewise.decision.normalise import NORMALISATIONS
from shorewise.engine.params import option_params
from shorewise.results.breakeven import breakeven_months
from shorewise.results.context import RunContext
from shorewise.results.rows import Recommendation, Row

SCORING_CHUNK = 50_000
NOTHING_DELIVERED_COST = 1e15  # cost per effective FTE-month when nothing is delivered
WEIGHT_PERTURBATIONS = 2000


@dataclass
class Decision:
    """Scores and the recommendation for one workstream's rows (eligible ones scored)."""

    recommendation: Recommendation
    runner_up: Row | None
    chosen: Row | None
    scored: list[Row] = field(default_factory=list)  # eligible rows, in facts order
    facts: list[Facts] = field(default_factory=list)


def _scalability(ctx: RunContext, row: Row) -> float:
    total = 0.0
    ws = row.alternative.workstream
    for c in row.alternative.components:
        p = option_params(
            c.option, ctx.central, ctx.inputs, volatility=ws.scope_volatility.value, route=c.route
        )
        total += c.share * float(0.5 * p.ramp_months[0] + p.learn_months[0])
    return total


def facts_for(ctx: RunContext, row: Row, index: int) -> Facts:
    """The decision's view of one row (``index`` = its position in the run)."""
    m = ctx.run.metrics[index]
    with np.errstate(divide="ignore", invalid="ignore"):
        cost = np.where(
            m.effective_fte_months > 0,
            m.npv_cost / np.maximum(m.effective_fte_months, 1e-12),
            np.inf,
        )
    rework = float(ctx.central["vendor_rework_rate"][0])
    cost = np.where(np.isfinite(cost), cost, NOTHING_DELIVERED_COST)
    return Facts(
        cost=cost,
        speed=censored_speed(m.months_to_target, row.alternative.workstream.duration_months),
        control=row.control,
        scalability_months=_scalability(ctx, row),
        vendor_share=row.alternative.share_where("outsourced"),
        rework_rate=rework,
        cost_at_risk=relative_cost_at_risk(cost),
    )


def _p_first(facts: Sequence[Facts], weights: np.ndarray) -> np.ndarray:
    n = len(facts[0].cost)
    wins = np.zeros(len(facts))
    for start in range(0, n, SCORING_CHUNK):
        matrix = decision_matrix(facts, slice(start, start + SCORING_CHUNK))
        scores = weighted_sum(matrix, DIRECTIONS, weights, NORMALISATION)
        wins += probability_first(scores) * matrix.shape[0]
    return wins / n


def _why(contrib: np.ndarray, best: int, other: int) -> str:
    diff = contrib[best] - contrib[other]
    order = [i for i in np.argsort(-diff) if diff[i] > 0.005][:2]
    if not order:
        return ""
    parts = [f"{CRITERIA[i]} (+{diff[i]:.2f})" for i in order]
    return " and ".join(parts)


def _numbers(ctx: RunContext, row: Row, cheapest: float) -> StrategyNumbers:
    alt = row.alternative
    opt = alt.components[0]
    p = option_params(
        opt.option,
        ctx.central,
        ctx.inputs,
        volatility=alt.workstream.scope_volatility.value,
        route=opt.route,
    )
    own = row.figures["cost_per_effective_fte_month"].p50
    return StrategyNumbers(
        attrition=float(p.attrition[0]),
        months_to_target=row.figures["months_to_target"].p50,
        unit_cost_ratio=own / cheapest if cheapest > 0 and math.isfinite(own) else None,
        change_request_premium=float(p.change_request_rate[0]),
        volatility=alt.workstream.scope_volatility.value,
        control=row.control,
        rework_rate=float(p.rework_rate[0]),
        setup_months=float(p.delay_months[0]),
        route=opt.route.value if opt.route else None,
    )


def _seed_rule(row: Row) -> str | None:
    alt = row.alternative
    months = alt.workstream.duration_months
    if alt.strategy == "offshore_inhouse" and months > 12:
        return (
            f"Fits the seed's rule: a dedicated team abroad suits long, important work "
            f"(> 1 year); this work runs {months} months"
        )
    if alt.strategy in ("onshore_outsource", "offshore_outsource") and months < 12:
        return (
            f"Fits the seed's rule: outsourcing suits short projects (< 1 year) with no "
            f"upfront investment; this work runs {months} months"
        )
    if alt.strategy == "onshore_inhouse":
        return (
            "Fits the seed's rule for in-house at home: full control and easy "
            "communication, when the budget allows"
        )
    return None


def _caveats(ctx: RunContext, row: Row, rows: Sequence[Row], p_first: float) -> list[str]:
    cheapest = min(
        (r.figures["cost_per_effective_fte_month"].p50 for r in rows if r.eligible),
        default=math.inf,
    )
    strategies = sorted({c.option.strategy.value for c in row.alternative.components})
    out: list[str] = []
    for strategy in strategies:
        out += caveats_for(strategy, _numbers(ctx, row, cheapest))
    if not ctx.run.deterministic and p_first < 0.5:
        out.append(
            f"Uncertain pick: it ranks first in only {p_first:.0%} of the Monte Carlo "
            "draws; see the flip conditions"
        )
    return out


def _rank_order(scores: np.ndarray) -> list[int]:
    return [int(i) for i in np.argsort(-scores, kind="stable")]


def decide(ctx: RunContext, rows: Sequence[Row], indices: Sequence[int]) -> Decision:
    """Score the eligible rows of one workstream, set their score/rank/p_best, recommend."""
    ws_name = rows[0].alternative.workstream.name
    eligible = [(r, i) for r, i in zip(rows, indices, strict=True) if r.eligible]
    if not eligible:
        rec = Recommendation(
            "none", None, None, ["every option is excluded by policy"], [], [], ws_name
        )
        return Decision(rec, None, None)
    facts = [facts_for(ctx, r, i) for r, i in eligible]
    weights = weight_vector(ctx.scenario.weights.as_dict())
    matrix = central_matrix(facts)
    scores = weighted_sum(matrix, DIRECTIONS, weights, NORMALISATION)
    contrib = weighted_sum_contributions(matrix, DIRECTIONS, weights, NORMALISATION)
    p_first = _p_first(facts, weights)
    order = _rank_order(scores)
    for rank, j in enumerate(order, start=1):
        row = eligible[j][0]
        row.score, row.rank, row.p_best = float(scores[j]), rank, float(p_first[j])
    best_j = order[0]
    best = eligible[best_j][0]
    runner_j = order[1] if len(order) > 1 else None
    runner = eligible[runner_j][0] if runner_j is not None else None
    reasons = _reasons(
        ctx, best, eligible, best_j, runner_j, scores, contrib, p_first, matrix, weights
    )
    alt = best.alternative
    rec = Recommendation(
        alt.strategy,
        alt.country,
        alt.option_name,
        reasons,
        _caveats(ctx, best, rows, float(p_first[best_j])),
        [],
        ws_name,
    )
    return Decision(rec, runner, best, [r for r, _ in eligible], facts)


def _reasons(
    ctx: RunContext,
    best: Row,
    eligible: Sequence[tuple[Row, int]],
    best_j: int,
    runner_j: int | None,
    scores: np.ndarray,
    contrib: np.ndarray,
    p_first: np.ndarray,
    matrix: np.ndarray,
    weights: np.ndarray,
) -> list[str]:
    out: list[str] = []
    cur = ctx.scenario.currency
    if runner_j is not None:
        runner = eligible[runner_j][0]
        why = _why(contrib, best_j, runner_j)
        out.append(
            f"Ranks first on the weighted criteria: score {scores[best_j]:.2f} vs "
            f"{scores[runner_j]:.2f} for {runner.alternative.option_name}"
            + (f", ahead on {why}" if why else "")
        )
    else:
        out.append("The only eligible option")
    own = best.figures["cost_per_effective_fte_month"].p50
    base = next(
        (
            r
            for r, _ in eligible
            if r.alternative.strategy == "onshore_inhouse" and r.alternative.mix is None
        ),
        None,
    )
    if base is not None and base is not best and math.isfinite(own):
        ref = base.figures["cost_per_effective_fte_month"].p50
        diff = 1 - own / ref
        word = "cheaper" if diff >= 0 else "dearer"
        out.append(
            f"{abs(diff):.0%} {word} per effective FTE-month than an in-house team at "
            f"home ({cur} {own:,.0f} vs {ref:,.0f}, P50)"
        )
    elif math.isfinite(own):
        out.append(f"Costs {cur} {own:,.0f} per effective FTE-month (P50)")
    mtt = best.figures["months_to_target"].p50
    if math.isfinite(mtt):
        out.append(f"Builds to 90 % of the target capacity in {mtt:.0f} months (P50)")
    if runner_j is not None:
        out += _breakeven_reason(ctx, best, eligible[runner_j])
    if not ctx.run.deterministic:
        out.append(f"Ranks first in {p_first[best_j]:.0%} of {ctx.run.samples:,} Monte Carlo draws")
    out += _robustness(ctx, matrix, weights, best_j)
    rule = _seed_rule(best)
    if rule:
        out.append(rule)
    return out


def _breakeven_reason(ctx: RunContext, best: Row, runner: tuple[Row, int]) -> list[str]:
    run = ctx.run
    i_best = ctx.index_of(best)
    i_run = runner[1]
    ws = best.alternative.workstream
    months = breakeven_months(
        run.monthly_burn[i_best],
        run.monthly_effective[i_best],
        run.monthly_burn[i_run],
        run.monthly_effective[i_run],
        start=ws.start_month,
        duration=ws.duration_months,
    )
    finite = np.isfinite(months)
    if not finite.any():
        return []
    p50 = float(np.percentile(np.where(finite, months, 1e9), 50))
    name = runner[0].alternative.option_name
    if p50 >= 1e8:
        return []
    if p50 <= 1:
        return [f"Cheaper per effective FTE-month than {name} from the first month"]
    return [
        f"Its start-up costs are repaid by month {p50:.0f}: from then on it stays cheaper "
        f"per effective FTE-month than {name} (P50)"
    ]


def _robustness(
    ctx: RunContext,
    matrix: np.ndarray,
    weights: np.ndarray,
    best_j: int,
) -> list[str]:
    if matrix.shape[0] < 2:
        return []
    out = []
    rng = np.random.default_rng(ctx.scenario.simulation.seed)
    sampled = perturbed_weights(weights, rng, WEIGHT_PERTURBATIONS, 0.2)
    normalised = NORMALISATIONS[NORMALISATION](matrix, DIRECTIONS)  # (alternative, criterion)
    scores = sampled @ normalised.T  # (perturbation, alternative), weights sum to 1
    stays = float(np.mean(np.argmax(scores, axis=1) == best_j))
    out.append(f"Stays first in {stays:.0%} of ±20 % perturbations of the criterion weights")
    wsm = weighted_sum(matrix, DIRECTIONS, weights, NORMALISATION)
    tps = topsis(matrix, DIRECTIONS, weights)
    tau = rank_agreement(wsm, tps)
    if int(np.argmax(tps)) == best_j:
        out.append(
            f"TOPSIS agrees on the pick (rank agreement with the weighted sum: "
            f"Kendall tau {tau:.2f})"
        )
    return out


def topsis_pick(matrix: np.ndarray, weights: np.ndarray) -> int:
    """Index of TOPSIS's first choice on the central matrix."""
    return int(np.argmax(topsis(matrix, DIRECTIONS, weights)))
