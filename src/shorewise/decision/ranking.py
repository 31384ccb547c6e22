"""From scores to decisions: ranks, probability of ranking first, weight robustness.

Shapes follow :mod:`shorewise.decision.normalise`: scores are ``(..., alternatives)``.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

from shorewise.decision.normalise import Weights, unit_weights

__all__ = ["perturbed_weights", "probability_first", "rank_agreement", "ranks"]


def ranks(scores: ArrayLike) -> NDArray[np.int64]:
    """Rank of each alternative, ``(..., alternatives)``: 1 = highest score.

    Ties are broken by the lower index (the earlier alternative ranks higher), so ranks are
    always a permutation of ``1..n``.

    >>> ranks([0.2, 0.9, 0.2]).tolist()
    [2, 1, 3]
    """
    values = np.asarray(scores, dtype=np.float64)
    order = np.argsort(-values, axis=-1, kind="stable")
    result = np.empty(values.shape, dtype=np.int64)
    positions = np.broadcast_to(np.arange(1, values.shape[-1] + 1, dtype=np.int64), values.shape)
    np.put_along_axis(result, order, positions, axis=-1)
    return result


def probability_first(
    scores: ArrayLike, eligible: NDArray[np.bool_] | None = None
) -> NDArray[np.float64]:
    """Share of draws in which each alternative ranks first among the eligible ones.

    ``scores`` is ``(draws, alternatives)`` (any leading axes are treated as draws);
    ``eligible`` is ``(alternatives,)``, default all. Returns ``(alternatives,)`` shares that
    sum to 1; ineligible alternatives get 0. Ties go to the lower index, as in :func:`ranks`.
    Raises ``ValueError`` if no alternative is eligible.

    >>> probability_first([[0.9, 0.1], [0.2, 0.8], [0.7, 0.3]]).round(3).tolist()
    [0.667, 0.333]
    """
    values = np.asarray(scores, dtype=np.float64)
    n_alternatives = values.shape[-1]
    draws = values.reshape(-1, n_alternatives)
    mask = np.ones(n_alternatives, dtype=bool) if eligible is None else np.asarray(eligible)
    if mask.shape != (n_alternatives,):
        raise ValueError(f"eligible must have shape ({n_alternatives},), got shape {mask.shape}")
    if not mask.any():
        raise ValueError("no alternative is eligible")
    masked = np.where(mask, draws, -np.inf)
    winners = np.argmax(masked, axis=-1)
    counts = np.bincount(winners, minlength=n_alternatives)
    return counts / draws.shape[0]


def perturbed_weights(
    weights: ArrayLike, rng: np.random.Generator, n: int, spread: float = 0.2
) -> Weights:
    """``n`` jittered copies of ``weights``, ``(n, criteria)``, each row summing to 1.

    Each weight is multiplied by an independent ``U(1 - spread, 1 + spread)`` factor, then the
    row is renormalised; a zero weight stays zero. ``spread`` must be in ``[0, 1)``. Use it to
    ask whether the ranking survives reasonable disagreement about the weights.

    >>> w = perturbed_weights([0.5, 0.5], np.random.default_rng(0), n=3)
    >>> w.shape, bool(np.allclose(w.sum(axis=1), 1.0))
    ((3, 2), True)
    """
    if not 0.0 <= spread < 1.0:
        raise ValueError(f"spread must be in [0, 1), got {spread}")
    if n < 0:
        raise ValueError(f"n must be >= 0, got {n}")
    values = np.asarray(weights, dtype=np.float64)
    if values.ndim != 1:
        raise ValueError(f"weights must be a vector (criteria,), got shape {values.shape}")
    base = unit_weights(values, values.shape[0])
    factors = rng.uniform(1.0 - spread, 1.0 + spread, size=(n, base.shape[0]))
    jittered = base * factors
    result: Weights = jittered / jittered.sum(axis=1, keepdims=True)
    return result


def rank_agreement(scores_a: ArrayLike, scores_b: ArrayLike) -> float:
    """Kendall's tau between the rankings two score vectors ``(alternatives,)`` induce.

    1.0 when both rank the alternatives identically, -1.0 when exactly reversed. Computed on
    :func:`ranks` (ties broken by index), so a tie never yields NaN; with fewer than two
    alternatives the rankings trivially agree (1.0). Ranks have no ties, so tau is
    (concordant - discordant) / (n (n - 1) / 2) — what ``scipy.stats.kendalltau`` gives,
    without importing scipy.stats (~0.5 s).

    >>> rank_agreement([0.9, 0.5, 0.1], [10.0, 7.0, 1.0])
    1.0
    """
    first = np.asarray(scores_a, dtype=np.float64)
    second = np.asarray(scores_b, dtype=np.float64)
    if first.ndim != 1 or first.shape != second.shape:
        raise ValueError(
            f"scores must be two vectors of the same length, got shapes {first.shape} "
            f"and {second.shape}"
        )
    if first.shape[0] < 2:
        return 1.0
    ra, rb = ranks(first), ranks(second)
    upper = np.triu_indices(first.shape[0], k=1)
    da = np.sign(ra[:, None] - ra[None, :])[upper]
    db = np.sign(rb[:, None] - rb[None, :])[upper]
    return float(np.sum(da * db) / da.size)
