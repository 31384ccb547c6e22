"""Money for people: babel symbols in the scenario's currency, rounded to what matters."""

from __future__ import annotations

import math

import pytest

from shorewise.report.money import money, money_exact, money_range

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("value", "currency", "expected"),
    [
        (5_532_778.98, "USD", "$5.53M"),
        (3_300_000, "EUR", "€3.30M"),
        (2.5e9, "GBP", "£2.50B"),
        (22_888.19, "USD", "$22,900"),
        (999_990, "USD", "$1.00M"),
        (4_967.2, "EUR", "€4,967"),
        (-22_888, "USD", "-$22,900"),
        (22_888, "PLN", f"PLN{NBSP}22,900"),
        (None, "USD", "-"),
        (math.inf, "USD", "-"),
    ],
)
def test_money(value: float | None, currency: str, expected: str) -> None:
    assert money(value, currency) == expected


def test_money_exact_and_ranges() -> None:
    assert money_exact(5_532_778.98, "USD") == "$5,532,778.98"
    assert money_exact(1234.5, "CHF") == f"CHF{NBSP}1,234.50"
    assert money_range(5.4e6, 5.7e6, "USD") == "$5.4–5.7M"
    assert money_range(4_500, 5_600, "PLN") == f"PLN{NBSP}4.5–5.6k"
