"""The recommendation for one workstream: scores, ranks and the findings that explain them.

The decision matrix (:mod:`shorewise.decision.criteria`) is scored with the weighted sum
(additive, so each score splits into per-criterion contributions for the "why") at the P50
of every criterion; each Monte Carlo draw is scored too, giving each option's probability
of ranking first. TOPSIS checks the scoring method; SMAA-2 (:mod:`shorewise.decision.acceptability`)
shows how much the pick depends on the weights.
Everything said is a :class:`~shorewise.decision.findings.Finding` (kind + numbers); the
words come later.

Example::

    >>> decision = recommend(candidates, weights, settings)          # doctest: +SKIP
    >>> decision.pick, [f.kind for f in decision.reasons][:2]         # doctest: +SKIP
    ('offshore_inhouse@VN', ['ranks_first', 'saving'])
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np

from shorewise.decision.acceptability import SMAA_DRAWS, weight_acceptability
from shorewise.decision.breakeven import breakeven_months
from shorewise.decision.criteria import (
    DIRECTIONS,
    NORMALISATION,
    Facts,
    central_matrix,
    decision_matrix,
)
from shorewise.decision.findings import Finding
from shorewise.decision.policy import ON_TIME_SHARE
from shorewise.decision.ranking import probability_first, rank_agreement
from shorewise.decision.seed_rules import PickShares, WorkFacts, seed_rule_findings
from shorewise.decision.topsis import topsis
from shorewise.decision.watchouts import StrategyNumbers, watch_outs
from shorewise.decision.wsm import weighted_sum, weighted_sum_contributions
from shorewise.domain.weight_constraints import WeightConstraints
from shorewise.domain.weight_spec import CRITERIA
from shorewise.engine.types import FloatArray

__all__ = ["Candidate", "Settings", "WorkstreamDecision", "recommend"]

SCORING_CHUNK = 50_000
UNCERTAIN_PICK = 0.5
"""Warn when the pick ranks first in fewer Monte Carlo draws than this share."""


@dataclass(frozen=True)
class Candidate:
    """One option of the workstream as the decision sees it.

    ``facts`` is ``None`` for an option the policy excludes. ``numbers`` holds the
    watch-out figures per strategy of the option's components. ``burn``/``effective`` are
    the first draws' monthly series over the horizon, ``(draw, month)``, for break-even.
    """

    option: str
    strategy: str
    eligible: bool
    facts: Facts | None
    shares: PickShares
    numbers: tuple[tuple[str, StrategyNumbers], ...]
    unit_cost_p50: float
    total_cost_p50: float
    months_to_target_p50: float
    delivered_share_p50: float = 1.0
    p_on_time: float = 1.0
    finish_month_p50: float | None = None  # kept until done; None: not done within the cap
    burn: FloatArray | None = None
    effective: FloatArray | None = None
    over_budget_years: tuple[int, ...] = ()
    peak_year_cost: float | None = None


@dataclass(frozen=True)
class Settings:
    """What the decision needs beyond the candidates."""

    weights: FloatArray  # (criterion,), sums to 1
    constraints: WeightConstraints  # the weights SMAA samples from
    work: WorkFacts
    start_month: int
    deterministic: bool
    samples: int
    seed: int


@dataclass(frozen=True)
class WorkstreamDecision:
    """Scores and findings of one workstream; dicts are keyed by option id."""

    pick: str | None
    runner_up: str | None
    scores: dict[str, float] = field(default_factory=dict)
    ranks: dict[str, int] = field(default_factory=dict)
    p_best: dict[str, float] = field(default_factory=dict)
    criteria: dict[str, dict[str, float]] = field(default_factory=dict)
    contributions: dict[str, dict[str, float]] = field(default_factory=dict)
    reasons: tuple[Finding, ...] = ()
    caveats: tuple[Finding, ...] = ()
    smaa: tuple[dict[str, Any], ...] = ()


def _p_first(facts: Sequence[Facts], weights: FloatArray) -> FloatArray:
    n = len(facts[0].cost)
    wins = np.zeros(len(facts))
    for start in range(0, n, SCORING_CHUNK):
        matrix = decision_matrix(facts, slice(start, start + SCORING_CHUNK))
        scores = weighted_sum(matrix, DIRECTIONS, weights, NORMALISATION)
        wins += probability_first(scores) * matrix.shape[0]
    out: FloatArray = wins / n
    return out


def _ahead_on(contrib: FloatArray, best: int, other: int) -> list[dict[str, float | str]]:
    diff = contrib[best] - contrib[other]
    order = [int(i) for i in np.argsort(-diff) if diff[i] > 0.005][:2]
    return [{"criterion": CRITERIA[i], "points": round(float(diff[i]), 4)} for i in order]


def _topsis_check(matrix: FloatArray, weights: FloatArray, best: int) -> list[Finding]:
    """Whether a second scoring method (TOPSIS) picks the same and orders pairs alike."""
    if matrix.shape[0] < 2:
        return []
    out = []
    wsm = weighted_sum(matrix, DIRECTIONS, weights, NORMALISATION)
    tps = topsis(matrix, DIRECTIONS, weights)
    n = matrix.shape[0]
    pairs = n * (n - 1) // 2
    tau = rank_agreement(wsm, tps)
    out.append(
        Finding(
            "topsis_agreement",
            {
                "same_first": int(np.argmax(tps)) == best,
                "pairs_agree": round((tau + 1) / 2 * pairs),
                "pairs": pairs,
            },
        )
    )
    return out


def _breakeven(best: Candidate, runner: Candidate, s: Settings) -> list[Finding]:
    if best.burn is None or best.effective is None or runner.burn is None:
        return []
    assert runner.effective is not None
    months = breakeven_months(
        best.burn,
        best.effective,
        runner.burn,
        runner.effective,
        start=s.start_month,
        duration=s.work.duration_months,
    )
    finite = np.isfinite(months)
    if not finite.any():
        return []
    p50 = float(np.percentile(np.where(finite, months, 1e9), 50))
    if p50 >= 1e8:
        return []
    return [Finding("breakeven", {"against": runner.option, "month": p50})]


def _on_time(c: Candidate) -> bool:
    return c.delivered_share_p50 >= ON_TIME_SHARE - 1e-12


def _comparator(pick: Candidate, every: Sequence[Candidate]) -> Candidate | None:
    """What the saving is measured against: the cheapest other eligible option that
    delivers on time, else the in-house team at home (its delivery is then named)."""
    on_time = [
        c
        for c in every
        if c is not pick and c.eligible and _on_time(c) and math.isfinite(c.unit_cost_p50)
    ]
    if on_time:
        return min(on_time, key=lambda c: c.total_cost_p50)
    home = next((c for c in every if c.option == "onshore_inhouse"), None)
    return home if home is not None and home is not pick else None


def _reasons(
    chosen: Sequence[Candidate],
    best: int,
    runner: int | None,
    scores: FloatArray,
    contrib: FloatArray,
    p_first: FloatArray,
    matrix: FloatArray,
    every: Sequence[Candidate],
    s: Settings,
) -> list[Finding]:
    pick = chosen[best]
    out: list[Finding] = []
    if runner is not None:
        out.append(
            Finding(
                "ranks_first",
                {
                    "score": float(scores[best]),
                    "runner_up": chosen[runner].option,
                    "runner_up_score": float(scores[runner]),
                    "ahead_on": _ahead_on(contrib, best, runner),
                },
            )
        )
    else:
        out.append(Finding("only_eligible"))
    own = pick.unit_cost_p50
    comparator = _comparator(pick, every)
    if comparator is not None and math.isfinite(own):
        out.append(
            Finding(
                "saving",
                {
                    "comparator": comparator.option,
                    "comparator_delivered_share": comparator.delivered_share_p50,
                    "comparator_on_time": _on_time(comparator),
                    "unit_cost": own,
                    "comparator_unit_cost": comparator.unit_cost_p50,
                    "unit_saving": 1 - own / comparator.unit_cost_p50,
                    "total_cost": pick.total_cost_p50,
                    "comparator_total_cost": comparator.total_cost_p50,
                    "total_saving": 1 - pick.total_cost_p50 / comparator.total_cost_p50,
                },
            )
        )
    elif math.isfinite(own):
        out.append(Finding("unit_cost", {"unit_cost": own}))
    if _on_time(pick):
        out.append(
            Finding(
                "on_time",
                {
                    "delivered_share": pick.delivered_share_p50,
                    "due_month": s.start_month + s.work.duration_months,
                    "p_on_time": pick.p_on_time,
                },
            )
        )
    if math.isfinite(pick.months_to_target_p50):
        out.append(Finding("months_to_target", {"months": pick.months_to_target_p50}))
    if runner is not None:
        out += _breakeven(pick, chosen[runner], s)
    if not s.deterministic:
        out.append(Finding("p_best", {"share": float(p_first[best]), "draws": s.samples}))
    out += _topsis_check(matrix, s.weights, best)
    return out


def _doubts(reasons: list[Finding]) -> tuple[list[Finding], list[Finding]]:
    """Robustness checks that fail are caveats, not reasons."""
    keep: list[Finding] = []
    doubts: list[Finding] = []
    for f in reasons:
        weak = (
            (f.kind == "topsis_agreement" and not f["same_first"])
            or (f.kind == "smaa_first" and f["share"] < UNCERTAIN_PICK)
            or f.kind == "smaa_alternative"
        )
        (doubts if weak else keep).append(f)
    return keep, doubts


def _caveats(
    pick: Candidate, every: Sequence[Candidate], p_first: float, s: Settings
) -> list[Finding]:
    cheapest = min((c.unit_cost_p50 for c in every if c.eligible), default=math.inf)
    out: list[Finding] = []
    for strategy, numbers in pick.numbers:
        ratio = None
        if strategy == "onshore_inhouse" and cheapest > 0 and math.isfinite(pick.unit_cost_p50):
            ratio = pick.unit_cost_p50 / cheapest
        numbers = StrategyNumbers(**{**numbers.__dict__, "unit_cost_ratio": ratio})
        out += watch_outs(strategy, numbers)
    if not _on_time(pick):
        allowed = [c for c in every if c.eligible]
        out.append(
            Finding(
                "late",
                {
                    "delivered_share": pick.delivered_share_p50,
                    "due_month": s.start_month + s.work.duration_months,
                    "p_on_time": pick.p_on_time,
                    "finish_month": pick.finish_month_p50,
                    "finish_cap_month": s.work.finish_cap_month
                    or s.start_month + s.work.duration_months,
                    "every_option": not any(_on_time(c) for c in allowed),
                },
            )
        )
    if not s.deterministic and p_first < UNCERTAIN_PICK:
        out.append(Finding("uncertain_pick", {"share": p_first}))
    return out


def _measured(row: FloatArray) -> dict[str, float]:
    """A matrix row as measured (risk, not the safety the scoring uses)."""
    values = {c: float(row[k]) for k, c in enumerate(CRITERIA)}
    values["risk"] = 1.0 - values["risk"]
    return values


def recommend(candidates: Sequence[Candidate], s: Settings) -> WorkstreamDecision:
    """Score the eligible candidates of one workstream and say why the first one wins."""
    chosen = [c for c in candidates if c.eligible and c.facts is not None]
    if not chosen:
        return WorkstreamDecision(None, None)
    facts = [c.facts for c in chosen if c.facts is not None]
    matrix = central_matrix(facts)
    scores = weighted_sum(matrix, DIRECTIONS, s.weights, NORMALISATION)
    contrib = weighted_sum_contributions(matrix, DIRECTIONS, s.weights, NORMALISATION)
    p_first = _p_first(facts, s.weights)
    order = [int(i) for i in np.argsort(-scores, kind="stable")]
    best = order[0]
    runner = order[1] if len(order) > 1 else None
    pick = chosen[best]
    reasons = _reasons(chosen, best, runner, scores, contrib, p_first, matrix, candidates, s)
    names = [c.option for c in chosen]
    acceptability = None
    if len(chosen) > 1:
        acceptability = weight_acceptability(
            decision_matrix(facts, slice(0, SMAA_DRAWS)), names, best, s.constraints, seed=s.seed
        )
        reasons += list(acceptability.findings)
    reasons, doubts = _doubts(reasons)
    caveats = _caveats(pick, candidates, float(p_first[best]), s) + doubts
    work = replace(
        s.work, over_budget_years=pick.over_budget_years, peak_year_cost=pick.peak_year_cost
    )
    rules = seed_rule_findings(pick.shares, work)
    reasons += [f for f in rules if f.kind == "fits_seed_rule"]
    caveats = [f for f in rules if f.kind == "against_seed_rule"] + caveats
    return WorkstreamDecision(
        pick=pick.option,
        runner_up=chosen[runner].option if runner is not None else None,
        scores={n: float(v) for n, v in zip(names, scores, strict=True)},
        ranks={names[j]: rank for rank, j in enumerate(order, start=1)},
        p_best={n: float(v) for n, v in zip(names, p_first, strict=True)},
        criteria={n: _measured(matrix[j]) for j, n in enumerate(names)},
        contributions={
            n: {c: float(contrib[j, k]) for k, c in enumerate(CRITERIA)}
            for j, n in enumerate(names)
        },
        reasons=tuple(reasons),
        caveats=tuple(caveats),
        smaa=acceptability.records if acceptability else (),
    )
