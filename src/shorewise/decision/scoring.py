"""The scoring methods, by name: every one is ``score(matrix, directions, weights) -> scores``.

``matrix`` is ``(..., alternatives, criteria)``, ``directions`` ``(criteria,)`` (+1 benefit,
-1 cost), ``weights`` ``(criteria,)`` >= 0; scores are ``(..., alternatives)`` in ``[0, 1]``,
higher is better. Methods can disagree: compare them with
:func:`~shorewise.decision.ranking.rank_agreement`.

>>> import numpy as np
>>> scoring_method("topsis")(np.array([[1.0, 2.0], [2.0, 1.0]]), [1, 1], [1, 0]).tolist()
[0.0, 1.0]
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeAlias

from numpy.typing import ArrayLike

from shorewise.decision.normalise import Scores
from shorewise.decision.topsis import topsis
from shorewise.decision.wsm import weighted_sum
from shorewise.errors import ModelError

__all__ = ["SCORING_METHODS", "ScoringMethod", "scoring_method"]

ScoringMethod: TypeAlias = Callable[[ArrayLike, ArrayLike, ArrayLike], Scores]

SCORING_METHODS: dict[str, ScoringMethod] = {
    "wsm": weighted_sum,
    "topsis": topsis,
}


def scoring_method(name: str) -> ScoringMethod:
    """The scoring function called ``name`` (case-insensitive).

    Raises ``ModelError`` listing the valid names if ``name`` is unknown.
    """
    try:
        return SCORING_METHODS[name.strip().lower()]
    except KeyError:
        choices = ", ".join(sorted(SCORING_METHODS))
        raise ModelError(f"unknown scoring method {name!r}; choose one of: {choices}") from None
