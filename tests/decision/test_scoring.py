"""Decision scoring kernels: normalisation, WSM, TOPSIS, ranks and their invariants."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from numpy.typing import NDArray

from shorewise.decision import (
    SCORING_METHODS,
    minmax_normalise,
    perturbed_weights,
    probability_first,
    rank_agreement,
    ranks,
    scoring_method,
    topsis,
    unit_weights,
    vector_normalise,
    weighted_sum,
    weighted_sum_contributions,
)
from shorewise.errors import ModelError

Float = NDArray[np.float64]


def make_problem(
    seed: int = 0, *, draws: int | None = None, alternatives: int = 4, criteria: int = 3
) -> tuple[Float, Float, Float]:
    """A seeded decision problem: (matrix, directions, weights)."""
    rng = np.random.default_rng(seed)
    shape = (alternatives, criteria) if draws is None else (draws, alternatives, criteria)
    matrix = rng.uniform(0.0, 100.0, size=shape)
    directions = np.where(np.arange(criteria) % 2 == 0, -1.0, 1.0)
    weights = rng.uniform(0.1, 1.0, size=criteria)
    return matrix, directions, weights


@st.composite
def problems(draw: st.DrawFn) -> tuple[Float, Float, Float]:
    n_alt = draw(st.integers(1, 6))
    n_crit = draw(st.integers(1, 5))
    values = st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False)
    matrix = draw(arrays(np.float64, (n_alt, n_crit), elements=values))
    directions = np.asarray(
        draw(st.lists(st.sampled_from([-1.0, 1.0]), min_size=n_crit, max_size=n_crit))
    )
    weights = draw(arrays(np.float64, (n_crit,), elements=st.floats(0.0, 10.0)))
    if weights.sum() == 0:
        weights[0] = 1.0
    return matrix, directions, weights


METHODS = sorted(SCORING_METHODS)


# --- normalisation ---------------------------------------------------------------------


def test_minmax_best_is_one_worst_is_zero_and_cost_reversed() -> None:
    matrix = np.array([[10.0, 3.0], [20.0, 1.0], [30.0, 2.0]])
    result = minmax_normalise(matrix, np.array([-1.0, 1.0]))
    np.testing.assert_allclose(result, [[1.0, 1.0], [0.5, 0.0], [0.0, 0.5]])


def test_minmax_tied_criterion_gives_one_not_nan() -> None:
    matrix = np.array([[5.0, 1.0], [5.0, 2.0]])
    result = minmax_normalise(matrix, np.array([1.0, -1.0]))
    np.testing.assert_array_equal(result[:, 0], [1.0, 1.0])
    assert np.isfinite(result).all()


def test_vector_normalise_zero_column_is_finite() -> None:
    matrix = np.array([[0.0, 3.0], [0.0, 4.0]])
    result = vector_normalise(matrix, np.array([-1.0, 1.0]))
    np.testing.assert_allclose(result, [[1.0, 0.6], [1.0, 0.8]])


@pytest.mark.parametrize(
    ("weights", "message"),
    [
        ([0.0, 0.0], "at least one weight"),
        ([1.0, -0.5], ">= 0"),
        ([1.0, np.nan], "finite"),
        ([1.0], "shape"),
    ],
)
def test_unit_weights_rejects_bad_weights(weights: list[float], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        unit_weights(np.array(weights), 2)


@pytest.mark.parametrize("method", METHODS)
def test_methods_reject_mismatched_shapes_and_bad_directions(method: str) -> None:
    score = SCORING_METHODS[method]
    matrix, directions, weights = make_problem()
    with pytest.raises(ValueError, match="directions"):
        score(matrix, directions[:2], weights)
    with pytest.raises(ValueError, match="directions"):
        score(matrix, np.array([1.0, 0.0, -1.0]), weights)
    with pytest.raises(ValueError, match="weights"):
        score(matrix, directions, weights[:2])
    with pytest.raises(ValueError, match="weight"):
        score(matrix, directions, np.zeros(3))
    with pytest.raises(ValueError, match="alternatives, criteria"):
        score(matrix[0], directions, weights)


# --- WSM ---------------------------------------------------------------------------------


def test_weighted_sum_known_values() -> None:
    matrix = np.array([[1.0, 5.0], [3.0, 1.0], [2.0, 3.0]])
    scores = weighted_sum(matrix, np.array([1.0, -1.0]), np.array([3.0, 1.0]))
    np.testing.assert_allclose(scores, [0.0, 1.0, 0.5])


def test_weights_are_scale_free() -> None:
    matrix, directions, weights = make_problem(1)
    for score in SCORING_METHODS.values():
        np.testing.assert_allclose(
            score(matrix, directions, weights), score(matrix, directions, 7.5 * weights)
        )


def test_contributions_explain_the_score() -> None:
    matrix, directions, weights = make_problem(2)
    parts = weighted_sum_contributions(matrix, directions, weights)
    assert parts.shape == matrix.shape
    np.testing.assert_allclose(parts.sum(axis=-1), weighted_sum(matrix, directions, weights))
    assert np.all(parts <= unit_weights(weights, 3) + 1e-15)


@given(problems())
@settings(max_examples=200, deadline=None)
def test_contributions_sum_to_score(problem: tuple[Float, Float, Float]) -> None:
    parts = weighted_sum_contributions(*problem)
    np.testing.assert_allclose(parts.sum(axis=-1), weighted_sum(*problem), rtol=0, atol=1e-12)


@given(problems(), st.data())
@settings(max_examples=200, deadline=None)
def test_improving_on_a_benefit_criterion_never_lowers_wsm(
    problem: tuple[Float, Float, Float], data: st.DataObject
) -> None:
    matrix, directions, weights = problem
    n_alt, n_crit = matrix.shape
    alternative = data.draw(st.integers(0, n_alt - 1))
    criterion = data.draw(st.integers(0, n_crit - 1))
    gain = data.draw(st.floats(0.0, 1e6))
    better = matrix.copy()
    # a gain on a benefit criterion, a reduction on a cost criterion
    better[alternative, criterion] += directions[criterion] * gain
    before = weighted_sum(matrix, directions, weights)[alternative]
    after = weighted_sum(better, directions, weights)[alternative]
    assert after >= before - 1e-12


# --- TOPSIS ------------------------------------------------------------------------------


def test_topsis_known_values_and_ideal_alternative() -> None:
    matrix = np.array([[1.0, 5.0], [3.0, 1.0], [2.0, 3.0]])
    scores = topsis(matrix, np.array([1.0, -1.0]), np.array([1.0, 1.0]))
    np.testing.assert_allclose(scores, [0.0, 1.0, 0.5], atol=1e-12)


def test_topsis_all_tied_and_single_alternative_score_one() -> None:
    directions, weights = np.array([1.0, -1.0]), np.array([0.5, 0.5])
    np.testing.assert_array_equal(topsis(np.full((3, 2), 4.0), directions, weights), 1.0)
    np.testing.assert_array_equal(topsis(np.array([[1.0, 2.0]]), directions, weights), [1.0])
    np.testing.assert_array_equal(topsis(np.zeros((3, 2)), directions, weights), 1.0)


def test_topsis_rejects_unknown_normalisation() -> None:
    matrix, directions, weights = make_problem()
    with pytest.raises(ValueError, match="normalisation"):
        topsis(matrix, directions, weights, normalisation="sum")  # type: ignore[arg-type]


# --- shared properties -------------------------------------------------------------------


@pytest.mark.parametrize("method", METHODS)
@given(problem=problems())
@settings(max_examples=200, deadline=None)
def test_scores_in_unit_interval_and_finite(
    method: str, problem: tuple[Float, Float, Float]
) -> None:
    scores = SCORING_METHODS[method](*problem)
    assert scores.shape == problem[0].shape[:1]
    assert np.all(np.isfinite(scores))
    assert np.all((scores >= 0.0) & (scores <= 1.0))


@pytest.mark.parametrize("method", [*METHODS, "topsis-minmax"])
def test_vectorised_over_draws_equals_loop(method: str) -> None:
    if method == "topsis-minmax":

        def score(m: Float, d: Float, w: Float) -> Float:
            return topsis(m, d, w, normalisation="minmax")
    else:
        score = SCORING_METHODS[method]
    cube, directions, weights = make_problem(3, draws=50, alternatives=5, criteria=4)
    cube[7, :, 1] = 2.0  # a tied criterion in one draw
    vectorised = score(cube, directions, weights)
    looped = np.stack([score(cube[i], directions, weights) for i in range(cube.shape[0])])
    assert vectorised.shape == (50, 5)
    np.testing.assert_allclose(vectorised, looped, rtol=0, atol=1e-15)
    deeper = score(cube.reshape(5, 10, 5, 4), directions, weights)
    np.testing.assert_allclose(deeper.reshape(50, 5), looped, rtol=0, atol=1e-15)


def test_registry_lookup_lists_choices() -> None:
    assert scoring_method(" TOPSIS ") is topsis
    assert scoring_method("wsm") is weighted_sum
    with pytest.raises(ModelError, match="choose one of: topsis, wsm"):
        scoring_method("ahp")


# --- ranks and probabilities -------------------------------------------------------------


@pytest.mark.parametrize(
    ("scores", "expected"),
    [
        ([0.2, 0.9, 0.5], [3, 1, 2]),
        ([0.5, 0.5, 0.9], [2, 3, 1]),  # tie: lower index ranks higher
        ([1.0], [1]),
    ],
)
def test_ranks(scores: list[float], expected: list[int]) -> None:
    result = ranks(np.array(scores))
    assert result.dtype == np.int64
    assert result.tolist() == expected


def test_ranks_vectorised() -> None:
    scores = np.random.default_rng(4).uniform(size=(20, 6))
    expected = np.stack([ranks(row) for row in scores])
    np.testing.assert_array_equal(ranks(scores), expected)
    np.testing.assert_array_equal(
        np.sort(ranks(scores), axis=-1), np.tile(np.arange(1, 7), (20, 1))
    )


def test_probability_first_counts_winners_among_eligible() -> None:
    scores = np.array([[0.9, 0.1, 0.5], [0.2, 0.8, 0.5], [0.7, 0.3, 0.9], [0.9, 0.9, 0.0]])
    np.testing.assert_allclose(probability_first(scores), [0.5, 0.25, 0.25])
    eligible = np.array([False, True, True])
    np.testing.assert_allclose(probability_first(scores, eligible), [0.0, 0.5, 0.5])
    with pytest.raises(ValueError, match="no alternative is eligible"):
        probability_first(scores, np.zeros(3, dtype=bool))
    with pytest.raises(ValueError, match="eligible must have shape"):
        probability_first(scores, np.ones(2, dtype=bool))


def test_probability_first_agrees_with_ranks() -> None:
    cube, directions, weights = make_problem(5, draws=400, alternatives=4, criteria=3)
    scores = weighted_sum(cube, directions, weights)
    expected = np.mean(ranks(scores) == 1, axis=0)
    np.testing.assert_allclose(probability_first(scores), expected)


def test_perturbed_weights_rows_sum_to_one_within_spread() -> None:
    base = np.array([0.5, 0.3, 0.2, 0.0])
    draws = perturbed_weights(base, np.random.default_rng(6), n=1000, spread=0.2)
    assert draws.shape == (1000, 4)
    np.testing.assert_allclose(draws.sum(axis=1), 1.0)
    assert np.all(draws[:, 3] == 0.0)
    ratio = draws[:, 0] / draws[:, 1]
    assert np.all((ratio >= 0.5 / 0.3 * 0.8 / 1.2) & (ratio <= 0.5 / 0.3 * 1.2 / 0.8))
    np.testing.assert_allclose(draws.mean(axis=0), base, atol=0.01)


def test_perturbed_weights_reproducible_and_zero_spread_is_identity() -> None:
    base = np.array([2.0, 1.0, 1.0])
    first = perturbed_weights(base, np.random.default_rng(7), n=5)
    np.testing.assert_array_equal(first, perturbed_weights(base, np.random.default_rng(7), n=5))
    still = perturbed_weights(base, np.random.default_rng(7), n=3, spread=0.0)
    np.testing.assert_allclose(still, np.tile([0.5, 0.25, 0.25], (3, 1)))
    with pytest.raises(ValueError, match="spread"):
        perturbed_weights(base, np.random.default_rng(7), n=3, spread=1.0)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ([0.9, 0.5, 0.1], [10.0, 7.0, 1.0], 1.0),
        ([0.9, 0.5, 0.1], [0.1, 0.5, 0.9], -1.0),
        ([0.9, 0.5, 0.1, 0.3], [0.9, 0.5, 0.3, 0.1], 2 / 3),
        ([0.5, 0.5, 0.5], [0.5, 0.5, 0.5], 1.0),  # all tied: same (index) order, no NaN
        ([0.4], [0.9], 1.0),
    ],
)
def test_rank_agreement(a: list[float], b: list[float], expected: float) -> None:
    assert rank_agreement(np.array(a), np.array(b)) == pytest.approx(expected)


def test_rank_agreement_rejects_mismatched_vectors() -> None:
    with pytest.raises(ValueError, match="same length"):
        rank_agreement(np.ones(3), np.ones(4))
