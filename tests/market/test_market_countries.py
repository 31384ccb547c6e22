"""Countries: lookup by code or name, helpful errors, time-zone facts from country-facts.csv."""

from __future__ import annotations

import pytest

from shorewise.errors import MarketDataError
from shorewise.market import Country, get_country, is_known_country, list_countries


@pytest.mark.parametrize("query", ["VN", "vn", " Vn ", "Vietnam", "VIETNAM"])
def test_get_country_accepts_codes_and_names(query: str) -> None:
    country = get_country(query)
    assert isinstance(country, Country)
    assert (country.iso2, country.name, country.hub_city) == ("VN", "Vietnam", "Ho Chi Minh City")
    assert country.iana_time_zone == "Asia/Ho_Chi_Minh"


@pytest.mark.parametrize(
    ("iso2", "jan", "jul", "english"),
    [
        ("VN", 7.0, 7.0, 505.0),
        ("US", -8.0, -7.0, None),
        ("IN", 5.5, 5.5, None),
        ("AU", 11.0, 10.0, None),
        ("NL", 1.0, 2.0, 636.0),
    ],
)
def test_offsets_and_english_scores_come_from_the_csv(
    iso2: str, jan: float, jul: float, english: float | None
) -> None:
    country = get_country(iso2)
    assert (country.utc_offset_jan_hours, country.utc_offset_jul_hours) == (jan, jul)
    assert country.english_score == english
    assert "IANA" in country.provenance
    assert "judgement" in country.provenance  # hub cities are our choice


def test_unknown_code_is_named_and_close_ones_suggested() -> None:
    with pytest.raises(MarketDataError) as caught:
        get_country("VM")
    message = str(caught.value)
    assert "'VM'" in message
    assert "VN (Vietnam)" in message


def test_misspelt_name_suggests_the_country() -> None:
    with pytest.raises(MarketDataError, match=r"PH \(Philippines\)"):
        get_country("Phillipines")


def test_hopeless_code_lists_known_codes() -> None:
    with pytest.raises(MarketDataError, match="known ISO 3166-1 alpha-2 codes: AR, AU"):
        get_country("QQQ")


def test_country_with_pay_but_no_time_zone_facts_says_so() -> None:
    with pytest.raises(MarketDataError, match=r"no time-zone facts for IT \(Italy\)"):
        get_country("IT")
    assert not is_known_country("IT")


def test_uk_alias_means_great_britain() -> None:
    assert get_country("uk").iso2 == "GB"


def test_list_countries_sorted_by_name_and_complete() -> None:
    countries = list_countries()
    names = [c.name for c in countries]
    assert names == sorted(names)
    codes = {c.iso2 for c in countries}
    assert len(codes) == len(countries) == 30
    assert {"VN", "US", "PL", "GB", "CH", "NG"} <= codes


@pytest.mark.parametrize(("query", "known"), [("pl", True), ("Poland", True), ("XX", False)])
def test_is_known_country(query: str, known: bool) -> None:
    assert is_known_country(query) is known
