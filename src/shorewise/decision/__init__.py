"""Decide between alternatives: multi-criteria scoring and what the scores mean.

Pure numpy kernels (scipy imported lazily), vectorised over leading axes such as Monte Carlo
draws. Axis order: matrix ``(..., alternative, criterion)``, directions and weights
``(criterion,)``, scores ``(..., alternative)``.

- normalise: :func:`minmax_normalise`, :func:`vector_normalise`
- score (one contract, registry :data:`SCORING_METHODS`): :func:`weighted_sum` (additive,
  with :func:`weighted_sum_contributions` for the "why") and :func:`topsis`
- interpret: :func:`ranks`, :func:`probability_first`, :func:`perturbed_weights`,
  :func:`rank_agreement`
- weights are uncertain: :func:`smaa` (SMAA-2 rank acceptability, central weights,
  confidence) over weights from :func:`sample_weights` / :func:`uniform_simplex`, within the
  :class:`WeightConstraints` that :func:`parse_weight_spec` reads from ``weights:`` and
  ``weight_order:``
- what to find out first: :func:`evpi`, :func:`evppi`, :func:`value_of_information`
  (expected value of perfect information, in money), :func:`opportunity_loss`

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
from shorewise.decision.smaa import SmaaResult, smaa
from shorewise.decision.topsis import topsis
from shorewise.decision.voi import (
    InputValue,
    ValueOfInformation,
    evpi,
    evpi_of_costs,
    evppi,
    opportunity_loss,
    value_of_information,
)
from shorewise.decision.weights_sampling import sample_weights, uniform_simplex
from shorewise.decision.wsm import weighted_sum, weighted_sum_contributions
from shorewise.domain.weight_constraints import WeightConstraints
from shorewise.domain.weight_spec import parse_weight_spec

__all__ = [
    "SCORING_METHODS",
    "DecisionMatrix",
    "Directions",
    "InputValue",
    "Scores",
    "ScoringMethod",
    "SmaaResult",
    "ValueOfInformation",
    "WeightConstraints",
    "Weights",
    "evpi",
    "evpi_of_costs",
    "evppi",
    "minmax_normalise",
    "opportunity_loss",
    "parse_weight_spec",
    "perturbed_weights",
    "probability_first",
    "rank_agreement",
    "ranks",
    "sample_weights",
    "scoring_method",
    "smaa",
    "topsis",
    "uniform_simplex",
    "unit_weights",
    "value_of_information",
    "vector_normalise",
    "weighted_sum",
    "weighted_sum_contributions",
]
