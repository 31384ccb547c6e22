"""Where an own entity starts to pay off against an employer of record, in head-months.

The plan's team in a country is re-sized (every workstream's FTE times one factor, the
months kept) until the route rule (:func:`~shorewise.engine.alternatives.route_rule`, the
lower cost per effective FTE-month at central values) switches from the employer of record
to the own entity. The crossover is the plan load (FTE x months, summed over workstreams,
see :mod:`shorewise.engine.country_plan`) at that switch, searched over
:data:`SEARCH_HEAD_MONTHS` on a geometric grid, then bisected to
:data:`PRECISION_HEAD_MONTHS`. Hiring throughput moves with the size, so a bigger team also
hires for longer under both routes.

Example::

    >>> crossover_head_months(scenario, inputs, "VN", central)      # doctest: +SKIP
    312.5
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import numpy as np

from shorewise.domain.scenario import Scenario
from shorewise.engine.alternatives import plan_route_figures, route_rule
from shorewise.engine.country_plan import plan_load
from shorewise.engine.expr import Value, const_value
from shorewise.engine.inputs import ResolvedInputs
from shorewise.engine.params import Route
from shorewise.engine.types import DrawVector

SEARCH_HEAD_MONTHS = (12.0, 12_000.0)
"""The loads searched for a crossover (head-months; judgement: from one person for a year
to about 330 people for three years; a plan past that has a subsidiary already, and one
that never pays off below it is reported as "no crossover")."""

PRECISION_HEAD_MONTHS = 0.1
"""How close the bisection brings the crossover (head-months): the load reported is on the
own entity's side, and one at ``2 x`` this below it on the employer of record's."""

_GRID_POINTS = 25


def scaled_plan(scenario: Scenario, head_months: float) -> Scenario:
    """``scenario`` with every workstream's FTE scaled so the plan load is ``head_months``
    (durations, starts and everything else kept; a team by role becomes its total FTE)."""
    now = plan_load(scenario).head_months
    factor = head_months / now if now > 0 else 0.0
    workstreams = [
        w.model_copy(update={"fte": w.target_fte * factor, "team": None})
        for w in scenario.workstreams
    ]
    return scenario.model_copy(update={"workstreams": workstreams})


def entity_pays_off(
    scenario: Scenario,
    inputs: ResolvedInputs,
    country: str,
    central: Mapping[str, DrawVector],
    head_months: float,
) -> bool:
    """Whether the route rule picks an own entity in ``country`` at a plan load of
    ``head_months`` (central values, ``auto``)."""
    figures = plan_route_figures(scaled_plan(scenario, head_months), inputs, country, central)
    values: dict[Route, dict[str, Value]] = {r: dict(f) for r, f in figures.items()}
    return const_value(route_rule("auto", values[Route.EOR], values[Route.ENTITY])) == 1.0


def crossover_head_months(
    scenario: Scenario,
    inputs: ResolvedInputs,
    country: str,
    central: Mapping[str, DrawVector],
) -> float | None:
    """The plan load (head-months) from which an own entity in ``country`` is the cheaper
    route, to :data:`PRECISION_HEAD_MONTHS`; ``None`` when the route does not switch from
    employer of record to own entity within :data:`SEARCH_HEAD_MONTHS` (or the plan has no
    work inside the horizon)."""
    if plan_load(scenario).head_months <= 0:
        return None
    low, high = SEARCH_HEAD_MONTHS
    grid = np.geomspace(low, high, _GRID_POINTS)
    below = None
    for load in grid:
        if entity_pays_off(scenario, inputs, country, central, float(load)):
            if below is None:
                return None  # an entity pays off at every load searched
            return _bisect(scenario, inputs, country, central, below, float(load))
        below = float(load)
    return None


def _bisect(
    scenario: Scenario,
    inputs: ResolvedInputs,
    country: str,
    central: Mapping[str, DrawVector],
    below: float,
    above: float,
) -> float:
    """The switch between ``below`` (employer of record) and ``above`` (own entity)."""
    while above - below > PRECISION_HEAD_MONTHS:
        middle = 0.5 * (below + above)
        if entity_pays_off(scenario, inputs, country, central, middle):
            above = middle
        else:
            below = middle
    return round(math.ceil(above / PRECISION_HEAD_MONTHS) * PRECISION_HEAD_MONTHS, 6)
