"""Drawing every input of a run: reproducible, chunk-independent, for each design."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pytest
from scipy.stats import spearmanr

from shorewise.domain.distributions import (
    Distribution,
    Fixed,
    Interval90,
    LogNormal,
    Normal,
    Pert,
    Triangular,
    Uniform,
)
from shorewise.errors import ModelError
from shorewise.uncertainty.correlation import CorrelationSpec, correlation_matrix
from shorewise.uncertainty.distributions import median, support
from shorewise.uncertainty.sampling import (
    BLOCK_SIZE,
    METHODS,
    Method,
    central_inputs,
    sample_block,
    sample_inputs,
    uncertain_names,
)


def make_specs(**overrides: Distribution) -> dict[str, Distribution]:
    """A scenario-like set of inputs: some fixed, most uncertain, every kind once."""
    specs: dict[str, Distribution] = {
        "fte": Fixed(value=12),
        "attrition": Uniform(low=0.1, high=0.3),
        "ramp_up_months": Triangular(low=2, mode=3, high=6),
        "productivity": Pert(low=0.2, mode=0.35, high=0.6),
        "wage_growth": Normal(mean=0.04, sd=0.01, low=0.0),
        "salary": LogNormal(median=150_000, sigma=0.2),
        "travel": Interval90(low=10_000, high=30_000),
        "rework": Uniform(low=0.05, high=0.05),  # degenerate: fixed
    }
    specs.update(overrides)
    return specs


def _correlation(specs: Mapping[str, Distribution]) -> np.ndarray:
    declared = [
        CorrelationSpec(("attrition", "ramp_up_months"), 0.6),
        CorrelationSpec(("productivity", "salary"), -0.4),
    ]
    return correlation_matrix(uncertain_names(specs), declared)


def _equal(a: Mapping[str, np.ndarray], b: Mapping[str, np.ndarray]) -> bool:
    return list(a) == list(b) and all(np.array_equal(a[k], b[k]) for k in a)


CASES = [(method, correlated) for method in METHODS for correlated in (False, True)]
CASE_IDS = [f"{m}-{'correlated' if c else 'independent'}" for m, c in CASES]


def _options(method: str, correlated: bool) -> dict[str, Any]:
    return {"method": method, "correlation": _correlation(make_specs()) if correlated else None}


@pytest.mark.parametrize(("method", "correlated"), CASES, ids=CASE_IDS)
def test_results_do_not_depend_on_chunking(method: str, correlated: bool) -> None:
    specs, options = make_specs(), _options(method, correlated)
    whole = sample_inputs(specs, 20_000, seed=7, **options)
    first = sample_inputs(specs, 7_000, seed=7, start=0, **options)
    rest = sample_inputs(specs, 13_000, seed=7, start=7_000, **options)
    joined = {name: np.concatenate([first[name], rest[name]]) for name in specs}
    assert _equal(whole, joined)


@pytest.mark.parametrize(("method", "correlated"), CASES, ids=CASE_IDS)
def test_a_block_is_its_slice_of_the_stream(method: str, correlated: bool) -> None:
    specs, options = make_specs(), _options(method, correlated)
    block = sample_block(specs, seed=3, block=2, size=BLOCK_SIZE, **options)
    stream = sample_inputs(specs, BLOCK_SIZE, seed=3, start=2 * BLOCK_SIZE, **options)
    assert _equal(block, stream)


@pytest.mark.parametrize("method", METHODS)
def test_same_seed_same_draws_other_seed_other_draws(method: Method) -> None:
    specs = make_specs()
    draws = sample_inputs(specs, 1_000, seed=11, method=method)
    assert _equal(draws, sample_inputs(specs, 1_000, seed=11, method=method))
    other = sample_inputs(specs, 1_000, seed=12, method=method)
    for name in uncertain_names(specs):
        assert not np.array_equal(draws[name], other[name])


def test_random_draws_are_pinned() -> None:
    """Golden numbers: the stream for a seed must not change between releases."""
    draws = sample_inputs({"share": Uniform(low=0, high=1)}, 3, seed=2024)["share"]
    expected = sample_block({"share": Uniform(low=0, high=1)}, seed=2024, block=0, size=3)
    assert np.array_equal(draws, expected["share"])
    assert draws.tolist() == [0.6505695732025213, 0.5295701194923209, 0.1670910849146695]


def test_fixed_inputs_are_constant_and_order_is_kept() -> None:
    specs = make_specs()
    draws = sample_inputs(specs, 100, seed=1)
    assert list(draws) == list(specs)
    assert draws["fte"].tolist() == [12.0] * 100
    assert draws["rework"].tolist() == [0.05] * 100
    assert all(values.shape == (100,) and values.dtype == np.float64 for values in draws.values())


def test_uncertain_names_are_sorted_and_skip_fixed() -> None:
    assert uncertain_names(make_specs()) == [
        "attrition",
        "productivity",
        "ramp_up_months",
        "salary",
        "travel",
        "wage_growth",
    ]


@pytest.mark.parametrize("method", METHODS)
def test_values_stay_within_support_and_means_converge(method: Method) -> None:
    specs = make_specs()
    draws = sample_inputs(specs, 50_000, seed=5, method=method)
    expected_means = {
        "attrition": 0.2,
        "ramp_up_months": 11 / 3,
        "productivity": (0.2 + 4 * 0.35 + 0.6) / 6,
        "salary": 150_000 * np.exp(0.2**2 / 2),
        "travel": 20_000,
    }
    for name, values in draws.items():
        low, high = support(specs[name])
        assert ((values >= low) & (values <= high)).all(), name
    for name, mean in expected_means.items():
        assert draws[name].mean() == pytest.approx(mean, rel=0.005), name


def test_sobol_is_more_accurate_than_random() -> None:
    specs = {"share": Uniform(low=0, high=1)}
    sobol = sample_inputs(specs, 4 * BLOCK_SIZE, seed=1, method="sobol")["share"]
    random = sample_inputs(specs, 4 * BLOCK_SIZE, seed=1, method="random")["share"]
    assert abs(sobol.mean() - 0.5) < 1e-4
    assert abs(sobol.mean() - 0.5) < abs(random.mean() - 0.5)


def test_lhs_puts_one_draw_in_each_stratum() -> None:
    values = sample_block(
        {"share": Uniform(low=0, high=1)}, seed=4, block=1, size=500, method="lhs"
    )
    strata = np.floor(values["share"] * 500).astype(int)
    assert np.array_equal(np.sort(strata), np.arange(500))


@pytest.mark.parametrize("method", METHODS)
def test_correlation_is_imposed_on_the_named_inputs(method: Method) -> None:
    specs = make_specs()
    draws = sample_inputs(
        specs,
        20_000,
        seed=2,
        method=method,
        correlation=_correlation(specs),
    )

    def rho(a: str, b: str) -> float:
        return float(spearmanr(draws[a], draws[b]).statistic)

    assert rho("attrition", "ramp_up_months") == pytest.approx(0.6, abs=0.03)
    assert rho("productivity", "salary") == pytest.approx(-0.4, abs=0.03)
    assert rho("attrition", "salary") == pytest.approx(0.0, abs=0.03)


def test_identity_correlation_changes_nothing() -> None:
    specs = make_specs()
    k = len(uncertain_names(specs))
    plain = sample_inputs(specs, 1_000, seed=8)
    assert _equal(plain, sample_inputs(specs, 1_000, seed=8, correlation=np.eye(k)))


def test_correlation_of_the_wrong_shape_names_the_column_order() -> None:
    with pytest.raises(ValueError, match="attrition, productivity, ramp_up_months"):
        sample_inputs(make_specs(), 10, seed=1, correlation=np.eye(2))


def test_unknown_method_lists_the_choices() -> None:
    with pytest.raises(ModelError, match="random, sobol, lhs"):
        sample_inputs(make_specs(), 10, seed=1, method="grid")  # type: ignore[arg-type]


def test_empty_and_negative_requests() -> None:
    draws = sample_inputs(make_specs(), 0, seed=1)
    assert all(values.shape == (0,) for values in draws.values())
    assert sample_inputs({}, 10, seed=1) == {}
    assert sample_inputs({"fte": Fixed(value=3)}, 2, seed=1)["fte"].tolist() == [3.0, 3.0]
    with pytest.raises(ValueError, match="must be >= 0"):
        sample_inputs(make_specs(), -1, seed=1)
    with pytest.raises(ValueError, match="must be >= 0"):
        sample_inputs(make_specs(), 5, seed=1, start=-5)


def test_central_inputs_are_the_medians() -> None:
    specs = make_specs()
    central = central_inputs(specs)
    assert list(central) == list(specs)
    for name, dist in specs.items():
        assert central[name].shape == (1,)
        assert central[name][0] == median(dist)
    assert central["attrition"][0] == pytest.approx(0.2)
