"""Working-hours overlap between two countries' hubs, and what it does to productivity.

Overlap uses the hub time zones' UTC offsets in January and July 2025 (IANA tzdata, see
``country-facts.csv``). Productivity follows the COCOMO II SITE multiplier.

Example::

    >>> working_hours_overlap("GB", "PL")
    8.0
    >>> round(site_productivity(0.0), 3)
    0.762
"""

from __future__ import annotations

import math

from shorewise.errors import MarketDataError, Problem
from shorewise.market.countries import get_country

SITE_INTERNATIONAL = 1.22  # COCOMO II.2000 SITE Very Low: international collocation
SITE_NOMINAL = 1.00  # SITE Nominal: multi-city or multi-company
SITE_SAME_CITY = 0.93  # SITE High: same city or metro area (our onshore reference)
FULL_OVERLAP_HOURS = 8.0  # judgement: from here on a remote hub rates Nominal

SITE_PROVENANCE = (
    "COCOMO II.2000 (USC Center for Software Engineering) SITE multipliers: Very Low "
    "'international' 1.22, Nominal 'multi-city or multi-company' 1.00, High 'same city' 0.93; "
    "judgement: SITE interpolated linearly from 1.22 at 0 h to 1.00 at >= 8 h of working-hours "
    "overlap, productivity relative to onshore = 0.93 / SITE"
)


def _interval_overlap(offset_gap: float, length: float) -> float:
    """Hours two daily windows of ``length`` hours, ``offset_gap`` hours apart, share.

    Days wrap, so the gap is tried modulo 24 h; exactly symmetric in the gap's sign.
    """
    total = math.fsum(max(0.0, length - abs(offset_gap + 24.0 * days)) for days in range(-2, 3))
    return min(total, length)


def working_hours_overlap(
    home_iso2: str, other_iso2: str, workday: tuple[float, float] = (9.0, 18.0)
) -> float:
    """Hours per working day both hubs are inside their local ``workday`` (local hours).

    Averaged over the January and July offsets; 0 to 9 with the default 9:00-18:00.
    Symmetric. Raises ``MarketDataError`` for an unknown country or a bad workday.
    Example: ``working_hours_overlap("US", "VN") == 0.0`` (San Francisco vs Ho Chi Minh City).
    """
    start, end = workday
    if not (math.isfinite(start) and math.isfinite(end) and 0.0 <= start < end <= 24.0):
        message = f"must be (start, end) local hours with 0 <= start < end <= 24 (got {workday})"
        raise MarketDataError("invalid workday", problems=(Problem("workday", message),))
    home, other = get_country(home_iso2), get_country(other_iso2)
    seasons = (
        (home.utc_offset_jan_hours, other.utc_offset_jan_hours),
        (home.utc_offset_jul_hours, other.utc_offset_jul_hours),
    )
    hours = [_interval_overlap(a - b, end - start) for a, b in seasons]
    return sum(hours) / len(hours)


def site_productivity(overlap_hours: float) -> float:
    """Productivity of a remote team relative to a same-city one, from daily overlap hours.

    ``0.93 / SITE`` with SITE linear from 1.22 (0 h) to 1.00 (>= 8 h); see
    ``SITE_PROVENANCE``. Negative hours count as 0. Example: ``site_productivity(8.0) == 0.93``.
    """
    share = min(max(overlap_hours, 0.0), FULL_OVERLAP_HOURS) / FULL_OVERLAP_HOURS
    site = SITE_INTERNATIONAL - (SITE_INTERNATIONAL - SITE_NOMINAL) * share
    return SITE_SAME_CITY / site
