"""Our weighted sum with linear normalisation matches pymcdm's WSM(linear_normalization)."""

from __future__ import annotations

import warnings

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from shorewise.decision import weighted_sum
from shorewise.decision.normalise import linear_normalise

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from pymcdm.methods import WSM
    from pymcdm.normalizations import linear_normalization

TYPES = np.array([-1, -1, 1, -1, 1])


def _pymcdm(matrix: np.ndarray, weights: np.ndarray) -> np.ndarray:
    method = WSM(normalization_function=linear_normalization)
    return np.asarray(method(matrix, weights / weights.sum(), TYPES, validation=False))


def test_known_matrix() -> None:
    matrix = np.array(
        [[5000.0, 10, 0.75, 7, 0.95], [23000.0, 8, 1.0, 6.5, 0.97], [16000.0, 10, 0.75, 7, 0.95]]
    )
    weights = np.array([0.4, 0.15, 0.2, 0.1, 0.15])
    ours = weighted_sum(matrix, TYPES, weights, "linear")
    np.testing.assert_allclose(ours, _pymcdm(matrix, weights), atol=1e-12)
    assert int(np.argmax(ours)) == 0
    # proportional: half the cost scores twice as high on cost
    norm = linear_normalise(matrix, TYPES)
    assert norm[0, 0] == 1.0
    assert norm[1, 0] == 5000 / 23000


@settings(max_examples=60, deadline=None)
@given(
    matrix=arrays(np.float64, (4, 5), elements=st.floats(0.05, 1e6)),
    weights=arrays(np.float64, (5,), elements=st.floats(0.01, 1.0)),
)
def test_matches_pymcdm(matrix: np.ndarray, weights: np.ndarray) -> None:
    ours = weighted_sum(matrix, TYPES, weights, "linear")
    np.testing.assert_allclose(ours, _pymcdm(matrix, weights), rtol=1e-9, atol=1e-12)
