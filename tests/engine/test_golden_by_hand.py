"""Golden numbers for a small scenario, each computed by hand in the test.

Scenario: 4 onshore-equivalent FTE for 6 months; pay 120,000/yr (10,000/month), on-costs
25 %, equipment 100 + office 400 per FTE-month; hiring ramps linearly over 2 months so
the mean headcount share per month is 1/4, 3/4, 1, 1, 1, 1 (sum 5 of 6 months); new
hires learn linearly over 1 month, losing half a month of output each.
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
    paid_fte_months = 4 * 5  # ramp: 4 FTE x (1/4 + 3/4 + 1 + 1 + 1 + 1)
    salaries = paid_fte_months * 10_000
    on_costs = 0.25 * salaries
    equipment_office = paid_fte_months * 500
    recruiting = 4 * 0.2 * 120_000
    release = 4 * 1 * 10_000
    total = salaries + on_costs + equipment_office + recruiting + release
    assert total == 396_000
    assert row.total_cost.p50 == pytest.approx(total)
    effective = paid_fte_months - 4 * 0.5  # each hire loses half a month while learning
    assert row.effective_fte_months.p50 == pytest.approx(effective)
    assert row.cost_per_effective_fte_month.p50 == pytest.approx(total / effective)
    assert row.cost_by_category["recruiting"] == pytest.approx(recruiting)
    assert row.cost_by_category["release"] == pytest.approx(release)


def test_onshore_vendor_margin_and_equal_output_by_hand(hand_scenario: Scenario) -> None:
    row = _row(evaluate(hand_scenario, samples=0), "onshore_outsource")
    rate = (10_000 * 1.25 + 500) * 1.3  # vendor's loaded cost x (1 + margin)
    paid_fte = 4 / 0.8  # equal output: productivity 80 % (seed) needs 5 billed FTE
    billed_months = paid_fte * (0.5 + 5)  # mobilised linearly over 1 month
    fees = billed_months * rate
    selection_transition = (0.01 + 0.02) * paid_fte * rate * 6  # of the contract value
    governance = 0.05 * fees
    change_requests = 0.1 * fees  # medium scope volatility
    total = fees + selection_transition + governance + change_requests
    assert rate == 16_900
    assert row.cost_by_category["vendor_fees"] == pytest.approx(fees)
    assert row.cost_by_category["vendor_selection_transition"] == pytest.approx(
        selection_transition
    )
    assert row.total_cost.p50 == pytest.approx(total)
    assert row.effective_fte_months.p50 == pytest.approx(4 * (5.5 - 0.5))


def test_offshore_team_setup_by_hand(hand_scenario: Scenario) -> None:
    row = _row(evaluate(hand_scenario, samples=0), "offshore_inhouse@VN")
    paid = (4 / 0.8) * 5  # 5 paid FTE (productivity 80 %), ramp sum 5 months
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
    }
    for category, expected in parts.items():
        assert row.cost_by_category[category] == pytest.approx(expected), category
    assert row.total_cost.p50 == pytest.approx(sum(parts.values()))
    assert sum(parts.values()) == pytest.approx(182_475)
    assert "employer of record (set in the scenario)" in (row.route or "")


def test_entity_route_delays_hiring(hand_scenario: Scenario) -> None:
    entity = hand_scenario.model_copy(update={"offshore_route": OffshoreRoute.ENTITY})
    row = _row(evaluate(entity, samples=0), "offshore_inhouse@VN")
    # hiring starts after the 3-month entity set-up: ramp shares 1/4, 3/4, 1 in months 3-5
    assert row.effective_fte_months.p50 == pytest.approx(5 * 0.8 * (1 / 12 + 1 / 2 + 11 / 12))
    assert row.cost_by_category["entity"] == pytest.approx(30_000 + 40_000 + 6 * 2000)
    assert row.months_to_target.p50 == 6
