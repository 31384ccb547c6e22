"""The rows of a comparison: each workstream x (every pure option, every named mix).

An :class:`Alternative` is one row; its components are the pure options it staffs, each
with a share of the workstream's capacity (a pure option is one component of share 1).
A dedicated team abroad needs a route (employer of record or own entity), chosen once per
country for the whole plan (:func:`choose_routes`): ``auto`` picks the lower cost per
effective FTE-month at central values of the plan's team there (every workstream staffed
by it, :func:`route_rule`, also the workbook's formula), a scenario's explicit route wins.
Every workstream in a country uses that route, and each component carries its share of
the country's fixed costs (:mod:`shorewise.engine.country_plan`).

Example::

    >>> rows = build_alternatives(scenario, inputs, central)       # doctest: +SKIP
    >>> rows[2].id                                                    # doctest: +SKIP
    'core platform / offshore_inhouse@VN'
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from shorewise.domain.scenario import OffshoreRoute, Scenario, StaffingRule, Workstream
from shorewise.domain.strategy import OptionKey, Strategy
from shorewise.engine.country_plan import (
    STANDALONE,
    PlanLoad,
    PlanTerms,
    component_terms,
    plan_load,
    terms_for,
    work_months,
)
from shorewise.engine.expr import Operand, Value, compare, const_value, where
from shorewise.engine.inputs import ResolvedInputs
from shorewise.engine.metrics import draw_metrics
from shorewise.engine.option import OptionCube, Timing, simulate_option
from shorewise.engine.params import Route, inputs_read, option_params
from shorewise.engine.types import DrawVector


@dataclass(frozen=True)
class Component:
    """One pure option inside an alternative, with its share of the capacity."""

    option: OptionKey
    share: float
    route: Route | None = None


@dataclass(frozen=True)
class RouteChoice:
    """The route of the plan's team abroad in ``country`` (the lower cost per effective
    FTE-month at central values, unless the scenario names one), the plan's load there and
    each route's central total cost of that team (every workstream staffed by it)."""

    route: Route
    chosen_by: str  # "scenario" or "cheaper"
    eor_total: float | None
    entity_total: float | None
    country: str = ""
    head_months: float = 0.0  # the plan's load in the country (FTE x months)
    eor_unit_cost: float | None = None  # cost per effective FTE-month, employer of record
    entity_unit_cost: float | None = None  # the same through an own entity


@dataclass(frozen=True)
class Alternative:
    """One comparison row: a workstream staffed by one option or a mix."""

    workstream_index: int
    workstream: Workstream
    strategy: str  # one of the four strategy names, or "mix"
    country: str | None
    mix: str | None
    components: tuple[Component, ...]
    routes: tuple[tuple[str, RouteChoice], ...] = ()
    load: PlanLoad | None = None  # the plan's load on a country (fixed-cost shares, hires)

    def terms(self, component: Component) -> PlanTerms:
        """The plan terms of one of its components (standalone when no load is known)."""
        if self.load is None:
            return STANDALONE
        months = work_months(self.workstream, self.load.horizon_months)
        fte = self.workstream.target_fte
        return component_terms(self.load, fte=fte, share=component.share, months=months)

    @property
    def id(self) -> str:
        """A readable unique name: ``workstream / option-or-mix``."""
        what = f"mix: {self.mix}" if self.mix else str(self.components[0].option)
        return f"{self.workstream.name} / {what}"

    @property
    def option_name(self) -> str:
        """``offshore_inhouse@VN``, ``onshore_inhouse`` or ``mix: NAME``."""
        return f"mix: {self.mix}" if self.mix else str(self.components[0].option)

    @property
    def short_label(self) -> str:
        """A short name for narrow tables: ``home team``, ``VN vendor``, ``mix: NAME``."""
        return f"mix: {self.mix}" if self.mix else self.components[0].option.short_label

    def inputs_read(self, inputs: ResolvedInputs) -> frozenset[str]:
        """The input keys the parameters of this row's components read."""
        ws = self.workstream
        volatility, contract = ws.scope_volatility.value, ws.contract.value
        return frozenset().union(
            *(
                inputs_read(
                    c.option, inputs, volatility=volatility, route=c.route, contract=contract
                )
                for c in self.components
            )
        )

    def share_where(self, predicate: str) -> float:
        """Share of capacity with a property: ``outsourced``, ``offshore`` or ``inhouse``."""

        def hit(s: Strategy) -> bool:
            return {
                "outsourced": s.outsourced,
                "offshore": s.offshore,
                "inhouse": not s.outsourced,
            }[predicate]

        return sum(c.share for c in self.components if hit(c.option.strategy))


def timing_of(workstream: Workstream, horizon: int) -> Timing:
    """The workstream's months within the scenario horizon (a late team kept at most its
    ``window_months``)."""
    return Timing(
        workstream.start_month, workstream.duration_months, horizon, workstream.window_months
    )


def simulate_component(
    scenario: Scenario,
    inputs: ResolvedInputs,
    workstream: Workstream,
    component: Component,
    draws: Mapping[str, DrawVector],
    *,
    keep_categories: bool = False,
    load: PlanLoad | None = None,
) -> OptionCube:
    """One component of one workstream for every draw in ``draws`` (``keep_categories``:
    also the monthly cost of each category, see :func:`simulate_option`), carrying its
    share of the plan's fixed costs in its country (``load``: the plan's, from the scenario
    when not given)."""
    params = option_params(
        component.option,
        draws,
        inputs,
        volatility=workstream.scope_volatility.value,
        route=component.route,
        contract=workstream.contract.value,
        plan=terms_for(scenario, workstream, component.share, load),
    )
    return simulate_option(
        params,
        timing_of(workstream, scenario.horizon),
        target_fte=workstream.target_fte * component.share,
        equal_output=scenario.staffing is StaffingRule.EQUAL_OUTPUT,
        keep_categories=keep_categories,
    )


def simulate_alternative(
    scenario: Scenario,
    inputs: ResolvedInputs,
    alternative: Alternative,
    draws: Mapping[str, DrawVector],
    *,
    keep_categories: bool = False,
) -> OptionCube:
    """All components of ``alternative`` summed, for every draw in ``draws``."""
    cubes = [
        simulate_component(
            scenario,
            inputs,
            alternative.workstream,
            c,
            draws,
            keep_categories=keep_categories,
            load=alternative.load,
        )
        for c in alternative.components
    ]
    total = cubes[0]
    for cube in cubes[1:]:
        total = total + cube
    return total


def route_rule(setting: Operand, eor: Mapping[str, Value], entity: Mapping[str, Value]) -> Value:
    """1 when a team abroad works through its own entity, 0 through an employer of record:
    the scenario's route (``eor``, ``entity``), or with ``auto`` the lower cost per effective
    FTE-month of the two (``eor`` and ``entity``: their ``effective_fte_months`` and
    ``cost_per_effective_fte_month``), the employer of record on a tie or when neither
    delivers. Written once: the engine folds it on numbers, the workbook writes it as a
    formula.

    >>> route_rule("auto", {"effective_fte_months": 10.0, "cost_per_effective_fte_month": 9.0},
    ...            {"effective_fte_months": 10.0, "cost_per_effective_fte_month": 8.0})
    1.0
    """
    delivers = {
        k: compare(">", f["effective_fte_months"], 0.0) for k, f in (("eor", eor), ("ent", entity))
    }
    lower = compare(
        "<", entity["cost_per_effective_fte_month"], eor["cost_per_effective_fte_month"]
    )
    cheaper = where(delivers["ent"], where(delivers["eor"], lower, 1.0), 0.0)
    forced = where(compare("=", setting, Route.EOR.value), 0.0, cheaper)
    return where(compare("=", setting, Route.ENTITY.value), 1.0, forced)


def plan_route_figures(
    scenario: Scenario,
    inputs: ResolvedInputs,
    country: str,
    central: Mapping[str, DrawVector],
) -> dict[Route, dict[str, float]]:
    """Central figures of the plan's team in ``country`` under each route: every workstream
    staffed by it, ``total_cost`` and ``effective_fte_months`` summed, and their ratio
    ``cost_per_effective_fte_month`` (0 when nothing is delivered)."""
    option = OptionKey(Strategy.OFFSHORE_INHOUSE, country)
    load = plan_load(scenario)
    out: dict[Route, dict[str, float]] = {}
    for route in Route:
        cost = effective = 0.0
        for ws in scenario.workstreams:
            cube = simulate_component(
                scenario, inputs, ws, Component(option, 1.0, route), central, load=load
            )
            m = draw_metrics(cube, central["discount_rate"])
            cost += float(m.total_cost[0])
            effective += float(m.effective_fte_months[0])
        out[route] = {
            "total_cost": cost,
            "effective_fte_months": effective,
            "cost_per_effective_fte_month": cost / effective if effective > 0 else 0.0,
        }
    return out


def choose_routes(
    scenario: Scenario, inputs: ResolvedInputs, central: Mapping[str, DrawVector]
) -> dict[str, RouteChoice]:
    """The route of a team abroad in each offshore country, from the plan's load there
    (see module doc), country code -> choice."""
    by = "cheaper" if scenario.offshore_route is OffshoreRoute.AUTO else "scenario"
    head_months = plan_load(scenario).head_months
    out: dict[str, RouteChoice] = {}
    for country in scenario.offshore_countries:
        figures = plan_route_figures(scenario, inputs, country, central)
        values: dict[Route, dict[str, Value]] = {r: dict(f) for r, f in figures.items()}
        chosen = route_rule(scenario.offshore_route.value, values[Route.EOR], values[Route.ENTITY])
        route = Route.ENTITY if const_value(chosen) == 1.0 else Route.EOR
        totals = {r: figures[r]["total_cost"] for r in Route}
        unit = {r: figures[r]["cost_per_effective_fte_month"] for r in Route}
        out[country] = RouteChoice(
            route,
            by,
            totals[Route.EOR],
            totals[Route.ENTITY],
            country,
            head_months,
            unit[Route.EOR],
            unit[Route.ENTITY],
        )
    return out


def _components(
    shares: Mapping[OptionKey, float], routes: Mapping[str, RouteChoice]
) -> tuple[tuple[Component, ...], tuple[tuple[str, RouteChoice], ...]]:
    components, chosen = [], []
    for option, share in shares.items():
        choice = routes.get(option.country or "")
        if option.strategy is Strategy.OFFSHORE_INHOUSE and choice is not None:
            components.append(Component(option, share, choice.route))
            chosen.append((str(option), choice))
        else:
            components.append(Component(option, share))
    return tuple(components), tuple(chosen)


def build_alternatives(
    scenario: Scenario,
    inputs: ResolvedInputs,
    central: Mapping[str, DrawVector],
    *,
    workstreams: tuple[int, ...] | None = None,
) -> list[Alternative]:
    """Every row of the comparison, routes chosen per country from the whole plan at the
    central values ``central`` (only the rows of the ``workstreams`` given by index, when
    given; the routes still come from every workstream)."""
    routes = choose_routes(scenario, inputs, central)
    load = plan_load(scenario)
    rows: list[Alternative] = []
    for index, ws in enumerate(scenario.workstreams):
        if workstreams is not None and index not in workstreams:
            continue
        for option in scenario.options():
            comps, chosen = _components({option: 1.0}, routes)
            rows.append(
                Alternative(
                    index, ws, option.strategy.value, option.country, None, comps, chosen, load
                )
            )
        for mix in scenario.mixes:
            comps, chosen = _components(scenario.mix_shares(mix), routes)
            rows.append(Alternative(index, ws, "mix", None, mix.name, comps, chosen, load))
    return rows


def control_index(alternative: Alternative, draws: Mapping[str, DrawVector]) -> float:
    """Share-weighted control index (seed: in-house 100 %, team abroad 75 %, ...)."""
    total = 0.0
    for c in alternative.components:
        total += c.share * float(np.median(draws[f"control_{c.option.strategy.value}"]))
    return total
