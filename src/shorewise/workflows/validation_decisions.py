"""The validation doc's decision section: which option is recommended for work of each
length (US home, Vietnam or India abroad, 10 FTE, non-core, defaults), and why the switch
from a vendor abroad to a team abroad lands where it does.

The seed says: outsource work shorter than a year, build a team abroad for longer work.
Every option keeps its team until the scope is done and each month past the due month costs
``cost_of_delay_multiple`` x the home team's loaded monthly cost per FTE (issue 10), so the
months a team abroad needs to hire and train, against a vendor's bench, weigh in.

Example::

    >>> lines = decision_lines(durations=(6,), pairs=(("US", "VN"),))  # doctest: +SKIP
    >>> lines[0].startswith("| pair |")                                 # doctest: +SKIP
    True
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from shorewise.domain.scenario import Scenario
from shorewise.domain.validation import build_scenario
from shorewise.results.result import Result
from shorewise.results.vocabulary import country_name
from shorewise.workflows.evaluate import evaluate

DURATIONS = (3, 6, 9, 12, 15, 18, 24, 30, 36, 48)
PAIRS = (("US", "VN"), ("US", "IN"))
FTE = 10


@dataclass(frozen=True)
class DurationPoint:
    """One length of work: the pick, and the team's and the vendor's lateness and cost."""

    months: int
    pick: str  # the recommended option's id
    team_late: float  # P50 months past the due month, team abroad
    vendor_late: float  # the same, vendor abroad
    team_cost: float  # P50 cost to finish
    vendor_cost: float


def _point(result: Result, months: int, country: str) -> DurationPoint:
    team = result.row("work", f"offshore_inhouse@{country}")
    vendor = result.row("work", f"offshore_outsource@{country}")

    def late(finish: float | None) -> float:
        return float("inf") if finish is None else max(0.0, finish - months)

    return DurationPoint(
        months=months,
        pick=result.recommendation.by_workstream[0].option or "",
        team_late=late(team.finish_month.value()),
        vendor_late=late(vendor.finish_month.value()),
        team_cost=team.total_cost.value() or 0.0,
        vendor_cost=vendor.total_cost.value() or 0.0,
    )


def reference_scenario(
    home: str, country: str, fte: int, months: int, *, draws: int, seed: int
) -> Scenario:
    """One non-core workstream of ``fte`` FTE for ``months`` months, ``home`` to
    ``country``, in US dollars, defaults everywhere else: the validation doc's scenarios."""
    data = {
        "name": f"{home} to {country}",
        "home_country": home,
        "currency": "USD",
        "offshore_countries": [country],
        "workstreams": [{"name": "work", "fte": fte, "duration_months": months, "core": False}],
        "simulation": {"samples": draws, "seed": seed},
    }
    return build_scenario(data, source="<validation>")


def duration_points(
    home: str, country: str, durations: Sequence[int], draws: int, seed: int
) -> list[DurationPoint]:
    """The pick and the figures for each length of work (flip search off)."""
    out = []
    for months in durations:
        scenario = reference_scenario(home, country, FTE, months, draws=draws, seed=seed)
        out.append(_point(evaluate(scenario, flips=False), months, country))
    return out


def _who(pick: str) -> str:
    if pick.startswith("offshore_inhouse"):
        return "team abroad"
    if pick.startswith("offshore_outsource"):
        return "vendor abroad"
    return {"onshore_inhouse": "home team", "onshore_outsource": "home vendor"}.get(pick, pick)


def decision_lines(
    *,
    durations: Sequence[int] = DURATIONS,
    pairs: Sequence[tuple[str, str]] = PAIRS,
    draws: int = 200,
    seed: int = 11,
) -> list[str]:
    """The section's Markdown lines: a table per pair and length, then the reasons."""
    lines = [
        "| pair | months | recommended | team abroad late (months) | vendor abroad late "
        "(months) | team abroad cost to finish | vendor abroad cost to finish |",
        "|---|---|---|---|---|---|---|",
    ]
    why = []
    for home, country in pairs:
        points = duration_points(home, country, durations, draws, seed)
        for p in points:
            lines.append(
                f"| {home}→{country} | {p.months} | {_who(p.pick)} | {p.team_late:.1f} | "
                f"{p.vendor_late:.1f} | ${p.team_cost:,.0f} | ${p.vendor_cost:,.0f} |"
            )
        team = [p for p in points if p.pick.startswith("offshore_inhouse")]
        vendor = [p for p in points if p.pick.startswith("offshore_outsource")]
        if team and vendor:
            first, last = team[0], vendor[-1]
            gap = sum(p.team_late - p.vendor_late for p in points) / len(points)
            why.append(
                f"- {home}→{country}: a vendor abroad up to {last.months} months, a team in "
                f"{country_name(country)} from {first.months} months (the seed: about a "
                f"year). The team abroad finishes {gap:.1f} months later than the vendor on "
                "average (hiring its people, and learning 1.5 times as long as at home, "
                "against a vendor's bench), and every month late costs 1 x the home team's "
                "monthly cost per FTE (`cost_of_delay_multiple`, judgement); its lower cost "
                "per month pays that back only over longer work."
            )
    return [*lines, "", *why]
