"""Decide between alternatives: multi-criteria scoring and what the scores mean.

Pure numpy kernels (scipy imported lazily), vectorised over leading axes such as Monte Carlo
draws. Axis order: matrix ``(..., alternative, criterion)``, directions and weights
``(criterion,)``, scores ``(..., alternative)``.

- normalise: :func:`minmax_normalise`, :func:`vector_normalise`
- score (one contract, registry :data:`SCORING_METHODS`): :func:`weighted_sum` (additive,
  with :func:`weighted_sum_contributions` for the "why") and :func:`topsis`
- interpret: :func:`ranks`, :func:`probability_first`, :func:`perturbed_weights`,
  :func:`rank_agreement`

>>> weighted_sum([[100.0, 0.9], [80.0, 0.6]], directions=[-1, 1], weights=[0.5, 0.5]).tolist()
[0.5, 0.5]
"""

from shorewise.decision.normalise import (
    DecisionMatrix,
    Directions,
    Scores,
    Weights,
    minmax_normalise,
    unit_weights,
    vector_normalise,
)
from shorewise.decision.ranking import (
    perturbed_weights,
    probability_first,
    rank_agreement,
    ranks,
)
from shorewise.decision.scoring import SCORING_METHODS, ScoringMethod, scoring_method
from shorewise.decision.topsis import topsis
from shorewise.decision.wsm import weighted_sum, weighted_sum_contributions

__all__ = [
    "SCORING_METHODS",
    "DecisionMatrix",
    "Directions",
    "Scores",
    "ScoringMethod",
    "Weights",
    "minmax_normalise",
    "perturbed_weights",
    "probability_first",
    "rank_agreement",
    "ranks",
    "scoring_method",
    "topsis",
    "unit_weights",
    "vector_normalise",
    "weighted_sum",
    "weighted_sum_contributions",
]
