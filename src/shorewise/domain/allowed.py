"""What values an assumption may take, and the check of a whole distribution against it.

An :class:`Allowed` range has hard bounds (``low``/``high``, each inclusive or not),
checked over the distribution's whole **support**: a range or distribution that could
produce a value outside them is refused, naming the bound. So an untruncated normal
(unbounded both ways) is refused on any input with a bound; truncate it with ``low:`` /
``high:`` inside the allowed range. Inputs with no natural maximum (money, months,
multipliers) have a ``ceiling`` instead: the largest value Monte Carlo can actually draw
(:func:`~shorewise.domain.support.drawable_range`) must stay at or below it, so a
log-normal pay is fine but ``sigma: 1000`` is refused before it overflows. A money
ceiling is in US dollars and converted to the scenario's currency.

Example::

    >>> from shorewise.domain.distributions import Fixed, Normal
    >>> share = Allowed(low=0.0, high=1.0, reason="a share")
    >>> share.problem(Fixed(value=0.4)) is None
    True
    >>> share.problem(Normal(mean=0.5, sd=0.1))
    'a normal distribution has no lower bound, but this input must be >= 0: truncate it \
with low: (and high:) inside >= 0 and <= 1, or use a range or a pert; a share'
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from shorewise.domain.distributions import Distribution, Fixed
from shorewise.domain.support import drawable_range, support


def _num(value: float) -> str:
    """``2,000,000`` for large round numbers, ``0.25`` or ``1e+308`` otherwise."""
    if math.isfinite(value) and 1e4 <= abs(value) < 1e15:
        return f"{value:,.0f}" if value == round(value) else f"{value:,.2f}"
    return f"{value:.6g}"


@dataclass(frozen=True)
class Allowed:
    """The values one assumption may take, and why.

    ``low``/``high``: hard bounds (``None``: none on that side), inclusive unless
    ``low_open``/``high_open``. ``ceiling``: a magnitude limit on the values that can be
    drawn, for inputs with no natural maximum; ``ceiling_usd`` says it is money in USD.
    """

    low: float | None = None
    high: float | None = None
    low_open: bool = False
    high_open: bool = False
    ceiling: float | None = None
    ceiling_usd: bool = False
    reason: str = ""

    def ceiling_in(self, units_per_usd: float | None) -> float | None:
        """The ceiling in the scenario's currency (None: no ceiling, or the rate is unknown)."""
        if self.ceiling is None:
            return None
        if not self.ceiling_usd:
            return self.ceiling
        return None if units_per_usd is None else self.ceiling * units_per_usd

    def describe(self, units_per_usd: float | None = 1.0) -> str:
        """The allowed values in words, e.g. ``> 0 and <= 1.5`` or ``>= 0, at most 240``."""
        parts = [text for text in (self._low_text(), self._high_text()) if text]
        text = " and ".join(parts) or "any finite number"
        ceiling = self.ceiling_in(units_per_usd)
        if ceiling is not None:
            text += f", at most {self._ceiling_text(ceiling, units_per_usd)}"
        return text

    def _ceiling_text(self, ceiling: float, units_per_usd: float | None) -> str:
        if self.ceiling_usd and self.ceiling is not None and units_per_usd != 1.0:
            return f"{_num(ceiling)} (USD {_num(self.ceiling)} converted)"
        return _num(ceiling)

    def _below(self, value: float) -> bool:
        return self.low is not None and (value <= self.low if self.low_open else value < self.low)

    def _above(self, value: float) -> bool:
        if self.high is None:
            return False
        return value >= self.high if self.high_open else value > self.high

    def contains(self, value: float, units_per_usd: float | None = 1.0) -> bool:
        """True when ``value`` is finite and inside every bound (and the ceiling)."""
        ceiling = self.ceiling_in(units_per_usd)
        return (
            math.isfinite(value)
            and not self._below(value)
            and not self._above(value)
            and (ceiling is None or value <= ceiling)
        )

    def problem(self, dist: Distribution, units_per_usd: float | None = 1.0) -> str | None:
        """Why ``dist`` is not allowed (naming the bound), or None when every value it can
        produce is allowed. ``units_per_usd`` converts a money ceiling (None: skip it)."""
        why = f"; {self.reason}" if self.reason else ""
        if isinstance(dist, Fixed):
            return self._fixed_problem(dist.value, units_per_usd, why)
        low, high = support(dist)
        open_at_zero = dist.kind in ("lognormal", "interval90") and low == 0.0
        if (self._below(low) and not (open_at_zero and self.low == 0.0)) or self._above(high):
            return self._support_problem(dist, low, high, why)
        drawn_low, drawn_high = drawable_range(dist)
        ceiling = self.ceiling_in(units_per_usd)
        if ceiling is not None and not drawn_high <= ceiling:
            limit = self._ceiling_text(ceiling, units_per_usd)
            return (
                f"its largest draws reach {_num(drawn_high)}, above the ceiling {limit}: "
                f"narrow the distribution{why}"
            )
        if self._below(drawn_low):
            return (
                f"its smallest draws reach {_num(drawn_low)}, but it must be "
                f"{self._low_text()}: narrow the distribution{why}"
            )
        return None

    def _fixed_problem(self, value: float, units_per_usd: float | None, why: str) -> str | None:
        if self._below(value) or self._above(value):
            return f"must be {self.describe(None)} (got {_num(value)}){why}"
        ceiling = self.ceiling_in(units_per_usd)
        if ceiling is not None and value > ceiling:
            limit = self._ceiling_text(ceiling, units_per_usd)
            return f"must be at most {limit} (got {_num(value)}){why}"
        return None

    def _support_problem(self, dist: Distribution, low: float, high: float, why: str) -> str:
        lower = self._below(low)
        bound = self._low_text() if lower else self._high_text()
        end = low if lower else high
        side = "lower" if lower else "upper"
        if math.isinf(end):
            return (
                f"{'an' if dist.kind == 'interval90' else 'a'} {dist.kind} distribution has no "
                f"{side} bound, but this input must be "
                f"{bound}: truncate it with low: (and high:) inside {self.describe(None)}, "
                f"or use a range or a pert{why}"
            )
        return f"its {side} end {_num(end)} is outside the allowed values: must be {bound}{why}"

    def _low_text(self) -> str:
        if self.low is None:
            return ""
        return f"{'>' if self.low_open else '>='} {_num(self.low)}"

    def _high_text(self) -> str:
        if self.high is None:
            return ""
        return f"{'<' if self.high_open else '<='} {_num(self.high)}"
