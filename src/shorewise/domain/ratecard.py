"""A user's own rate card: pay and vendor rates per country, in the scenario's currency.

Example::

    >>> card = RateCard(source="rates.csv", rows={"VN": RateCardRow(annual_pay=30000.0)})
    >>> card.rows["VN"].annual_pay
    30000.0
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class RateCardRow:
    """One country's figures: own-staff gross annual pay and/or a vendor's monthly rate."""

    annual_pay: float | None = None
    vendor_monthly_rate: float | None = None


@dataclass(frozen=True)
class RateCard:
    """Rows keyed by ISO country code; ``source`` names the file for provenance."""

    source: str
    rows: dict[str, RateCardRow] = field(default_factory=dict)
