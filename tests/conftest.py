"""Shared factories: seeded, small scenarios built from plain data."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

import pytest

from shorewise.domain.scenario import Scenario
from shorewise.domain.validation import build_scenario

BASE: dict[str, Any] = {
    "name": "Test scenario",
    "home_country": "US",
    "offshore_countries": ["VN"],
    "workstreams": [{"name": "work", "fte": 4, "duration_months": 12}],
    "simulation": {"samples": 0, "seed": 1},
}

# Every assumption pinned to a round number, so results can be computed by hand.
HAND_ASSUMPTIONS: dict[str, Any] = {
    "onshore_annual_pay": 120000,
    "onshore_talent_premium": 1,
    "onshore_oncost_rate": 0.25,
    "equipment_monthly": 100,
    "onshore_office_monthly": 400,
    "offshore_office_monthly": 200,
    "onshore_hiring_months": 2,
    "offshore_hiring_months": 2,
    "onboarding_months": 1,
    "vendor_onboarding_months": 1,
    "onshore_vendor_mobilisation_months": 1,
    "offshore_vendor_mobilisation_months": 1,
    "onshore_attrition": 0,
    "offshore_attrition": 0,
    "vendor_attrition": 0,
    "onshore_wage_growth": 0,
    "offshore_wage_growth": 0,
    "discount_rate": 0,
    "recruiting_fee_rate": 0.2,
    "onshore_release_months": 1,
    "offshore_release_months": 1.5,
    "vendor_margin": 0.3,
    "vendor_selection_rate": 0.01,
    "vendor_transition_rate": 0.02,
    "onshore_vendor_governance_rate": 0.05,
    "offshore_vendor_governance_rate": 0.08,
    "offshore_team_governance_rate": 0.05,
    "change_request_premium_medium": 0.1,
    "vendor_rework_rate": 0,
    "offshore_wage_ratio": 0.25,
    "offshore_oncost_rate": 0.2,
    "offshore_benefits_rate": 0,
    "eor_fee_monthly": 599,
    "offshore_team_setup_cost": 30000,
    "offshore_travel_monthly": 100,
    "vendor_onsite_share": 0.1,
    "offshore_talent_premium": 1,
    "entity_setup_cost": 40000,
    "entity_setup_months": 3,
    "entity_running_monthly": 2000,
    # neutral values for the true cost of a team abroad and vendor pricing (issue 11)
    "onshore_vendor_productivity": 0.8,
    "offshore_vendor_productivity": 0.8,
    "onshore_benefits_rate": 0,
    "offshore_home_management_share": 0,
    "offshore_home_management_first_year": 1,
    "offshore_lead_ratio": 0,
    "offshore_lead_premium": 1,
    "offshore_learning_ratio": 1,
    "offshore_b2b_share": 0,
    "engineering_leadership_share": 0,
    "vendor_escalation_time_and_materials": 0,
    "vendor_escalation_fixed_price": 0,
    "vendor_hours_monthly": 152,
    "vendor_onsite_hourly_rate": 80,
}


def scenario_data(**overrides: Any) -> dict[str, Any]:
    """A plain-data scenario: BASE with top-level keys replaced by ``overrides``."""
    data = copy.deepcopy(BASE)
    data.update(copy.deepcopy(overrides))
    return data


def make_scenario(**overrides: Any) -> Scenario:
    """A validated small scenario (see BASE); keyword arguments replace top-level keys."""
    return build_scenario(scenario_data(**overrides), source="<test>")


@pytest.fixture(scope="session", autouse=True)
def _svg_cache_in_temp(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """PDF chart drawings are kept in a folder of this run, never in the user's cache
    (processes the tests start inherit it)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SHOREWISE_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
        yield


@pytest.fixture
def hand_scenario() -> Scenario:
    """4 FTE for 6 months, every assumption fixed to round numbers, EOR route."""
    return make_scenario(
        workstreams=[{"name": "work", "fte": 4, "duration_months": 6}],
        assumptions=HAND_ASSUMPTIONS,
        offshore_route="eor",
    )
