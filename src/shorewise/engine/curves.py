"""Closed-form staffing curves, averaged over each month, vectorised over draws.

A team is hired linearly over ``ramp`` months starting ``delay`` months into the work;
each hire's productivity grows linearly from 0 to 1 over ``learn`` months. Averaging the
continuous curves over month ``t`` (``[t, t+1)``) gives exact monthly figures without a
per-month loop: with ``y = t - delay`` at the month boundaries (``y⁺ = max(y, 0)``),

- headcount share = ``G(y_t+1) - G(y_t)``, ``G(y) = z²/(2R) + (y⁺ - z)``, ``z = min(y⁺, R)``
  (the integral of the ramp ``min(1, y⁺/R)``);
- productive share = ``(V(y_t+1) - V(y_t+1 - R) - V(y_t) + V(y_t - R)) / R`` with ``V`` the
  double integral of the learning curve ``min(1, y⁺/L)``:
  ``V(y) = z³/(6L) + (y⁺ - z)(y⁺ + z - L)/2``, ``z = min(y⁺, L)``.

Before the start every share is exactly 0. Once a draw is fully hired (and trained) its
shares are set to exactly 1, and only the months before the latest draw gets there are
computed at all (the rest are filled), so results do not depend on which draws share a
chunk.

Example::

    >>> import numpy as np
    >>> headcount_share(3, np.array([0.0]), np.array([2.0])).round(3)
    array([[0.25, 0.75, 1.  ]])
"""

from __future__ import annotations

import math

import numpy as np

from shorewise.engine.types import DrawVector, FloatArray, MonthCube

_MIN_MONTHS = 1e-3  # a ramp or learning time of 0 is treated as ~1 day


def _boundaries(months: int, delay: DrawVector, settled: DrawVector) -> tuple[int, FloatArray]:
    """Months to compute (until every draw is settled) and ``y = t - delay`` at their edges,
    ``(month edge, draw)``."""
    latest = float(np.max(delay + settled, initial=0.0))
    k = min(months, max(0, math.ceil(latest) + 1)) if math.isfinite(latest) else months
    return k, np.arange(k + 1, dtype=np.float64)[:, None] - delay[None, :]


def _ramp_integral(y: FloatArray, ramp: DrawVector) -> FloatArray:
    """``G(y)``: integral of the hiring ramp ``min(1, max(y, 0) / ramp)`` from 0 to ``y``."""
    y = np.maximum(y, 0.0)
    z = np.minimum(y, ramp)
    out: FloatArray = z * z / (2.0 * ramp) + (y - z)
    return out


def _learning_integral(y: FloatArray, learn: DrawVector) -> FloatArray:
    """``V(y)``: double integral of the learning curve ``min(1, max(y, 0) / learn)``."""
    y = np.maximum(y, 0.0)
    z = np.minimum(y, learn)
    out: FloatArray = z * z * z / (6.0 * learn) + 0.5 * (y - z) * (y + z - learn)
    return out


def _settled(
    k: int, months: int, y: FloatArray, settled: DrawVector, share: FloatArray
) -> FloatArray:
    """``share`` with every month that starts at full strength set to exactly 1, over all
    ``months`` (those past ``k`` are at full strength in every draw)."""
    out = np.ones((months, share.shape[1]))
    out[:k] = np.where(y[:-1] >= settled, 1.0, share)
    return out


def headcount_by_month(months: int, delay: DrawVector, ramp: DrawVector) -> FloatArray:
    """Mean share of the full team on the payroll in each month, ``(month, draw)``."""
    r = np.maximum(ramp, _MIN_MONTHS)
    k, y = _boundaries(months, delay, r)
    g = _ramp_integral(y, r)
    return _settled(k, months, y, r, g[1:] - g[:-1])


def productive_by_month(
    months: int, delay: DrawVector, ramp: DrawVector, learn: DrawVector
) -> FloatArray:
    """Mean productive share of the full team in each month, ``(month, draw)``."""
    r = np.maximum(ramp, _MIN_MONTHS)
    lrn = np.maximum(learn, _MIN_MONTHS)
    k, y = _boundaries(months, delay, r + lrn)
    w = (_learning_integral(y, lrn) - _learning_integral(y - r, lrn)) / r
    return _settled(k, months, y, r + lrn, w[1:] - w[:-1])


def hires_by_month(months: int, delay: DrawVector, ramp: DrawVector) -> FloatArray:
    """Share of the full team hired during each month, ``(month, draw)``."""
    r = np.maximum(ramp, _MIN_MONTHS)
    k, y = _boundaries(months, delay, r)
    hired = np.clip(y / r, 0.0, 1.0)
    out = np.zeros((months, hired.shape[1]))
    out[:k] = hired[1:] - hired[:-1]
    return out


def headcount_share(months: int, delay: DrawVector, ramp: DrawVector) -> MonthCube:
    """Mean share of the full team on the payroll in each month, shape (draw, month)."""
    return np.ascontiguousarray(headcount_by_month(months, delay, ramp).T)


def productive_share(
    months: int, delay: DrawVector, ramp: DrawVector, learn: DrawVector
) -> MonthCube:
    """Mean productive share of the full team in each month (hiring then learning)."""
    return np.ascontiguousarray(productive_by_month(months, delay, ramp, learn).T)


def hires_share(months: int, delay: DrawVector, ramp: DrawVector) -> MonthCube:
    """Share of the full team hired during each month (sums to 1 once the ramp is done)."""
    return np.ascontiguousarray(hires_by_month(months, delay, ramp).T)


def monthly_rate(annual_rate: DrawVector) -> DrawVector:
    """Monthly hazard equivalent to an annual leaving rate: 1 - (1 - A)^(1/12)."""
    return 1.0 - np.power(1.0 - np.clip(annual_rate, 0.0, 0.999), 1.0 / 12.0)
