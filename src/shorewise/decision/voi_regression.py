"""Smoothers for partial EVPI: each alternative's net benefit regressed on one or more inputs.

Numpy only, least squares on a fixed basis (no GAM fitting):

- each input is first replaced by its mid-rank in ``(0, 1)`` (ties share one value), so a
  skewed input (a lognormal pay) is spread evenly and the basis is well conditioned;
- one input: a **natural cubic regression spline** with knots at equally spaced quantiles
  (Hastie, Tibshirani & Friedman 2009, *The Elements of Statistical Learning*, §5.2.1,
  eqs. 5.4-5.5) — cubic between knots, linear beyond the outer ones. ``n_knots`` comes from
  the number of draws: ``round(n ** (1/3) / 2)`` within 4..12 (5 at 1,000 draws, 11 at
  10,000, 12 from about 12,000; judgement: flexible enough for a threshold, stiff enough
  not to chase noise);
- a group of ``k`` inputs: the sum of each input's spline (``max(3, n_knots // k)`` knots)
  plus every pairwise product of the inputs' linear terms — additive with two-way
  interactions, an approximation that misses higher-order interplay (so it can only
  understate what the group is worth).

:func:`out_of_fold_fit` fits on all folds but one and predicts the held-out fold, for each
fold: the predictions at a draw never saw that draw. Folds are ``draw index mod folds``
(draws are exchangeable Monte Carlo samples, so no shuffling is needed).

>>> u = np.linspace(0, 1, 5)
>>> natural_spline_basis(u, 3).shape
(5, 3)
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

__all__ = ["basis_for", "knots_for", "mid_ranks", "natural_spline_basis", "out_of_fold_fit"]

Float = NDArray[np.float64]


def knots_for(n_draws: int) -> int:
    """Spline knots for ``n_draws`` draws: ``round(n ** (1/3) / 2)`` kept within 4..12.

    >>> knots_for(1000), knots_for(10000), knots_for(200000)
    (5, 11, 12)
    """
    return int(np.clip(round(n_draws ** (1.0 / 3.0) / 2.0), 4, 12))


def mid_ranks(values: Float) -> Float:
    """Each value's mid-rank divided by ``n``, in ``(0, 1)``; tied values get the same one.

    >>> mid_ranks(np.array([10.0, 30.0, 20.0, 30.0])).tolist()
    [0.125, 0.75, 0.375, 0.75]
    """
    _, position, counts = np.unique(values, return_inverse=True, return_counts=True)
    below = np.cumsum(counts) - counts  # values strictly below each distinct value
    result: Float = (2.0 * below[position] + counts[position]) / (2.0 * values.shape[0])
    return result


def natural_spline_basis(u: Float, n_knots: int) -> Float:
    """Natural cubic spline basis ``(n, knots)`` at ``u``: 1, u, and ``knots - 2`` cubics.

    Knots sit at equally spaced quantiles of ``u`` (duplicates dropped, so a discrete input
    gets fewer columns). ``N_{k+2}(u) = d_k(u) - d_{K-1}(u)`` with
    ``d_k(u) = ((u - xi_k)_+^3 - (u - xi_K)_+^3) / (xi_K - xi_k)`` (ESL eq. 5.5).
    """
    knots = np.unique(np.quantile(u, np.linspace(0.0, 1.0, n_knots)))
    columns = [np.ones_like(u), u]
    if knots.size >= 3:
        last = knots[-1]
        beyond = np.maximum(u - last, 0.0)
        beyond_cubed = beyond * beyond * beyond  # x * x * x: far cheaper than x ** 3

        def d(knot: float) -> Float:
            above = np.maximum(u - knot, 0.0)
            cubic: Float = (above * above * above - beyond_cubed) / (last - knot)
            return cubic

        d_last = d(float(knots[-2]))
        columns += [d(float(knot)) - d_last for knot in knots[:-2]]
    return np.column_stack(columns)


def basis_for(inputs: Float, n_knots: int | None = None) -> Float:
    """The regression basis ``(n, columns)`` for inputs ``(n, k)`` (see the module doc)."""
    n, k = inputs.shape
    knots = knots_for(n) if n_knots is None else n_knots
    per_input = max(3, knots // k)
    ranked = [mid_ranks(inputs[:, j]) for j in range(k)]
    columns = [np.ones((n, 1))]
    columns += [natural_spline_basis(u, per_input)[:, 1:] for u in ranked]
    for a in range(k):
        for b in range(a + 1, k):
            columns.append(((ranked[a] - 0.5) * (ranked[b] - 0.5))[:, None])
    return np.hstack(columns)


CONSTANT_VARIANCE = 1e-9
"""A basis column whose variance is under this share of its mean square is constant (the
Gram matrix gives both to about 1e-16; any real column of a basis is far above)."""


def out_of_fold_fit(basis: Float, targets: Float, folds: int) -> Float:
    """Least-squares predictions ``(n, targets)``, each fold predicted from the others.

    ``basis`` is ``(n, columns)``, or ``(inputs, n, columns)`` for as many separate fits at
    once (then the predictions are ``(inputs, n, targets)``); ``targets`` ``(n, m)`` (one
    column per alternative). With ``folds == 1`` the fit is in-sample. Columns are
    standardised and a rank-deficient basis is solved by the pseudo-inverse (singular
    values under 1e-10 of the largest dropped), so duplicated or constant columns are
    harmless.
    """
    if basis.ndim == 2:
        one: Float = out_of_fold_fit(basis[None], targets, folds)[0]
        return one
    n = basis.shape[1]
    offset = targets.mean()
    centred = targets - offset  # one shared shift: the alternatives' order is unchanged
    # fold f is rows f, f + folds, f + 2 folds, ...: strided views, no copies
    parts = [basis[:, f::folds] for f in range(folds)]
    grams = np.stack([b.transpose(0, 2, 1) @ b for b in parts])
    moments = np.stack([b.transpose(0, 2, 1) @ centred[f::folds] for f, b in enumerate(parts)])
    gram_all, moment_all = grams.sum(axis=0), moments.sum(axis=0)
    # standardise through the Gram matrix (column 0 is the intercept, so row 0 holds the
    # column sums): each column over its spread, a constant one dropped (scale 0)
    mean = gram_all[:, 0, :] / n
    square = np.diagonal(gram_all, axis1=1, axis2=2) / n
    variance = square - mean * mean
    varies = variance > CONSTANT_VARIANCE * np.maximum(square, np.finfo(float).tiny)
    scale = np.where(varies, 1.0 / np.sqrt(np.where(varies, variance, 1.0)), 0.0)
    scale[:, 0] = 1.0  # the intercept
    outer = scale[:, :, None] * scale[:, None, :]
    predictions = np.empty((basis.shape[0], *targets.shape))
    for f, part in enumerate(parts):
        gram = (gram_all - grams[f] if folds > 1 else gram_all) * outer
        moment = (moment_all - moments[f] if folds > 1 else moment_all) * scale[:, :, None]
        coefficients = np.linalg.pinv(gram, rcond=1e-10, hermitian=True) @ moment
        predictions[:, f::folds] = part @ (coefficients * scale[:, :, None]) + offset
    return predictions
