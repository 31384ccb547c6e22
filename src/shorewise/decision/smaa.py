"""SMAA-2: how often each alternative takes each rank when both the facts and the weights vary.

Stochastic multicriteria acceptability analysis (Lahdelma & Salminen 2001, *Operations
Research* 49(3):444-454), with the project's weighted sum on the linear normalisation
(:mod:`shorewise.decision.wsm`, :mod:`shorewise.decision.normalise`) as the value function.
For Monte Carlo draws ``x`` of the decision matrix and weight vectors ``w`` from a density
``f(w)`` (uniform on the simplex when nothing is known, see
:mod:`shorewise.decision.weights_sampling`):

- rank acceptability ``b[i, r] = P(rank_i(x, w) = r)`` — the share of (draw, weight) pairs in
  which alternative *i* takes rank *r* (r = 1 first). Each row and each column sums to 1;
- central weight vector ``wc_i = E[w | rank_i(x, w) = 1]`` — the typical weights that make
  *i* win; undefined (``None``) when *i* never wins;
- confidence factor ``pc_i = P(rank_i(x, wc_i) = 1)`` over the draws — how often *i* wins
  when its own central weights are used; ``None`` when ``wc_i`` is.

Ties are broken by the lower index, as in :func:`~shorewise.decision.ranking.ranks`.

**Pairs, not the cross product.** 200,000 draws x 10,000 weights would be 2e9 pairs. The
integrals above are over the product distribution of ``x`` and ``w``, so each estimate needs
pairs ``(x, w)`` drawn from it, not every combination: ``n_pairs`` pairs (default the larger
of the two counts) take the draws and the weights each in a fresh random permutation, cycled
— every draw and every weight is used equally often (within one), and each pair is an exact
sample of the product. A share estimated from ``K`` pairs has a standard error of at most
``0.5 / sqrt(K)`` (0.0011 at 200,000), the error bound SMAA-2 uses (Tervonen & Lahdelma
2007, *EJOR* 178(2):500-513). Pairs are scored in chunks of ``chunk_size``, so memory is
``O(chunk_size x alternatives x criteria)`` beside the input matrix.

>>> import numpy as np
>>> matrix = np.array([[[1.0, 0.2], [0.4, 1.0]]])  # one draw, two alternatives, two benefits
>>> w = np.column_stack([np.linspace(0, 1, 7001), 1 - np.linspace(0, 1, 7001)])
>>> result = smaa(matrix, [1, 1], w, np.random.default_rng(0))
>>> result.rank_acceptability.round(3).tolist()  # A wins iff w_1 > 4/7
[[0.429, 0.571], [0.571, 0.429]]
>>> result.central_weights[0].round(3).tolist(), result.confidence
([0.786, 0.214], (1.0, 1.0))
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

from shorewise.decision.normalise import NORMALISATIONS, DecisionMatrix, Directions, Weights
from shorewise.decision.ranking import ranks

__all__ = ["SmaaResult", "smaa"]

DEFAULT_CHUNK = 32_768
"""Pairs scored at once: 32,768 x 10 alternatives x 5 criteria is 13 MB of float64."""


@dataclass(frozen=True)
class SmaaResult:
    """SMAA-2 indices for ``alternatives`` alternatives (in the matrix's order).

    ``rank_acceptability`` is ``(alternative, rank)``, rank 1 first; ``central_weights[i]`` is
    ``(criterion,)`` summing to 1, or ``None``; ``confidence[i]`` in ``[0, 1]`` or ``None``.
    """

    rank_acceptability: NDArray[np.float64]
    central_weights: tuple[Weights | None, ...]
    confidence: tuple[float | None, ...]
    n_pairs: int

    @property
    def first_rank_acceptability(self) -> NDArray[np.float64]:
        """``b[i, 1]``: share of pairs in which each alternative ranks first ``(alternative,)``."""
        first: NDArray[np.float64] = self.rank_acceptability[:, 0]
        return first

    def records(self, options: Sequence[str], criteria: Sequence[str]) -> list[dict[str, Any]]:
        """One JSON-ready object per alternative (DESIGN §6 ``smaa``), named by ``options``.

        >>> r = SmaaResult(np.array([[1.0, 0.0], [0.0, 1.0]]), (np.array([0.5, 0.5]), None),
        ...                (1.0, None), 1)
        >>> r.records(["onshore_inhouse", "onshore_outsource"], ["cost", "speed"])[1]
        {'option': 'onshore_outsource', 'rank_acceptability': [0.0, 1.0], \
'central_weights': None, 'confidence': None}
        """
        if len(options) != self.rank_acceptability.shape[0]:
            raise ValueError(
                f"need one option name per alternative ({self.rank_acceptability.shape[0]}), "
                f"got {len(options)}"
            )
        rows = []
        for i, option in enumerate(options):
            central = self.central_weights[i]
            rows.append(
                {
                    "option": option,
                    "rank_acceptability": [float(v) for v in self.rank_acceptability[i]],
                    "central_weights": None
                    if central is None
                    else {name: float(v) for name, v in zip(criteria, central, strict=True)},
                    "confidence": self.confidence[i],
                }
            )
        return rows


def smaa(
    matrix: ArrayLike,
    directions: ArrayLike,
    weights: ArrayLike,
    rng: np.random.Generator,
    *,
    normalisation: str = "linear",
    n_pairs: int | None = None,
    chunk_size: int = DEFAULT_CHUNK,
) -> SmaaResult:
    """SMAA-2 rank acceptabilities, central weights and confidence factors.

    ``matrix`` is ``(draw, alternative, criterion)`` (a 2-D matrix is one draw),
    ``directions`` ``(criterion,)`` +1 benefit / -1 cost, ``weights`` ``(n_weights,
    criterion)`` sampled weight vectors (rows >= 0, rescaled to sum 1). ``rng`` pairs draws
    with weights; ``n_pairs`` defaults to ``max(draws, n_weights)``. Raises ``ValueError``
    for mismatched shapes, non-finite values, negative or all-zero weight rows, or an
    unknown normalisation.
    """
    values, signs, unit = _checked(matrix, directions, weights, normalisation)
    normalise = NORMALISATIONS[normalisation]
    n_draws, n_alternatives, n_criteria = values.shape
    pairs = max(n_draws, unit.shape[0]) if n_pairs is None else int(n_pairs)
    if pairs < 1 or chunk_size < 1:
        raise ValueError(f"n_pairs and chunk_size must be >= 1, got {pairs} and {chunk_size}")
    draw_index = _balanced_indices(n_draws, pairs, rng)
    weight_index = _balanced_indices(unit.shape[0], pairs, rng)
    rank_counts = np.zeros((n_alternatives, n_alternatives), dtype=np.int64)
    win_weight_sums = np.zeros((n_alternatives, n_criteria))
    for start in range(0, pairs, chunk_size):
        stop = min(start + chunk_size, pairs)
        normalised = normalise(values[draw_index[start:stop]], signs)
        pair_weights = unit[weight_index[start:stop]]
        scores = np.einsum("kac,kc->ka", normalised, pair_weights)
        ranked = ranks(scores) - 1
        cells = np.arange(n_alternatives) * n_alternatives + ranked
        rank_counts += np.bincount(cells.ravel(), minlength=n_alternatives**2).reshape(
            n_alternatives, n_alternatives
        )
        winner = np.argmin(ranked, axis=1)
        for j in range(n_criteria):
            win_weight_sums[:, j] += np.bincount(
                winner, weights=pair_weights[:, j], minlength=n_alternatives
            )
    wins = rank_counts[:, 0]
    central: tuple[Weights | None, ...] = tuple(
        win_weight_sums[i] / wins[i] if wins[i] > 0 else None for i in range(n_alternatives)
    )
    confidence = _confidence(values, signs, central, normalisation, chunk_size)
    return SmaaResult(rank_counts / pairs, central, confidence, pairs)


def _confidence(
    values: DecisionMatrix,
    signs: Directions,
    central: tuple[Weights | None, ...],
    normalisation: str,
    chunk_size: int,
) -> tuple[float | None, ...]:
    """Share of draws in which each alternative wins with its own central weights."""
    having = [i for i, w in enumerate(central) if w is not None]
    stacked = np.array([central[i] for i in having])  # (having, criterion)
    n_draws, n_alternatives, _ = values.shape
    wins = np.zeros(len(having), dtype=np.int64)
    step = max(1, chunk_size // max(1, len(having)))
    for start in range(0, n_draws, step):
        normalised = NORMALISATIONS[normalisation](values[start : start + step], signs)
        scores = np.einsum("dac,bc->dba", normalised, stacked)  # (draw, having, alternative)
        winner = np.argmax(scores, axis=-1)
        wins += np.sum(winner == np.asarray(having)[None, :], axis=0)
    shares = dict(zip(having, (float(v) / n_draws for v in wins), strict=True))
    return tuple(shares.get(i) for i in range(n_alternatives))


def _balanced_indices(n: int, size: int, rng: np.random.Generator) -> NDArray[np.int64]:
    """``size`` indices into ``range(n)``: fresh random permutations, concatenated."""
    cycles = -(-size // n)
    indices: NDArray[np.int64] = np.concatenate([rng.permutation(n) for _ in range(cycles)])
    return indices[:size]


def _checked(
    matrix: ArrayLike, directions: ArrayLike, weights: ArrayLike, normalisation: str
) -> tuple[DecisionMatrix, Directions, Weights]:
    values = np.asarray(matrix, dtype=np.float64)
    if values.ndim == 2:
        values = values[None]
    if values.ndim != 3 or 0 in values.shape:
        raise ValueError(
            f"matrix must have shape (draws, alternatives, criteria), got {values.shape}"
        )
    if not np.all(np.isfinite(values)):
        raise ValueError("matrix must be finite (no NaN or infinity)")
    signs = np.asarray(directions, dtype=np.float64)
    if signs.shape != values.shape[-1:] or not np.all(np.abs(signs) == 1.0):
        raise ValueError(
            f"directions must be {values.shape[-1]} values of +1 (benefit) or -1 (cost), "
            f"got {signs.tolist()}"
        )
    if normalisation not in NORMALISATIONS:
        raise ValueError(
            f"unknown normalisation {normalisation!r}; choose one of: "
            f"{', '.join(sorted(NORMALISATIONS))}"
        )
    rows = np.asarray(weights, dtype=np.float64)
    if rows.ndim != 2 or rows.shape[1] != values.shape[-1] or rows.shape[0] == 0:
        raise ValueError(
            f"weights must have shape (n_weights, {values.shape[-1]}), got {rows.shape}"
        )
    if not np.all(np.isfinite(rows)) or np.any(rows < 0):
        raise ValueError("weights must be finite and >= 0")
    totals = rows.sum(axis=1, keepdims=True)
    if np.any(totals <= 0):
        raise ValueError("every weight vector needs at least one weight above 0")
    unit: Weights = rows / totals
    return values, signs, unit
