"""Value of information: EVPI and partial EVPI against closed forms (scipy.stats) and invariants."""

from __future__ import annotations

import doctest
import importlib

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from numpy.typing import NDArray

from shorewise.decision import (
    evpi,
    evpi_of_costs,
    evppi,
    opportunity_loss,
    value_of_information,
)

Float = NDArray[np.float64]
voi_module = importlib.import_module("shorewise.decision.voi")


def test_doctests() -> None:
    assert doctest.testmod(voi_module).failed == 0


@pytest.mark.parametrize(("mu", "sigma"), [(0.5, 1.0), (-0.3, 2.0), (0.0, 1.0), (3.0, 0.5)])
def test_evpi_of_a_normal_option_against_a_sure_thing_matches_the_closed_form(
    mu: float, sigma: float
) -> None:
    """NB_A ~ N(mu, sigma^2), NB_B = 0: EVPI = sigma phi(mu/sigma) - |mu| Phi(-|mu|/sigma)."""
    from scipy.stats import norm

    n = 400_000
    a = np.random.default_rng(1).normal(mu, sigma, n)
    net_benefit = np.column_stack([a, np.zeros(n)])
    z = abs(mu) / sigma
    expected = sigma * norm.pdf(z) - abs(mu) * norm.cdf(-z)
    assert evpi(net_benefit) == pytest.approx(expected, abs=5 * sigma / np.sqrt(n))


def test_evpi_of_costs_with_a_uniform_cost_matches_the_closed_form() -> None:
    """Vendor cost ~ U(1.2, 1.6), own team 1.4: EVPI = E[(1.4 - cost)+] = 0.2^2 / (2 x 0.4)."""
    n = 200_000
    vendor = np.random.default_rng(2).uniform(1.2, 1.6, n)
    costs = np.column_stack([vendor, np.full(n, 1.4)])
    assert evpi_of_costs(costs) == pytest.approx(0.05, abs=0.002)
    assert evpi_of_costs(costs) == evpi(-costs)


def test_evpi_is_the_opportunity_loss_of_the_pick() -> None:
    net_benefit = np.array([[10.0, 4.0, 0.0], [0.0, 8.0, 2.0], [5.0, 5.0, 9.0]])
    # regret per draw: A (0, 8, 4) -> 4; B (6, 0, 4) -> 10/3; C (10, 6, 0) -> 16/3
    np.testing.assert_allclose(opportunity_loss(net_benefit), [4.0, 10 / 3, 16 / 3])
    # E[max] = 9, max E = E[B] = 17/3: EVPI = 10/3, the loss of B, the best on average
    assert evpi(net_benefit) == pytest.approx(10 / 3)


@settings(max_examples=100, deadline=None)
@given(
    arrays(
        np.float64, st.tuples(st.integers(1, 40), st.integers(1, 5)), elements=st.floats(-1e6, 1e6)
    )
)
def test_evpi_is_never_negative(net_benefit: Float) -> None:
    value = evpi(net_benefit)
    assert value >= 0.0
    assert value == pytest.approx(opportunity_loss(net_benefit).min(), abs=1e-6)
    assert np.all(opportunity_loss(net_benefit) >= -1e-9)


@settings(max_examples=60, deadline=None)
@given(
    arrays(
        np.float64, st.tuples(st.integers(1, 40), st.integers(2, 5)), elements=st.floats(-1e6, 1e6)
    ),
    st.floats(0.0, 1e5),
)
def test_evpi_is_zero_when_one_alternative_always_wins(net_benefit: Float, lead: float) -> None:
    leader = net_benefit.max(axis=1) + lead
    values = np.column_stack([net_benefit, leader])
    assert evpi(values) == 0.0
    repeated = np.tile(values, (-(-60 // values.shape[0]), 1))  # at least 60 draws
    noise = np.random.default_rng(0).normal(size=repeated.shape[0])
    assert evppi(repeated, noise) == 0.0


def _two_normal_inputs(n: int, seed: int) -> tuple[Float, Float, Float]:
    rng = np.random.default_rng(seed)
    x, y = rng.normal(size=n), rng.normal(size=n)
    return np.column_stack([x + y, np.zeros(n)]), x, y


def test_partial_evpi_matches_the_closed_form() -> None:
    """NB_A = x + y, NB_B = 0, x, y ~ N(0, 1).

    EVPPI(x) = E[x+] = 1/sqrt(2 pi); EVPPI(x, y) = EVPI = E[(x + y)+] = 1/sqrt(pi).
    """
    net_benefit, x, y = _two_normal_inputs(40_000, seed=3)
    assert evppi(net_benefit, x) == pytest.approx(1 / np.sqrt(2 * np.pi), abs=0.015)
    assert evppi(net_benefit, y) == pytest.approx(1 / np.sqrt(2 * np.pi), abs=0.015)
    both = evppi(net_benefit, np.column_stack([x, y]))
    assert both == pytest.approx(1 / np.sqrt(np.pi), abs=0.015)
    assert both <= evpi(net_benefit)
    assert both >= 0.97 * evpi(net_benefit)


def test_partial_evpi_follows_a_nonlinear_input() -> None:
    """x ~ U(0, 1), NB_A = x^2 - 1/4 + noise: EVPPI = int_.5^1 (x^2 - 1/4) dx - 1/12 = 1/12."""
    rng = np.random.default_rng(4)
    n = 40_000
    x = rng.uniform(0, 1, n)
    net_benefit = np.column_stack([x**2 - 0.25 + rng.normal(0, 0.3, n), np.zeros(n)])
    assert evppi(net_benefit, x) == pytest.approx(1 / 12, abs=0.006)


def test_a_discrete_input_is_valued_by_its_two_states() -> None:
    rng = np.random.default_rng(5)
    n = 20_000
    x = rng.integers(0, 2, n).astype(float)
    net_benefit = np.column_stack([x - 0.5 + rng.normal(0, 1, n), np.zeros(n)])
    # E[max(x - 1/2, 0)] - max(E[x] - 1/2, 0) = 1/4
    assert evppi(net_benefit, x) == pytest.approx(0.25, abs=0.02)


def test_an_input_whose_range_is_widened_gains_value() -> None:
    """Vendor cost 1 + margin vs own team 1.4; EVPPI(margin) = E[(0.4 - margin)+]."""
    rng = np.random.default_rng(6)
    n = 20_000
    values = []
    for low, high in [(0.3, 0.5), (0.2, 0.6), (0.0, 0.8)]:
        margin = rng.uniform(low, high, n)
        costs = np.column_stack([1 + margin + rng.normal(0, 0.05, n), np.full(n, 1.4)])
        value = evppi(-costs, margin)
        width = high - low
        assert value == pytest.approx((width / 2) ** 2 / (2 * width), abs=0.005)
        values.append(value)
    assert values[0] < values[1] < values[2]


def test_an_irrelevant_input_has_about_no_value() -> None:
    net_benefit, _, _ = _two_normal_inputs(10_000, seed=7)
    irrelevant = np.random.default_rng(8).lognormal(size=10_000)
    assert evppi(net_benefit, irrelevant) <= 0.02 * evpi(net_benefit)
    assert evppi(net_benefit, np.full(10_000, 3.0)) == 0.0  # a fixed input


def test_cross_fitting_removes_the_upward_bias_of_the_in_sample_estimate() -> None:
    in_sample, cross_fitted = [], []
    for seed in range(12):
        net_benefit, _, _ = _two_normal_inputs(2_000, seed=100 + seed)
        noise = np.random.default_rng(200 + seed).uniform(size=2_000)
        in_sample.append(evppi(net_benefit, noise, estimator="in_sample"))
        cross_fitted.append(evppi(net_benefit, noise))
    assert np.mean(cross_fitted) < 0.5 * np.mean(in_sample)
    assert np.mean(cross_fitted) < 0.01


@st.composite
def decision_samples(draw: st.DrawFn) -> tuple[Float, Float, int]:
    n = draw(st.integers(50, 400))
    n_alternatives = draw(st.integers(2, 4))
    seed = draw(st.integers(0, 2**16))
    rng = np.random.default_rng(seed)
    inputs = rng.normal(size=(n, 3)) * draw(st.floats(0.01, 100.0))
    loadings = rng.normal(size=(3, n_alternatives))
    noise = rng.normal(size=(n, n_alternatives)) * draw(st.floats(0.0, 10.0))
    net_benefit = inputs @ loadings + noise + rng.normal(size=n_alternatives)
    return net_benefit, inputs, draw(st.integers(1, 3))


@settings(max_examples=60, deadline=None)
@given(decision_samples(), st.sampled_from(["cross_fitted", "in_sample"]))
def test_partial_evpi_is_between_zero_and_evpi(
    sample: tuple[Float, Float, int], estimator: str
) -> None:
    net_benefit, inputs, k = sample
    total = evpi(net_benefit)
    for column in range(inputs.shape[1]):
        value = evppi(net_benefit, inputs[:, column], estimator=estimator)  # type: ignore[arg-type]
        assert 0.0 <= value <= total
    group = evppi(net_benefit, inputs[:, :k], estimator=estimator)  # type: ignore[arg-type]
    assert 0.0 <= group <= total


def test_value_of_information_ranks_inputs_and_groups() -> None:
    net_benefit, x, y = _two_normal_inputs(20_000, seed=9)
    z = np.random.default_rng(10).normal(size=20_000)
    result = value_of_information(
        net_benefit,
        {"attrition": z, "vendor_margin": 2 * x, "wage_ratio": y},
        groups={"vendor terms": ["vendor_margin", "wage_ratio"]},
    )
    assert result.total == evpi(net_benefit)
    names = [v.input for v in result.per_input]
    assert names[-1] == "attrition"
    assert set(names[:2]) == {"vendor_margin", "wage_ratio"}
    assert result.per_input[-1].value <= 0.02 * result.total
    assert result.per_group[0].value == pytest.approx(result.total, rel=0.03)
    record = result.records()
    assert record["total"] == result.total
    assert record["per_input"][0] == {"input": names[0], "value": result.per_input[0].value}
    assert record["per_group"][0]["input"] == "vendor terms"


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: evpi(np.array([1.0, 2.0])), "shape \\(draws, alternatives\\)"),
        (lambda: evpi(np.array([[1.0, np.nan]])), "finite"),
        (lambda: evppi(np.zeros((60, 2)), np.zeros(59)), "must have 60 draws"),
        (lambda: evppi(np.zeros((60, 2)), np.full(60, np.inf)), "inputs must be finite"),
        (lambda: evppi(np.eye(2), np.zeros(2)), "at least 50 draws"),
        (
            lambda: evppi(
                np.random.default_rng(0).normal(size=(60, 2)),
                np.arange(60.0),
                estimator="gam",  # type: ignore[arg-type]
            ),
            "'cross_fitted' or 'in_sample'",
        ),
        (
            lambda: value_of_information(np.zeros((60, 2)), {"margin": np.zeros(10)}),
            "input 'margin': inputs must have 60 draws",
        ),
        (
            lambda: value_of_information(
                np.zeros((60, 2)), {"margin": np.zeros(60)}, {"vendor": ["margin", "fee"]}
            ),
            "group 'vendor' names unknown inputs \\['fee'\\]; allowed: margin",
        ),
    ],
)
def test_bad_input_is_named(call: object, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        call()  # type: ignore[operator]
