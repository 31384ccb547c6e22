"""Weight vectors drawn uniformly from the simplex, or from the part of it the user allows.

Every sampler is exact: its draws are independent and uniform on the allowed region
(:class:`~shorewise.domain.weight_constraints.WeightConstraints`), as SMAA-2 needs
(Lahdelma & Salminen 2001; Tervonen & Lahdelma 2007 for the sampling).

- **No constraint**: ``w = e / sum(e)`` with ``e`` i.i.d. standard exponential, i.e.
  Dirichlet(1, ..., 1), uniform on the simplex (normalised exponential spacings, Devroye
  1986, *Non-Uniform Random Variate Generation*).
- **Constraints** (intervals, an order, or both): rejection sampling from an exact uniform
  proposal on a region that contains the allowed one, so the accepted draws are exactly
  uniform on it. Criteria whose tightened bounds pin them (``lower' == upper'``) are set
  first; the others share the rest. Three proposals, and a pilot of 4,096 draws of each picks
  the one that accepts most:

  * *shifted simplex*: ``w = lower' + (1 - sum lower') * u``, ``u`` uniform on the simplex —
    uniform on ``{w >= lower'}`` (an affine image of the simplex);
  * *box*: every weight but the widest uniform in ``[lower', upper']``, the widest is
    ``1 - sum(others)`` — uniform on the box's slice of the simplex (constant Jacobian);
  * *sorted simplex* (with an order): a uniform simplex draw whose ordered criteria are
    sorted into the order — uniform on the ordered region, because permuting coordinates
    preserves the uniform distribution and sorting maps ``k!`` regions onto one.

  If even the best proposal accepts fewer than 1 in 10,000 draws, the region is too small to
  sample and a ``ValueError`` says to widen the ranges.

>>> import numpy as np
>>> from shorewise.domain.weight_constraints import WeightConstraints
>>> c = WeightConstraints(("cost", "speed", "control"), order=("cost", "speed", "control"))
>>> w = sample_weights(c, 1000, np.random.default_rng(1))
>>> bool(np.all(w[:, 0] >= w[:, 1])) and bool(np.all(w[:, 1] >= w[:, 2]))
True
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from shorewise.decision.normalise import Weights
from shorewise.domain.weight_constraints import TOLERANCE, WeightConstraints

__all__ = ["MIN_ACCEPTANCE", "sample_weights", "uniform_simplex"]

MIN_ACCEPTANCE = 1e-4
"""Below this share of accepted proposals, a region is refused as too small to sample
(judgement: 10,000 weight vectors would then need over 10^8 candidates, minutes of work)."""
_PILOT = 4096
_MAX_BATCH = 1 << 20

Proposal = Callable[[int], Weights]  # n -> (n, free criteria) points summing to 1


def uniform_simplex(n: int, n_criteria: int, rng: np.random.Generator) -> Weights:
    """``n`` weight vectors ``(n, n_criteria)`` uniform on the simplex (each row sums to 1).

    >>> w = uniform_simplex(4, 3, np.random.default_rng(0))
    >>> w.shape, bool(np.allclose(w.sum(axis=1), 1.0))
    ((4, 3), True)
    """
    if n < 0 or n_criteria < 1:
        raise ValueError(f"need n >= 0 and n_criteria >= 1, got n={n}, n_criteria={n_criteria}")
    spacings = rng.standard_exponential((n, n_criteria))
    result: Weights = spacings / spacings.sum(axis=1, keepdims=True)
    return result


def sample_weights(constraints: WeightConstraints, n: int, rng: np.random.Generator) -> Weights:
    """``n`` weight vectors ``(n, criteria)`` uniform on the region ``constraints`` allow.

    Columns follow ``constraints.criteria``; rows sum to 1 and pass
    ``constraints.contains``. Raises ``ValueError`` when the region is too small to sample
    (see the module docstring).
    """
    if n < 0:
        raise ValueError(f"n must be >= 0, got {n}")
    k = len(constraints.criteria)
    if constraints.is_unconstrained:
        return uniform_simplex(n, k, rng)
    low = np.asarray(constraints.tight_lower)
    high = np.asarray(constraints.tight_upper)
    free = np.flatnonzero(high - low > TOLERANCE)
    base = np.where(high - low > TOLERANCE, 0.0, (low + high) / 2)
    rest = 1.0 - base.sum()
    free_low, free_high = low[free], high[free]
    if free.size == 0 or rest - free_low.sum() <= TOLERANCE or free_high.sum() - rest <= TOLERANCE:
        point = base.copy()
        point[free] = free_low if rest - free_low.sum() <= TOLERANCE else free_high
        return np.tile(point, (n, 1))
    proposals = _proposals(
        constraints, free, free_low / rest, np.minimum(free_high / rest, 1.0), rng
    )

    def full(shares: Weights) -> Weights:
        weights = np.tile(base, (shares.shape[0], 1))
        weights[:, free] = shares * rest
        return weights

    propose, acceptance = _best_proposal(proposals, full, constraints)
    if acceptance < MIN_ACCEPTANCE:
        raise ValueError(
            f"the weight ranges and order leave a region too small to sample (under "
            f"{MIN_ACCEPTANCE:.0e} of the candidates fit); widen the ranges or drop part "
            "of the order"
        )
    kept: list[Weights] = []
    count = 0
    while count < n:
        batch = min(_MAX_BATCH, int((n - count) / acceptance * 1.2) + 64)
        candidates = full(propose(batch))
        accepted = candidates[constraints.contains(candidates)]
        kept.append(accepted)
        count += accepted.shape[0]
    return np.concatenate(kept)[:n] if kept else np.empty((0, k))


def _proposals(
    constraints: WeightConstraints,
    free: np.ndarray,
    low: Weights,
    high: Weights,
    rng: np.random.Generator,
) -> list[Proposal]:
    """Exact uniform proposals on regions of the free criteria's simplex that hold the target."""
    m = free.size
    slack = 1.0 - low.sum()

    def shifted(n: int) -> Weights:
        shares: Weights = low + slack * uniform_simplex(n, m, rng)
        return shares

    proposals: list[Proposal] = [shifted]
    if m >= 2:
        widest = int(np.argmax(high - low))
        others = np.delete(np.arange(m), widest)

        def box(n: int) -> Weights:
            shares = np.empty((n, m))
            shares[:, others] = rng.uniform(low[others], high[others], size=(n, m - 1))
            shares[:, widest] = 1.0 - shares[:, others].sum(axis=1)
            return shares

        proposals.append(box)
    position = {int(j): i for i, j in enumerate(free)}
    chain = [position[j] for j in constraints.order_index if j in position]
    if len(chain) >= 2:

        def ordered(n: int) -> Weights:
            shares = uniform_simplex(n, m, rng)
            shares[:, chain] = -np.sort(-shares[:, chain], axis=1)
            return shares

        proposals.append(ordered)
    return proposals


def _best_proposal(
    proposals: list[Proposal],
    full: Callable[[Weights], Weights],
    constraints: WeightConstraints,
) -> tuple[Proposal, float]:
    """The proposal with the highest pilot acceptance, and that acceptance."""
    rates = [float(constraints.contains(full(p(_PILOT))).mean()) for p in proposals]
    if max(rates) == 0.0:  # too coarse to see a rate near MIN_ACCEPTANCE: look harder
        rates = [float(constraints.contains(full(p(16 * _PILOT))).mean()) for p in proposals]
    best = int(np.argmax(rates))
    return proposals[best], rates[best]


CENTRE_SAMPLES = 8192
"""Samples averaged for the centre of a weight region (a fixed seed: the same centre always)."""


def centre(constraints: WeightConstraints) -> Weights:
    """The centre of the region ``constraints`` allow: the mean of uniform samples from it
    (its centroid, to about 0.3 % per weight), ``(criteria,)``, summing to 1.

    >>> from shorewise.domain.weight_constraints import WeightConstraints
    >>> c = centre(WeightConstraints(("a", "b"), order=("a", "b")))
    >>> c.round(2).tolist()  # a >= b: a is uniform on [0.5, 1], its mean 0.75
    [0.75, 0.25]
    """
    samples = sample_weights(constraints, CENTRE_SAMPLES, np.random.default_rng(0))
    mean: Weights = samples.mean(axis=0)
    out: Weights = mean / mean.sum()
    return out
