"""Our WSM and TOPSIS against pymcdm 1.4, the reference implementation.

WSM is compared with ``pymcdm.methods.WSM(minmax_normalization)`` (pymcdm's WSM defaults to
sum normalisation, ours is min-max); TOPSIS with ``TOPSIS(vector_normalization)``, the
textbook Hwang & Yoon form (pymcdm's ``TOPSIS()`` defaults to min-max normalisation, which we
offer as ``topsis(..., normalisation="minmax")`` and check too). pymcdm's input validation
is switched off: it warns about dominant alternatives, which are legitimate here.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from numpy.typing import NDArray
from pymcdm import normalizations
from pymcdm.methods import TOPSIS, WSM

from shorewise.decision import ranks, topsis, unit_weights, weighted_sum

Float = NDArray[np.float64]
Ours = Callable[[Float, Float, Float], Float]


def _topsis_minmax(matrix: Float, directions: Float, weights: Float) -> Float:
    return topsis(matrix, directions, weights, normalisation="minmax")


PAIRS: list[tuple[str, Ours, object]] = [
    ("wsm", weighted_sum, WSM(normalizations.minmax_normalization)),
    ("topsis", topsis, TOPSIS(normalizations.vector_normalization)),
    ("topsis-minmax", _topsis_minmax, TOPSIS()),
]

FIXED = [
    # (matrix, directions, weights)
    (  # pymcdm's WSM docstring example
        [[96, 83, 75, 7], [63, 5, 56, 9], [72, 30, 32, 48], [11, 4, 27, 9], [77, 21, 17, 11]],
        [1, 1, -1, -1],
        [8 / 13, 5 / 13, 6 / 13, 7 / 13],
    ),
    (  # pymcdm's TOPSIS docstring example
        [[1, 3000], [2, 3750], [5, 4500]],
        [-1, 1],
        [0.5, 0.5],
    ),
    (  # staffing-like: cost, months, control, scalability, risk
        [
            [2.9e6, 14.0, 1.0, 0.3, 0.2],
            [3.4e6, 10.0, 0.6, 0.7, 0.3],
            [1.6e6, 18.0, 0.8, 0.6, 0.5],
            [1.3e6, 16.0, 0.4, 0.9, 0.6],
        ],
        [-1, -1, 1, 1, -1],
        [0.4, 0.15, 0.2, 0.1, 0.15],
    ),
    (  # one criterion where every alternative ties
        [[3.0, 7.0, 1.0], [3.0, 2.0, 4.0], [3.0, 5.0, 2.0]],
        [1, -1, 1],
        [1.0, 2.0, 3.0],
    ),
]


def _theirs(method: object, matrix: Float, directions: Float, weights: Float) -> Float:
    call: Callable[..., Float] = method  # type: ignore[assignment]
    return call(
        matrix, unit_weights(weights, matrix.shape[1]), directions.astype(int), validation=False
    )


def _assert_same(ours: Float, theirs: Float) -> None:
    np.testing.assert_allclose(ours, theirs, rtol=0, atol=1e-9)
    gaps = np.diff(np.sort(theirs))
    if gaps.size == 0 or gaps.min() > 1e-9:  # rankings are only defined away from near-ties
        np.testing.assert_array_equal(ranks(ours), ranks(theirs))


@pytest.mark.parametrize(("name", "ours", "theirs"), PAIRS, ids=[p[0] for p in PAIRS])
@pytest.mark.parametrize("case", range(len(FIXED)))
def test_fixed_matrices_match_pymcdm(name: str, ours: Ours, theirs: object, case: int) -> None:
    matrix, directions, weights = (np.asarray(x, dtype=np.float64) for x in FIXED[case])
    _assert_same(ours(matrix, directions, weights), _theirs(theirs, matrix, directions, weights))


def test_pymcdm_docstring_values() -> None:
    """Pin the published example numbers, not just agreement."""
    matrix, directions, weights = (np.asarray(x, dtype=np.float64) for x in FIXED[1])
    np.testing.assert_allclose(
        _topsis_minmax(matrix, directions, weights), [0.5, 0.617, 0.5], atol=5e-4
    )


@st.composite
def problems(draw: st.DrawFn) -> tuple[Float, Float, Float]:
    n_alt = draw(st.integers(2, 7))
    n_crit = draw(st.integers(1, 6))
    matrix = draw(arrays(np.float64, (n_alt, n_crit), elements=st.floats(0.01, 1e4)))
    directions = np.asarray(
        draw(st.lists(st.sampled_from([-1.0, 1.0]), min_size=n_crit, max_size=n_crit))
    )
    weights = draw(arrays(np.float64, (n_crit,), elements=st.floats(0.0, 1.0)))
    assume(weights.sum() > 1e-6)
    return matrix, directions, weights


@pytest.mark.parametrize(("name", "ours", "theirs"), PAIRS, ids=[p[0] for p in PAIRS])
@given(problem=problems())
@settings(max_examples=150, deadline=None)
def test_generated_matrices_match_pymcdm(
    name: str, ours: Ours, theirs: object, problem: tuple[Float, Float, Float]
) -> None:
    matrix, directions, weights = problem
    with np.errstate(invalid="ignore"):
        reference = _theirs(theirs, matrix, directions, weights)
    # pymcdm divides 0/0 when every alternative sits at the ideal point; we score those 1.0
    assume(np.all(np.isfinite(reference)))
    _assert_same(ours(matrix, directions, weights), reference)
