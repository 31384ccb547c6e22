"""evaluate_many and the executors: the same bytes serially, on a process pool and on Dask."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.conftest import make_scenario

import shorewise
from shorewise.errors import ModelError
from shorewise.io.sweep_table import write_sweep_rows
from shorewise.workflows.batch import evaluate_many, variant_seed
from shorewise.workflows.evaluate import evaluate
from shorewise.workflows.sweep import run_sweep
from shorewise.workflows.sweep_grid import parse_grid


def _scenarios() -> list[shorewise.Scenario]:
    return [
        make_scenario(),
        make_scenario(workstreams=[{"name": "long", "fte": 6, "duration_months": 30}]),
        make_scenario(offshore_countries=["PL", "VN"]),
    ]


def test_without_a_seed_each_scenario_is_its_own_evaluation() -> None:
    scenarios = _scenarios()
    many = evaluate_many(scenarios, samples=300, flips=False)
    for scenario, result in zip(scenarios, many, strict=True):
        alone = evaluate(scenario, samples=300, with_flips=False)
        assert result.to_json() == alone.to_json()
        assert result.live is None  # a summary, not the draws


def test_with_a_seed_each_scenario_gets_its_spawned_seed() -> None:
    scenarios = _scenarios()
    many = evaluate_many(scenarios, samples=300, seed=11, flips=False)
    assert [r.seed for r in many] == [variant_seed(11, i) for i in range(3)]
    again = evaluate(scenarios[2], samples=300, seed=variant_seed(11, 2), with_flips=False)
    assert many[2].to_json() == again.to_json()


@pytest.mark.slow
def test_pool_and_dask_give_the_serial_bytes() -> None:
    scenarios = _scenarios()
    results = evaluate_many(scenarios, samples=400, seed=3)
    serial = [r.to_json() for r in results]
    pool = [r.to_json() for r in evaluate_many(scenarios, samples=400, seed=3, workers=2)]
    dask = [
        r.to_json() for r in evaluate_many(scenarios, samples=400, seed=3, workers=2, dask="local")
    ]
    assert pool == serial
    assert dask == serial
    assert any(r.recommendation.flip_conditions for r in results)  # flips on by default


@pytest.mark.slow
def test_sweep_files_are_identical_on_every_executor(tmp_path: Path) -> None:
    scenario = make_scenario()
    axes = parse_grid(["vendor_margin=0.2,0.35,0.5", "workstreams.0.duration_months=6,24"])
    outputs = []
    for name, options in {
        "serial": {"workers": 1},
        "pool": {"workers": 2},
        "dask": {"workers": 2, "dask": "local"},
    }.items():
        sweep = run_sweep(scenario, axes, samples=300, seed=9, **options)  # type: ignore[arg-type]
        outputs.append(write_sweep_rows(tmp_path / f"{name}.jsonl", sweep.rows()).read_bytes())
    assert outputs[0] == outputs[1] == outputs[2]
    assert outputs[0].count(b"\n") == 6 * 4


def test_bad_executor_settings_are_clean_errors() -> None:
    with pytest.raises(ModelError, match="workers must be between 1 and 256"):
        evaluate_many(_scenarios(), samples=0, workers=0)
    with pytest.raises(ModelError, match="cannot reach the Dask scheduler"):
        evaluate_many(_scenarios(), samples=0, dask="tcp://127.0.0.1:9")


def test_public_api_exports_evaluate_many() -> None:
    assert shorewise.evaluate_many is evaluate_many


def test_compare_no_flips_skips_the_search(tmp_path: Path) -> None:
    import json

    from tests.cli.in_process import run_main

    on = run_main("compare", "examples/core-platform.yaml", "-f", "json", "-n", "300")
    off = run_main(
        "compare", "examples/core-platform.yaml", "-f", "json", "-n", "300", "--no-flips"
    )
    assert on.code == off.code == 0
    with_flips, without = json.loads(on.stdout), json.loads(off.stdout)
    assert with_flips["recommendation"]["flip_conditions"]
    assert without["recommendation"]["flip_conditions"] == []
    assert without["strategies"] == with_flips["strategies"]  # the same numbers otherwise
