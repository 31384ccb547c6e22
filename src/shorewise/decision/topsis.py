"""TOPSIS: closeness to the ideal alternative (Hwang & Yoon 1981).

Steps: vector-normalise each criterion (:func:`vector_normalise`, cost criteria reversed),
weight it, take the best (PIS) and worst (NIS) weighted value of each criterion over the
alternatives, and score ``D- / (D+ + D-)`` with ``D+``/``D-`` the Euclidean distances to PIS
and NIS. Matches ``pymcdm.methods.TOPSIS(normalizations.vector_normalization)``; pass
``normalisation="minmax"`` for pymcdm's default ``TOPSIS()``.
"""

from __future__ import annotations

from typing import Literal

import numpy as np
from numpy.typing import ArrayLike

from shorewise.decision.normalise import (
    Scores,
    minmax_normalise,
    unit_weights,
    vector_normalise,
)

__all__ = ["topsis"]


def topsis(
    matrix: ArrayLike,
    directions: ArrayLike,
    weights: ArrayLike,
    *,
    normalisation: Literal["vector", "minmax"] = "vector",
) -> Scores:
    """TOPSIS closeness ``(..., alternatives)`` in ``[0, 1]``, 1 = at the ideal point.

    ``matrix`` is ``(..., alternatives, criteria)``, ``directions`` ``(criteria,)`` with +1
    benefit / -1 cost, ``weights`` ``(criteria,)`` >= 0 (rescaled to sum 1). An alternative
    at the ideal point (including when all alternatives tie) scores 1.0; never NaN. Raises
    ``ValueError`` for mismatched shapes, all-zero weights or an unknown normalisation.

    >>> topsis([[1.0, 5.0], [3.0, 1.0], [2.0, 3.0]], [1, -1], [1, 1]).round(3).tolist()
    [0.0, 1.0, 0.5]
    """
    if normalisation == "vector":
        normalised = vector_normalise(matrix, directions)
    elif normalisation == "minmax":
        normalised = minmax_normalise(matrix, directions)
    else:
        raise ValueError(f"normalisation must be 'vector' or 'minmax', got {normalisation!r}")
    weighted = normalised * unit_weights(weights, normalised.shape[-1])
    ideal = weighted.max(axis=-2, keepdims=True)
    anti_ideal = weighted.min(axis=-2, keepdims=True)
    to_ideal = np.sqrt(np.sum((weighted - ideal) ** 2, axis=-1))
    to_anti_ideal = np.sqrt(np.sum((weighted - anti_ideal) ** 2, axis=-1))
    total = to_ideal + to_anti_ideal
    at_ideal = to_ideal == 0
    closeness = to_anti_ideal / np.where(at_ideal, 1.0, total)
    return np.where(at_ideal, 1.0, closeness)
