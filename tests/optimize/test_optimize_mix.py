"""The optimiser: exact on a hand-made problem, sensible on scenarios, prices constraints."""

from __future__ import annotations

import numpy as np
import pytest
from tests.conftest import scenario_data

from shorewise.domain.validation import build_scenario
from shorewise.optimize import Candidate, Limits, WorkstreamLimits, solve
from shorewise.workflows.optimize import optimize_scenario


def _cand(
    option: str,
    variable: float,
    fixed: float,
    control: float,
    *,
    outsourced: bool = False,
    country: str | None = None,
) -> Candidate:
    return Candidate(
        0,
        option,
        True,
        variable,
        fixed,
        np.array([variable]),
        np.array([fixed]),
        1.0,
        control,
        outsourced,
        country,
    )


def test_hand_made_problem() -> None:
    # home: 100 per unit share, control 1.0; abroad: 40 per share + 10 fixed, control 0.75.
    # floor 0.85: x_home*1 + x_abroad*0.75 >= 0.85 with x_home + x_abroad = 1
    # -> x_home >= 0.4; cost = 100*0.4 + 40*0.6 + 10 = 74
    cands = [_cand("home", 100, 0, 1.0), _cand("abroad", 40, 10, 0.75, country="VN")]
    sol = solve(cands, [WorkstreamLimits("w", 1.0, 0.85)], Limits(min_share=0.1))
    assert sol.feasible
    assert sol.shares == pytest.approx([0.4, 0.6])
    assert sol.objective == pytest.approx(74)
    # each +1.0 on the floor moves 4 shares' worth: d cost / d floor = (100-40)/(1-0.75) = 240
    assert sol.shadow_prices["w: control floor"] == pytest.approx(240)


def test_fixed_cost_makes_small_shares_uneconomic() -> None:
    cands = [_cand("home", 100, 0, 1.0), _cand("abroad", 90, 50, 0.75)]
    sol = solve(cands, [WorkstreamLimits("w", 1.0, 0.0)], Limits())
    assert sol.shares == pytest.approx([1.0, 0.0])


def test_infeasible_is_reported() -> None:
    cands = [_cand("abroad", 40, 0, 0.75)]
    sol = solve(cands, [WorkstreamLimits("w", 1.0, 0.9)], Limits())
    assert not sol.feasible


def test_scenario_with_caps_gives_a_mix_and_prices() -> None:
    data = scenario_data(
        workstreams=[{"name": "core", "core": True, "fte": 8, "duration_months": 36}],
        optimize={"control_floor_core": 0.85, "max_share_per_country": 0.7},
    )
    plan = optimize_scenario(build_scenario(data)).to_dict()
    shares = plan["workstreams"][0]["shares"]
    assert set(shares) == {"onshore_inhouse", "offshore_inhouse@VN"}
    assert sum(shares.values()) == pytest.approx(1.0)
    assert plan["workstreams"][0]["control"] >= 0.85 - 1e-9
    # only the home team meets the floor alone: the mix must beat it
    assert plan["npv_cost"] < plan["best_pure_npv_cost"]
    assert "core: control floor" in plan["shadow_prices"]
    assert all(not k.endswith("outsource") for k in shares)  # core: never outsourced
