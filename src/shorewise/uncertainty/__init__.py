"""Sampling uncertain inputs: seeded streams, distributions, rank correlation, blocks.

- :mod:`.rng` — the one door for randomness (``make_rng``, ``block_rng``);
- :mod:`.distributions` — ``ppf`` / ``sample`` / ``median`` / ``support`` for every kind;
- :mod:`.correlation` — declared rank correlations, imposed by Iman–Conover;
- :mod:`.sampling` — all inputs of a run, drawn block by block so any chunking agrees.

Importing this package does not import scipy (it is imported lazily when first needed).

Example::

    >>> from shorewise.domain.distributions import Triangular
    >>> draws = sample_inputs({"ramp_up_months": Triangular(low=2, mode=3, high=6)}, 4, seed=7)
    >>> draws["ramp_up_months"].shape
    (4,)
"""

from shorewise.uncertainty.correlation import (
    CorrelationSpec,
    correlation_matrix,
    impose_rank_correlation,
)
from shorewise.uncertainty.distributions import (
    is_fixed,
    median,
    ppf,
    quantile,
    sample,
    support,
)
from shorewise.uncertainty.rng import block_rng, make_rng
from shorewise.uncertainty.sampling import (
    BLOCK_SIZE,
    METHODS,
    Method,
    central_inputs,
    sample_block,
    sample_inputs,
    uncertain_names,
)

__all__ = [
    "BLOCK_SIZE",
    "METHODS",
    "CorrelationSpec",
    "Method",
    "block_rng",
    "central_inputs",
    "correlation_matrix",
    "impose_rank_correlation",
    "is_fixed",
    "make_rng",
    "median",
    "ppf",
    "quantile",
    "sample",
    "sample_block",
    "sample_inputs",
    "support",
    "uncertain_names",
]
