"""Rank correlation between uncertain inputs (Iman–Conover), with the declared set checked.

A scenario may declare that two uncertain inputs move together, e.g. "attrition and
ramp-up time: rank correlation 0.6". :func:`correlation_matrix` turns the declarations into
a checked matrix; :func:`impose_rank_correlation` re-orders independent uniforms so their
Spearman correlations match it while each column keeps exactly its own values, so every
marginal distribution is unchanged.

Reference: R. L. Iman and W. J. Conover (1982), "A distribution-free approach to inducing
rank correlation among input variables", *Communications in Statistics B* 11(3), 311–334.

Example::

    >>> names = ["attrition", "ramp_up_months"]
    >>> correlation_matrix(names, [CorrelationSpec(("attrition", "ramp_up_months"), 0.6)])
    array([[1. , 0.6],
           [0.6, 1. ]])
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from shorewise.errors import Problem, ScenarioError

__all__ = ["CorrelationSpec", "correlation_matrix", "impose_rank_correlation"]

Matrix = NDArray[np.float64]  # (k, k) correlations, rows and columns in input-name order
Uniforms = NDArray[np.float64]  # (n, k) draws × inputs, each in (0, 1)

_MIN_EIGENVALUE = 1e-10


@dataclass(frozen=True)
class CorrelationSpec:
    """A declared rank (Spearman) correlation ``rho`` in (-1, 1) between two named inputs."""

    names: tuple[str, str]
    rho: float


def correlation_matrix(names: Sequence[str], specs: Sequence[CorrelationSpec]) -> Matrix:
    """The (k, k) rank-correlation matrix over ``names``: identity plus the declared pairs.

    Raises ``ScenarioError`` listing every problem: a name that is not one of ``names``
    (only uncertain inputs can be correlated), an input paired with itself, ``|rho| >= 1``,
    a pair declared twice; or, for a set that cannot hold at once (the matrix is not
    positive definite), one problem on field ``correlations`` with the smallest eigenvalue.
    """
    index = {name: i for i, name in enumerate(names)}
    matrix = np.eye(len(names))
    problems: list[Problem] = []
    declared: dict[frozenset[str], int] = {}
    for i, spec in enumerate(specs):
        between = f"correlations.{i}.between"
        unknown = [name for name in spec.names if name not in index]
        if unknown:
            valid = ", ".join(names) if names else "(none)"
            problems.append(
                Problem(
                    between,
                    f"{', '.join(map(repr, unknown))} is not an uncertain input; only inputs "
                    f"given as a range or distribution can be correlated. Uncertain inputs: "
                    f"{valid}",
                )
            )
            continue
        first, second = spec.names
        if first == second:
            problems.append(Problem(between, f"{first!r} cannot be correlated with itself"))
            continue
        if not (math.isfinite(spec.rho) and abs(spec.rho) < 1.0):
            problems.append(
                Problem(
                    f"correlations.{i}.rho",
                    f"must be strictly between -1 and 1 (got {spec.rho:g})",
                )
            )
            continue
        pair = frozenset(spec.names)
        if pair in declared:
            problems.append(
                Problem(
                    between,
                    f"{first!r} and {second!r} are already correlated in "
                    f"correlations.{declared[pair]}",
                )
            )
            continue
        declared[pair] = i
        matrix[index[first], index[second]] = matrix[index[second], index[first]] = spec.rho
    if problems:
        raise ScenarioError("invalid correlations", problems=tuple(problems))
    smallest = float(np.linalg.eigvalsh(matrix)[0]) if len(names) else 1.0
    if smallest < _MIN_EIGENVALUE:
        raise ScenarioError(
            "the declared correlations are inconsistent",
            problems=(
                Problem(
                    "correlations",
                    "no set of inputs can have all of these correlations at once (the "
                    "correlation matrix is not positive definite: smallest eigenvalue "
                    f"{smallest:.3g}); weaken some of them or drop one that the others imply",
                ),
            ),
        )
    return matrix


def _score_cholesky(target: Matrix) -> Matrix:
    """Cholesky factor of the normal-score correlation giving Spearman ``target``.

    For normal scores, Spearman ρs = (6/π)·asin(r/2), so aim the scores at
    r = 2·sin(π·ρs/6); fall back to ``target`` itself if that is not positive definite.
    """
    score_target = 2.0 * np.sin(np.pi * target / 6.0)
    np.fill_diagonal(score_target, 1.0)
    try:
        factor = np.linalg.cholesky(score_target)
    except np.linalg.LinAlgError:
        factor = np.linalg.cholesky(target)
    return np.asarray(factor, dtype=np.float64)


def impose_rank_correlation(u: Uniforms, target: Matrix, rng: np.random.Generator) -> Uniforms:
    """``u`` (n, k) with each column re-ordered so Spearman correlations ≈ ``target`` (k, k).

    Iman–Conover: random permutations of van der Waerden scores Φ⁻¹(i/(n+1)), corrected by
    the Cholesky factor of their sample correlation, then mapped to ``target`` (aimed at
    the normal-score equivalent 2·sin(π·ρ/6), so Spearman, not Pearson, hits it); each column
    of ``u`` is re-arranged to the ranks of its score column. Every column of the result is
    a permutation of the same column of ``u``; columns with no correlation in ``target``
    are left as they are. ``target`` must be positive definite (as returned by
    :func:`correlation_matrix`); ``rng`` draws the score permutations.

    >>> rng = np.random.default_rng(1)
    >>> out = impose_rank_correlation(rng.random((2000, 2)), np.array([[1, .7], [.7, 1]]), rng)
    >>> from scipy.stats import spearmanr
    >>> round(float(spearmanr(out).statistic), 1)
    0.7
    """
    n, k = u.shape
    if target.shape != (k, k):
        raise ValueError(f"target must be ({k}, {k}) for {k} columns (got {target.shape})")
    linked = np.flatnonzero((target != np.eye(k)).any(axis=0))
    result = np.array(u, dtype=np.float64)
    if n >= 2 and linked.size >= 2:
        result[:, linked] = _iman_conover(u[:, linked], target[np.ix_(linked, linked)], rng)
    return result


def _iman_conover(u: Uniforms, target: Matrix, rng: np.random.Generator) -> Uniforms:
    """The re-ordering itself, for columns that all take part (n >= 2, k >= 2)."""
    n, k = u.shape
    from scipy.special import ndtri  # lazy: keep module import free of scipy

    scores = np.asarray(ndtri(np.arange(1, n + 1) / (n + 1)), dtype=np.float64)
    score_rows = rng.permuted(np.broadcast_to(scores, (k, n)), axis=1)  # (k, n)
    try:  # remove the sample correlation the random permutations happen to have
        sample_factor = np.linalg.cholesky(np.corrcoef(score_rows))
    except np.linalg.LinAlgError:  # too few rows for a full-rank sample correlation
        sample_factor = np.eye(k)
    transform = np.linalg.solve(sample_factor.T, _score_cholesky(target).T)  # (k, k)
    target_rows = transform.T @ score_rows  # (k, n): scores with the target correlation
    result = np.empty((k, n), dtype=np.float64)
    np.put_along_axis(result, np.argsort(target_rows, axis=1), np.sort(u.T, axis=1), axis=1)
    return result.T
