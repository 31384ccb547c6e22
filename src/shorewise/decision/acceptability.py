"""How much the pick depends on the weights: SMAA-2 over the Monte Carlo draws and the
weights people could hold, as records for the JSON and findings for the recommendation.

Weights are sampled uniformly from the region the scenario allows (the whole simplex when
it gives plain-number weights: "whatever you weigh, how often does this win?"; its ranges
and importance order otherwise). The pick's first-rank acceptability becomes a reason
(``smaa_first``, a caveat when under one half); every other option that ranks first for a
sizeable share of the (draw, weight) pairs (:data:`SIZEABLE`) becomes ``smaa_alternative``
with the criteria its central weights favour against the pick's: "a vendor abroad wins when
speed weighs more than cost".

Example::

    >>> import numpy as np
    >>> from shorewise.domain.weight_constraints import WeightConstraints
    >>> cube = np.array([[[1.0, 0.2, 1, 1, 1], [0.5, 1.0, 1, 1, 1]]])  # cost, speed, ...
    >>> out = weight_acceptability(cube, ["a", "b"], 0, WeightConstraints(CRITERIA), seed=1)
    >>> [f.kind for f in out.findings]
    ['smaa_first', 'smaa_alternative']
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from shorewise.decision.criteria import DIRECTIONS, NORMALISATION
from shorewise.decision.findings import Finding
from shorewise.decision.smaa import smaa
from shorewise.decision.weights_sampling import sample_weights
from shorewise.domain.weight_constraints import WeightConstraints
from shorewise.domain.weight_spec import CRITERIA
from shorewise.engine.types import FloatArray

__all__ = ["SIZEABLE", "SMAA_DRAWS", "SMAA_WEIGHTS", "Acceptability", "weight_acceptability"]

SMAA_DRAWS = 20_000
"""Monte Carlo draws SMAA pairs with weights (the run's first ones)."""
SMAA_WEIGHTS = 10_000
"""Weight vectors sampled from the allowed region."""
SIZEABLE = 0.2
"""Another option that ranks first for at least this share of the pairs is worth naming."""


@dataclass(frozen=True)
class Acceptability:
    """SMAA records (one per option, DESIGN §6) and the findings they give."""

    records: tuple[dict[str, Any], ...]
    findings: tuple[Finding, ...]


def _contrast(mine: FloatArray, theirs: FloatArray) -> tuple[str, str]:
    """The criterion the other option's central weights favour most, and the one least,
    against the pick's."""
    diff = theirs - mine
    return CRITERIA[int(np.argmax(diff))], CRITERIA[int(np.argmin(diff))]


def weight_acceptability(
    matrix: FloatArray,
    options: Sequence[str],
    best: int,
    constraints: WeightConstraints,
    *,
    seed: int,
) -> Acceptability:
    """SMAA over ``matrix`` ``(draw, option, criterion)`` (eligible options only, in the
    order of ``options``) with weights from ``constraints``; ``best`` is the pick's index."""
    rng = np.random.default_rng([seed, 15])
    weights = sample_weights(constraints, SMAA_WEIGHTS, rng)
    draws = matrix[:SMAA_DRAWS]
    result = smaa(draws, DIRECTIONS, weights, rng, normalisation=NORMALISATION)
    records = tuple(result.records(list(options), CRITERIA))
    first = result.first_rank_acceptability
    region = "any" if constraints.is_unconstrained else "yours"
    findings = [
        Finding(
            "smaa_first",
            {"share": float(first[best]), "weights": region, "pairs": result.n_pairs},
        )
    ]
    mine = result.central_weights[best]
    for i, option in enumerate(options):
        theirs = result.central_weights[i]
        if i == best or first[i] < SIZEABLE or theirs is None or mine is None:
            continue
        heavier, lighter = _contrast(mine, theirs)
        findings.append(
            Finding(
                "smaa_alternative",
                {
                    "option": option,
                    "share": float(first[i]),
                    "heavier": heavier,
                    "lighter": lighter,
                    "central_weights": {c: float(v) for c, v in zip(CRITERIA, theirs, strict=True)},
                },
            )
        )
    return Acceptability(records, tuple(findings))
