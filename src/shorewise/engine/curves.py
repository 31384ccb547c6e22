"""Closed-form staffing curves, averaged over each month, vectorised over draws.

A team is hired linearly over ``ramp`` months starting ``delay`` months into the work;
each hire's productivity grows linearly from 0 to 1 over ``learn`` months. Averaging the
continuous curves over month ``t`` (``[t, t+1)``) gives exact monthly figures without a
per-month loop: with ``Q(x) = max(x, 0)^2 / 2`` the mean headcount share is
``(Q(b) - Q(a) - Q(b - R) + Q(a - R)) / R`` for ``a = t - delay``, ``b = a + 1``, and
the productive share uses ``V``, the double integral of the learning curve.

Example::

    >>> import numpy as np
    >>> headcount_share(3, np.array([0.0]), np.array([2.0])).round(3)
    array([[0.25, 0.75, 1.  ]])
"""

from __future__ import annotations

import numpy as np

from shorewise.engine.types import DrawVector, MonthCube

_MIN_MONTHS = 1e-3  # a ramp or learning time of 0 is treated as ~1 day


def _local_months(months: int, delay: DrawVector) -> tuple[MonthCube, MonthCube]:
    t = np.arange(months, dtype=np.float64)[None, :]
    a = t - delay[:, None]
    return a, a + 1.0


def _q(x: MonthCube) -> MonthCube:
    x = np.maximum(x, 0.0)
    return 0.5 * x * x


def _v(y: MonthCube, learn: MonthCube) -> MonthCube:
    """Double integral of the learning curve min(1, y/L) from 0."""
    y = np.maximum(y, 0.0)
    early = y * y * y / (6.0 * learn)
    late = learn * learn / 6.0 + 0.5 * y * (y - learn)
    return np.where(y <= learn, early, late)


def headcount_share(months: int, delay: DrawVector, ramp: DrawVector) -> MonthCube:
    """Mean share of the full team on the payroll in each month, shape (draw, month)."""
    r = np.maximum(ramp, _MIN_MONTHS)[:, None]
    a, b = _local_months(months, delay)
    return (_q(b) - _q(a) - _q(b - r) + _q(a - r)) / r


def productive_share(
    months: int, delay: DrawVector, ramp: DrawVector, learn: DrawVector
) -> MonthCube:
    """Mean productive share of the full team in each month (hiring then learning)."""
    r = np.maximum(ramp, _MIN_MONTHS)[:, None]
    lrn = np.maximum(learn, _MIN_MONTHS)[:, None]
    a, b = _local_months(months, delay)
    return (_v(b, lrn) - _v(a, lrn) - _v(b - r, lrn) + _v(a - r, lrn)) / r


def hires_share(months: int, delay: DrawVector, ramp: DrawVector) -> MonthCube:
    """Share of the full team hired during each month (sums to 1 once the ramp is done)."""
    r = np.maximum(ramp, _MIN_MONTHS)[:, None]
    a, b = _local_months(months, delay)
    return np.clip(b / r, 0.0, 1.0) - np.clip(a / r, 0.0, 1.0)


def monthly_rate(annual_rate: DrawVector) -> DrawVector:
    """Monthly hazard equivalent to an annual leaving rate: 1 - (1 - A)^(1/12)."""
    return 1.0 - np.power(1.0 - np.clip(annual_rate, 0.0, 0.999), 1.0 / 12.0)
