"""Sampling each distribution kind: moments and quantiles match theory, ppf matches scipy."""

from __future__ import annotations

import math
import os
import subprocess
import sys

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats

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
from shorewise.uncertainty.distributions import (
    Z95,
    is_fixed,
    median,
    open_unit,
    ppf,
    quantile,
    sample,
    support,
)
from shorewise.uncertainty.rng import make_rng

N = 100_000


def _scipy_equivalent(dist: Distribution) -> stats.rv_continuous:
    """An independent oracle for each kind, from scipy.stats."""
    match dist:
        case Uniform(low=lo, high=hi):
            return stats.uniform(lo, hi - lo)
        case Triangular(low=lo, mode=mo, high=hi):
            return stats.triang((mo - lo) / (hi - lo), lo, hi - lo)
        case Pert(low=lo, mode=mo, high=hi, lamb=lamb):
            a = 1 + lamb * (mo - lo) / (hi - lo)
            b = 1 + lamb * (hi - mo) / (hi - lo)
            return stats.beta(a, b, lo, hi - lo)
        case Normal(mean=m, sd=s, low=None, high=None):
            return stats.norm(m, s)
        case Normal(mean=m, sd=s, low=lo, high=hi):
            a = -math.inf if lo is None else (lo - m) / s
            b = math.inf if hi is None else (hi - m) / s
            return stats.truncnorm(a, b, m, s)
        case LogNormal(median=m, sigma=s):
            return stats.lognorm(s, scale=m)
        case Interval90(low=lo, high=hi, shape="normal"):
            return stats.norm((lo + hi) / 2, (hi - lo) / (2 * Z95))
        case Interval90(low=lo, high=hi, shape="lognormal"):
            return stats.lognorm(math.log(hi / lo) / (2 * Z95), scale=math.sqrt(lo * hi))
    raise AssertionError(dist)


CONTINUOUS: list[Distribution] = [
    Uniform(low=0.3, high=0.7),
    Triangular(low=2, mode=3, high=6),
    Triangular(low=2, mode=2, high=6),
    Triangular(low=2, mode=6, high=6),
    Pert(low=0.2, mode=0.35, high=0.6),
    Pert(low=1, mode=1, high=9, lamb=2),
    Pert(low=-5, mode=4.5, high=5, lamb=10),
    Normal(mean=0.8, sd=0.05),
    Normal(mean=0.8, sd=0.1, low=0.6, high=1.0),
    Normal(mean=0.8, sd=0.1, high=0.85),
    Normal(mean=0.0, sd=1.0, low=2.5),
    LogNormal(median=150_000, sigma=0.2),
    Interval90(low=0.3, high=0.7),
    Interval90(low=100_000, high=200_000, shape="lognormal"),
]
IDS = [f"{d.kind}-{i}" for i, d in enumerate(CONTINUOUS)]


@pytest.mark.parametrize("dist", CONTINUOUS, ids=IDS)
def test_sample_mean_and_quantiles_match_theory(dist: Distribution) -> None:
    oracle = _scipy_equivalent(dist)
    draws = sample(dist, N, make_rng(2024))
    standard_error = oracle.std() / math.sqrt(N)
    assert abs(draws.mean() - oracle.mean()) < 5 * standard_error
    for q in (0.05, 0.5, 0.95):
        assert abs(np.quantile(draws, q) - oracle.ppf(q)) < 0.02 * oracle.std()


def test_pert_mean_is_the_classic_formula() -> None:
    draws = sample(Pert(low=0.2, mode=0.35, high=0.6), N, make_rng(1))
    assert draws.mean() == pytest.approx((0.2 + 4 * 0.35 + 0.6) / 6, abs=0.003)


@pytest.mark.parametrize(
    "dist",
    [Interval90(low=0.3, high=0.7), Interval90(low=100_000, high=200_000, shape="lognormal")],
    ids=["normal", "lognormal"],
)
def test_interval90_bounds_are_the_5th_and_95th_percentiles(dist: Interval90) -> None:
    draws = sample(dist, N, make_rng(3))
    assert np.quantile(draws, 0.05) == pytest.approx(dist.low, rel=0.01)
    assert np.quantile(draws, 0.95) == pytest.approx(dist.high, rel=0.01)
    assert quantile(dist, 0.05) == pytest.approx(dist.low, rel=1e-12)
    assert quantile(dist, 0.95) == pytest.approx(dist.high, rel=1e-12)


U_LARGE = np.concatenate(
    [np.linspace(1e-6, 1 - 1e-6, 4001), make_rng(0).random(20_000), [2.0**-60, 1e-12, 0.5]]
)


@pytest.mark.parametrize("dist", CONTINUOUS, ids=IDS)
@pytest.mark.parametrize("u", [U_LARGE, U_LARGE[::97]], ids=["tabulated", "direct"])
def test_ppf_matches_the_scipy_inverse(dist: Distribution, u: np.ndarray) -> None:
    oracle = _scipy_equivalent(dist)
    scale = oracle.ppf(0.95) - oracle.ppf(0.05)
    np.testing.assert_allclose(ppf(dist, u), oracle.ppf(u), rtol=0, atol=1e-9 * scale)


@pytest.mark.parametrize("lamb", [0.05, 1, 4, 30, 1000])
@pytest.mark.parametrize("mode", [0.0, 1e-9, 0.05, 0.5, 0.97, 1 - 1e-9, 1.0])
def test_pert_ppf_is_exact_over_a_wide_range_of_shapes(lamb: float, mode: float) -> None:
    dist = Pert(low=0.0, mode=mode, high=1.0, lamb=lamb)
    np.testing.assert_allclose(ppf(dist, U_LARGE), _scipy_equivalent(dist).ppf(U_LARGE), atol=1e-9)


def test_fixed_is_constant() -> None:
    assert sample(Fixed(value=3.5), 4, make_rng(0)).tolist() == [3.5] * 4


@pytest.mark.parametrize(
    "dist", [Uniform(low=2, high=2), Triangular(low=2, mode=2, high=2), Pert(low=2, mode=2, high=2)]
)
def test_degenerate_range_is_constant_and_fixed(dist: Distribution) -> None:
    assert is_fixed(dist)
    assert sample(dist, 5, make_rng(0)).tolist() == [2.0] * 5
    assert median(dist) == 2.0
    assert support(dist) == (2.0, 2.0)


@pytest.mark.parametrize(
    ("dist", "fixed"),
    [
        (Fixed(value=1), True),
        (Uniform(low=0, high=1), False),
        (Triangular(low=0, mode=0, high=1), False),
        (Pert(low=0, mode=1, high=1), False),
        (Normal(mean=0, sd=1), False),
        (LogNormal(median=1, sigma=0.1), False),
        (Interval90(low=1, high=2), False),
    ],
)
def test_is_fixed(dist: Distribution, fixed: bool) -> None:
    assert is_fixed(dist) is fixed


@pytest.mark.parametrize(
    ("dist", "expected"),
    [
        (Fixed(value=1.5), (1.5, 1.5)),
        (Uniform(low=0.3, high=0.7), (0.3, 0.7)),
        (Pert(low=1, mode=2, high=5), (1.0, 5.0)),
        (Normal(mean=0, sd=1), (-math.inf, math.inf)),
        (Normal(mean=0, sd=1, low=-1), (-1.0, math.inf)),
        (Normal(mean=0, sd=1, high=2), (-math.inf, 2.0)),
        (LogNormal(median=1, sigma=0.1), (0.0, math.inf)),
        (Interval90(low=1, high=2), (-math.inf, math.inf)),
        (Interval90(low=1, high=2, shape="lognormal"), (0.0, math.inf)),
    ],
)
def test_support(dist: Distribution, expected: tuple[float, float]) -> None:
    assert support(dist) == expected
    assert quantile(dist, 0.0) == expected[0]
    assert quantile(dist, 1.0) == expected[1]


@pytest.mark.parametrize(
    ("dist", "expected"),
    [
        (Fixed(value=0.8), 0.8),
        (Uniform(low=0.3, high=0.7), 0.5),
        (Triangular(low=2, mode=3, high=6), 6 - 4 * math.sqrt(0.5 * 0.75)),
        (Normal(mean=0.8, sd=0.05), 0.8),
        (LogNormal(median=150_000, sigma=0.2), 150_000),
        (Interval90(low=0.3, high=0.7), 0.5),
        (Interval90(low=100, high=400, shape="lognormal"), 200),
    ],
)
def test_median_is_the_central_value(dist: Distribution, expected: float) -> None:
    assert median(dist) == pytest.approx(expected, rel=1e-12)


def test_quantile_outside_zero_one_is_refused() -> None:
    with pytest.raises(ValueError, match="between 0 and 1"):
        quantile(Uniform(low=0, high=1), 1.5)


def test_same_seed_same_draws_other_seed_other_draws() -> None:
    dist = Pert(low=0.2, mode=0.35, high=0.6)
    assert np.array_equal(sample(dist, 1000, make_rng(9)), sample(dist, 1000, make_rng(9)))
    assert not np.array_equal(sample(dist, 1000, make_rng(9)), sample(dist, 1000, make_rng(10)))


def test_open_unit_keeps_uniforms_strictly_inside() -> None:
    u = open_unit(np.array([0.0, 0.5, 1.0]))
    assert (u > 0).all()
    assert (u < 1).all()
    assert np.isfinite(ppf(Normal(mean=0, sd=1), u)).all()


def test_ppf_keeps_the_shape_of_u() -> None:
    u = make_rng(0).random((3, 4))
    assert ppf(Triangular(low=0, mode=1, high=2), u).shape == (3, 4)


def test_importing_sampling_does_not_import_scipy() -> None:
    code = (
        "import sys, shorewise.uncertainty.rng, shorewise.uncertainty.distributions, "
        "shorewise.uncertainty.correlation, shorewise.uncertainty.sampling; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'scipy'))"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    assert result.stdout.strip() == "[]"


@st.composite
def _ranges(draw: st.DrawFn) -> Distribution:
    low = draw(st.floats(-1e6, 1e6))
    width = draw(st.one_of(st.just(0.0), st.floats(1e-9, 1e6)))
    high = low + width
    mode = min(high, low + width * draw(st.floats(0, 1)))
    kind = draw(st.sampled_from(["uniform", "triangular", "pert"]))
    if kind == "uniform":
        return Uniform(low=low, high=high)
    if kind == "triangular":
        return Triangular(low=low, mode=mode, high=high)
    return Pert(low=low, mode=mode, high=high, lamb=draw(st.floats(0.1, 100)))


@settings(max_examples=150, deadline=None)
@given(dist=_ranges(), seed=st.integers(0, 2**32), n=st.sampled_from([7, 1000]))
def test_bounded_samples_stay_inside_their_range(dist: Distribution, seed: int, n: int) -> None:
    low, high = support(dist)
    draws = sample(dist, n, make_rng(seed))
    assert ((draws >= low) & (draws <= high)).all()
    assert low <= median(dist) <= high
