"""The partial-EVPI smoothers: ranks, the natural spline basis, out-of-fold least squares."""

from __future__ import annotations

import doctest
import importlib

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from numpy.typing import NDArray

Float = NDArray[np.float64]
regression = importlib.import_module("shorewise.decision.voi_regression")


def test_doctests() -> None:
    assert doctest.testmod(regression).failed == 0


@settings(max_examples=80, deadline=None)
@given(arrays(np.float64, st.integers(1, 60), elements=st.integers(-5, 5).map(float)))
def test_mid_ranks_keep_the_order_and_tie_ties(values: Float) -> None:
    u = regression.mid_ranks(values)
    assert np.all((u > 0) & (u < 1))
    for i in range(values.size):
        np.testing.assert_array_equal(u[values == values[i]], u[i])
        assert np.all(u[values < values[i]] < u[i])
    from scipy.stats import rankdata

    np.testing.assert_allclose(u, (rankdata(values) - 0.5) / values.size)


def test_natural_spline_reproduces_lines_and_is_linear_beyond_the_outer_knots() -> None:
    u = np.linspace(0.0, 1.0, 201)
    basis = regression.natural_spline_basis(u, 6)
    assert basis.shape == (201, 6)
    line = 3.0 - 2.0 * u
    fit = basis @ np.linalg.lstsq(basis, line, rcond=None)[0]
    np.testing.assert_allclose(fit, line, atol=1e-9)
    # each cubic column has zero second derivative at the ends (natural boundary)
    for column in basis.T[2:]:
        curvature = np.abs(np.diff(column, 2))  # second derivative x step^2
        assert curvature[0] < 0.05 * curvature.max()  # a plain cubic has 1.0 at the end
        assert curvature[-1] < 0.05 * curvature.max()


def test_spline_fits_a_smooth_curve_closely() -> None:
    u = np.linspace(0.0, 1.0, 2001)
    curve = np.sin(3 * u) + u**2
    basis = regression.natural_spline_basis(u, 8)
    fit = basis @ np.linalg.lstsq(basis, curve, rcond=None)[0]
    assert np.max(np.abs(fit - curve)) < 0.01


def test_group_basis_has_additive_splines_and_pairwise_products() -> None:
    inputs = np.random.default_rng(0).normal(size=(1000, 3))
    basis = regression.basis_for(inputs, n_knots=12)  # 12 // 3 = 4 knots per input
    assert basis.shape == (1000, 1 + 3 * 3 + 3)
    assert regression.basis_for(inputs[:, :1], n_knots=12).shape == (1000, 12)


def test_in_sample_fit_is_ordinary_least_squares() -> None:
    rng = np.random.default_rng(1)
    inputs = rng.lognormal(size=(3000, 2))
    targets = np.column_stack([inputs[:, 0] * 1e5, -inputs[:, 1] * 3e4]) + rng.normal(
        size=(3000, 2)
    )
    basis = regression.basis_for(inputs)
    ours = regression.out_of_fold_fit(basis, targets, folds=1)
    reference = basis @ np.linalg.lstsq(basis, targets, rcond=None)[0]
    np.testing.assert_allclose(ours, reference, rtol=1e-8, atol=1e-6 * np.abs(targets).max())


def test_a_draw_never_informs_its_own_out_of_fold_prediction() -> None:
    rng = np.random.default_rng(2)
    inputs = rng.uniform(size=(500, 1))
    targets = np.column_stack([inputs[:, 0], -inputs[:, 0]]) + rng.normal(size=(500, 2))
    basis = regression.basis_for(inputs)
    before = regression.out_of_fold_fit(basis, targets, folds=5)
    changed = targets.copy()
    changed[7] += 1e6
    after = regression.out_of_fold_fit(basis, changed, folds=5)
    assert after[7] == pytest.approx(before[7], rel=1e-6)
    assert not np.allclose(after[8], before[8])  # another fold did see it


def test_a_constant_input_fits_the_mean() -> None:
    targets = np.random.default_rng(3).normal(size=(200, 2))
    basis = regression.basis_for(np.full((200, 1), 4.2))
    fit = regression.out_of_fold_fit(basis, targets, folds=1)
    np.testing.assert_allclose(fit, np.broadcast_to(targets.mean(axis=0), fit.shape), atol=1e-9)


@pytest.mark.parametrize(("n", "knots"), [(50, 4), (1000, 5), (10_000, 11), (200_000, 12)])
def test_knots_grow_slowly_with_the_draws(n: int, knots: int) -> None:
    assert regression.knots_for(n) == knots
