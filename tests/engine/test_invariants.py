"""Properties that hold for any valid input (hypothesis)."""

from __future__ import annotations

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.conftest import scenario_data

from shorewise.domain.validation import build_scenario
from shorewise.workflows.evaluate import evaluate

SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _totals(
    fte: float, months: int, margin: float, samples: int = 0, **places: str
) -> dict[str, float]:
    """Total cost per option; the route abroad is fixed (an auto route may switch to an
    own entity, which delays hiring and so costs less while delivering less). ``places``:
    ``home_country`` and ``offshore_countries`` overrides."""
    data = scenario_data(
        workstreams=[{"name": "w", "fte": fte, "duration_months": months}],
        assumptions={"vendor_margin": margin},
        offshore_route="eor",
    )
    if "home_country" in places:
        data["home_country"] = places["home_country"]
    if "offshore" in places:
        data["offshore_countries"] = [places["offshore"]]
    result = evaluate(build_scenario(data), samples=samples, seed=3)
    return {r.option: r.total_cost.p50 for r in result.strategies}


@SETTINGS
@given(fte=st.floats(0.5, 60), months=st.integers(1, 72), margin=st.floats(0, 1.5))
def test_every_cost_is_positive_and_finite(fte: float, months: int, margin: float) -> None:
    totals = _totals(fte, months, margin)
    assert all(np.isfinite(v) and v > 0 for v in totals.values()), totals


@SETTINGS
@given(fte=st.floats(0.5, 40), extra=st.floats(0.1, 20), months=st.integers(1, 60))
def test_more_fte_never_costs_less(fte: float, extra: float, months: int) -> None:
    small, big = _totals(fte, months, 0.3), _totals(fte + extra, months, 0.3)
    for option, cost in small.items():
        assert big[option] >= cost - 1e-6, option


@SETTINGS
@given(margin=st.floats(0, 1.0), bump=st.floats(0.01, 0.5), months=st.integers(1, 48))
def test_higher_vendor_margin_never_makes_outsourcing_cheaper(
    margin: float, bump: float, months: int
) -> None:
    # the margin prices a vendor only where no published rate band does (AU home, Egypt)
    where = {"home_country": "AU", "offshore": "EG"}
    low, high = _totals(5, months, margin, **where), _totals(5, months, margin + bump, **where)
    for option in ("onshore_outsource", "offshore_outsource@EG"):
        assert high[option] > low[option]
    assert high["onshore_inhouse"] == low["onshore_inhouse"]


def test_monte_carlo_costs_positive_for_every_draw() -> None:
    data = scenario_data(workstreams=[{"name": "w", "fte": 6, "duration_months": 18}])
    result = evaluate(build_scenario(data), samples=3000, seed=1)
    for metrics in result.live.run.metrics:
        assert np.all(metrics.total_cost > 0)
        assert np.all(np.isfinite(metrics.total_cost))
        assert np.all(metrics.category_totals >= 0)
