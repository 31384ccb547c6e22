"""One number formatter for every surface: money, shares, months and counts.

The same value reads the same in the terminal, the web app, every report and the JSON
``text`` of a finding: money to three significant figures (millions and billions with two
decimals), shares as whole percentages except near 0 and 100 % where a rounded figure
would lie (99.5 % is never "100%"), months as whole months. Money uses the currency's
symbol (babel); currencies without one keep their code.

Example::

    >>> money(5532778.98, "USD")
    '$5.53M'
    >>> money(9036.4, "EUR"), money(18090.0, "EUR")
    ('€9,040', '€18,100')
    >>> share(0.995), share(0.58), share(-0.124, signed=True)
    ('99.5%', '58%', '−12%')
    >>> months(7.2), months(float("inf"))
    ('7 months', 'not reached')
"""

from __future__ import annotations

import math

__all__ = [
    "amount",
    "amount_range",
    "count",
    "currency_symbol",
    "money",
    "money_exact",
    "money_range",
    "months",
    "round_money",
    "share",
]

MINUS = "\u2212"
NOT_REACHED = "not reached"
MISSING = "–"


def _finite(value: float | None) -> bool:
    return value is not None and math.isfinite(value)


def round_money(value: float) -> float:
    """Three significant figures below a million (``9,036 -> 9,040``), cents otherwise
    (the compact ``M``/``B`` forms show two decimals of the millions)."""
    if value == 0 or abs(value) >= 1e6:
        return value
    digits = 3 - math.floor(math.log10(abs(value))) - 1
    return float(round(value, min(digits, 0)) if digits <= 0 else round(value))


def amount(value: float | None) -> str:
    """A money amount without its currency: ``5.53M``, ``22,900``, ``950``; ``–`` if missing."""
    if not _finite(value):
        return MISSING
    assert value is not None
    size = abs(round_money(value))
    sign = MINUS if value < 0 else ""
    if size >= 1e9:
        return f"{sign}{size / 1e9:,.2f}B"
    if size >= 1e6:
        return f"{sign}{size / 1e6:.2f}M"
    return f"{sign}{size:,.0f}"


def currency_symbol(currency: str, *, locale: str = "en") -> str:
    """The currency's symbol in ``locale`` (``$``, ``€``) or its code when it has none."""
    from babel.numbers import get_currency_symbol

    symbol: str = get_currency_symbol(currency, locale=locale)
    return symbol


def _with_symbol(text: str, currency: str) -> str:
    symbol = currency_symbol(currency)
    negative = text.startswith(MINUS)
    body = text.removeprefix(MINUS)
    joined = f"{symbol}\u00a0{body}" if symbol.isalpha() else f"{symbol}{body}"
    return f"{MINUS}{joined}" if negative else joined


def money(value: float | None, currency: str) -> str:
    """Money for people: ``$5.53M``, ``€22,900``, ``PLN 9,040``; ``–`` when missing."""
    if not _finite(value):
        return MISSING
    return _with_symbol(amount(value), currency)


def money_exact(value: float | None, currency: str, *, locale: str = "en") -> str:
    """Money to the cent with the currency's symbol: ``$5,532,778.98``."""
    if not _finite(value):
        return MISSING
    from babel.numbers import format_currency

    assert value is not None
    text: str = format_currency(value, currency, locale=locale)
    symbol = currency_symbol(currency, locale=locale)
    if symbol.isalpha() and f"{symbol}\u00a0" not in text:
        text = text.replace(symbol, f"{symbol}\u00a0", 1)
    return text


def _scaled(value: float, scale: float) -> str:
    v = value / scale
    return f"{v:.1f}" if abs(v) < 100 else f"{v:,.0f}"


def amount_range(low: float | None, high: float | None) -> str:
    """A compact P10–P90 range with one suffix: ``5.4–5.7M``, ``4.5–5.6k``."""
    if not (_finite(low) and _finite(high)):
        return f"{amount(low)}–{amount(high)}"
    assert low is not None
    assert high is not None
    size = max(abs(low), abs(high))
    for scale, suffix in ((1e9, "B"), (1e6, "M"), (1e3, "k")):
        if size >= scale:
            return f"{_scaled(low, scale)}–{_scaled(high, scale)}{suffix}"
    return f"{low:,.0f}–{high:,.0f}"


def money_range(low: float | None, high: float | None, currency: str) -> str:
    """A P10–P90 range with the currency's symbol once: ``$5.4–5.7M``."""
    return _with_symbol(amount_range(low, high), currency)


def share(value: float | None, *, signed: bool = False) -> str:
    """A share as a percentage that never rounds to a lie: ``58%``, ``99.5%``, ``0.4%``,
    ``>99.9%``; ``signed`` adds ``+`` / ``−``; ``–`` when missing."""
    if not _finite(value):
        return MISSING
    assert value is not None
    pct = abs(value) * 100
    if pct < 0.1 and pct > 0:
        text = "<0.1%"
    elif pct < 1 and pct > 0:
        text = f"{math.ceil(pct * 10) / 10:.1f}%"
    elif pct > 99.9 and pct < 100:
        text = ">99.9%"
    elif pct > 99 and pct < 100:
        text = f"{math.floor(pct * 10) / 10:.1f}%"
    else:
        text = f"{pct:,.0f}%"
    if value < 0:
        return MINUS + text
    return ("+" + text) if signed and value > 0 else text


def months(value: float | None, *, short: bool = False) -> str:
    """Whole months: ``7 months`` (``7 mo`` when ``short``); ``not reached`` for infinity."""
    if value is None:
        return MISSING
    if not math.isfinite(value):
        return NOT_REACHED
    n = round(value)
    unit = "mo" if short else ("month" if n == 1 else "months")
    return f"{n:,} {unit}"


def finish(value: float | None, cap: int | None = None) -> str:
    """The month the scope is done (months from the scenario start, counted from 1):
    ``month 42``; ``after month 54`` when it is not done by ``cap`` (``value`` None).

    >>> finish(41.2), finish(None, 54), finish(None)
    ('month 42', 'after month 54', '–')
    """
    if value is None or not math.isfinite(value):
        return f"after month {cap:,}" if cap is not None else MISSING
    return f"month {max(1, math.ceil(value - 1e-9)):,}"


def count(value: float | int | None) -> str:
    """A count with thousands separators: ``10,000``."""
    if not _finite(None if value is None else float(value)):
        return MISSING
    assert value is not None
    return f"{round(value):,}"
