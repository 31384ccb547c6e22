"""What to find out before signing: the value of information of the plan, in money.

Per workstream the choice among its eligible options is judged on the cost of its work: each
draw's NPV per effective FTE-month times the scope (FTE-months asked for), so options that
deliver less are not rewarded for costing less. The EVPI (expected value of perfect
information) is the expected regret of choosing before the draws are known; the EVPPI of an
input is the part of it that knowing that input alone would remove
(:mod:`shorewise.decision.voi`, cross-fitted regression estimator). Workstreams are decided
separately, so the plan's values are the sums over workstreams. This is the value on cost:
the recommendation also weighs speed, control, scalability and risk.

Example::

    >>> voi, findings = plan_information(evaluation, result_rows)    # doctest: +SKIP
    >>> voi["per_input"][0]["input"]                                  # doctest: +SKIP
    'vendor_margin'
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from shorewise.decision.findings import Finding
from shorewise.decision.voi import MIN_DRAWS, value_of_information
from shorewise.engine.types import FloatArray
from shorewise.results.evaluation import Evaluation
from shorewise.results.vocabulary import input_label

__all__ = ["VOI_DRAWS", "WORTH_NAMING", "plan_information"]

VOI_DRAWS = 10_000
"""Draws the value of information is estimated on (the run's first ones)."""
WORTH_NAMING = 0.05
"""An input worth at least this share of the EVPI is named in the recommendation."""
MATERIAL = 0.001
"""A value of information under this share of the plan's expected cost is "nothing to learn"."""


def _scope_cost(ev: Evaluation, index: int, n: int) -> FloatArray:
    """Each draw's cost of the workstream's work at this option's unit cost (NPV)."""
    m = ev.run.metrics[index]
    required = ev.alternatives[index].workstream.required_fte_months
    effective = m.delivered_fte_months[:n]
    with np.errstate(divide="ignore", invalid="ignore"):
        unit = np.where(effective > 0, m.npv_cost[:n] / effective, np.inf)
    finite = unit[np.isfinite(unit)]
    cap = 10 * float(np.max(finite)) if finite.size else 1e12
    out: FloatArray = np.minimum(unit, cap) * required
    return out


def plan_information(
    ev: Evaluation, eligible: Sequence[bool]
) -> tuple[dict[str, Any] | None, list[Finding]]:
    """The plan's value of information (``None`` when there are too few draws or nothing
    uncertain) and the findings that name what is worth knowing."""
    n = min(ev.run.samples, VOI_DRAWS)
    if ev.run.deterministic or n < MIN_DRAWS or not ev.run.inputs:
        return None, []
    inputs = {k: v[:n] for k, v in ev.run.inputs.items() if len(v) >= n}
    total = 0.0
    expected = 0.0
    per_input = dict.fromkeys(inputs, 0.0)
    for w in range(len(ev.scenario.workstreams)):
        idx = [i for i, a in enumerate(ev.alternatives) if a.workstream_index == w and eligible[i]]
        if len(idx) < 2:
            continue
        cost = np.stack([_scope_cost(ev, i, n) for i in idx], axis=1)
        voi = value_of_information(-cost, inputs)
        total += voi.total
        expected += float(cost.mean(axis=0).min())
        for item in voi.per_input:
            per_input[item.input] += item.value
    ranked = sorted(per_input.items(), key=lambda kv: -kv[1])
    doc = {
        "total": round(total, 2),
        "per_input": [
            {"input": k, "label": input_label(k), "value": round(v, 2)} for k, v in ranked
        ],
        "basis": "expected cost of the work: NPV per effective FTE-month times the scope",
        "draws": n,
    }
    if total <= MATERIAL * expected:
        return doc, [Finding("voi_none", {"draws": n, "total": total})]
    named = [(k, v) for k, v in ranked if v >= WORTH_NAMING * total][:2]
    findings = [Finding("voi_input", {"input": k, "value": v, "total": total}) for k, v in named]
    return doc, findings or [Finding("voi_spread", {"total": total})]
