"""Hard policy applied before any scoring (seed: "NEVER outsource core IT capabilities").

Example::

    >>> eligibility(alternative, scenario)            # doctest: +SKIP
    Eligibility(eligible=False, reason='core IT capability: ...')
"""

from __future__ import annotations

from dataclasses import dataclass

from shorewise.domain.scenario import Scenario
from shorewise.engine.alternatives import Alternative

CORE_REASON = (
    "core IT capability: the article's rule is never to outsource core IT, so outsourcing "
    "is excluded here (the scenario keeps that rule on)"
)


@dataclass(frozen=True)
class Eligibility:
    """Whether an alternative may be recommended, and why not."""

    eligible: bool
    reason: str | None = None


def eligibility(alternative: Alternative, scenario: Scenario) -> Eligibility:
    """Apply ``policy.never_outsource_core``: any outsourced share of core work is excluded."""
    outsourced = alternative.share_where("outsourced")
    if scenario.policy.never_outsource_core and alternative.workstream.core and outsourced > 0:
        if alternative.mix:
            return Eligibility(
                False, f"{CORE_REASON}; this mix outsources {outsourced:.0%} of the work"
            )
        return Eligibility(False, CORE_REASON)
    return Eligibility(True)


ON_TIME_SHARE = 0.9
"""Share of the scope that counts as delivered on time (judgement: the last 10 % of a
scope is commonly negotiable or deferred)."""


def delivery_exclusion(alternative: Alternative, delivered_p50: float) -> str | None:
    """Why a ``deadline: hard`` workstream cannot use this option (``None`` if it can):
    it delivers under :data:`ON_TIME_SHARE` of the work by the due month at P50."""
    ws = alternative.workstream
    if ws.deadline.value != "hard" or delivered_p50 >= ON_TIME_SHARE - 1e-12:
        return None
    return (
        f"deadline is hard: delivers {delivered_p50:.0%} of the work by month {ws.due_month} "
        f"(P50), under the {ON_TIME_SHARE:.0%} needed"
    )


def budget_exclusion(scenario: Scenario, over_budget_years: list[int]) -> str | None:
    """Why ``company.budget_limit: hard`` excludes this option (``None`` if it does not):
    on its own it costs more than the annual budget in some plan year at P50."""
    budget = scenario.company.annual_budget
    if budget is None or scenario.company.budget_limit.value != "hard" or not over_budget_years:
        return None
    years = ", ".join(str(y) for y in over_budget_years)
    return f"budget limit is hard: over the annual budget of {budget:,.0f} in year {years} (P50)"


def exclusion(
    alternative: Alternative,
    scenario: Scenario,
    delivered_p50: float,
    over_budget_years: list[int],
) -> Eligibility:
    """Every reason an option may not be recommended: the policy, a hard deadline, a hard
    budget limit (the first that applies)."""
    for reason in (
        eligibility(alternative, scenario).reason,
        delivery_exclusion(alternative, delivered_p50),
        budget_exclusion(scenario, over_budget_years),
    ):
        if reason is not None:
            return Eligibility(False, reason)
    return Eligibility(True)


def policy_notes(scenario: Scenario) -> list[str]:
    """What the report must say about policy: a rule turned off, the non-IT note."""
    notes = []
    if not scenario.policy.never_outsource_core:
        notes.append(
            "The rule to never outsource core work was turned OFF in this scenario: "
            "outsourcing core work is allowed here, against the article's advice to never "
            "outsource core IT."
        )
    if not scenario.company.tech_company:
        notes.append(
            "Non-IT company: the article notes that outsourcing IT projects to a trustworthy "
            "third party makes most sense for companies whose business is not IT."
        )
    return notes
