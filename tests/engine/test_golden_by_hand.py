"""Golden numbers for a small scenario, each computed by hand in the test.

Scenario: 4 onshore-equivalent FTE for 6 months; pay 120,000/yr (10,000/month), on-costs
25 %, equipment 100 + office 400 per FTE-month; hiring ramps linearly over 2 months so
the mean headcount share per month is 1/4, 3/4, 1, 1, 1, 1 (sum 5 of 6 months); new
hires learn linearly over 1 month, losing half a month of output each. The scope, 24
FTE-months, is due at month 6; a late team is kept until it is done (issue 10) and each
month past the due month costs 1 x the home team's loaded cost (10,000 x 1.25 + 500 =
13,000) per FTE of the work.
"""

from __future__ import annotations

import pytest

from shorewise.domain.scenario import OffshoreRoute, Scenario
from shorewise.workflows.evaluate import evaluate


def _row(result: object, option: str) -> object:
    return next(r for r in result.strategies if r.option == option)


def test_onshore_inhouse_by_hand(hand_scenario: Scenario) -> None:
    result = evaluate(hand_scenario, samples=0)
    row = _row(result, "onshore_inhouse")
    # done after 2/2 (hiring) + 1/2 (learning) + 24 / 4 months = 7.5 months: 1.5 late
    finish = 2 / 2 + 1 / 2 + 24 / 4
    assert row.finish_month.p50 == pytest.approx(finish, abs=0.05)
    paid_fte_months = 4 * 6.5  # ramp: 4 FTE x (1/4 + 3/4 + 1 + 1 + 1 + 1 + 1 + 1/2)
    salaries = paid_fte_months * 10_000
    on_costs = 0.25 * salaries
    equipment_office = paid_fte_months * 500
    recruiting = 4 * 0.2 * 120_000
    release = 4 * 1 * 10_000
    delay = (finish - 6) * 4 * 13_000
    total = salaries + on_costs + equipment_office + recruiting + release + delay
    assert total == 552_000
    assert row.total_cost.p50 == pytest.approx(total)
    by_due = 4 * 5 - 4 * 0.5  # each hire loses half a month while learning
    assert row.effective_fte_months.p50 == pytest.approx(by_due)
    assert row.delivered_share.p50 == pytest.approx(by_due / 24, abs=1e-4)
    # the unit cost is the cost to finish over all the work delivered (the scope)
    assert row.cost_per_effective_fte_month.p50 == pytest.approx(total / 24)
    assert row.cost_by_category["recruiting"] == pytest.approx(recruiting)
    assert row.cost_by_category["release"] == pytest.approx(release)
    assert row.cost_by_category["cost_of_delay"] == pytest.approx(delay)


def _vendor_total(rate: float, *, change_requests: float) -> tuple[float, float, float]:
    """Fees, selection/transition and total of the home vendor at ``rate`` per FTE-month."""
    paid_fte = 4 / 0.8  # equal output: productivity 80 % (pinned) needs 5 billed FTE
    # mobilised linearly over 1 month, learning 1 month: done after 1/2 + 1/2 + 24 / 4 = 7
    billed_months = paid_fte * (0.5 + 6)
    fees = billed_months * rate
    selection_transition = (0.01 + 0.02) * paid_fte * rate * 6  # of the contract value
    governance = 0.05 * fees
    delay = 1 * 4 * 13_000  # one month late
    return (
        fees,
        selection_transition,
        fees + selection_transition + governance + (change_requests * fees) + delay,
    )


def test_onshore_vendor_cost_plus_margin_where_no_rate_band(hand_scenario: Scenario) -> None:
    # Australia has no published rate band: the vendor is priced at cost plus margin
    australia = hand_scenario.model_copy(update={"home_country": "AU", "currency": "USD"})
    row = _row(evaluate(australia, samples=0), "onshore_outsource")
    rate = (10_000 * 1.25 + 500) * 1.3  # vendor's loaded cost x (1 + margin)
    assert rate == 16_900
    fees, selection_transition, total = _vendor_total(rate, change_requests=0.0)
    assert row.cost_by_category["vendor_fees"] == pytest.approx(fees)
    assert row.cost_by_category["vendor_selection_transition"] == pytest.approx(
        selection_transition
    )
    assert row.cost_by_category["change_requests"] == 0  # time and materials
    assert row.total_cost.p50 == pytest.approx(total)
    assert row.effective_fte_months.p50 == pytest.approx(4 * (5.5 - 0.5))


def test_onshore_vendor_priced_from_its_hourly_rate(hand_scenario: Scenario) -> None:
    assumptions = {**hand_scenario.assumptions}
    pinned = hand_scenario.model_copy(update={"assumptions": assumptions})
    from shorewise.domain.distributions import Fixed

    assumptions["onshore_vendor_hourly_rate"] = Fixed(value=110.0)
    row = _row(evaluate(pinned, samples=0), "onshore_outsource")
    fees, _, total = _vendor_total(110.0 * 152, change_requests=0.0)  # 152 h a month
    assert row.cost_by_category["vendor_fees"] == pytest.approx(fees)
    assert row.total_cost.p50 == pytest.approx(total)


def test_change_requests_only_on_fixed_price(hand_scenario: Scenario) -> None:
    australia = hand_scenario.model_copy(update={"home_country": "AU"})
    ws = australia.workstreams[0]
    fixed = australia.model_copy(
        update={"workstreams": (ws.model_copy(update={"contract": "fixed_price"}),)}
    )
    row = _row(evaluate(fixed, samples=0), "onshore_outsource")
    fees, _, total = _vendor_total(16_900, change_requests=0.1)  # medium scope volatility
    assert row.cost_by_category["change_requests"] == pytest.approx(0.1 * fees)
    assert row.total_cost.p50 == pytest.approx(total)


def test_offshore_team_setup_by_hand(hand_scenario: Scenario) -> None:
    row = _row(evaluate(hand_scenario, samples=0), "offshore_inhouse@VN")
    # 5 paid FTE (productivity 80 %) deliver 4: done after 2/2 + 1/2 + 24 / 4 = 7.5 months,
    # so the ramp's headcount sums to 1/4 + 3/4 + 5 x 1 + 1/2 = 6.5 months
    paid = (4 / 0.8) * 6.5
    salary = 10_000 * 0.25  # explicit offshore_wage_ratio 25 %
    parts = {
        "salaries": paid * salary,
        "on_costs": paid * salary * 0.2,
        "equipment_office": paid * 300,
        "eor_fees": paid * 599,
        "entity": 30_000,  # team set-up; no entity on the EOR route
        "recruiting": 5 * 0.2 * salary * 12,
        "release": 5 * 1.5 * salary,
        "governance": 0.05 * paid * salary * 1.2,
        "travel": paid * 100,
        "cost_of_delay": 1.5 * 4 * 13_000,  # 1.5 months late x 4 FTE x the home cost
    }
    for category, expected in parts.items():
        assert row.cost_by_category[category] == pytest.approx(expected), category
    assert row.total_cost.p50 == pytest.approx(sum(parts.values()))
    assert sum(parts.values()) == pytest.approx(291_592.5)
    assert "employer of record (set in the scenario)" in (row.route or "")


def test_home_side_management_at_home_pay_by_hand(hand_scenario: Scenario) -> None:
    from shorewise.domain.distributions import Fixed

    assumptions = {
        **hand_scenario.assumptions,
        "offshore_home_management_share": Fixed(value=0.1),
        "offshore_home_management_first_year": Fixed(value=2.0),
        "offshore_team_governance_rate": Fixed(value=0.0),
    }
    managed = hand_scenario.model_copy(update={"assumptions": assumptions})
    row = _row(evaluate(managed, samples=0), "offshore_inhouse@VN")
    paid = (4 / 0.8) * 6.5  # kept 7.5 months until the scope is done (as above)
    home_loaded = 10_000 * 1.25 + 500  # a home FTE-month: pay, on-costs, equipment, office
    # all 7.5 months are in the team's first year: 0.1 x 2 of a home FTE per FTE abroad
    assert row.cost_by_category["governance"] == pytest.approx(paid * 0.2 * home_loaded)


def test_entity_route_hires_through_an_eor_while_the_entity_is_set_up(
    hand_scenario: Scenario,
) -> None:
    entity = hand_scenario.model_copy(update={"offshore_route": OffshoreRoute.ENTITY})
    row = _row(evaluate(entity, samples=0), "offshore_inhouse@VN")
    eor = _row(evaluate(hand_scenario, samples=0), "offshore_inhouse@VN")
    # hiring does not wait for the 3-month entity set-up: the same delivery as on an EOR
    assert row.effective_fte_months.p50 == pytest.approx(4 * (6 - 1.5))
    assert row.finish_month.p50 == eor.finish_month.p50 == pytest.approx(7.5, abs=0.05)
    # EOR fees only for the first 3 months: 5 paid FTE x (1/4 + 3/4 + 1) x 599
    assert row.cost_by_category["eor_fees"] == pytest.approx(5 * 2 * 599)
    # team and entity set-up, and the entity's running cost while the team is kept
    assert row.cost_by_category["entity"] == pytest.approx(30_000 + 40_000 + 7.5 * 2000)
    assert row.months_to_target.p50 == eor.months_to_target.p50
