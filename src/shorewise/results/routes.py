"""The ``routes`` of a result: per country with a team-abroad option, the route the plan's
team there takes, the plan's load and the load from which an own entity pays off.

Each entry carries its sentence, e.g. "Vietnam: own entity (576 head-months planned; an
own entity pays off from about 462 head-months)". Loads are head-months (FTE x months of
work, summed over workstreams); money is central values in the scenario's currency.

Example::

    >>> [r.text for r in country_routes(evaluation)]                 # doctest: +SKIP
    ['Vietnam: employer of record (288 head-months planned; an own entity pays off from about 462 head-months)']
"""  # noqa: E501

from __future__ import annotations

from shorewise.engine.alternatives import RouteChoice
from shorewise.engine.route_crossover import (
    SEARCH_HEAD_MONTHS,
    crossover_head_months,
    entity_pays_off,
)
from shorewise.results.evaluation import Evaluation
from shorewise.results.result_parts import CountryRoute
from shorewise.results.vocabulary import country_name, route_label

__all__ = ["country_routes", "route_sentence"]


def _months(value: float) -> str:
    return f"{value:,.0f} head-months"


def route_sentence(
    country: str,
    route: str,
    chosen_by: str,
    head_months: float,
    crossover: float | None,
    entity_everywhere: bool,
) -> str:
    """The sentence people read for one country's route (see module doc);
    ``entity_everywhere``: with no crossover, whether an own entity wins at every load
    searched (else it never does)."""
    how = route_label(route) + (", set in the scenario" if chosen_by == "scenario" else "")
    low, high = SEARCH_HEAD_MONTHS
    if crossover is not None:
        pays = f"an own entity pays off from about {_months(crossover)}"
    elif entity_everywhere:
        pays = f"an own entity pays off at every size from {_months(low)}"
    else:
        pays = f"an own entity does not pay off below {_months(high)}"
    return f"{country_name(country)}: {how} ({_months(head_months)} planned; {pays})"


def country_routes(ev: Evaluation) -> list[CountryRoute]:
    """One entry per offshore country whose team-abroad option is in the comparison."""
    choices: dict[str, RouteChoice] = {}
    for alt in ev.alternatives:
        for _, choice in alt.routes:
            choices.setdefault(choice.country, choice)
    out = []
    for country in ev.scenario.offshore_countries:
        if country not in choices:
            continue
        c = choices[country]
        crossover = crossover_head_months(ev.scenario, ev.inputs, country, ev.central)
        everywhere = crossover is None and entity_pays_off(
            ev.scenario, ev.inputs, country, ev.central, SEARCH_HEAD_MONTHS[0]
        )
        out.append(
            CountryRoute(
                country=country,
                country_name=country_name(country),
                route=c.route.value,
                route_label=route_label(c.route.value),
                chosen_by=c.chosen_by,
                head_months=round(c.head_months, 4),
                crossover_head_months=crossover,
                eor_total_cost=round(c.eor_total or 0.0, 2),
                entity_total_cost=round(c.entity_total or 0.0, 2),
                eor_cost_per_effective_fte_month=round(c.eor_unit_cost or 0.0, 2),
                entity_cost_per_effective_fte_month=round(c.entity_unit_cost or 0.0, 2),
                text=route_sentence(
                    country, c.route.value, c.chosen_by, c.head_months, crossover, everywhere
                ),
            )
        )
    return out
