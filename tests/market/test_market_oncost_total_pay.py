"""On-costs over total pay: survey pay already holds mandatory extra months, so they are
not counted twice (contributions on the total remain)."""

from __future__ import annotations

import pytest

from shorewise.market import employer_oncost


def test_extra_months_not_counted_twice() -> None:
    regular = employer_oncost("PH", 20_000)
    total = employer_oncost("PH", 20_000, pay_includes_extras=True)
    assert regular.extra_salary_months == 1.0
    assert total.rate < regular.rate
    # employer cost is the same money either way: regular pay R with the 13th month on top,
    # or total pay T = 13/12 R with contributions only
    r = 20_000 * 12 / 13
    assert r * (1 + employer_oncost("PH", r).rate) == pytest.approx(20_000 * (1 + total.rate))


def test_contributions_on_extras_leave_the_base_rate() -> None:
    # Brazil charges contributions on the 13th salary and vacation bonus too (CSV note):
    # over total pay the cost is the contribution rate alone
    total = employer_oncost("BR", 24_000, pay_includes_extras=True)
    assert total.rate == pytest.approx(total.statutory_rate, rel=1e-9)


def test_us_bonuses_count_only_when_the_pay_leaves_them_out() -> None:
    # BLS supplemental pay (bonuses, overtime) is inside survey total pay, not on top
    regular = employer_oncost("US", 120_000)
    total = employer_oncost("US", 120_000, pay_includes_extras=True)
    assert regular.rate == pytest.approx((3.14 + 1.50 + 3.17 + 1.71) / (30.33 + 3.26))
    assert total.rate == pytest.approx((3.14 + 1.50 + 3.17) / (30.33 + 3.26 + 1.71))


@pytest.mark.parametrize("country", ["VN", "PL", "IN"])
def test_no_mandatory_extras_no_change(country: str) -> None:
    a = employer_oncost(country, 30_000)
    b = employer_oncost(country, 30_000, pay_includes_extras=True)
    assert a.rate == pytest.approx(b.rate)
