"""Staffing curves averaged over each month, as model expressions (see :mod:`.expr`).

A team is hired linearly over ``ramp`` months starting ``delay`` months into the work;
each hire's productivity grows linearly from 0 to 1 over ``learn`` months. A month's mean
is the change over the month of the curve's integral, so monthly figures are exact without
a loop; with ``y = EDGE - delay`` and ``y⁺ = max(y, 0)``:

- headcount share: change of ``G(y) = z²/(2R) + (y⁺ - z)``, ``z = min(y⁺, R)``
  (the integral of the ramp ``min(1, y⁺/R)``);
- productive share: change of ``(V(y) - V(y - R)) / R`` with ``V`` the double integral of
  the learning curve ``min(1, y⁺/L)``: ``V(y) = z³/(6L) + (y⁺ - z)(y⁺ + z - L)/2``,
  ``z = min(y⁺, L)``;
- hires share: change of ``min(max(y/R, 0), 1)``.

Before the start every share is exactly 0; once a month starts with the team fully hired
(and trained) the share is exactly 1 (:func:`~shorewise.engine.expr.settled`). Ramp and
learning times below :data:`MIN_MONTHS` count as :data:`MIN_MONTHS`.

Example::

    >>> import numpy as np
    >>> from shorewise.engine.expr_eval import evaluate
    >>> evaluate(headcount_share(0.0, 2.0), {}, months=3).ravel().round(3)
    array([0.25, 0.75, 1.  ])
"""

from __future__ import annotations

from shorewise.engine.expr import (
    EDGE,
    Expr,
    Value,
    clip,
    maximum,
    minimum,
    month_delta,
    named,
    settled,
)

MIN_MONTHS = 1e-3
"""A ramp or learning time of 0 is treated as ~1 day (months; judgement: avoids 0/0)."""


def at_least_min_months(months: Value) -> Value:
    """``months`` but never below :data:`MIN_MONTHS`."""
    return maximum(months, MIN_MONTHS)


def _ramp_integral(y: Value, ramp: Value) -> Value:
    """``G(y)``: integral of the hiring ramp ``min(1, max(y, 0) / ramp)`` from 0 to ``y``."""
    y_pos = maximum(y, 0.0)
    z = minimum(y_pos, ramp)
    return z * z / (2.0 * ramp) + (y_pos - z)


def _learning_integral(y: Value, learn: Value) -> Value:
    """``V(y)``: double integral of the learning curve ``min(1, max(y, 0) / learn)``."""
    y_pos = maximum(y, 0.0)
    z = minimum(y_pos, learn)
    return z * z * z / (6.0 * learn) + 0.5 * (y_pos - z) * (y_pos + z - learn)


def productive_months(y: Value, ramp: Value, learn: Value) -> Value:
    """Full-strength months delivered ``y`` months after hiring starts: the integral of the
    productive share, ``(V(y) - V(y - R)) / R`` (``y - R/2 - L/2`` once settled)."""
    return (_learning_integral(y, learn) - _learning_integral(y - ramp, learn)) / ramp


def productive_rate(y: Value, ramp: Value, learn: Value) -> Value:
    """The productive share itself ``y`` months after hiring starts (the derivative of
    :func:`productive_months`): ``(U(y) - U(y - R)) / R``, ``U`` the learning curve's
    integral (of the same form as the ramp's)."""
    return (_ramp_integral(y, learn) - _ramp_integral(y - ramp, learn)) / ramp


def headcount_share(delay: Value, ramp: Value) -> Expr:
    """Mean share of the full team on the payroll in each month (``ramp`` already at least
    :data:`MIN_MONTHS`)."""
    g = named("hired_integral", _ramp_integral(EDGE - delay, ramp), "∫ ramp to month end")
    return named("headcount_share", settled(delay, ramp, month_delta(g), 1.0), "headcount share")


def productive_share(delay: Value, ramp: Value, learn: Value) -> Expr:
    """Mean productive share of the full team in each month (hiring, then learning)."""
    y = EDGE - delay
    w = (_learning_integral(y, learn) - _learning_integral(y - ramp, learn)) / ramp
    w = named("productive_integral", w, "∬ learning to month end")
    share = settled(delay, ramp + learn, month_delta(w), 1.0)
    return named("productive_share", share, "productive share")


def hires_share(delay: Value, ramp: Value) -> Expr:
    """Share of the full team hired during each month (sums to 1 once the ramp is done)."""
    hired = named("hired_share_end", clip((EDGE - delay) / ramp, 0.0, 1.0), "hired by month end")
    return named("hires_share", settled(delay, ramp, month_delta(hired), 0.0), "hires share")


def monthly_rate(annual_rate: Value) -> Value:
    """Monthly hazard equivalent to an annual leaving rate: 1 - (1 - A)^(1/12)."""
    return 1.0 - (1.0 - clip(annual_rate, 0.0, 0.999)) ** (1.0 / 12.0)
