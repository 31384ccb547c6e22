"""Numbers for people: money rounded to what matters, months, shares.

Example::

    >>> human_money(5532778.98, "USD")
    'USD 5.53M'
    >>> human_money(22888.19, "USD")
    'USD 22,900'
"""

from __future__ import annotations

import math


def human_amount(value: float | None) -> str:
    """``5.53M``, ``22,900``, ``950``; ``-`` for missing or not reached."""
    if value is None or not math.isfinite(value):
        return "-"
    size = abs(value)
    if size >= 1e9:
        return f"{value / 1e9:.2f}B"
    if size >= 1e6:
        return f"{value / 1e6:.2f}M"
    if size >= 10_000:
        return f"{round(value, -2):,.0f}"
    return f"{value:,.0f}"


def human_money(value: float | None, currency: str) -> str:
    """A money amount with its ISO currency code, rounded for reading."""
    text = human_amount(value)
    return text if text == "-" else f"{currency} {text}"


def human_months(value: float | None) -> str:
    """``7 mo``; ``not reached`` for infinity."""
    if value is None:
        return "-"
    if not math.isfinite(value):
        return "not reached"
    return f"{value:.0f} mo"


def human_share(value: float | None, signed: bool = False) -> str:
    """``58%`` (or ``+58%`` / ``-12%`` with ``signed``)."""
    if value is None or not math.isfinite(value):
        return "-"
    return f"{value:+.0%}" if signed else f"{value:.0%}"


def _scaled(value: float, scale: float) -> str:
    v = value / scale
    return f"{v:.1f}" if abs(v) < 100 else f"{v:,.0f}"


def human_range(low: float | None, high: float | None) -> str:
    """A compact P10–P90 range with one suffix: ``5.4–5.7M``, ``4.5–5.6k``."""
    if low is None or high is None:
        return "-"
    if not (math.isfinite(low) and math.isfinite(high)):
        return f"{human_amount(low)}–{human_amount(high)}"
    size = max(abs(low), abs(high))
    for scale, suffix in ((1e9, "B"), (1e6, "M"), (1e3, "k")):
        if size >= scale:
            return f"{_scaled(low, scale)}–{_scaled(high, scale)}{suffix}"
    return f"{low:,.0f}–{high:,.0f}"
