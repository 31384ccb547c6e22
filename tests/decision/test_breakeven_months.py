"""Break-even month from monthly series, on numbers worked out by hand."""

from __future__ import annotations

import numpy as np

from shorewise.decision.breakeven import breakeven_months


def test_setup_cost_repaid() -> None:
    # A: 100 up front, then 10/month; B: 20/month; both deliver 1 FTE-month each month.
    # cumulative cost per FTE-month: A (100+10m)/m, B 20 -> A below B once 100 + 10m < 20m,
    # i.e. m > 10: A stays below from month 11.
    months = 24
    burn_a = np.full((1, months), 10.0)
    burn_a[0, 0] += 100
    burn_b = np.full((1, months), 20.0)
    eff = np.ones((1, months))
    result = breakeven_months(burn_a, eff, burn_b, eff, start=0, duration=months)
    assert result.tolist() == [11.0]


def test_never_and_always() -> None:
    eff = np.ones((2, 6))
    cheap, dear = np.full((2, 6), 1.0), np.full((2, 6), 2.0)
    assert breakeven_months(dear, eff, cheap, eff, start=0, duration=6).tolist() == [np.inf] * 2
    assert breakeven_months(cheap, eff, dear, eff, start=0, duration=6).tolist() == [1.0, 1.0]


def test_window_and_no_capacity() -> None:
    # nothing delivered in the first two months of A: not below B there
    eff_a = np.array([[0.0, 0.0, 0.0, 1.0, 1.0, 1.0, 1.0]])
    eff_b = np.array([[0.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0]])
    burn_a = np.array([[0.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0]])
    burn_b = np.array([[0.0, 5.0, 5.0, 5.0, 5.0, 5.0, 5.0]])
    result = breakeven_months(burn_a, eff_a, burn_b, eff_b, start=1, duration=6)
    # window months 1..6: A's ratio inf, inf, 3, 2, 1.67, 1.5 vs B's 5: below from month 3
    assert result.tolist() == [3.0]
