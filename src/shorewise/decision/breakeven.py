"""Break-even between two options: the month from which A stays cheaper than B.

"Cheaper" compares cumulative cost per cumulative effective FTE-month, so an option that
pays for people before they deliver starts behind and catches up. Per draw: the month
(counted from the work's start, 1 = first month) after the last month in which A was not
below B; ``inf`` when A is still not below B at the end of the work.

Example::

    >>> breakeven_months(burn_a, eff_a, burn_b, eff_b, start=0, duration=36)  # doctest: +SKIP
    array([11., 12., inf, ...])
"""

from __future__ import annotations

import numpy as np

from shorewise.engine.types import DrawVector, MonthCube


def _ratio(burn: MonthCube, effective: MonthCube) -> MonthCube:
    cost, delivered = np.cumsum(burn, axis=1), np.cumsum(effective, axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(delivered > 1e-9, cost / np.where(delivered > 1e-9, delivered, 1), np.inf)


def breakeven_months(
    burn_a: MonthCube,
    effective_a: MonthCube,
    burn_b: MonthCube,
    effective_b: MonthCube,
    *,
    start: int,
    duration: int,
) -> DrawVector:
    """Per draw, the month from which A's cumulative cost per effective FTE-month stays
    below B's (see module doc). Inputs are ``(draw, month)`` over the scenario horizon."""
    window = slice(start, start + duration)
    a = _ratio(burn_a[:, window], effective_a[:, window])
    b = _ratio(burn_b[:, window], effective_b[:, window])
    not_below = ~(a < b)
    months = not_below.shape[1]
    reversed_first = np.argmax(not_below[:, ::-1], axis=1)
    last_not_below = months - 1 - reversed_first
    result = np.where(not_below.any(axis=1), last_not_below + 2.0, 1.0)
    return np.where(not_below[:, -1], np.inf, result)
