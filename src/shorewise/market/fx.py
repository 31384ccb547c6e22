"""Exchange rates implied by the Stack Overflow Developer Survey 2024 conversions (mid-2024).

Stack Overflow converted each answer to USD at one rate per currency; ``pay-by-country.csv``
notes give that implied rate per country. A currency used by several countries (EUR) gets
the median of their rates.

Example::

    >>> usd_rate("EUR").units_per_usd
    0.93
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from functools import cache

from shorewise.errors import MarketDataError, Problem
from shorewise.market._csv import PAY_FILE, implied_rate, local_currency, read_rows
from shorewise.market.countries import resolve_iso2

FX_PROVENANCE = "implied by Stack Overflow Developer Survey 2024 conversions (mid-2024)"


@dataclass(frozen=True)
class FxRate:
    """Units of ``currency`` per 1 USD, with where the figure comes from."""

    currency: str
    units_per_usd: float
    provenance: str


@cache
def _rates() -> dict[str, FxRate]:
    by_currency: dict[str, list[tuple[str, float]]] = {}
    for row in read_rows(PAY_FILE):
        parsed = implied_rate(row["notes"])
        if parsed is not None:
            currency, rate = parsed
            by_currency.setdefault(currency, []).append((row["country_iso2"], rate))
    rates = {"USD": FxRate("USD", 1.0, "USD is the survey's reporting currency")}
    for currency, pairs in sorted(by_currency.items()):
        values = [rate for _, rate in pairs]
        countries = ", ".join(iso2 for iso2, _ in pairs)
        spread = "" if len(pairs) == 1 else f"; median over {countries}"
        provenance = f"1 USD = {statistics.median(values):g} {currency}, {FX_PROVENANCE}{spread}"
        rates[currency] = FxRate(currency, statistics.median(values), provenance)
    return rates


def supported_currencies() -> list[str]:
    """ISO 4217 codes :func:`usd_rate` knows, sorted.

    Example: ``"VND" in supported_currencies()``.
    """
    return sorted(_rates())


def usd_rate(currency: str) -> FxRate:
    """Units of ``currency`` per 1 USD (case-insensitive ISO 4217 code).

    Raises ``MarketDataError`` listing the supported codes when unknown.
    Example: ``usd_rate("GBP").units_per_usd == 0.79``.
    """
    code = currency.strip().upper()
    rate = _rates().get(code)
    if rate is None:
        message = (
            f"no exchange rate for currency {currency!r}; supported ISO 4217 codes: "
            + ", ".join(supported_currencies())
        )
        raise MarketDataError(message, problems=(Problem("currency", message),))
    return rate


def currency_of(iso2: str) -> str | None:
    """The currency most of a country's survey respondents were paid in, or None.

    None when the country has no pay row. Note: for AR, UY, VE, EC and a few others the
    survey's most common answer currency is USD. Example: ``currency_of("GB") == "GBP"``.
    """
    code = resolve_iso2(iso2)
    row = next((r for r in read_rows(PAY_FILE) if r["country_iso2"] == code), None)
    if row is None:
        return None
    parsed = implied_rate(row["notes"])
    if parsed is not None:
        return parsed[0]
    return local_currency(row["notes"]) or "USD"
