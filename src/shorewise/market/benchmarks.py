"""Published bands a model's outputs are checked against (guard rails, validation).

Each band names its source and year (``shared/data/published-figures.md``). Savings are
``1 - cost per effective FTE-month of the option / that of the home team``.

Example::

    >>> SAVING_BANDS["offshore_inhouse"].contains(0.55)
    True
    >>> WAGE_RATIO_BAND.contains(1.02)
    False
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Band:
    """A published range ``low``..``high`` (fractions) and where it comes from."""

    low: float
    high: float
    source: str

    def contains(self, value: float) -> bool:
        """Whether ``value`` lies inside the band (ends included)."""
        return self.low <= value <= self.high


SAVING_BANDS: dict[str, Band] = {
    "offshore_inhouse": Band(
        0.15,
        0.70,
        "most case studies report savings of 15-30 % (Taylor & Francis chapter); captives "
        "in India 40-70 % TCO savings (Everest / NASSCOM 2012)",
    ),
    "offshore_outsource": Band(
        0.10,
        0.58,
        "average saving 10 % once failures are counted (Ventoro survey via Kuhn Capital); "
        "58 cents saved per dollar moved offshore (McKinsey Global Institute 2003)",
    ),
}
"""Published savings against the home team, by kind of option."""

CAPTIVE_BAND = Band(0.40, 0.70, "captives in India: 40-70 % TCO savings (Everest / NASSCOM 2012)")
CASE_STUDY_BAND = Band(
    0.15, 0.30, "most case studies report savings of only 15-30 % (Taylor & Francis chapter)"
)
HIDDEN_COST_BAND = Band(
    0.152,
    0.57,
    "hidden costs of offshore outsourcing 15.2-57 % of the contract value (Overby, CIO "
    "Magazine 2003, sum of six categories)",
)
VENDOR_OVER_CAPTIVE_BAND = Band(
    0.85,
    0.95,
    "third-party offshore providers typically 5-15 % cheaper than a captive once its full "
    "costs are counted (Everest Group via CIO, 2007)",
)
WAGE_RATIO_BAND = Band(
    0.10,
    0.95,
    "judgement: offshore pay under 10 % of home pay means the survey is probably wrong for "
    "the country, over 95 % leaves no wage arbitrage (the seed has 30-70 %)",
)
EOR_ENTITY_CROSSOVER_HEADS = Band(
    6.0,
    15.0,
    "EOR vs own entity break-even at about 6-15 employees over 36 months (Teamed crossover "
    "calculator, vendor tool)",
)
