"""The memory a run needs is estimated before it starts, never below what it really takes."""

from __future__ import annotations

import tracemalloc
from typing import Any

import pytest
from tests.conftest import scenario_data

from shorewise.domain.limits import MAX_RUN_BYTES
from shorewise.domain.scenario import Scenario
from shorewise.domain.validation import build_scenario
from shorewise.errors import ScenarioError
from shorewise.io.run_size import run_bytes, run_size_problem
from shorewise.io.scenario_check import scenario_from_data
from shorewise.workflows.evaluate import evaluate


def _scenario(workstreams: int, months: int, countries: list[str], samples: int) -> Scenario:
    return build_scenario(
        scenario_data(
            offshore_countries=countries,
            workstreams=[
                {"name": f"w{i}", "fte": 5, "duration_months": months} for i in range(workstreams)
            ],
            simulation={"samples": samples, "seed": 1},
        )
    )


@pytest.mark.parametrize(
    ("workstreams", "months", "countries", "samples"),
    [
        (3, 60, ["VN", "PL"], 3000),
        (1, 24, ["VN"], 25_000),
    ],
)
def test_the_estimate_covers_the_measured_peak(
    workstreams: int, months: int, countries: list[str], samples: int
) -> None:
    """Oracle: tracemalloc (numpy reports its buffers to it). The estimate is an upper
    bound, and not a wildly loose one."""
    scenario = _scenario(workstreams, months, countries, samples)
    evaluate(scenario, samples=20, with_flips=False)  # caches and imports outside the count
    tracemalloc.start()
    try:
        evaluate(scenario)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    estimate = run_bytes(scenario, samples)
    assert peak <= estimate <= 4 * peak, (peak, estimate)


def test_the_estimate_covers_a_portfolio_that_keeps_fewer_band_draws(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A big portfolio keeps fewer monthly band draws per option (here forced with a small
    budget); the estimate still covers the measured peak."""
    from shorewise.uncertainty import montecarlo

    monkeypatch.setattr(montecarlo, "BAND_BUDGET", 2**16)
    scenario = _scenario(3, 60, ["VN", "PL"], 3000)
    # 60 months of work and up to 30 more while a late team is kept until done
    assert scenario.horizon == 90
    assert montecarlo.band_draws(3000, 18, 90) == montecarlo.MIN_BAND_DRAWS
    result = evaluate(scenario, flips=False)
    assert result.live.run.monthly_burn[0].shape == (montecarlo.MIN_BAND_DRAWS, 90)
    tracemalloc.start()
    try:
        evaluate(scenario, flips=False)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    estimate = run_bytes(scenario, 3000)
    assert peak <= estimate <= 4 * peak, (peak, estimate)


def test_the_issues_34_gb_run_is_refused_with_what_fits() -> None:
    data: dict[str, Any] = scenario_data(
        offshore_countries=["VN", "PL"],
        workstreams=[{"name": f"w{i}", "fte": 5, "duration_months": 240} for i in range(50)],
        simulation={"samples": 200_000, "seed": 1},
    )
    with pytest.raises(ScenarioError) as err:
        scenario_from_data(data, source="big.yaml")
    (problem,) = err.value.problems
    assert problem.field == "simulation.samples"
    assert "50 workstream(s) x 6 options x 240 months x 200,000 draws" in problem.message
    assert "the limit is 4.0 GiB: at most 49,725 samples fit" in problem.message
    scenario = _scenario(50, 240, ["VN", "PL"], 49_725)
    assert run_bytes(scenario, 49_725) <= MAX_RUN_BYTES < run_bytes(scenario, 49_726)
    assert run_size_problem(scenario, 49_725) is None


def test_a_run_is_refused_at_evaluate_for_a_samples_override() -> None:
    scenario = _scenario(50, 240, ["VN", "PL"], 100)
    with pytest.raises(ScenarioError) as err:
        evaluate(scenario, samples=1_000_000)
    assert [p.field for p in err.value.problems] == ["samples"]


def test_even_one_draw_too_big_says_what_to_shrink() -> None:
    scenario = _scenario(2, 24, ["VN"], 10)
    message = run_size_problem(scenario, 10, limit=1000)
    assert message is not None
    assert "use fewer workstreams, countries or months" in message
