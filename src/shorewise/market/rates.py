"""Published vendor rate bands by country, and where a vendor's onsite staff sit.

Bands are US dollars per billed hour for mid-level developers, each with its source and
year (``shared/data/published-figures.md`` §7 and §10); a vendor's price per billed
FTE-month is the hourly rate x :data:`BILLABLE_HOURS_MONTHLY`. Countries with no band are
priced as cost plus margin by the engine, and say so. The onsite share of a vendor abroad
depends on whether it is nearshore (working hours overlap the home hub's by at least
:data:`NEARSHORE_OVERLAP_HOURS`) or farshore.

Example::

    >>> band = vendor_rate_band("VN")
    >>> (band.low, band.high, band.year)
    (25.0, 40.0, 2026)
    >>> vendor_rate_band("AU") is None
    True
"""

from __future__ import annotations

from dataclasses import dataclass

from shorewise.domain.defaults_vendor import (
    BILLABLE_HOURS_MONTHLY,
    FARSHORE_ONSITE,
    NEARSHORE_ONSITE,
    NEARSHORE_OVERLAP_HOURS,
    OnsiteShare,
)
from shorewise.market.countries import resolve_iso2

__all__ = [
    "BILLABLE_HOURS_MONTHLY",
    "NEARSHORE_OVERLAP_HOURS",
    "RATE_BANDS",
    "RateBand",
    "onsite_share",
    "vendor_rate_band",
]


_KNOWLEDGELIB = "knowledgelib.io, outsource vs in-house development (2026, strength C)"
_TRANSPARENCY = "transparencywins.info provider rates (2026, strength C)"


@dataclass(frozen=True)
class RateBand:
    """A published hourly rate band (USD per billed hour), mid-level; ``senior_*`` where
    the source gives a senior band too."""

    region: str
    low: float
    high: float
    source: str
    year: int
    senior_low: float | None = None
    senior_high: float | None = None

    @property
    def provenance(self) -> str:
        """The band in words with its source and year."""
        senior = ""
        if self.senior_low is not None and self.senior_high is not None:
            senior = f" (senior ${self.senior_low:.0f}-{self.senior_high:.0f}/h)"
        return f"{self.source}: {self.region} ${self.low:.0f}-{self.high:.0f}/h{senior}"


_SOUTH_SE_ASIA = RateBand("India / South-East Asia, mid-level", 25.0, 40.0, _TRANSPARENCY, 2026)
_OTHER_ASIA = RateBand("Asia", 20.0, 50.0, _KNOWLEDGELIB, 2026)
_EASTERN_EUROPE = RateBand(
    "Eastern Europe, mid-level", 45.0, 65.0, _TRANSPARENCY, 2026, senior_low=70.0, senior_high=95.0
)
_LATIN_AMERICA = RateBand("Latin America", 60.0, 100.0, _KNOWLEDGELIB, 2026)
_NORTH_AMERICA_WEST_EUROPE = RateBand(
    "US / Canada / Western Europe", 100.0, 150.0, _KNOWLEDGELIB, 2026
)

RATE_BANDS: dict[str, RateBand] = {
    **dict.fromkeys(("IN", "VN", "PH", "ID", "MY", "TH"), _SOUTH_SE_ASIA),
    **dict.fromkeys(("CN", "BD", "PK"), _OTHER_ASIA),
    **dict.fromkeys(("PL", "UA", "RO"), _EASTERN_EUROPE),
    **dict.fromkeys(("BR", "MX", "AR", "CO"), _LATIN_AMERICA),
    **dict.fromkeys(("US", "CA", "GB", "DE", "FR", "NL", "CH"), _NORTH_AMERICA_WEST_EUROPE),
}
"""Country -> band. Southern Europe (PT, ES), AU, SG, JP, EG, NG: no band in the sources."""


def vendor_rate_band(iso2: str) -> RateBand | None:
    """The published rate band of vendors in ``iso2``, or ``None`` when no source gives one
    (or the country is unknown)."""
    code = resolve_iso2(iso2)
    return RATE_BANDS.get(code) if code else None


def onsite_share(overlap_hours: float) -> OnsiteShare:
    """The onsite share of a vendor whose hub overlaps the home hub by ``overlap_hours``
    working hours a day (nearshore from :data:`NEARSHORE_OVERLAP_HOURS`).

    >>> onsite_share(8.0).mode
    0.08
    """
    return NEARSHORE_ONSITE if overlap_hours >= NEARSHORE_OVERLAP_HOURS else FARSHORE_ONSITE
