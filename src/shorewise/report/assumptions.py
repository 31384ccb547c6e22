"""Units of the assumption table every report carries, in words with the currency named.

The rows themselves are part of the result (:class:`~shorewise.results.result.AssumptionRow`):
exactly what the run used (market data, rate card, the file's overrides), ``central`` being
the value of the deterministic run (each input's median).

Example::

    >>> unit_text("money/month", "EUR")
    'EUR per FTE-month'
    >>> short_unit("money", "USD")
    'USD, one-off'
"""

from __future__ import annotations

from shorewise.domain.assumption import UNITS


def unit_text(unit: str, currency: str) -> str:
    """The unit in words with the scenario's currency named (``USD per FTE-month``)."""
    text = UNITS.get(unit, unit)
    return text.replace("scenario currency", currency)


_SHORT_UNITS = {
    "share": "share",
    "ratio": "multiplier",
    "share/year": "share per year",
    "months": "months",
    "money/month": "{cur} per FTE-month",
    "money/year": "{cur} per FTE-year",
    "money": "{cur}, one-off",
    "money/entity-month": "{cur} per month",
    "hires/month": "hires per month",
}


def short_unit(unit: str, currency: str) -> str:
    """A unit for a narrow column: ``share``, ``USD per FTE-month``."""
    return _SHORT_UNITS.get(unit, unit).format(cur=currency)
