"""Declared rank correlations: checked into a matrix, imposed by Iman–Conover."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.stats import spearmanr

from shorewise.errors import ScenarioError
from shorewise.uncertainty.correlation import (
    CorrelationSpec,
    correlation_matrix,
    impose_rank_correlation,
)
from shorewise.uncertainty.rng import make_rng

NAMES = ["attrition", "productivity", "ramp_up_months"]


def _spearman(u: np.ndarray) -> np.ndarray:
    statistic = np.asarray(spearmanr(u).statistic)
    return statistic if statistic.ndim == 2 else np.array([[1.0, statistic], [statistic, 1.0]])


def _matrix(rho: float) -> np.ndarray:
    return np.array([[1.0, rho], [rho, 1.0]])


def test_matrix_is_identity_with_the_declared_pairs() -> None:
    specs = [
        CorrelationSpec(("ramp_up_months", "attrition"), 0.6),
        CorrelationSpec(("productivity", "attrition"), -0.3),
    ]
    expected = np.array([[1.0, -0.3, 0.6], [-0.3, 1.0, 0.0], [0.6, 0.0, 1.0]])
    assert np.array_equal(correlation_matrix(NAMES, specs), expected)


def test_no_declarations_give_identity() -> None:
    assert np.array_equal(correlation_matrix(NAMES, []), np.eye(3))
    assert correlation_matrix([], []).shape == (0, 0)


def _problems(names: list[str], specs: list[CorrelationSpec]) -> dict[str, str]:
    with pytest.raises(ScenarioError) as caught:
        correlation_matrix(names, specs)
    return {p.field: p.message for p in caught.value.problems}


def test_unknown_name_lists_the_uncertain_inputs() -> None:
    problems = _problems(NAMES, [CorrelationSpec(("attrition", "fte"), 0.5)])
    message = problems["correlations.0.between"]
    assert "'fte'" in message
    assert "only inputs given as a range or distribution can be correlated" in message
    assert "attrition, productivity, ramp_up_months" in message


def test_every_problem_is_reported_with_its_field() -> None:
    problems = _problems(
        NAMES,
        [
            CorrelationSpec(("attrition", "productivity"), 0.5),
            CorrelationSpec(("productivity", "attrition"), 0.2),  # same pair again
            CorrelationSpec(("attrition", "attrition"), 0.2),
            CorrelationSpec(("attrition", "ramp_up_months"), 1.0),
            CorrelationSpec(("productivity", "ramp_up_months"), float("nan")),
        ],
    )
    assert set(problems) == {
        "correlations.1.between",
        "correlations.2.between",
        "correlations.3.rho",
        "correlations.4.rho",
    }
    assert "already correlated in correlations.0" in problems["correlations.1.between"]
    assert "itself" in problems["correlations.2.between"]
    assert "strictly between -1 and 1" in problems["correlations.3.rho"]


def test_inconsistent_set_is_refused_with_the_smallest_eigenvalue() -> None:
    specs = [
        CorrelationSpec(("attrition", "productivity"), 0.9),
        CorrelationSpec(("productivity", "ramp_up_months"), 0.9),
        CorrelationSpec(("attrition", "ramp_up_months"), -0.9),
    ]
    with pytest.raises(ScenarioError, match="inconsistent") as caught:
        correlation_matrix(NAMES, specs)
    (problem,) = caught.value.problems
    assert problem.field == "correlations"
    assert "not positive definite" in problem.message
    assert "smallest eigenvalue -0.8" in problem.message


@pytest.mark.parametrize("rho", [0.3, 0.7, -0.5])
def test_reaches_the_target_spearman_and_keeps_the_marginals(rho: float) -> None:
    rng = make_rng(12)
    u = rng.random((10_000, 2))
    out = impose_rank_correlation(u, _matrix(rho), rng)
    assert _spearman(out)[0, 1] == pytest.approx(rho, abs=0.05)
    assert _spearman(out)[0, 1] == pytest.approx(rho, abs=0.02)  # score correction
    assert np.array_equal(np.sort(out, axis=0), np.sort(u, axis=0))


def test_three_inputs_reach_their_targets() -> None:
    target = np.array([[1.0, 0.5, -0.3], [0.5, 1.0, 0.2], [-0.3, 0.2, 1.0]])
    rng = make_rng(5)
    u = rng.random((10_000, 3))
    out = impose_rank_correlation(u, target, rng)
    np.testing.assert_allclose(_spearman(out), target, atol=0.03)
    assert np.array_equal(np.sort(out, axis=0), np.sort(u, axis=0))


def test_uncorrelated_columns_are_left_untouched() -> None:
    target = np.eye(4)
    target[0, 2] = target[2, 0] = 0.6
    rng = make_rng(8)
    u = rng.random((5_000, 4))
    out = impose_rank_correlation(u, target, rng)
    assert np.array_equal(out[:, [1, 3]], u[:, [1, 3]])
    assert not np.array_equal(out[:, 0], u[:, 0])


def test_identity_target_changes_nothing() -> None:
    u = make_rng(1).random((100, 3))
    assert np.array_equal(impose_rank_correlation(u, np.eye(3), make_rng(2)), u)


def test_same_rng_seed_gives_the_same_order() -> None:
    u = make_rng(3).random((2_000, 2))
    first = impose_rank_correlation(u, _matrix(0.5), make_rng(4))
    assert np.array_equal(first, impose_rank_correlation(u, _matrix(0.5), make_rng(4)))
    assert not np.array_equal(first, impose_rank_correlation(u, _matrix(0.5), make_rng(5)))


@pytest.mark.parametrize("n", [1, 2, 3])
def test_tiny_samples_stay_permutations(n: int) -> None:
    u = make_rng(6).random((n, 3))
    target = np.array([[1.0, 0.5, 0.0], [0.5, 1.0, 0.0], [0.0, 0.0, 1.0]])
    out = impose_rank_correlation(u, target, make_rng(7))
    assert np.array_equal(np.sort(out, axis=0), np.sort(u, axis=0))


def test_target_of_the_wrong_shape_is_refused() -> None:
    with pytest.raises(ValueError, match=r"target must be \(2, 2\)"):
        impose_rank_correlation(make_rng(0).random((10, 2)), np.eye(3), make_rng(0))
