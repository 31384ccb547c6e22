"""Per-criterion normalisation of a decision matrix, and the weight check every method shares.

Axis order, said once for the whole ``decision`` package::

    DecisionMatrix  (..., alternative, criterion)   leading axes are e.g. Monte Carlo draws
    Directions      (criterion,)   +1 benefit (more is better), -1 cost (less is better)
    Weights         (criterion,)   >= 0, any scale: normalised to sum 1 inside each method
    Scores          (..., alternative)

Every kernel is vectorised over the leading axes: a ``(draws, alternatives, criteria)`` cube
gives ``(draws, alternatives)`` scores, the same as a loop over draws.
"""

from __future__ import annotations

from typing import TypeAlias

import numpy as np
from numpy.typing import ArrayLike, NDArray

__all__ = [
    "NORMALISATIONS",
    "DecisionMatrix",
    "Directions",
    "Scores",
    "Weights",
    "linear_normalise",
    "minmax_normalise",
    "unit_weights",
    "vector_normalise",
]

DecisionMatrix: TypeAlias = NDArray[np.float64]  # (..., alternative, criterion)
Directions: TypeAlias = NDArray[np.float64]  # (criterion,) +1 benefit, -1 cost
Weights: TypeAlias = NDArray[np.float64]  # (criterion,) >= 0
Scores: TypeAlias = NDArray[np.float64]  # (..., alternative)


def _as_matrix(matrix: ArrayLike, directions: ArrayLike) -> tuple[DecisionMatrix, Directions]:
    values = np.asarray(matrix, dtype=np.float64)
    signs = np.asarray(directions, dtype=np.float64)
    if values.ndim < 2:
        raise ValueError(
            f"matrix must have shape (..., alternatives, criteria), got shape {values.shape}"
        )
    if signs.shape != values.shape[-1:]:
        raise ValueError(
            f"directions must have shape ({values.shape[-1]},) to match the matrix's "
            f"criteria, got shape {signs.shape}"
        )
    if not np.all(np.abs(signs) == 1.0):
        raise ValueError("directions must be +1 (benefit) or -1 (cost) for every criterion")
    return values, signs


def unit_weights(weights: ArrayLike, n_criteria: int) -> Weights:
    """Weights rescaled to sum to 1.

    Raises ``ValueError`` if the shape is not ``(n_criteria,)``, a weight is negative or not
    finite, or all weights are zero.

    >>> unit_weights([2, 1, 1], 3).tolist()
    [0.5, 0.25, 0.25]
    """
    values = np.asarray(weights, dtype=np.float64)
    if values.shape != (n_criteria,):
        raise ValueError(f"weights must have shape ({n_criteria},), got shape {values.shape}")
    if not np.all(np.isfinite(values)) or np.any(values < 0):
        raise ValueError(f"weights must be finite and >= 0, got {values.tolist()}")
    total = values.sum()
    if total <= 0:
        raise ValueError("at least one weight must be greater than 0")
    normalised: Weights = values / total
    return normalised


def minmax_normalise(matrix: ArrayLike, directions: ArrayLike) -> DecisionMatrix:
    """Min-max normalise each criterion over the alternatives: 1 = best, 0 = worst.

    ``matrix`` is ``(..., alternatives, criteria)``; the result has the same shape. A cost
    criterion (direction -1) is reversed, ``(max - x) / (max - min)``. A criterion on which
    all alternatives tie gives 1.0 for all of them (never NaN), as in pymcdm's
    ``minmax_normalization``.

    >>> minmax_normalise([[10.0, 1.0], [20.0, 1.0], [30.0, 1.0]], [-1, 1]).tolist()
    [[1.0, 1.0], [0.5, 1.0], [0.0, 1.0]]
    """
    values, signs = _as_matrix(matrix, directions)
    low = values.min(axis=-2, keepdims=True)
    high = values.max(axis=-2, keepdims=True)
    spread = high - low
    tied = spread == 0
    safe_spread = np.where(tied, 1.0, spread)
    benefit = (values - low) / safe_spread
    cost = (high - values) / safe_spread
    normalised = np.where(signs > 0, benefit, cost)
    return np.where(tied, 1.0, normalised)


def vector_normalise(matrix: ArrayLike, directions: ArrayLike) -> DecisionMatrix:
    """Vector-normalise each criterion: ``x / sqrt(sum over alternatives of x**2)``.

    The normalisation of TOPSIS (Hwang & Yoon 1981). A cost criterion becomes ``1 - x/|x|``
    (as pymcdm's ``vector_normalization``), so larger is always better. An all-zero
    criterion gives 0.0 (benefit) or 1.0 (cost) for every alternative, never NaN.

    >>> vector_normalise([[3.0], [4.0]], [1]).tolist()
    [[0.6], [0.8]]
    """
    values, signs = _as_matrix(matrix, directions)
    norm = np.sqrt(np.sum(values**2, axis=-2, keepdims=True))
    safe_norm = np.where(norm == 0, 1.0, norm)
    unit = values / safe_norm
    return np.where(signs > 0, unit, 1.0 - unit)


def linear_normalise(matrix: ArrayLike, directions: ArrayLike) -> DecisionMatrix:
    """Linear (ratio) normalisation: ``x / max`` for a benefit, ``min / x`` for a cost.

    Keeps proportions: an option half as expensive as another scores twice as high on cost,
    where min-max would stretch any gap between the best and the worst to 0..1. Values must
    be positive (as pymcdm's ``linear_normalization``); zeros are lifted to 1e-12 so no
    division by zero happens; an all-zero benefit criterion gives 1.0 for all.

    >>> linear_normalise([[10.0, 1.0], [20.0, 0.5]], [-1, 1]).tolist()
    [[1.0, 1.0], [0.5, 0.5]]
    """
    values, signs = _as_matrix(matrix, directions)
    safe = np.maximum(values, 1e-12)
    high = safe.max(axis=-2, keepdims=True)
    low = safe.min(axis=-2, keepdims=True)
    normalised: DecisionMatrix = np.where(signs > 0, safe / high, low / safe)
    return normalised


NORMALISATIONS = {
    "minmax": minmax_normalise,
    "linear": linear_normalise,
    "vector": vector_normalise,
}
"""Normalisations by name, for the ``normalisation=`` keyword of the scoring methods."""
