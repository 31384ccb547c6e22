"""Numbers for people: money rounded to what matters, months, shares.

Example::

    >>> human_money(5532778.98, "USD")
    'USD 5.53M'
    >>> human_money(22888.19, "USD")
    'USD 22,900'
    >>> money(22888.19, "EUR")           # babel: the currency's symbol
    '€22,900'
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


def _people_round(value: float) -> float:
    """Round as :func:`human_amount` does: hundreds from 10,000, whole units below."""
    return float(round(value, -2) if abs(value) >= 10_000 else round(value))


def _spaced(text: str, currency: str, locale: str) -> str:
    """``PLN 22,900`` rather than ``PLN22,900`` when the currency has no symbol."""
    from babel.numbers import get_currency_symbol

    symbol: str = get_currency_symbol(currency, locale=locale)
    if symbol.isalpha() and symbol.isascii() and f"{symbol}\u00a0" not in text:
        return text.replace(symbol, f"{symbol}\u00a0", 1)
    return text


def money(value: float | None, currency: str, *, locale: str = "en") -> str:
    """Money for people with the currency's symbol (babel): ``$5.53M``, ``€22,900``.

    Millions and billions are compact with two decimals; smaller amounts are rounded to
    three significant digits; ``-`` for a missing or infinite value. Currencies without a
    symbol keep their code: ``PLN 22,900``.
    """
    if value is None or not math.isfinite(value):
        return "-"
    from babel.numbers import format_currency

    scaled, pattern, suffix = _people_round(value), "¤#,##0", ""
    for size, letter in ((1e9, "B"), (1e6, "M")):
        if abs(scaled) >= size:
            scaled, pattern, suffix = value / size, "¤#,##0.00", letter
            break
    text: str = format_currency(
        scaled, currency, locale=locale, format=pattern, currency_digits=False
    )
    return _spaced(text, currency, locale) + suffix


def money_exact(value: float | None, currency: str, *, locale: str = "en") -> str:
    """Money to the cent with the currency's symbol: ``$5,532,778.98``."""
    if value is None or not math.isfinite(value):
        return "-"
    from babel.numbers import format_currency

    text: str = format_currency(value, currency, locale=locale)
    return _spaced(text, currency, locale)


def currency_symbol(currency: str, *, locale: str = "en") -> str:
    """The currency's symbol in ``locale`` (``$``, ``€``) or its code when it has none."""
    from babel.numbers import get_currency_symbol

    symbol: str = get_currency_symbol(currency, locale=locale)
    return symbol


def money_range(low: float | None, high: float | None, currency: str) -> str:
    """A P10–P90 range with the currency's symbol once: ``$5.4–5.7M``, ``€4.5–5.6k``."""
    text = human_range(low, high)
    if text == "-":
        return text
    symbol = currency_symbol(currency)
    return f"{symbol}\u00a0{text}" if symbol.isalpha() else f"{symbol}{text}"
