"""Weight samplers: every draw obeys the constraints, and draws are uniform on the region.

Uniformity oracles: Dirichlet(1) moments, the closed-form mean of ordered uniform spacings,
and plain rejection from the whole simplex (slow but obviously exact) compared with a
two-sample Kolmogorov-Smirnov test (scipy.stats.ks_2samp).
"""

from __future__ import annotations

import doctest
import importlib

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from numpy.typing import NDArray

from shorewise.decision import WeightConstraints, sample_weights, uniform_simplex

Float = NDArray[np.float64]
sampling = importlib.import_module("shorewise.decision.weights_sampling")
constraints_module = importlib.import_module("shorewise.domain.weight_constraints")
NAMES = ("cost", "speed", "control", "scalability", "risk")


def test_doctests() -> None:
    assert doctest.testmod(sampling).failed == 0
    assert doctest.testmod(constraints_module).failed == 0


def _reference(constraints: WeightConstraints, n: int, seed: int) -> Float:
    """Exact uniform draws on the region: plain rejection from the whole simplex."""
    rng = np.random.default_rng(seed)
    kept: list[Float] = []
    while sum(len(k) for k in kept) < n:
        candidates = uniform_simplex(200_000, len(constraints.criteria), rng)
        kept.append(candidates[constraints.contains(candidates)])
    return np.concatenate(kept)[:n]


def _same_distribution(ours: Float, reference: Float) -> None:
    from scipy.stats import ks_2samp

    for j in range(ours.shape[1]):
        if np.ptp(reference[:, j]) > 0:
            assert ks_2samp(ours[:, j], reference[:, j]).pvalue > 1e-3, f"column {j}"
    # the joint shape too: a linear combination no single marginal shows
    mix = np.linspace(1.0, 2.0, ours.shape[1])
    assert ks_2samp(ours @ mix, reference @ mix).pvalue > 1e-3


def test_uniform_simplex_has_dirichlet_moments() -> None:
    k, n = 4, 200_000
    weights = uniform_simplex(n, k, np.random.default_rng(0))
    np.testing.assert_allclose(weights.sum(axis=1), 1.0)
    np.testing.assert_allclose(weights.mean(axis=0), 1 / k, atol=0.002)
    variance = (k - 1) / (k**2 * (k + 1))  # Dirichlet(1, ..., 1)
    np.testing.assert_allclose(weights.var(axis=0), variance, rtol=0.02)


def test_complete_order_matches_ordered_spacings() -> None:
    """E[i-th largest of k uniform spacings] = (1/k) sum_{j=i..k} 1/j."""
    k = 4
    c = WeightConstraints(NAMES[:k], order=("control", "cost", "scalability", "speed"))
    weights = sample_weights(c, 100_000, np.random.default_rng(1))
    expected = [sum(1 / j for j in range(i, k + 1)) / k for i in range(1, k + 1)]
    ordered_means = weights[:, [2, 0, 3, 1]].mean(axis=0)
    np.testing.assert_allclose(ordered_means, expected, atol=0.004)
    assert c.contains(weights).all()


def test_one_interval_with_two_criteria_is_uniform_on_it() -> None:
    from scipy.stats import kstest

    c = WeightConstraints(("cost", "speed"), lower=(0.3, 0.0), upper=(0.5, 1.0))
    weights = sample_weights(c, 20_000, np.random.default_rng(2))
    assert kstest(weights[:, 0], "uniform", args=(0.3, 0.2)).pvalue > 1e-3
    np.testing.assert_allclose(weights[:, 1], 1 - weights[:, 0])


@pytest.mark.parametrize(
    "constraints",
    [
        # lower bounds only: the shifted simplex accepts everything
        WeightConstraints(NAMES[:3], lower=(0.2, 0.1, 0.0)),
        # a narrow box: the box proposal wins
        WeightConstraints(NAMES[:4], lower=(0.3, 0.1, 0.2, 0.0), upper=(0.4, 0.2, 0.3, 1.0)),
        # a partial order: the sorted simplex wins
        WeightConstraints(NAMES[:4], order=("speed", "cost", "scalability")),
        # everything at once
        WeightConstraints(
            NAMES,
            lower=(0.2, 0.0, 0.1, 0.0, 0.0),
            upper=(0.6, 0.3, 0.4, 1.0, 0.3),
            order=("cost", "control", "scalability"),
        ),
    ],
    ids=["lower-bounds", "box", "partial-order", "all"],
)
def test_constrained_draws_are_exactly_uniform(constraints: WeightConstraints) -> None:
    ours = sample_weights(constraints, 20_000, np.random.default_rng(3))
    assert constraints.contains(ours).all()
    _same_distribution(ours, _reference(constraints, 20_000, seed=4))


def test_every_proposal_is_exact_on_its_own() -> None:
    c = WeightConstraints(
        NAMES[:4],
        lower=(0.1, 0.0, 0.15, 0.0),
        upper=(0.6, 0.5, 0.5, 1.0),
        order=("cost", "speed", "scalability"),
    )
    reference = _reference(c, 10_000, seed=5)
    free = np.arange(4)
    proposals = sampling._proposals(
        c, free, np.asarray(c.tight_lower), np.asarray(c.tight_upper), np.random.default_rng(6)
    )
    assert len(proposals) == 3
    for propose in proposals:
        candidates = propose(400_000)
        accepted = candidates[c.contains(candidates)][:10_000]
        assert accepted.shape[0] == 10_000
        _same_distribution(accepted, reference)


@st.composite
def constraint_sets(draw: st.DrawFn) -> WeightConstraints:
    k = draw(st.integers(2, 5))
    lower = [draw(st.floats(0.0, 0.35)) for _ in range(k)]
    upper = [min(1.0, low + draw(st.floats(0.02, 1.0))) for low in lower]
    ranked = draw(st.permutations(range(k)))
    length = draw(st.integers(0, k))
    order = tuple(NAMES[j] for j in ranked[:length])
    try:
        return WeightConstraints(NAMES[:k], lower=tuple(lower), upper=tuple(upper), order=order)
    except ValueError:
        assume(False)
        raise


@settings(max_examples=80, deadline=None)
@given(constraints=constraint_sets(), seed=st.integers(0, 2**16))
def test_every_sampled_vector_respects_the_constraints(
    constraints: WeightConstraints, seed: int
) -> None:
    try:
        weights = sample_weights(constraints, 300, np.random.default_rng(seed))
    except ValueError as exc:  # a legitimately tiny region is refused, never mis-sampled
        refusal = str(exc)
    else:
        refusal = ""
    if refusal:
        assert "too small to sample" in refusal
        return
    assert weights.shape == (300, len(constraints.criteria))
    assert constraints.contains(weights).all()
    low, high = np.asarray(constraints.lower), np.asarray(constraints.upper)
    assert np.all(weights >= low - 1e-9)
    assert np.all(weights <= high + 1e-9)
    ordered = weights[:, list(constraints.order_index)]
    assert np.all(np.diff(ordered, axis=1) <= 1e-9)


def test_pinned_and_degenerate_regions_give_the_one_point() -> None:
    rng = np.random.default_rng(7)
    pinned = WeightConstraints(NAMES[:3], lower=(0.4, 0.1, 0.0), upper=(0.4, 0.3, 1.0))
    weights = sample_weights(pinned, 500, rng)
    np.testing.assert_allclose(weights[:, 0], 0.4)
    assert pinned.contains(weights).all()
    corner = WeightConstraints(NAMES[:2], lower=(0.5, 0.5), upper=(0.7, 0.9))  # sums to 1 at lower
    np.testing.assert_allclose(sample_weights(corner, 3, rng), [[0.5, 0.5]] * 3)


def test_a_region_too_small_to_sample_is_refused_with_advice() -> None:
    # ten criteria each at most 10.1 %: only a sliver near (0.1, ..., 0.1) is allowed
    c = WeightConstraints(tuple(f"c{j}" for j in range(10)), upper=(0.101,) * 10)
    with pytest.raises(ValueError, match=r"too small to sample.*widen the ranges"):
        sample_weights(c, 10, np.random.default_rng(0))


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"lower": (0.5, 0.0), "upper": (0.4, 1.0)}, "'cost'.*lower bound 0.5 is above"),
        ({"lower": (0.0, 0.0), "upper": (1.2, 1.0)}, "'cost'.*between 0 and 1"),
        ({"lower": (0.6, 0.5)}, "add up to 1.1 .over 100%"),
        ({"upper": (0.3, 0.6)}, "add up to 0.9 .under 100%"),
        ({"order": ("cost", "price")}, "unknown criteria \\['price'\\]; allowed: cost, speed"),
        ({"order": ("cost", "cost")}, "more than once"),
        ({"upper": (0.3, 1.0), "lower": (0.0, 0.4), "order": ("cost", "speed")}, "forces it"),
        ({"lower": (0.1,)}, "one bound per criterion"),
    ],
)
def test_impossible_constraints_say_why(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        WeightConstraints(("cost", "speed"), **kwargs)  # type: ignore[arg-type]


def test_tightened_bounds_follow_the_order() -> None:
    c = WeightConstraints(
        NAMES[:3], lower=(0.0, 0.0, 0.25), upper=(0.5, 1.0, 1.0), order=("cost", "speed", "control")
    )
    assert c.tight_upper == (0.5, 0.5, 0.5)
    assert c.tight_lower == (0.25, 0.25, 0.25)
    assert not c.is_unconstrained
    assert WeightConstraints(NAMES).is_unconstrained


def test_bad_sample_sizes_are_refused() -> None:
    with pytest.raises(ValueError, match="n must be >= 0"):
        sample_weights(WeightConstraints(NAMES), -1, np.random.default_rng(0))
    with pytest.raises(ValueError, match="n_criteria >= 1"):
        uniform_simplex(3, 0, np.random.default_rng(0))
