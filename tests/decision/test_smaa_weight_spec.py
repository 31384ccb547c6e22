"""From what a person writes under ``weights:`` / ``weight_order:`` to weight constraints."""

from __future__ import annotations

import doctest
import importlib

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shorewise.decision import parse_weight_spec, sample_weights
from shorewise.decision.criteria import CRITERIA

spec_module = importlib.import_module("shorewise.domain.weight_spec")


def test_doctests() -> None:
    assert doctest.testmod(spec_module).failed == 0


def test_nothing_given_leaves_the_whole_simplex() -> None:
    constraints = parse_weight_spec()
    assert constraints.criteria == CRITERIA
    assert constraints.is_unconstrained


def test_todays_plain_weights_are_relative_and_rescaled_to_one_point() -> None:
    c = parse_weight_spec({"cost": 40, "speed": 15, "control": 20, "scalability": 10, "risk": 15})
    np.testing.assert_allclose(c.lower, [0.4, 0.15, 0.2, 0.1, 0.15])
    assert c.lower == c.upper
    weights = sample_weights(c, 4, np.random.default_rng(0))
    np.testing.assert_allclose(weights, [[0.4, 0.15, 0.2, 0.1, 0.15]] * 4)


@pytest.mark.parametrize(
    ("written", "low", "high"),
    [
        ("0.3..0.5", 0.3, 0.5),
        ("30%..50%", 0.3, 0.5),
        (" 30 % .. 0.5 ", 0.3, 0.5),
        ("25%", 0.25, 0.25),
        (0.2, 0.2, 0.2),
        ("0..1", 0.0, 1.0),
        (".5..1", 0.5, 1.0),
    ],
)
def test_ranges_percentages_and_shares(written: object, low: float, high: float) -> None:
    c = parse_weight_spec({"cost": written, "speed": "0..0.5"})
    assert c.lower[0] == pytest.approx(low)
    assert c.upper[0] == pytest.approx(high)
    assert (c.lower[1], c.upper[1]) == (0.0, 0.5)
    assert c.lower[2:] == (0.0, 0.0, 0.0)  # not named: free
    assert c.upper[2:] == (1.0, 1.0, 1.0)


def test_order_as_a_list_or_a_sentence() -> None:
    assert parse_weight_spec(weight_order=["Cost", " control", "speed"]).order == (
        "cost",
        "control",
        "speed",
    )
    assert parse_weight_spec(weight_order="cost > control").order == ("cost", "control")


@settings(max_examples=50, deadline=None)
@given(
    low=st.integers(0, 30),  # three ordered weights of at least 30 % still fit in 100 %
    width=st.integers(1, 40),
    order=st.permutations(CRITERIA).map(lambda p: list(p[:3])),
    seed=st.integers(0, 2**16),
)
def test_sampled_weights_honour_what_was_written(
    low: int, width: int, order: list[str], seed: int
) -> None:
    spec = {"cost": f"{low}%..{low + width}%"}
    c = parse_weight_spec(spec, order)
    weights = sample_weights(c, 200, np.random.default_rng(seed))
    assert np.all(weights[:, 0] >= low / 100 - 1e-9)
    assert np.all(weights[:, 0] <= (low + width) / 100 + 1e-9)
    positions = [CRITERIA.index(name) for name in order]
    assert np.all(np.diff(weights[:, positions], axis=1) <= 1e-9)


@pytest.mark.parametrize(
    ("weights", "order", "message"),
    [
        ({"price": 0.3}, None, "weights.price: unknown criterion 'price'; allowed: cost, speed"),
        ({"cost": "lots"}, None, "weights.cost: expected a number .0.4., a percentage"),
        ({"cost": "0.5..0.3"}, None, "weights.cost: the range '0.5..0.3' runs backwards"),
        ({"cost": "0.1..0.2..0.3"}, None, "weights.cost: a range has one '..'"),
        ({"cost": 1.5}, None, "weights.cost: a number here is a share .* between 0 and 1"),
        ({"cost": "20%..150%"}, None, "weights.cost: a range here is a share"),
        ({"cost": -0.1}, None, "weights.cost: a weight must be a finite number >= 0"),
        ({"cost": float("nan")}, None, "weights.cost: a weight must be a finite number"),
        ({"cost": True}, None, "weights.cost: expected a number"),
        ({"cost": [0.3, 0.5]}, None, "weights.cost: expected a number"),
        (dict.fromkeys(CRITERIA, 0), None, "at least one weight must be greater than 0"),
        ({"cost": "60%..80%", "speed": "50%..70%"}, None, "weights: the lowest allowed"),
        (None, ["cost", "colour"], r"weight_order\[1\]: unknown criterion 'colour'"),
        (None, ["cost", "speed", "cost"], r"weight_order\[2\]: 'cost' is listed twice"),
        (None, [3], r"weight_order\[0\]: unknown criterion 3"),
        (
            {"cost": "10%..20%", "control": "30%..40%"},
            ["speed", "cost", "control"],
            "weight of 'cost': the order speed >= cost >= control forces it to be at least 0.3",
        ),
    ],
)
def test_mistakes_name_the_field_and_what_is_allowed(
    weights: dict[str, object] | None, order: list[object] | None, message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        parse_weight_spec(weights, order)  # type: ignore[arg-type]


def test_own_criteria_names() -> None:
    c = parse_weight_spec(
        {"price": "0.2..0.4"}, ["quality", "price"], criteria=["price", "quality"]
    )
    assert c.criteria == ("price", "quality")
    assert c.order == ("quality", "price")
    assert (c.lower, c.upper) == ((0.2, 0.0), (0.4, 1.0))
