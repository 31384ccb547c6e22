"""Monte Carlo invariants for arbitrary valid input ranges (hypothesis)."""

from __future__ import annotations

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.conftest import make_scenario

from shorewise.engine.alternatives import build_alternatives
from shorewise.engine.inputs import resolve_inputs
from shorewise.uncertainty.montecarlo import central_draws, run_monte_carlo
from shorewise.uncertainty.summary import percentiles

SETTINGS = settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def _range(draw: st.DrawFn, low: float, high: float) -> dict[str, float] | str:
    """A valid range inside [low, high]: uniform ``a..b`` or a PERT."""
    a, b = sorted(draw(st.floats(low, high, allow_nan=False)) for _ in range(2))
    if draw(st.booleans()):
        return f"{a}..{b}"
    mode = draw(st.floats(a, b)) if b > a else a
    return {"dist": "pert", "low": a, "mode": mode, "high": b}


@SETTINGS
@given(
    margin=_range(0.0, 1.5),
    wage_ratio=_range(0.05, 1.2),
    attrition=_range(0.0, 0.6),
    seed=st.integers(0, 2**31),
)
def test_percentiles_are_ordered_and_every_cost_is_positive(
    margin: object, wage_ratio: object, attrition: object, seed: int
) -> None:
    scenario = make_scenario(
        assumptions={
            "vendor_margin": margin,
            "offshore_wage_ratio": wage_ratio,
            "onshore_attrition": attrition,
        }
    )
    inputs = resolve_inputs(scenario)
    rows = build_alternatives(scenario, inputs, central_draws(inputs))
    run = run_monte_carlo(scenario, inputs, rows, samples=300, seed=seed)
    for metrics in run.metrics:
        assert np.all(np.isfinite(metrics.total_cost))
        assert np.all(metrics.total_cost > 0)
        assert np.all(metrics.npv_cost > 0)
        assert np.all(metrics.category_totals >= 0)
        for figure in ("total_cost", "npv_cost", "cost_per_effective_fte_month"):
            p = percentiles(getattr(metrics, figure))
            assert 0 < p.p10 <= p.p50 <= p.p90, figure
    for burn in run.monthly_burn:
        assert np.all(burn >= 0)
