"""The plan's load on a country, and each component's share of the country's fixed costs.

A company has one entity, one team set-up and one hiring pipeline per country, whatever
the number of workstreams. The **plan load** is what a team in one country would carry if
the plan put all its work there: ``head_months`` = sum over workstreams of the
workstream's FTE (onshore-equivalent) x its months of work inside the horizon,
``span_months`` from the first workstream's start to the last one's end inside the horizon
(how long an entity runs, gaps between workstreams included) and ``heads`` = head-months /
span, the plan's hires there: the average team the country carries over the span
(judgement: a workstream that follows another reuses its people, and a short one beside a
long one counts for its share of the time; one workstream gives its FTE). It is the same
for every offshore country and for the home country: a candidate country is judged as if
the plan used it.

Each component (a workstream's option, or one part of a mix) carries a fair share of the
country's fixed costs, by its share of the load:

* ``fixed_share`` = FTE x share x months of the work / plan head-months: its part of the
  one-off set-up (team set-up, entity set-up), paid in its first month;
* ``running_share`` = FTE x share x plan span / plan head-months: the entity-months of
  running cost it pays per month of its work, so the plan pays ``span_months`` entity-months
  once in total (sum over components of running_share x months = span);
* ``plan_hires``: the plan's heads, which set the hiring time (hires / hires per month).

An employer of record has no fixed part in the model (its fee is per head-month), so there is
nothing of it to share. Splitting a workstream into identical parts leaves every share's
sum, the hires and so the plan's cost unchanged: no fixed cost is per workstream any more,
and what each workstream pays on its own scales with its own staff (pay and on-costs,
vendor fees, recruiting per hire, release pay, home-side management, vendor selection and
transition as a share of its contract, cost of delay per missing FTE-month).

Example::

    >>> load = PlanLoad(head_months=360.0, heads=10.0, span_months=36.0, horizon_months=36)
    >>> component_terms(load, fte=5.0, share=1.0, months=36)
    PlanTerms(fixed_share=0.5, running_share=0.5, plan_hires=10.0)
"""

from __future__ import annotations

from dataclasses import dataclass

from shorewise.domain.scenario import Scenario, Workstream

PLAN_TERM_NAMES = ("plan_fixed_share", "plan_running_share", "plan_hires")
"""The names the parameter model reads the plan terms by (see :class:`PlanTerms`)."""


@dataclass(frozen=True)
class PlanLoad:
    """The load a team in one country carries if the plan puts all its work there."""

    head_months: float  # FTE x months of work inside the horizon, summed over workstreams
    heads: float  # head-months / span: the average team over the span (hires)
    span_months: float  # first start to last end inside the horizon (months)
    horizon_months: int = 0  # months modelled (0: not known)


@dataclass(frozen=True)
class PlanTerms:
    """One component's share of its country's fixed costs and the plan's hires there."""

    fixed_share: float  # of the one-off set-up (0-1)
    running_share: float  # entity-months of running cost per month of the work
    plan_hires: float  # heads hired in the country by the plan

    def values(self) -> dict[str, float]:
        """The terms by the names the parameter model reads (:data:`PLAN_TERM_NAMES`)."""
        return dict(zip(PLAN_TERM_NAMES, (self.fixed_share, self.running_share,
                                          self.plan_hires), strict=True))  # fmt: skip


STANDALONE = PlanTerms(fixed_share=1.0, running_share=1.0, plan_hires=0.0)
"""Terms of a component that pays its fixed costs alone and hires at the drawn pace (used
where no plan is known, e.g. a parameter look-up)."""


def work_months(workstream: Workstream, horizon: int) -> int:
    """Months of ``workstream`` inside a horizon of ``horizon`` months."""
    return max(0, min(workstream.end_month, horizon) - workstream.start_month)


def plan_load(scenario: Scenario) -> PlanLoad:
    """The plan's load on one country (see module doc); the span is
    ``max(0, min(last end, horizon) - first start)`` months, the heads head-months / span
    (0 when the span is)."""
    horizon = scenario.horizon
    ws = scenario.workstreams
    head_months = sum(w.target_fte * work_months(w, horizon) for w in ws)
    span = max(0, min(max(w.end_month for w in ws), horizon) - min(w.start_month for w in ws))
    heads = head_months / span if span > 0 else 0.0
    return PlanLoad(float(head_months), float(heads), float(span), horizon)


def component_terms(load: PlanLoad, *, fte: float, share: float, months: int) -> PlanTerms:
    """The terms of a component of ``fte`` x ``share`` FTE working ``months`` months."""
    if load.head_months <= 0:
        return PlanTerms(0.0, 0.0, load.heads)
    own = fte * share / load.head_months
    return PlanTerms(own * months, own * load.span_months, load.heads)


def terms_for(
    scenario: Scenario, workstream: Workstream, share: float, load: PlanLoad | None = None
) -> PlanTerms:
    """The terms of ``share`` of ``workstream`` in ``scenario``'s plan (``load``: the plan's,
    computed when not given)."""
    load = plan_load(scenario) if load is None else load
    months = work_months(workstream, scenario.horizon)
    return component_terms(load, fte=workstream.target_fte, share=share, months=months)
