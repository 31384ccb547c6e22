"""Plan-level fixed costs, the route per country with its crossover, hiring throughput."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.conftest import make_scenario

from shorewise.domain.scenario import OffshoreRoute, Scenario
from shorewise.engine.alternatives import (
    Alternative,
    build_alternatives,
    choose_routes,
    simulate_alternative,
)
from shorewise.engine.country_plan import PlanLoad, component_terms, plan_load
from shorewise.engine.inputs import resolve_inputs
from shorewise.engine.metrics import draw_metrics
from shorewise.engine.params import Route
from shorewise.engine.route_crossover import (
    PRECISION_HEAD_MONTHS,
    crossover_head_months,
    entity_pays_off,
)
from shorewise.uncertainty.montecarlo import central_draws

MIX = {
    "name": "leads at home",
    "shares": {"onshore_inhouse": 0.25, "offshore_inhouse@VN": 0.75},
}


def _plan(workstreams: list[dict[str, Any]], **overrides: Any) -> Scenario:
    return make_scenario(workstreams=workstreams, mixes=[MIX], **overrides)


def _costs(scenario: Scenario) -> dict[tuple[int, str], float]:
    """Central total cost of every row: (workstream index, option) -> money."""
    inputs = resolve_inputs(scenario)
    central = central_draws(inputs)
    out = {}
    for alt in build_alternatives(scenario, inputs, central):
        cube = simulate_alternative(scenario, inputs, alt, central)
        cost = float(draw_metrics(cube, central["discount_rate"]).total_cost[0])
        out[(alt.workstream_index, alt.option_name)] = cost
    return out


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    fte=st.sampled_from([4.0, 10.0, 24.0]),
    months=st.integers(min_value=4, max_value=40),
    route=st.sampled_from(["auto", "eor", "entity"]),
)
def test_splitting_a_workstream_in_halves_leaves_the_plan_cost(
    fte: float, months: int, route: str
) -> None:
    """Two identical halves cost what the whole costs, option by option: no cost item is
    per workstream (entity, team set-up and hiring are the country's; everything else
    scales with the staff)."""
    whole = _costs(_plan([{"name": "w", "fte": fte, "duration_months": months}],
                         offshore_route=route))  # fmt: skip
    halves = _costs(
        _plan(
            [{"name": n, "fte": fte / 2, "duration_months": months} for n in ("a", "b")],
            offshore_route=route,
        )
    )
    for (_, option), cost in whole.items():
        split = halves[(0, option)] + halves[(1, option)]
        assert split == pytest.approx(cost, rel=1e-9), option


def test_the_old_per_workstream_entity_would_have_failed_the_split() -> None:
    """The property above can fail: each half paying the whole entity costs more."""
    one = make_scenario(
        workstreams=[{"name": "w", "fte": 5, "duration_months": 36}], offshore_route="entity"
    )
    two = make_scenario(
        workstreams=[{"name": n, "fte": 5, "duration_months": 36} for n in ("a", "b")],
        offshore_route="entity",
    )
    alone, shared = _costs(one), _costs(two)
    option = "offshore_inhouse@VN"
    assert shared[(0, option)] < alone[(0, option)] - 100_000  # 36 months x 3-8k + set-up


def test_each_row_pays_its_share_of_the_entity_and_the_plan_pays_it_once() -> None:
    workstreams = [
        {"name": "a", "fte": 6, "duration_months": 24},
        {"name": "b", "fte": 2, "duration_months": 12, "start_month": 30},
    ]
    load = plan_load(_plan(workstreams))
    # the horizon runs on 12 months past the last due month, while a late team is kept
    assert load == PlanLoad(head_months=168.0, heads=4.0, span_months=42.0, horizon_months=54)
    a = component_terms(load, fte=6, share=1.0, months=24)
    b = component_terms(load, fte=2, share=1.0, months=12)
    assert a.fixed_share + b.fixed_share == pytest.approx(1.0)
    assert a.running_share * 24 + b.running_share * 12 == pytest.approx(42.0)  # entity-months
    mix = component_terms(load, fte=6, share=0.75, months=24)
    assert mix.fixed_share == pytest.approx(0.75 * a.fixed_share)


def _routes_of(alternatives: list[Alternative]) -> dict[str, set[Route]]:
    out: dict[str, set[Route]] = {}
    for alt in alternatives:
        for c in alt.components:
            if c.route is not None and c.option.country:
                out.setdefault(c.option.country, set()).add(c.route)
    return out


def test_one_route_per_country_from_the_plans_load() -> None:
    """A big and a small workstream in Vietnam: the small one would take an employer of
    record alone, but shares the own entity the plan's load pays off (mixes too)."""
    small = _plan([{"name": "small", "fte": 2, "duration_months": 36}])
    scenario = _plan([{"name": "big", "fte": 30, "duration_months": 36},
                      {"name": "small", "fte": 2, "duration_months": 36}])  # fmt: skip
    for s, expected in ((small, Route.EOR), (scenario, Route.ENTITY)):
        inputs = resolve_inputs(s)
        alts = build_alternatives(s, inputs, central_draws(inputs))
        assert _routes_of(alts) == {"VN": {expected}}
    inputs = resolve_inputs(scenario)
    choice = choose_routes(scenario, inputs, central_draws(inputs))["VN"]
    assert choice.head_months == 32 * 36
    assert choice.chosen_by == "cheaper"
    forced = scenario.model_copy(update={"offshore_route": OffshoreRoute.EOR})
    assert choose_routes(forced, inputs, central_draws(inputs))["VN"].route is Route.EOR


def test_the_crossover_is_where_the_routes_swap() -> None:
    scenario = _plan([{"name": "a", "fte": 4, "duration_months": 24},
                      {"name": "b", "fte": 3, "duration_months": 36}])  # fmt: skip
    inputs = resolve_inputs(scenario)
    central = central_draws(inputs)
    crossover = crossover_head_months(scenario, inputs, "VN", central)
    assert crossover is not None
    assert 100 < crossover < 2000
    below = crossover - 2 * PRECISION_HEAD_MONTHS
    assert not entity_pays_off(scenario, inputs, "VN", central, below)
    assert entity_pays_off(scenario, inputs, "VN", central, crossover)
    assert entity_pays_off(scenario, inputs, "VN", central, crossover * 1.5)
    route = choose_routes(scenario, inputs, central)["VN"].route
    assert route is (Route.ENTITY if plan_load(scenario).head_months >= crossover else Route.EOR)


def test_no_crossover_when_an_entity_never_pays_off() -> None:
    """An entity that costs a fortune a month never beats the employer of record."""
    scenario = _plan(
        [{"name": "a", "fte": 4, "duration_months": 24}],
        assumptions={"entity_running_monthly": 900_000},
    )
    inputs = resolve_inputs(scenario)
    assert crossover_head_months(scenario, inputs, "VN", central_draws(inputs)) is None


def _months_to_target(fte: float) -> dict[str, float]:
    scenario = make_scenario(workstreams=[{"name": "w", "fte": fte, "duration_months": 36}])
    inputs = resolve_inputs(scenario)
    central = central_draws(inputs)
    out = {}
    for alt in build_alternatives(scenario, inputs, central):
        cube = simulate_alternative(scenario, inputs, alt, central)
        out[alt.option_name] = float(
            draw_metrics(cube, central["discount_rate"]).months_to_target[0]
        )
    return out


def test_125_hires_take_longer_than_10_and_vendors_are_not_limited() -> None:
    few, many = _months_to_target(10), _months_to_target(125)
    for own in ("onshore_inhouse", "offshore_inhouse@VN"):
        assert many[own] > few[own] + 6, own  # 125 / ~6 a month is about 20 months
    for vendor in ("onshore_outsource", "offshore_outsource@VN"):
        assert many[vendor] == few[vendor], vendor


def test_splitting_a_workstream_leaves_the_ramp() -> None:
    whole = make_scenario(workstreams=[{"name": "w", "fte": 120, "duration_months": 36}])
    halves = make_scenario(
        workstreams=[{"name": n, "fte": 60, "duration_months": 36} for n in ("a", "b")]
    )
    assert plan_load(whole).heads == plan_load(halves).heads == 120
    one = _costs(whole)[(0, "offshore_inhouse@VN")]
    two = _costs(halves)
    assert two[(0, "offshore_inhouse@VN")] * 2 == pytest.approx(one, rel=1e-9)
