"""One number formatter: money to three significant figures with the currency's symbol,
honest percentages, whole months — the same text on every surface."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from shorewise.results.numbers import amount, money, money_exact, money_range, months, share

NBSP = "\u00a0"
MINUS = "\u2212"


@pytest.mark.parametrize(
    ("value", "currency", "expected"),
    [
        (5_532_778.98, "USD", "$5.53M"),
        (3_300_000, "EUR", "€3.30M"),
        (2.5e9, "GBP", "£2.50B"),
        (22_888.19, "USD", "$22,900"),
        (999_990, "USD", "$1.00M"),
        (4_967.2, "EUR", "€4,970"),
        (9_036, "EUR", "€9,040"),
        (18_090, "EUR", "€18,100"),
        (950.4, "USD", "$950"),
        (-22_888, "USD", f"{MINUS}$22,900"),
        (22_888, "PLN", f"PLN{NBSP}22,900"),
        (None, "USD", "–"),
        (math.inf, "USD", "–"),
    ],
)
def test_money(value: float | None, currency: str, expected: str) -> None:
    assert money(value, currency) == expected


def test_money_exact_and_ranges() -> None:
    assert money_exact(5_532_778.98, "USD") == "$5,532,778.98"
    assert money_exact(1234.5, "CHF") == f"CHF{NBSP}1,234.50"
    assert money_range(5.4e6, 5.7e6, "USD") == "$5.4–5.7M"
    assert money_range(4_500, 5_600, "PLN") == f"PLN{NBSP}4.5–5.6k"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (0.58, "58%"),
        (0.995, "99.5%"),
        (0.9999, ">99.9%"),
        (1.0, "100%"),
        (0.0, "0%"),
        (0.004, "0.4%"),
        (0.0004, "<0.1%"),
        (1.5, "150%"),
        (-0.124, f"{MINUS}12%"),
    ],
)
def test_share_never_rounds_to_a_lie(value: float, expected: str) -> None:
    assert share(value) == expected


@given(st.floats(min_value=0.0, max_value=1.0))
def test_share_says_100_or_0_only_when_exact(value: float) -> None:
    text = share(value)
    assert (text == "100%") == (value == 1.0)
    assert (text == "0%") == (value == 0.0)


@given(st.floats(min_value=-1e12, max_value=1e12, allow_nan=False))
def test_amount_has_at_most_three_significant_figures_below_a_million(value: float) -> None:
    text = amount(value).lstrip(MINUS)
    if abs(value) < 999_500:
        digits = text.replace(",", "").lstrip("0")
        assert len(digits.rstrip("0")) <= 3


def test_months_and_signed_shares() -> None:
    assert months(7.2) == "7 months"
    assert months(1.0) == "1 month"
    assert months(math.inf) == "not reached"
    assert months(6, short=True) == "6 mo"
    assert share(0.12, signed=True) == "+12%"
