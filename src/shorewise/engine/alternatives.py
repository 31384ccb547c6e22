"""The rows of a comparison: each workstream x (every pure option, every named mix).

An :class:`Alternative` is one row; its components are the pure options it staffs, each
with a share of the workstream's capacity (a pure option is one component of share 1).
A dedicated team abroad needs a route (employer of record or own entity): ``auto`` picks
the cheaper one at central values for that component (:func:`route_rule`, also the
workbook's formula), and the choice is kept so the output can say which.

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
from shorewise.engine.expr import Operand, Value, compare, const_value, where
from shorewise.engine.inputs import ResolvedInputs
from shorewise.engine.metrics import METRIC_NAMES, draw_metrics
from shorewise.engine.option import OptionCube, Timing, simulate_option
from shorewise.engine.params import Route, option_params
from shorewise.engine.types import DrawVector


@dataclass(frozen=True)
class Component:
    """One pure option inside an alternative, with its share of the capacity."""

    option: OptionKey
    share: float
    route: Route | None = None


@dataclass(frozen=True)
class RouteChoice:
    """The route picked for a team abroad (the lower cost per effective FTE-month at
    central values, unless the scenario names one) and each route's central total cost."""

    route: Route
    chosen_by: str  # "scenario" or "cheaper"
    eor_total: float | None
    entity_total: float | None


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
) -> OptionCube:
    """One component of one workstream for every draw in ``draws`` (``keep_categories``:
    also the monthly cost of each category, see :func:`simulate_option`)."""
    params = option_params(
        component.option,
        draws,
        inputs,
        volatility=workstream.scope_volatility.value,
        route=component.route,
        contract=workstream.contract.value,
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
            scenario, inputs, alternative.workstream, c, draws, keep_categories=keep_categories
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


def _choose_route(
    scenario: Scenario,
    inputs: ResolvedInputs,
    workstream: Workstream,
    option: OptionKey,
    share: float,
    central: Mapping[str, DrawVector],
) -> RouteChoice:
    figures: dict[Route, dict[str, Value]] = {}
    for route in Route:
        cube = simulate_component(
            scenario, inputs, workstream, Component(option, share, route), central
        )
        m = draw_metrics(cube, central["discount_rate"])
        figures[route] = {k: float(getattr(m, k)[0]) for k in METRIC_NAMES}
    setting = scenario.offshore_route.value
    chosen = route_rule(setting, figures[Route.EOR], figures[Route.ENTITY])
    route = Route.ENTITY if const_value(chosen) == 1.0 else Route.EOR
    by = "cheaper" if scenario.offshore_route is OffshoreRoute.AUTO else "scenario"
    totals = {r: float(const_value(figures[r]["total_cost"]) or 0.0) for r in Route}
    return RouteChoice(route, by, totals[Route.EOR], totals[Route.ENTITY])


def _components(
    scenario: Scenario,
    inputs: ResolvedInputs,
    workstream: Workstream,
    shares: Mapping[OptionKey, float],
    central: Mapping[str, DrawVector],
) -> tuple[tuple[Component, ...], tuple[tuple[str, RouteChoice], ...]]:
    components, routes = [], []
    for option, share in shares.items():
        if option.strategy is Strategy.OFFSHORE_INHOUSE:
            choice = _choose_route(scenario, inputs, workstream, option, share, central)
            components.append(Component(option, share, choice.route))
            routes.append((str(option), choice))
        else:
            components.append(Component(option, share))
    return tuple(components), tuple(routes)


def build_alternatives(
    scenario: Scenario,
    inputs: ResolvedInputs,
    central: Mapping[str, DrawVector],
    *,
    workstreams: tuple[int, ...] | None = None,
) -> list[Alternative]:
    """Every row of the comparison, routes chosen at the central values ``central``
    (only the ``workstreams`` given by index, when given)."""
    rows: list[Alternative] = []
    for index, ws in enumerate(scenario.workstreams):
        if workstreams is not None and index not in workstreams:
            continue
        for option in scenario.options():
            comps, routes = _components(scenario, inputs, ws, {option: 1.0}, central)
            rows.append(
                Alternative(index, ws, option.strategy.value, option.country, None, comps, routes)
            )
        for mix in scenario.mixes:
            comps, routes = _components(scenario, inputs, ws, scenario.mix_shares(mix), central)
            rows.append(Alternative(index, ws, "mix", None, mix.name, comps, routes))
    return rows


def control_index(alternative: Alternative, draws: Mapping[str, DrawVector]) -> float:
    """Share-weighted control index (seed: in-house 100 %, team abroad 75 %, ...)."""
    total = 0.0
    for c in alternative.components:
        total += c.share * float(np.median(draws[f"control_{c.option.strategy.value}"]))
    return total
