"""Our numpy Kendall tau equals scipy's on rankings without ties."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.stats import kendalltau

from shorewise.decision import rank_agreement, ranks


@settings(max_examples=80, deadline=None)
@given(
    st.integers(2, 9).flatmap(
        lambda n: st.tuples(st.permutations(range(n)), st.permutations(range(n)))
    )
)
def test_matches_scipy(pair: tuple[list[int], list[int]]) -> None:
    a, b = (np.array(p, dtype=float) for p in pair)
    expected = kendalltau(ranks(a), ranks(b)).statistic
    assert abs(rank_agreement(a, b) - expected) < 1e-12
