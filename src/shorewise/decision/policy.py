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
    "core IT capability: the seed's rule is never to outsource core IT, so outsourcing is "
    "excluded here (policy never_outsource_core is on)"
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


def policy_notes(scenario: Scenario) -> list[str]:
    """What the report must say about policy: a rule turned off, the non-IT note."""
    notes = []
    if not scenario.policy.never_outsource_core:
        notes.append(
            "Policy never_outsource_core was turned OFF in this scenario: outsourcing core "
            "work is allowed here, against the seed's advice to never outsource core IT."
        )
    if not scenario.company.tech_company:
        notes.append(
            "Non-IT company: the seed notes that outsourcing IT projects to a trustworthy "
            "third party makes most sense for companies whose business is not IT."
        )
    return notes
