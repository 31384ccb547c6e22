"""The seed's rules checked both ways against the pick, each with the numbers that decide it.

For every rule that applies to the workstream (DESIGN.md §2):

- ``never_outsource_core``: core work; fits unless the pick outsources part of it;
- ``outsource_short``: work under a year; fits when the pick is mostly a vendor;
- ``own_team_long``: work over a year; fits when the pick is mostly a team abroad, goes
  against it when the pick is mostly a vendor;
- ``outsourcing_for_non_it``: a non-IT company; fits when the pick is mostly a vendor,
  against it when the company builds a team of its own; a tech company that outsources
  goes against it;
- ``inhouse_when_budget``: the pick is the in-house team at home; fits when an annual budget
  is given and the plan stays within it, against it when it does not (never claimed when
  no budget is given to check).

"Mostly" means more than half of the capacity.

Example::

    >>> pick = PickShares(outsourced=1.0, offshore_inhouse=0.0, onshore_inhouse=0.0)
    >>> work = WorkFacts(core=False, duration_months=8, tech_company=False)
    >>> [(f.kind, f["rule"]) for f in seed_rule_findings(pick, work)]
    [('fits_seed_rule', 'outsource_short'), ('fits_seed_rule', 'outsourcing_for_non_it')]
"""

from __future__ import annotations

from dataclasses import dataclass, field

from shorewise.decision.findings import Finding

__all__ = ["SHORT_WORK_MONTHS", "PickShares", "WorkFacts", "seed_rule_findings"]

SHORT_WORK_MONTHS = 12
"""The seed's line between short and long work: one year."""


@dataclass(frozen=True)
class PickShares:
    """Shares of the pick's capacity by kind of staffing (each 0..1)."""

    outsourced: float
    offshore_inhouse: float
    onshore_inhouse: float


@dataclass(frozen=True)
class WorkFacts:
    """What the rules look at: the work, the company, its budget check."""

    core: bool
    duration_months: int
    tech_company: bool
    policy_never_outsource_core: bool = True
    annual_budget: float | None = None
    over_budget_years: tuple[int, ...] = field(default_factory=tuple)
    peak_year_cost: float | None = None
    finish_cap_month: int | None = None  # the latest month a late team is kept (None: due)


def _finding(fits: bool, rule: str, **numbers: object) -> Finding:
    return Finding("fits_seed_rule" if fits else "against_seed_rule", {"rule": rule, **numbers})


def seed_rule_findings(pick: PickShares, work: WorkFacts) -> list[Finding]:
    """Every seed rule that applies, as ``fits_seed_rule`` / ``against_seed_rule``."""
    out: list[Finding] = []
    vendor = pick.outsourced > 0.5
    months = work.duration_months
    if work.core:
        out.append(
            _finding(
                pick.outsourced == 0,
                "never_outsource_core",
                outsourced_share=pick.outsourced,
                policy_on=work.policy_never_outsource_core,
            )
        )
    if months < SHORT_WORK_MONTHS:
        if vendor:
            out.append(_finding(True, "outsource_short", duration_months=months))
        else:
            out.append(
                _finding(
                    False,
                    "outsource_short",
                    duration_months=months,
                    outsourced_share=pick.outsourced,
                )
            )
    elif months > SHORT_WORK_MONTHS:
        if pick.offshore_inhouse > 0.5:
            out.append(_finding(True, "own_team_long", duration_months=months))
        elif vendor:
            out.append(
                _finding(
                    False, "own_team_long", duration_months=months, outsourced_share=pick.outsourced
                )
            )
    if not work.tech_company:
        out.append(
            _finding(
                vendor,
                "outsourcing_for_non_it",
                tech_company=False,
                outsourced_share=pick.outsourced,
            )
        )
    elif vendor:
        out.append(
            _finding(
                False, "outsourcing_for_non_it", tech_company=True, outsourced_share=pick.outsourced
            )
        )
    if pick.onshore_inhouse > 0.5 and work.annual_budget is not None:
        out.append(
            _finding(
                not work.over_budget_years,
                "inhouse_when_budget",
                annual_budget=work.annual_budget,
                over_budget_years=list(work.over_budget_years),
                peak_year_cost=work.peak_year_cost,
            )
        )
    return out
