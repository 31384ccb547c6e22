"""Weighted sum model (WSM) on normalised criteria (min-max by default, or linear).

Score of alternative *i*: ``sum_j w_j * r_ij`` with ``r`` from :func:`minmax_normalise`
(or :func:`linear_normalise` with ``normalisation="linear"``) and
``w`` rescaled to sum 1 (Fishburn 1967). Additive, so a score splits into per-criterion
contributions that explain it.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from shorewise.decision.normalise import NORMALISATIONS, DecisionMatrix, Scores, unit_weights

__all__ = ["weighted_sum", "weighted_sum_contributions"]


def weighted_sum_contributions(
    matrix: ArrayLike, directions: ArrayLike, weights: ArrayLike, normalisation: str = "minmax"
) -> DecisionMatrix:
    """Each criterion's share of the WSM score: ``(..., alternatives, criteria)``.

    ``contributions.sum(axis=-1)`` is :func:`weighted_sum` (up to rounding); a contribution
    is in ``[0, w_j]`` with ``w`` normalised to sum 1.

    >>> weighted_sum_contributions([[1.0, 5.0], [3.0, 1.0]], [1, -1], [3, 1]).tolist()
    [[0.0, 0.0], [0.75, 0.25]]
    """
    normalised = NORMALISATIONS[normalisation](matrix, directions)
    return normalised * unit_weights(weights, normalised.shape[-1])


def weighted_sum(
    matrix: ArrayLike, directions: ArrayLike, weights: ArrayLike, normalisation: str = "minmax"
) -> Scores:
    """WSM scores ``(..., alternatives)`` in ``[0, 1]``, 1 = best on every criterion.

    ``matrix`` is ``(..., alternatives, criteria)``, ``directions`` ``(criteria,)`` with +1
    benefit / -1 cost, ``weights`` ``(criteria,)`` >= 0 (rescaled to sum 1). Raises
    ``ValueError`` for mismatched shapes or all-zero weights.

    >>> weighted_sum([[1.0, 5.0], [3.0, 1.0], [2.0, 3.0]], [1, -1], [3, 1]).tolist()
    [0.0, 1.0, 0.5]
    """
    total: Scores = weighted_sum_contributions(matrix, directions, weights, normalisation).sum(
        axis=-1
    )
    return np.clip(total, 0.0, 1.0)
