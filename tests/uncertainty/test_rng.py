"""The one door for randomness: same seed, same numbers; blocks are independent streams."""

from __future__ import annotations

import numpy as np
import pytest

from shorewise.uncertainty.rng import block_rng, make_rng


def test_same_seed_gives_the_same_numbers() -> None:
    assert np.array_equal(make_rng(42).random(1000), make_rng(42).random(1000))


def test_other_seed_gives_other_numbers() -> None:
    assert not np.array_equal(make_rng(42).random(1000), make_rng(43).random(1000))


def test_no_seed_gives_fresh_entropy() -> None:
    assert not np.array_equal(make_rng(None).random(100), make_rng(None).random(100))


def test_block_stream_is_reproducible() -> None:
    assert np.array_equal(block_rng(7, 3).random(500), block_rng(7, 3).random(500))


@pytest.mark.parametrize(
    ("first", "second"), [((7, 0), (7, 1)), ((7, 1), (8, 1)), ((7, 0), (0, 7))]
)
def test_block_streams_differ(first: tuple[int, int], second: tuple[int, int]) -> None:
    assert not np.array_equal(block_rng(*first).random(500), block_rng(*second).random(500))


def test_block_stream_differs_from_the_run_stream() -> None:
    assert not np.array_equal(block_rng(7, 0).random(500), make_rng(7).random(500))


def test_block_stream_is_the_spawned_child_of_the_run_seed() -> None:
    children = make_rng(11).spawn(4)
    for block, child in enumerate(children):
        assert np.array_equal(block_rng(11, block).random(50), child.random(50))


def test_blocks_look_independent() -> None:
    a, b = block_rng(5, 0).random(100_000), block_rng(5, 1).random(100_000)
    assert abs(np.corrcoef(a, b)[0, 1]) < 0.02


def test_negative_block_is_refused() -> None:
    with pytest.raises(ValueError, match="block must be >= 0"):
        block_rng(1, -1)
