"""The five decision criteria and the per-draw decision matrix.

================  =====================================================  ==========
criterion         measured as                                             better
================  =====================================================  ==========
cost              NPV of cost per effective FTE-month (currency)          lower
speed             months from the work's start until its scope is done    lower
                  (the team kept until then; censored at the months a
                  late team may be kept + 1 when not done by then)
control           control index (seed: in-house 100 %, team abroad 75 %,  higher
                  vendor abroad 25 %; vendor at home 50 % by judgement)
scalability       months to add +50 % capacity: half the ramp (hiring     lower
                  half a team again) plus the learning time
risk              relative cost at risk (P90 - P50) / P50 of the cost     lower
                  criterion + 0.3 x vendor-dependency share + the
                  least-effort rework rate x vendor share (judgement);
                  scored as safety = 1 - risk (floored at 0.01)
================  =====================================================  ==========

Cost uses NPV *per effective FTE-month* so an option that delivers less is not rewarded
for costing less. Scores use the linear (ratio) normalisation (``x / max``, ``min / x``):
half the cost scores twice as high, where min-max would stretch any gap to 0..1.
Example::

    >>> matrix = decision_matrix([Facts(...), ...])               # doctest: +SKIP
    >>> matrix.shape  # (draw, alternative, criterion)          # doctest: +SKIP
    (10000, 3, 5)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from shorewise.domain.scenario import Scenario
from shorewise.domain.weight_spec import CRITERIA
from shorewise.engine.alternatives import Alternative
from shorewise.engine.inputs import ResolvedInputs
from shorewise.engine.metrics import DrawMetrics
from shorewise.engine.params import option_params
from shorewise.engine.types import DrawVector, FloatArray

DIRECTIONS = np.array([-1.0, -1.0, 1.0, -1.0, 1.0])  # risk enters as safety = 1 - risk
NORMALISATION = "linear"
VENDOR_DEPENDENCY_WEIGHT = 0.3
"""Risk points for an alternative that depends fully on a vendor (judgement)."""
NOTHING_DELIVERED_COST = 1e15
"""The cost criterion of a draw in which nothing is delivered (worse than any real cost)."""


@dataclass(frozen=True)
class Facts:
    """What the decision needs about one eligible alternative.

    ``cost`` and ``speed`` are per draw ``(draw,)``; the rest are single numbers.
    """

    cost: DrawVector
    speed: DrawVector
    control: float
    scalability_months: float
    vendor_share: float
    rework_rate: float
    cost_at_risk: float  # (P90 - P50) / P50 of ``cost``, see :func:`relative_cost_at_risk`

    @property
    def safety(self) -> float:
        """1 - risk, floored at 0.01: the risk criterion as a benefit for scoring."""
        return max(0.01, 1.0 - self.risk)

    @property
    def risk(self) -> float:
        """The risk criterion (see module doc)."""
        return (
            self.cost_at_risk
            + VENDOR_DEPENDENCY_WEIGHT * self.vendor_share
            + self.rework_rate * self.vendor_share
        )


def relative_cost_at_risk(cost: DrawVector) -> float:
    """(P90 - P50) / P50 of a per-draw cost, 0 for a deterministic run."""
    p50, p90 = np.percentile(cost, [50, 90])
    return float((p90 - p50) / p50) if p50 > 0 and np.isfinite(p90) else 0.0


def censored_speed(months: DrawVector, longest: int) -> DrawVector:
    """Months to finish with 'not within the window' (inf) replaced by ``longest + 1``."""
    censored: DrawVector = np.where(np.isfinite(months), months, longest + 1.0)
    return censored


def decision_matrix(facts: Sequence[Facts], draws: slice | None = None) -> FloatArray:
    """``(draw, alternative, criterion)`` for the given draws (all by default)."""
    sl = draws or slice(None)
    n = len(facts[0].cost[sl])
    out = np.empty((n, len(facts), len(CRITERIA)))
    for j, f in enumerate(facts):
        out[:, j, 0] = f.cost[sl]
        out[:, j, 1] = f.speed[sl]
        out[:, j, 2] = f.control
        out[:, j, 3] = f.scalability_months
        out[:, j, 4] = f.safety
    return out


def unit_cost(metrics: DrawMetrics) -> DrawVector:
    """The cost criterion per draw: NPV of the cost to finish per FTE-month delivered, and
    :data:`NOTHING_DELIVERED_COST` where nothing is delivered."""
    delivered = metrics.delivered_fte_months
    with np.errstate(divide="ignore", invalid="ignore"):
        cost = np.where(delivered > 0, metrics.npv_cost / np.maximum(delivered, 1e-12), np.inf)
    out: DrawVector = np.where(np.isfinite(cost), cost, NOTHING_DELIVERED_COST)
    return out


def scalability_months(
    alternative: Alternative, central: Mapping[str, DrawVector], inputs: ResolvedInputs
) -> float:
    """Months to add +50 % capacity at central values: half the ramp plus the learning time,
    share-weighted over the alternative's components."""
    ws = alternative.workstream
    total = 0.0
    for c in alternative.components:
        p = option_params(
            c.option,
            central,
            inputs,
            volatility=ws.scope_volatility.value,
            route=c.route,
            contract=ws.contract.value,
            plan=alternative.terms(c),
        )
        total += c.share * float(0.5 * p.ramp_months[0] + p.learn_months[0])
    return total


def facts_for(
    alternative: Alternative,
    metrics: DrawMetrics,
    central: Mapping[str, DrawVector],
    inputs: ResolvedInputs,
    control: float,
) -> Facts:
    """The decision's view of one alternative: the one place a matrix row is built (the
    recommendation, the flip search and the sensitivity analysis all call it)."""
    cost = unit_cost(metrics)
    return Facts(
        cost=cost,
        speed=censored_speed(metrics.finish_months, alternative.workstream.window_months),
        control=control,
        scalability_months=scalability_months(alternative, central, inputs),
        vendor_share=alternative.share_where("outsourced"),
        rework_rate=float(np.median(central["vendor_rework_rate"])),
        cost_at_risk=relative_cost_at_risk(cost),
    )


def central_matrix(facts: Sequence[Facts]) -> FloatArray:
    """``(alternative, criterion)`` with the P50 of each per-draw criterion."""
    matrix: FloatArray = decision_matrix(facts, slice(0, 1))[0]
    for j, f in enumerate(facts):
        matrix[j, 0] = np.median(f.cost)
        matrix[j, 1] = np.median(f.speed)
    return matrix


def scoring_weights(scenario: Scenario) -> FloatArray:
    """The weight vector the recommendation scores with: the scenario's plain-number
    weights normalised, or the centre of the region its shares, ranges or importance order
    allow (:func:`~shorewise.decision.weights_sampling.centre`)."""
    if scenario.weights.is_point and not scenario.importance_order():
        return weight_vector(scenario.weights.as_dict())
    from shorewise.decision.weights_sampling import centre

    return centre(scenario.weight_constraints())


def weight_vector(weights: dict[str, float]) -> FloatArray:
    """The scenario's weights in criterion order, normalised to sum 1."""
    raw = np.array([weights[c] for c in CRITERIA], dtype=np.float64)
    normalised: FloatArray = raw / raw.sum()
    return normalised
