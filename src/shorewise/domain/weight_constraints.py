"""What is known about the criterion weights: intervals on each share, and an importance order.

A weight vector ``w`` ``(criterion,)`` is a point of the simplex (``w >= 0``, ``sum w = 1``);
a :class:`WeightConstraints` narrows it to the region

    lower[j] <= w[j] <= upper[j]   for every criterion j          (shares of the total)
    w[order[0]] >= w[order[1]] >= ...   for the criteria in ``order`` (most important first)

An empty ``order`` and bounds ``0..1`` leave the whole simplex (SMAA-2's "no preference
information", Lahdelma & Salminen 2001). Criteria left out of ``order`` are not ranked
against anything (a partial order). Built by :func:`~shorewise.domain.weight_spec.
parse_weight_spec` from what a user writes; sampled by :func:`~shorewise.decision.
weights_sampling.sample_weights`.

Feasibility is exact: along the order a weight is at most every bound before it and at least
every bound after it, which gives tightened bounds ``lower' <= upper'``; the region is not
empty iff ``sum(lower') <= 1 <= sum(upper')`` (the segment from ``lower'`` to ``upper'``
stays ordered and inside the bounds, and its sum passes through 1).

>>> c = WeightConstraints(("cost", "speed", "control"), lower=(0.3, 0, 0), upper=(0.5, 1, 1),
...                       order=("cost", "control"))
>>> c.tight_upper
(0.5, 1.0, 0.5)
>>> c.contains([[0.4, 0.4, 0.2], [0.4, 0.1, 0.5]]).tolist()
[True, False]
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from numpy.typing import ArrayLike, NDArray

__all__ = ["TOLERANCE", "WeightConstraints"]

TOLERANCE = 1e-9
"""Slack allowed when a sampled weight is checked against a bound (float rounding)."""


@dataclass(frozen=True)
class WeightConstraints:
    """Bounds on each weight share and an optional importance order, over named criteria.

    ``lower``/``upper`` are shares of the total weight in ``[0, 1]`` (default ``0`` and
    ``1``); ``order`` lists criteria from most to least important (``>=``, ties allowed).
    Raises ``ValueError`` naming the criterion when a bound is outside ``[0, 1]``, a lower
    bound exceeds its upper bound, a name in ``order`` is unknown or repeated, or no weight
    vector satisfies everything at once.
    """

    criteria: tuple[str, ...]
    lower: tuple[float, ...] = ()
    upper: tuple[float, ...] = ()
    order: tuple[str, ...] = ()
    tight_lower: tuple[float, ...] = field(init=False, repr=False, compare=False)
    tight_upper: tuple[float, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        n = len(self.criteria)
        if n == 0:
            raise ValueError("weight constraints need at least one criterion")
        if len(set(self.criteria)) != n:
            raise ValueError(f"criteria must be distinct, got {list(self.criteria)}")
        lower = tuple(float(v) for v in self.lower) if self.lower else (0.0,) * n
        upper = tuple(float(v) for v in self.upper) if self.upper else (1.0,) * n
        object.__setattr__(self, "criteria", tuple(self.criteria))
        object.__setattr__(self, "lower", lower)
        object.__setattr__(self, "upper", upper)
        object.__setattr__(self, "order", tuple(self.order))
        self._check_bounds()
        self._check_order()
        tight_lower, tight_upper = self._tightened()
        object.__setattr__(self, "tight_lower", tight_lower)
        object.__setattr__(self, "tight_upper", tight_upper)
        self._check_feasible()

    @property
    def order_index(self) -> tuple[int, ...]:
        """Positions of the ordered criteria in ``criteria``, most important first."""
        return tuple(self.criteria.index(name) for name in self.order)

    @property
    def is_unconstrained(self) -> bool:
        """True when every weight vector of the simplex is allowed."""
        return (
            not self.order and all(v <= 0 for v in self.lower) and all(v >= 1 for v in self.upper)
        )

    def contains(self, weights: ArrayLike) -> NDArray[np.bool_]:
        """Which rows of ``weights`` ``(n, criteria)`` satisfy every constraint (``(n,)``).

        A row must be >= 0, sum to 1, respect the bounds and the order, each within
        :data:`TOLERANCE`.
        """
        values = np.atleast_2d(np.asarray(weights, dtype=np.float64))
        if values.shape[-1] != len(self.criteria):
            raise ValueError(
                f"weights must have {len(self.criteria)} columns, got shape {values.shape}"
            )
        ok = np.abs(values.sum(axis=-1) - 1.0) <= TOLERANCE
        ok &= np.all(values >= np.asarray(self.lower) - TOLERANCE, axis=-1)
        ok &= np.all(values <= np.asarray(self.upper) + TOLERANCE, axis=-1)
        ordered = values[:, list(self.order_index)]
        ok &= np.all(np.diff(ordered, axis=-1) <= TOLERANCE, axis=-1)
        result: NDArray[np.bool_] = ok
        return result

    def _check_bounds(self) -> None:
        n = len(self.criteria)
        if len(self.lower) != n or len(self.upper) != n:
            raise ValueError(
                f"lower and upper need one bound per criterion ({n}), got "
                f"{len(self.lower)} and {len(self.upper)}"
            )
        for name, low, high in zip(self.criteria, self.lower, self.upper, strict=True):
            if not (0.0 <= low <= 1.0 and 0.0 <= high <= 1.0):
                raise ValueError(
                    f"weight of {name!r}: bounds must be shares between 0 and 1 (0%..100%), "
                    f"got {low:g}..{high:g}"
                )
            if low > high:
                raise ValueError(
                    f"weight of {name!r}: the lower bound {low:g} is above the upper bound {high:g}"
                )

    def _check_order(self) -> None:
        unknown = [name for name in self.order if name not in self.criteria]
        if unknown:
            raise ValueError(
                f"weight order names unknown criteria {unknown}; "
                f"allowed: {', '.join(self.criteria)}"
            )
        repeated = sorted({name for name in self.order if self.order.count(name) > 1})
        if repeated:
            raise ValueError(f"weight order names {repeated} more than once; name each once")

    def _tightened(self) -> tuple[tuple[float, ...], tuple[float, ...]]:
        low = np.asarray(self.lower, dtype=np.float64)
        high = np.asarray(self.upper, dtype=np.float64)
        chain = list(self.order_index)
        if chain:
            # w[chain[i]] <= every upper bound before it, >= every lower bound after it.
            high[chain] = np.minimum.accumulate(high[chain])
            low[chain] = np.maximum.accumulate(low[chain][::-1])[::-1]
        return tuple(low.tolist()), tuple(high.tolist())

    def _check_feasible(self) -> None:
        for name, low, high in zip(self.criteria, self.tight_lower, self.tight_upper, strict=True):
            if low > high + TOLERANCE:
                raise ValueError(
                    f"weight of {name!r}: the order {' >= '.join(self.order)} forces it to be "
                    f"at least {low:g} and at most {high:g}; loosen the ranges or the order"
                )
        total_low, total_high = sum(self.tight_lower), sum(self.tight_upper)
        if total_low > 1.0 + TOLERANCE:
            raise ValueError(
                f"the lowest allowed weights add up to {total_low:.4g} (over 100%); "
                "lower some minimums so the shares can sum to 1"
            )
        if total_high < 1.0 - TOLERANCE:
            raise ValueError(
                f"the highest allowed weights add up to {total_high:.4g} (under 100%); "
                "raise some maximums so the shares can sum to 1"
            )
