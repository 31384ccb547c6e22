"""Working-hours overlap between hubs and the COCOMO II SITE productivity it implies."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from shorewise.errors import MarketDataError
from shorewise.market import (
    SITE_PROVENANCE,
    list_countries,
    site_productivity,
    working_hours_overlap,
)

CODES = [country.iso2 for country in list_countries()]


def test_us_vietnam_overlap_is_small() -> None:
    assert 0.0 <= working_hours_overlap("US", "VN") <= 1.0


def test_gb_poland_overlap_is_large() -> None:
    assert working_hours_overlap("GB", "PL") >= 7.0


@pytest.mark.parametrize(
    ("home", "other", "hours"),
    [
        ("GB", "PL", 8.0),  # 1 h apart all year
        ("IN", "GB", 4.0),  # 5.5 h in January, 4.5 h in July
        ("US", "AU", 3.0),  # 19 h / 17 h apart: the next day's morning overlaps
        ("DE", "FR", 9.0),
        ("VN", "TH", 9.0),
    ],
)
def test_overlap_values(home: str, other: str, hours: float) -> None:
    assert working_hours_overlap(home, other) == pytest.approx(hours)


def test_custom_workday() -> None:
    assert working_hours_overlap("GB", "PL", workday=(8.0, 16.0)) == pytest.approx(7.0)


@pytest.mark.parametrize("workday", [(18.0, 9.0), (-1.0, 8.0), (9.0, 25.0), (9.0, 9.0)])
def test_bad_workday_is_refused(workday: tuple[float, float]) -> None:
    with pytest.raises(MarketDataError, match="workday"):
        working_hours_overlap("GB", "PL", workday=workday)


def test_unknown_country_is_refused() -> None:
    with pytest.raises(MarketDataError, match="'ZZ'"):
        working_hours_overlap("ZZ", "PL")


@given(st.sampled_from(CODES), st.sampled_from(CODES))
def test_overlap_within_workday_and_symmetric(home: str, other: str) -> None:
    hours = working_hours_overlap(home, other)
    assert 0.0 <= hours <= 9.0
    assert hours == working_hours_overlap(other, home)


@given(st.sampled_from(CODES))
def test_same_country_overlaps_fully(iso2: str) -> None:
    assert working_hours_overlap(iso2, iso2) == 9.0


@pytest.mark.parametrize(
    ("hours", "productivity"),
    [(0.0, 0.93 / 1.22), (8.0, 0.93), (12.0, 0.93), (-3.0, 0.93 / 1.22), (4.0, 0.93 / 1.11)],
)
def test_site_productivity(hours: float, productivity: float) -> None:
    assert site_productivity(hours) == pytest.approx(productivity)


def test_site_productivity_endpoints_rounded() -> None:
    assert round(site_productivity(0.0), 3) == 0.762
    assert round(site_productivity(8.0), 3) == 0.93


@given(st.floats(0, 24), st.floats(0, 24))
def test_more_overlap_never_lowers_productivity(a: float, b: float) -> None:
    low, high = sorted((a, b))
    assert site_productivity(low) <= site_productivity(high)


def test_site_provenance_names_cocomo_and_judgement() -> None:
    assert "COCOMO II.2000" in SITE_PROVENANCE
    assert "USC" in SITE_PROVENANCE
    assert "judgement" in SITE_PROVENANCE
