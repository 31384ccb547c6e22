"""Headline figures per draw from an option's monthly cube (DESIGN.md §3).

- ``total_cost``: every cost over the horizon (scenario currency);
- ``npv_cost``: the same discounted at ``discount_rate`` per year, month m weighted
  ``(1 + r) ** (-m / 12)`` counting from the scenario start;
- ``effective_fte_months``: delivered capacity in onshore-equivalent FTE-months;
- ``cost_per_effective_fte_month``: ``total_cost / effective_fte_months`` (inf if nothing
  is delivered);
- ``months_to_target``: months from the work's start until effective capacity first
  reaches ``TARGET_SHARE`` of the target (inf if never within the work).

Example::

    >>> m = draw_metrics(cube, discount_rate)          # doctest: +SKIP
    >>> m.total_cost.shape                                            # doctest: +SKIP
    (10000,)
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from shorewise.engine.option import OptionCube, month_sum
from shorewise.engine.types import DrawVector, FloatArray

TARGET_SHARE = 0.9
"""Share of the target capacity that counts as 'at target' (judgement)."""


@dataclass(frozen=True)
class DrawMetrics:
    """Per-draw headline figures of one option; every field is ``(draw,)`` unless noted."""

    total_cost: DrawVector
    npv_cost: DrawVector
    effective_fte_months: DrawVector
    cost_per_effective_fte_month: DrawVector
    months_to_target: DrawVector
    category_totals: FloatArray  # (category, draw)


def discount_factors(discount_rate: DrawVector, horizon: int) -> FloatArray:
    """``(draw, month)`` factors ``(1 + r) ** (-m / 12)``."""
    m = np.arange(horizon, dtype=np.float64)[None, :]
    return np.power(1.0 + discount_rate[:, None], -m / 12.0)


def _local_discount(discount_rate: DrawVector, cube: OptionCube) -> FloatArray:
    """Discount factors over the months of the work, ``(month, 1)`` when every draw shares
    one rate (the same numbers, computed once), else ``(month, draw)``."""
    start, d = cube.timing.start, cube.timing.months
    m = np.arange(start, start + d, dtype=np.float64)[:, None]
    rate = np.broadcast_to(discount_rate, (cube.draws,))
    if rate.size and bool(np.all(rate == rate[0])):
        rate = rate[:1]
    return np.power(1.0 + rate, -m / 12.0)


def months_to_target(cube: OptionCube) -> DrawVector:
    """Months from the work's start until effective FTE >= TARGET_SHARE x target."""
    reached = cube.effective_by_month >= TARGET_SHARE * cube.target_fte - 1e-9
    if reached.shape[0] == 0:
        return np.full(cube.draws, np.inf)
    first = np.argmax(reached, axis=0)
    hit = np.take_along_axis(reached, first[None, :], axis=0)[0]
    return np.where(hit, first + 1.0, np.inf)


def draw_metrics(cube: OptionCube, discount_rate: DrawVector) -> DrawMetrics:
    """Headline figures per draw (see module doc); ``discount_rate`` per year, ``(draw,)``."""
    total = cube.category_totals.sum(axis=0)
    npv = month_sum(cube.burn_by_month * _local_discount(discount_rate, cube))
    effective = month_sum(cube.effective_by_month)
    with np.errstate(divide="ignore", invalid="ignore"):
        per_fte = np.where(effective > 0, total / np.where(effective > 0, effective, 1.0), np.inf)
    return DrawMetrics(total, npv, effective, per_fte, months_to_target(cube), cube.category_totals)
