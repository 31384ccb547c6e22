"""From summarised options to what the decision sees: one :class:`Candidate` per option.

The criteria come from :func:`shorewise.decision.criteria.facts_for` (the one matrix
builder); the watch-out numbers from each component's parameters at central values.

Example::

    >>> candidate = candidate_for(evaluation, index, summary)      # doctest: +SKIP
    >>> candidate.facts.control                                       # doctest: +SKIP
    0.75
"""

from __future__ import annotations

import numpy as np

from shorewise.decision.criteria import facts_for
from shorewise.decision.policy import Eligibility
from shorewise.decision.recommend import Candidate
from shorewise.decision.seed_rules import PickShares
from shorewise.decision.watchouts import StrategyNumbers
from shorewise.engine.alternatives import Alternative, control_index
from shorewise.engine.params import option_params
from shorewise.results.evaluation import Evaluation
from shorewise.results.summarise import OptionSummary

__all__ = ["candidate_for", "pick_shares"]


def pick_shares(alt: Alternative) -> PickShares:
    """Shares of the alternative's capacity: outsourced, own team abroad, own team at home."""
    abroad = sum(c.share for c in alt.components if c.option.strategy.value == "offshore_inhouse")
    home = sum(c.share for c in alt.components if c.option.strategy.value == "onshore_inhouse")
    return PickShares(alt.share_where("outsourced"), abroad, home)


def _numbers(
    ev: Evaluation, alt: Alternative, months_to_target: float
) -> tuple[tuple[str, StrategyNumbers], ...]:
    out: dict[str, StrategyNumbers] = {}
    ws = alt.workstream
    for c in alt.components:
        strategy = c.option.strategy.value
        if strategy in out:
            continue
        p = option_params(
            c.option,
            ev.central,
            ev.inputs,
            volatility=ws.scope_volatility.value,
            route=c.route,
            contract=ws.contract.value,
        )
        out[strategy] = StrategyNumbers(
            attrition=float(p.attrition[0]),
            months_to_target=months_to_target,
            change_request_premium=float(p.change_request_rate[0]),
            volatility=ws.scope_volatility.value,
            control=float(np.median(ev.central[f"control_{strategy}"])),
            rework_rate=float(p.rework_rate[0]),
            setup_months=float(p.delay_months[0]),
            route=c.route.value if c.route else None,
        )
    return tuple(out.items())


def candidate_for(
    ev: Evaluation, index: int, summary: OptionSummary, elig: Eligibility
) -> Candidate:
    """The decision's view of alternative ``index`` of the evaluation."""
    alt = ev.alternatives[index]
    metrics = ev.run.metrics[index]
    control = control_index(alt, ev.central)
    facts = facts_for(alt, metrics, ev.central, ev.inputs, control) if elig.eligible else None
    mtt = summary.figures["months_to_target"].value()
    return Candidate(
        option=alt.option_name,
        strategy=alt.strategy,
        eligible=elig.eligible,
        facts=facts,
        shares=pick_shares(alt),
        numbers=_numbers(ev, alt, mtt),
        unit_cost_p50=summary.figures["cost_per_effective_fte_month"].value(),
        total_cost_p50=summary.figures["total_cost"].value(),
        months_to_target_p50=mtt,
        delivered_share_p50=summary.delivered_share.value(),
        p_on_time=summary.p_on_time,
        finish_month_p50=summary.finish_month.value(),
        burn=ev.run.monthly_burn[index],
        effective=ev.run.monthly_effective[index],
        over_budget_years=tuple(summary.over_budget_years),
        peak_year_cost=max(summary.year_cost_p50, default=None),
    )
