"""FX: rates implied by the Stack Overflow 2024 conversions."""

from __future__ import annotations

import pytest

from shorewise.errors import MarketDataError
from shorewise.market import FxRate, currency_of, supported_currencies, usd_rate


@pytest.mark.parametrize(
    ("currency", "units"),
    [("USD", 1.0), ("EUR", 0.93), ("eur", 0.93), ("GBP", 0.79), ("VND", 25_442), ("JPY", 157)],
)
def test_rates_from_the_pay_notes(currency: str, units: float) -> None:
    rate = usd_rate(currency)
    assert isinstance(rate, FxRate)
    assert rate.currency == currency.upper()
    assert rate.units_per_usd == pytest.approx(units)


def test_rate_provenance_names_the_survey() -> None:
    assert "Stack Overflow Developer Survey 2024" in usd_rate("EUR").provenance
    assert "mid-2024" in usd_rate("VND").provenance


def test_unknown_currency_lists_supported_codes() -> None:
    with pytest.raises(MarketDataError) as caught:
        usd_rate("XYZ")
    assert "'XYZ'" in str(caught.value)
    assert "EUR" in str(caught.value)
    assert "VND" in str(caught.value)


def test_supported_currencies_sorted_iso_codes() -> None:
    codes = supported_currencies()
    assert codes == sorted(codes)
    assert {"USD", "EUR", "GBP", "VND", "PLN", "INR"} <= set(codes)
    assert all(len(code) == 3 and code.isupper() for code in codes)


@pytest.mark.parametrize(
    ("iso2", "currency"),
    [("US", "USD"), ("GB", "GBP"), ("DE", "EUR"), ("VN", "VND"), ("pl", "PLN"), ("AR", "USD")],
)
def test_currency_of(iso2: str, currency: str) -> None:
    assert currency_of(iso2) == currency


def test_currency_of_unknown_is_none() -> None:
    assert currency_of("XX") is None
