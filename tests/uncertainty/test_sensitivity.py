"""Tornado and Sobol' kernels: analytic answers, SALib as a second oracle, reproducibility."""

from __future__ import annotations

import math

import numpy as np
import pytest
from numpy.typing import NDArray
from scipy.stats import norm, uniform

from shorewise.uncertainty.sensitivity import SobolIndex, TornadoBar, sobol, tornado

Float = NDArray[np.float64]
Inputs = dict[str, Float]

# --- tornado -----------------------------------------------------------------------------

COEFFICIENTS = {"wage": 3.0, "attrition": -10.0, "ramp_up": 0.5, "travel": 0.0}


def linear(inputs: Inputs) -> Float:
    return 100.0 + sum(c * inputs[name] for name, c in COEFFICIENTS.items())


def test_tornado_on_linear_function_gives_coef_times_range_sorted() -> None:
    centrals = {"wage": 1.0, "attrition": 0.2, "ramp_up": 3.0, "travel": 1.0}
    lows = {"wage": 0.5, "attrition": 0.1, "ramp_up": 1.0, "travel": 0.0}
    highs = {"wage": 2.0, "attrition": 0.5, "ramp_up": 8.0, "travel": 2.0}
    bars = tornado(linear, centrals, lows, highs)

    assert [bar.name for bar in bars] == ["wage", "attrition", "ramp_up", "travel"]
    for bar in bars:
        coefficient = COEFFICIENTS[bar.name]
        assert bar.swing == pytest.approx(abs(coefficient) * (highs[bar.name] - lows[bar.name]))
        assert (bar.low_input, bar.high_input) == (lows[bar.name], highs[bar.name])
        others = sum(c * centrals[n] for n, c in COEFFICIENTS.items() if n != bar.name)
        assert bar.output_at_low == pytest.approx(100 + others + coefficient * lows[bar.name])
        assert bar.output_at_high == pytest.approx(100 + others + coefficient * highs[bar.name])
    swings = [bar.swing for bar in bars]
    assert swings == sorted(swings, reverse=True)


def test_tornado_calls_the_model_once_with_all_points() -> None:
    calls: list[dict[str, list[float]]] = []

    def model(inputs: Inputs) -> Float:
        calls.append({name: values.tolist() for name, values in inputs.items()})
        return inputs["a"] * inputs["b"]

    bars = tornado(model, {"a": 2.0, "b": 3.0}, {"a": 1.0, "b": 1.0}, {"a": 4.0, "b": 5.0})
    assert len(calls) == 1
    assert calls[0] == {"a": [1.0, 4.0, 2.0, 2.0], "b": [3.0, 3.0, 1.0, 5.0]}
    assert bars == [
        TornadoBar("a", 1.0, 4.0, 3.0, 12.0, 9.0),
        TornadoBar("b", 1.0, 5.0, 2.0, 10.0, 8.0),
    ]


def test_tornado_validates_inputs_and_outputs() -> None:
    one = {"a": 1.0}
    assert tornado(linear, {}, {}, {}) == []
    with pytest.raises(ValueError, match="same inputs"):
        tornado(lambda x: x["a"], one, {"b": 0.0}, one)
    with pytest.raises(ValueError, match=r"shape \(2,\)"):
        tornado(lambda x: np.zeros(3), one, one, one)
    with pytest.raises(ValueError, match="non-finite"):
        tornado(lambda x: x["a"] * np.nan, one, one, one)


# --- Sobol' ------------------------------------------------------------------------------

# Ishigami (a=7, b=0.1), inputs U(-pi, pi): analytic indices (Ishigami & Homma 1990;
# Sobol' & Levitan 1999).
ISHIGAMI_FIRST = {"x1": 0.3139, "x2": 0.4424, "x3": 0.0}
ISHIGAMI_TOTAL = {"x1": 0.5576, "x2": 0.4424, "x3": 0.2437}
UNIFORM_PI = uniform(-math.pi, 2 * math.pi).ppf
ISHIGAMI_PPFS = dict.fromkeys(ISHIGAMI_FIRST, UNIFORM_PI)


def ishigami(inputs: Inputs) -> Float:
    x1, x2, x3 = inputs["x1"], inputs["x2"], inputs["x3"]
    return np.sin(x1) + 7.0 * np.sin(x2) ** 2 + 0.1 * x3**4 * np.sin(x1)


@pytest.fixture(scope="module")
def ishigami_indices() -> list[SobolIndex]:
    return sobol(ishigami, ISHIGAMI_PPFS, n=2**13, seed=20240601)


def test_sobol_matches_ishigami_analytic_indices(ishigami_indices: list[SobolIndex]) -> None:
    assert [index.name for index in ishigami_indices] == ["x1", "x2", "x3"]
    for index in ishigami_indices:
        assert index.first == pytest.approx(ISHIGAMI_FIRST[index.name], abs=0.03)
        assert index.total == pytest.approx(ISHIGAMI_TOTAL[index.name], abs=0.03)


def test_sobol_intervals_bracket_the_estimates(ishigami_indices: list[SobolIndex]) -> None:
    for index in ishigami_indices:
        low, high = index.first_ci
        assert low <= index.first <= high
        assert 0 < high - low < 0.1
        low, high = index.total_ci
        assert low <= index.total <= high
        assert 0 < high - low < 0.1


def test_sobol_agrees_with_salib(ishigami_indices: list[SobolIndex]) -> None:
    from SALib.analyze import sobol as salib_analyze
    from SALib.sample import sobol as salib_sample

    problem = {"num_vars": 3, "names": ["x1", "x2", "x3"], "bounds": [[-math.pi, math.pi]] * 3}
    x = salib_sample.sample(problem, 2**13, calc_second_order=False, seed=7)
    y = ishigami({name: x[:, j] for j, name in enumerate(problem["names"])})
    reference = salib_analyze.analyze(problem, y, calc_second_order=False, seed=7)
    for j, index in enumerate(ishigami_indices):
        assert index.first == pytest.approx(reference["S1"][j], abs=0.03)
        assert index.total == pytest.approx(reference["ST"][j], abs=0.03)


def test_sobol_same_seed_same_numbers_other_seed_differs() -> None:
    first = sobol(ishigami, ISHIGAMI_PPFS, n=512, seed=3, n_resamples=50)
    assert sobol(ishigami, ISHIGAMI_PPFS, n=512, seed=3, n_resamples=50) == first
    assert sobol(ishigami, ISHIGAMI_PPFS, n=512, seed=4, n_resamples=50) != first


def test_sobol_point_estimates_equal_scipy_on_the_same_design() -> None:
    """Same Sobol' design and estimator as scipy's callable interface, so same numbers."""
    from scipy.stats import sobol_indices

    a, b = 2.0, 0.5

    def model(inputs: Inputs) -> Float:
        return a * inputs["x"] + b * inputs["y"] ** 2

    ours = sobol(model, {"x": norm(0, 1).ppf, "y": norm(1, 2).ppf}, n=1024, seed=11)
    sample_rng, _ = np.random.default_rng(11).spawn(2)
    theirs = sobol_indices(
        func=lambda x: a * x[0] + b * x[1] ** 2,
        n=1024,
        dists=[norm(0, 1), norm(1, 2)],
        rng=sample_rng,
    )
    np.testing.assert_allclose([i.first for i in ours], theirs.first_order, rtol=1e-12)
    np.testing.assert_allclose([i.total for i in ours], theirs.total_order, rtol=1e-12)


def test_sobol_additive_model_with_arbitrary_distributions() -> None:
    # y = x + 2 z with var(x) = 1, var(z) = 0.25: shares 0.5 / 0.5, no interactions
    indices = sobol(
        lambda v: v["x"] + 2.0 * v["z"],
        {"x": norm(5, 1).ppf, "z": uniform(0, math.sqrt(3)).ppf},
        n=4096,
        seed=5,
    )
    for index in indices:
        assert index.first == pytest.approx(0.5, abs=0.02)
        assert index.total == pytest.approx(0.5, abs=0.02)


def test_sobol_single_input_explains_everything() -> None:
    (index,) = sobol(lambda v: v["a"] ** 3, {"a": uniform(0, 1).ppf}, n=1024, seed=2)
    assert index.first == pytest.approx(1.0, abs=0.05)
    assert index.total == pytest.approx(1.0, abs=0.05)


def test_sobol_rounds_n_up_to_power_of_two_and_calls_model_once() -> None:
    sizes: list[int] = []

    def model(inputs: Inputs) -> Float:
        sizes.append(len(inputs["p"]))
        return inputs["p"] + inputs["q"]

    sobol(model, {"p": UNIFORM_PI, "q": UNIFORM_PI}, n=1000, seed=1, n_resamples=10)
    assert sizes == [1024 * (2 + 2)]


def test_sobol_constant_model_gives_zero_indices() -> None:
    indices = sobol(lambda v: np.ones_like(v["a"]), {"a": UNIFORM_PI}, n=64, seed=1, n_resamples=20)
    assert indices == [SobolIndex("a", 0.0, 0.0, (0.0, 0.0), (0.0, 0.0))]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"n": 1}, "n must be at least 2"),
        ({"confidence": 1.0}, "confidence"),
        ({"n_resamples": 0}, "n_resamples"),
    ],
)
def test_sobol_rejects_bad_settings(kwargs: dict[str, float], message: str) -> None:
    settings: dict[str, float] = {"n": 64, **kwargs}
    with pytest.raises(ValueError, match=message):
        sobol(ishigami, ISHIGAMI_PPFS, seed=1, **settings)  # type: ignore[arg-type]


def test_sobol_rejects_bad_model_output() -> None:
    with pytest.raises(ValueError, match="shape"):
        sobol(lambda v: v["a"][:3], {"a": UNIFORM_PI}, n=64, seed=1)
