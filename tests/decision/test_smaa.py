"""SMAA-2 kernel: invariants, hand-computed cases, a quadrature oracle and a pymcdm oracle."""

from __future__ import annotations

import doctest
import importlib
import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from numpy.typing import NDArray

from shorewise.decision import (
    probability_first,
    smaa,
    uniform_simplex,
    weighted_sum,
)

Float = NDArray[np.float64]
smaa_module = importlib.import_module("shorewise.decision.smaa")  # the name is also a function

# Two alternatives, cost (lower is better) and control (higher is better). Linear
# normalisation: cost min/x -> A 1.0, B 100/250 = 0.4; control x/max -> A 0.2, B 1.0.
# With w = (w, 1 - w): A scores w + 0.2 (1 - w), B 0.4 w + (1 - w); A wins iff w > 4/7.
HAND_MATRIX = np.array([[[100.0, 0.2], [250.0, 1.0]]])
HAND_DIRECTIONS = np.array([-1.0, 1.0])


def test_doctests() -> None:
    assert doctest.testmod(smaa_module).failed == 0


def test_two_alternatives_match_the_closed_form_winning_region() -> None:
    rng = np.random.default_rng(11)
    weights = uniform_simplex(200_000, 2, rng)  # w_1 ~ U(0, 1)
    result = smaa(HAND_MATRIX, HAND_DIRECTIONS, weights, rng)
    # P(w_1 > 4/7) = 3/7; SE sqrt(3/7 * 4/7 / 200k) = 0.0011
    assert result.rank_acceptability[0, 0] == pytest.approx(3 / 7, abs=0.005)
    assert result.rank_acceptability[1, 0] == pytest.approx(4 / 7, abs=0.005)
    np.testing.assert_allclose(result.rank_acceptability[:, 1], result.rank_acceptability[::-1, 0])
    # E[w | w > 4/7] = (4/7 + 1) / 2 = 11/14; E[w | w < 4/7] = 2/7
    central_a, central_b = result.central_weights
    assert central_a is not None
    assert central_b is not None
    np.testing.assert_allclose(central_a, [11 / 14, 3 / 14], atol=0.003)
    np.testing.assert_allclose(central_b, [2 / 7, 5 / 7], atol=0.003)
    # one deterministic draw: each wins for sure with its own central weights
    assert result.confidence == (1.0, 1.0)
    assert result.n_pairs == 200_000


def test_uncertain_criterion_matches_quadrature() -> None:
    """A's control share c ~ U(0, 1): A wins iff c > 1 - 0.6 w / (1 - w) (oracle: quad)."""
    from scipy.integrate import quad

    rng = np.random.default_rng(5)
    n = 200_000
    control = rng.uniform(1e-9, 1.0, n)
    matrix = np.empty((n, 2, 2))
    matrix[:, 0] = np.column_stack([np.full(n, 100.0), control])
    matrix[:, 1] = [250.0, 1.0]
    result = smaa(matrix, HAND_DIRECTIONS, uniform_simplex(n, 2, rng), rng)

    def p_win(w: float) -> float:  # P(A first | w) over c
        return float(np.clip(0.6 * w / (1.0 - w), 0.0, 1.0)) if w < 1 else 1.0

    acceptability = quad(p_win, 0, 1, points=[0.625])[0]
    central = quad(lambda w: w * p_win(w), 0, 1, points=[0.625])[0] / acceptability
    assert acceptability == pytest.approx(0.6 * (np.log(1 / 0.375) - 0.625) + 0.375, abs=1e-9)
    assert result.rank_acceptability[0, 0] == pytest.approx(acceptability, abs=0.005)
    central_a = result.central_weights[0]
    assert central_a is not None
    assert central_a[0] == pytest.approx(central, abs=0.003)
    confidence_a = result.confidence[0]
    assert confidence_a is not None
    assert confidence_a == pytest.approx(p_win(central_a[0]), abs=0.005)


@settings(max_examples=40, deadline=None)
@given(
    matrix=arrays(
        np.float64, st.tuples(st.integers(1, 30), st.integers(1, 5)), elements=st.floats(0.01, 1e4)
    ),
    seed=st.integers(0, 2**16),
)
def test_one_criterion_equals_probability_first(matrix: Float, seed: int) -> None:
    cube = matrix[:, :, None]  # (draws, alternatives, one criterion)
    scores = weighted_sum(cube, [-1.0], [1.0], "linear")
    rng = np.random.default_rng(seed)
    weights = rng.uniform(0.1, 5.0, size=(7, 1))  # any scale: one criterion always weighs 1
    result = smaa(cube, [-1.0], weights, rng, n_pairs=cube.shape[0])
    np.testing.assert_array_equal(result.rank_acceptability[:, 0], probability_first(scores))


@st.composite
def problems(draw: st.DrawFn) -> tuple[Float, Float, int]:
    n_draws = draw(st.integers(1, 12))
    n_alternatives = draw(st.integers(1, 5))
    n_criteria = draw(st.integers(1, 4))
    values = st.floats(0.01, 1e5)
    matrix = draw(arrays(np.float64, (n_draws, n_alternatives, n_criteria), elements=values))
    signs = draw(st.lists(st.sampled_from([-1.0, 1.0]), min_size=n_criteria, max_size=n_criteria))
    return matrix, np.array(signs), draw(st.integers(0, 2**16))


@settings(max_examples=80, deadline=None)
@given(problems())
def test_acceptabilities_sum_to_one_per_alternative_and_rank(
    problem: tuple[Float, Float, int],
) -> None:
    matrix, signs, seed = problem
    rng = np.random.default_rng(seed)
    n_weights = 50
    weights = uniform_simplex(n_weights, matrix.shape[-1], rng)
    result = smaa(matrix, signs, weights, rng, n_pairs=4 * n_weights, chunk_size=37)
    b = result.rank_acceptability
    assert b.shape == (matrix.shape[1], matrix.shape[1])
    assert np.all((b >= 0) & (b <= 1))
    np.testing.assert_allclose(b.sum(axis=0), 1.0)
    np.testing.assert_allclose(b.sum(axis=1), 1.0)
    # law of total expectation: the winners' central weights average back to the weights
    # used (each weight vector is paired exactly 4 times)
    mixed = sum(
        (b[i, 0] * w for i, w in enumerate(result.central_weights) if w is not None),
        start=np.zeros(matrix.shape[-1]),
    )
    np.testing.assert_allclose(mixed, weights.mean(axis=0), atol=1e-9)
    for i, central in enumerate(result.central_weights):
        confidence = result.confidence[i]
        if central is None:
            assert b[i, 0] == 0
            assert confidence is None
        else:
            assert central.sum() == pytest.approx(1.0)
            assert confidence is not None
            assert 0.0 <= confidence <= 1.0


def test_dominated_alternative_has_no_central_weights() -> None:
    rng = np.random.default_rng(3)
    n = 2_000
    good = np.column_stack([rng.uniform(50, 100, n), rng.uniform(0.5, 1.0, n)])  # cost, control
    other = np.column_stack([rng.uniform(50, 100, n), rng.uniform(0.5, 1.0, n)])
    dominated = good * [1.5, 0.1]  # dearer and less control than `good` in every draw
    matrix = np.stack([good, other, dominated], axis=1)
    result = smaa(matrix, [-1.0, 1.0], uniform_simplex(3_000, 2, rng), rng)
    assert result.rank_acceptability[2, 0] == 0.0
    assert result.rank_acceptability[2, 2] > 0.5
    assert result.central_weights[2] is None
    assert result.confidence[2] is None
    record = result.records(["a", "b", "c"], ["cost", "control"])[2]
    assert record["central_weights"] is None
    assert record["confidence"] is None


def test_same_seed_same_result_whatever_the_chunk() -> None:
    rng = np.random.default_rng(0)
    matrix = rng.lognormal(size=(500, 4, 3))
    weights = uniform_simplex(300, 3, rng)
    first = smaa(matrix, [-1, 1, 1], weights, np.random.default_rng(9), chunk_size=50)
    second = smaa(matrix, [-1, 1, 1], weights, np.random.default_rng(9))
    np.testing.assert_array_equal(first.rank_acceptability, second.rank_acceptability)
    assert first.confidence == second.confidence
    for a, b in zip(first.central_weights, second.central_weights, strict=True):
        assert a is not None
        assert b is not None
        np.testing.assert_allclose(a, b, rtol=1e-12)


def test_every_draw_and_weight_is_used_evenly() -> None:
    """Pairs cycle fresh permutations: 12 pairs use 6 draws twice each and 4 weights thrice."""
    rng = np.random.default_rng(2)
    draws = smaa_module._balanced_indices(6, 12, rng)
    weights = smaa_module._balanced_indices(4, 12, rng)
    assert np.bincount(draws).tolist() == [2] * 6
    assert np.bincount(weights).tolist() == [3] * 4


def test_ranking_of_each_pair_matches_pymcdm_wsm() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from pymcdm.methods import WSM
        from pymcdm.normalizations import linear_normalization
    types = np.array([-1, -1, 1, -1, 1])
    rng = np.random.default_rng(8)
    for _ in range(20):
        matrix = rng.uniform(0.1, 100.0, size=(4, 5))
        weights = uniform_simplex(1, 5, rng)
        result = smaa(matrix, types, weights, rng)
        pref = WSM(normalization_function=linear_normalization)(
            matrix, weights[0], types, validation=False
        )
        expected_rank = np.argsort(np.argsort(-np.asarray(pref)))
        np.testing.assert_array_equal(result.rank_acceptability[np.arange(4), expected_rank], 1.0)


def test_records_follow_the_json_contract() -> None:
    rng = np.random.default_rng(1)
    result = smaa(HAND_MATRIX, HAND_DIRECTIONS, uniform_simplex(1000, 2, rng), rng)
    records = result.records(["onshore_inhouse", "offshore_outsource@VN"], ["cost", "control"])
    assert [r["option"] for r in records] == ["onshore_inhouse", "offshore_outsource@VN"]
    assert set(records[0]) == {"option", "rank_acceptability", "central_weights", "confidence"}
    assert set(records[0]["central_weights"]) == {"cost", "control"}
    assert len(records[0]["rank_acceptability"]) == 2
    with pytest.raises(ValueError, match="one option name per alternative"):
        result.records(["only one"], ["cost", "control"])


@pytest.mark.parametrize(
    ("matrix", "directions", "weights", "message"),
    [
        (np.ones(3), [1.0], [[1.0]], "shape"),
        (np.full((2, 2, 2), np.nan), [1.0, 1.0], [[0.5, 0.5]], "finite"),
        (np.ones((2, 2, 2)), [1.0, 0.0], [[0.5, 0.5]], "directions"),
        (np.ones((2, 2, 2)), [1.0, 1.0], [[0.5, 0.5, 0.0]], "weights must have shape"),
        (np.ones((2, 2, 2)), [1.0, 1.0], [[-0.5, 1.5]], ">= 0"),
        (np.ones((2, 2, 2)), [1.0, 1.0], [[0.0, 0.0]], "above 0"),
    ],
)
def test_bad_input_is_named(
    matrix: object, directions: object, weights: object, message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        smaa(matrix, directions, weights, np.random.default_rng(0))  # type: ignore[arg-type]


def test_unknown_normalisation_lists_the_choices() -> None:
    with pytest.raises(ValueError, match="linear, minmax, vector"):
        smaa(
            HAND_MATRIX, HAND_DIRECTIONS, [[0.5, 0.5]], np.random.default_rng(0), normalisation="l2"
        )
