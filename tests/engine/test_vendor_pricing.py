"""Vendor prices from published rate bands, onsite staff at onsite rates (issue 11)."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.conftest import scenario_data

from shorewise.domain.validation import build_scenario
from shorewise.engine.inputs import resolve_inputs
from shorewise.workflows.evaluate import evaluate

SETTINGS = settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _costs(**assumptions: Any) -> dict[str, float]:
    data = scenario_data(
        workstreams=[{"name": "w", "fte": 5, "duration_months": 18}],
        assumptions=assumptions,
        offshore_route="eor",
    )
    result = evaluate(build_scenario(data), samples=0)
    return {r.option: r.cost_per_effective_fte_month.p50 for r in result.strategies}


@SETTINGS
@given(rate=st.floats(5, 300), bump=st.floats(1, 100))
def test_a_higher_rate_band_never_makes_a_vendor_cheaper(rate: float, bump: float) -> None:
    low = _costs(onshore_vendor_hourly_rate=rate, offshore_vendor_hourly_rate=rate)
    high = _costs(onshore_vendor_hourly_rate=rate + bump, offshore_vendor_hourly_rate=rate + bump)
    assert high["onshore_outsource"] > low["onshore_outsource"]
    assert high["offshore_outsource@VN"] >= low["offshore_outsource@VN"]
    assert high["onshore_inhouse"] == low["onshore_inhouse"]


@SETTINGS
@given(
    share=st.floats(0, 0.9),
    bump=st.floats(0.01, 0.1),
    offshore=st.floats(5, 200),
    onsite=st.floats(5, 200),
)
def test_more_onsite_share_never_makes_a_vendor_cheaper(
    share: float, bump: float, offshore: float, onsite: float
) -> None:
    # even when the onsite rate is set below the offshore one: onsite is never cheaper
    rates = {"offshore_vendor_hourly_rate": offshore, "vendor_onsite_hourly_rate": onsite}
    low = _costs(vendor_onsite_share=share, **rates)["offshore_outsource@VN"]
    high = _costs(vendor_onsite_share=share + bump, **rates)["offshore_outsource@VN"]
    assert high >= low - 1e-9


@pytest.mark.parametrize(
    ("home", "country", "low", "high"),
    [
        # knowledgelib.io 2026: US / Canada / Western Europe $100-150/h
        ("US", None, 100.0, 150.0),
        ("DE", None, 100.0, 150.0),
        # transparencywins.info 2026: India / SE Asia mid $25-40/h, Eastern Europe $45-65/h
        ("US", "VN", 25.0, 40.0),
        ("US", "IN", 25.0, 40.0),
        ("DE", "PL", 45.0, 65.0),
        # knowledgelib.io 2026: Latin America $60-100/h
        ("US", "MX", 60.0, 100.0),
    ],
)
def test_vendor_rates_come_from_their_published_band(
    home: str, country: str | None, low: float, high: float
) -> None:
    data = scenario_data(home_country=home, currency="USD", offshore_countries=[country or "VN"])
    inputs = resolve_inputs(build_scenario(data))
    name = "offshore_vendor_hourly_rate" if country else "onshore_vendor_hourly_rate"
    a = inputs.assumptions[f"{name}@{country}" if country else name]
    assert (a.distribution.low, a.distribution.high) == (low, high)  # type: ignore[union-attr]
    assert a.provenance.kind == "published"
    assert "2026" in a.provenance.text


def test_no_band_means_cost_plus_margin_and_says_so() -> None:
    data = scenario_data(home_country="AU", currency="USD", offshore_countries=["EG"])
    inputs = resolve_inputs(build_scenario(data))
    assert "onshore_vendor_hourly_rate" not in inputs.assumptions
    assert "offshore_vendor_hourly_rate@EG" not in inputs.assumptions
    a = inputs.assumptions["vendor_margin"]
    assert a.provenance.kind == "seed"


def test_onsite_share_depends_on_where_the_vendor_is() -> None:
    far = resolve_inputs(build_scenario(scenario_data(offshore_countries=["VN"])))
    near = resolve_inputs(
        build_scenario(scenario_data(home_country="DE", currency="EUR", offshore_countries=["PL"]))
    )
    farshore = far.assumptions["vendor_onsite_share@VN"]
    nearshore = near.assumptions["vendor_onsite_share@PL"]
    assert farshore.distribution.high == 0.30  # type: ignore[union-attr]
    assert "farshore" in farshore.provenance.text
    assert nearshore.distribution.mode == 0.08  # type: ignore[union-attr]
    assert "nearshore" in nearshore.provenance.text


def test_rework_and_change_requests_only_on_fixed_price() -> None:
    def row(contract: str) -> Any:
        data = scenario_data(
            workstreams=[{"name": "w", "fte": 5, "duration_months": 18, "contract": contract}]
        )
        result = evaluate(build_scenario(data), samples=0)
        return next(r for r in result.strategies if r.option == "offshore_outsource@VN")

    tm, fixed = row("time_and_materials"), row("fixed_price")
    assert tm.cost_by_category["change_requests"] == 0
    assert tm.cost_by_category["rework"] == 0
    assert fixed.cost_by_category["change_requests"] > 0
    assert fixed.cost_by_category["rework"] > 0
