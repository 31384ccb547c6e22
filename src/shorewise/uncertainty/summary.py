"""Summaries of per-draw figures: P10/P50/P90/mean, bands, probability of being best.

Non-finite values (e.g. months to target when the target is never reached) are kept in
percentiles as ``inf`` and rendered as ``None`` by :func:`percentiles`' ``as_dict``.

Example::

    >>> percentiles(np.array([1.0, 2.0, 3.0])).p50
    2.0
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from shorewise.engine.types import FloatArray

BoolArray = NDArray[np.bool_]

_NOT_REACHED = 1e300


@dataclass(frozen=True)
class Percentiles:
    """P10 / P50 / P90 and the mean of one figure over the draws."""

    p10: float
    p50: float
    p90: float
    mean: float

    def as_dict(self, digits: int = 2) -> dict[str, float | None]:
        """JSON-safe: rounded, with non-finite values as ``None``."""
        return {
            k: (round(v, digits) if math.isfinite(v) else None)
            for k, v in (
                ("p10", self.p10),
                ("p50", self.p50),
                ("p90", self.p90),
                ("mean", self.mean),
            )
        }

    @property
    def spread(self) -> float:
        """P90 - P50: the cost at risk when the figure is a cost."""
        return self.p90 - self.p50


def percentiles(values: FloatArray) -> Percentiles:
    """P10/P50/P90 (linear interpolation) and mean of a ``(draw,)`` array."""
    values = np.asarray(values, dtype=np.float64)
    if values.size == 0:
        raise ValueError("no draws to summarise")
    finite = np.isfinite(values)
    if not finite.all():  # inf - inf interpolation would give NaN: use a sentinel
        values = np.where(finite, values, _NOT_REACHED)
    # a percentile interpolated towards a non-finite draw is not finite either (it is
    # above every finite draw), not a huge number such as 1e299
    top = float(values[finite].max()) if finite.any() else -math.inf
    p10, p50, p90 = (
        float(p) if p <= top else math.inf for p in np.percentile(values, [10, 50, 90])
    )
    mean = float(np.mean(values)) if finite.all() else math.inf
    return Percentiles(p10, p50, p90, mean)


def monthly_bands(series: FloatArray) -> dict[str, FloatArray]:
    """``(draw, month)`` -> P10/P50/P90 per month (each ``(month,)``)."""
    p10, p50, p90 = np.percentile(series, [10, 50, 90], axis=0)
    return {"p10": p10, "p50": p50, "p90": p90}


def probability_lowest(values: FloatArray, eligible: BoolArray | None = None) -> FloatArray:
    """``(alternative, draw)`` -> share of draws in which each alternative is lowest.

    Ineligible alternatives (``eligible`` False) never win and get 0.
    """
    v = np.array(values, dtype=np.float64, copy=True)
    if eligible is not None:
        v[~np.asarray(eligible, dtype=bool)] = np.inf
    if v.shape[0] == 0:
        return np.zeros(0)
    winners = np.argmin(v, axis=0)
    counts = np.bincount(winners, minlength=v.shape[0]).astype(np.float64)
    if eligible is not None:
        counts[~np.asarray(eligible, dtype=bool)] = 0.0
    shares: FloatArray = counts / v.shape[1]
    return shares
