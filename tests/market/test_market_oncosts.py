"""Employer on-costs: BLS for the US, statutory contributions after caps elsewhere."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from shorewise.errors import MarketDataError
from shorewise.market import OnCost, employer_oncost, list_countries
from shorewise.market._csv import COSTS_FILE, read_rows

CSV_COUNTRIES = [row["country_iso2"] for row in read_rows(COSTS_FILE)]
VND_PER_USD = 25_442


def test_employer_costs_csv_has_the_28_requested_countries() -> None:
    assert len(CSV_COUNTRIES) == len(set(CSV_COUNTRIES)) == 28


def test_us_uses_bls_components_on_top_of_total_pay() -> None:
    # published-figures §10: insurance + retirement + legally required over wages + paid
    # leave + supplemental pay, about 22 % (not 42 % on pay that already holds leave)
    cost = employer_oncost("US", 147_250, pay_includes_extras=True)
    assert isinstance(cost, OnCost)
    assert cost.rate == pytest.approx((3.14 + 1.50 + 3.17) / (30.33 + 3.26 + 1.71))
    assert cost.rate == pytest.approx(0.2212, abs=0.0001)
    assert (cost.strength, cost.capped, cost.extra_salary_months) == ("A", False, 0.0)
    assert cost.statutory_rate == pytest.approx(0.0765)
    assert cost.provenance.startswith("BLS Employer Costs for Employee Compensation, Dec 2023")


def test_us_social_security_stops_at_its_wage_base() -> None:
    pay = 250_000.0
    cost = employer_oncost("US", pay, pay_includes_extras=True)
    below = employer_oncost("US", 150_000, pay_includes_extras=True)
    assert cost.capped
    assert not below.capped
    assert cost.rate == pytest.approx(below.rate - 0.062 * (pay - 176_100) / pay)


def test_vietnam_below_the_cap_pays_the_nominal_rate() -> None:
    cost = employer_oncost("VN", 20_000)
    assert cost.rate == pytest.approx(0.235)
    assert cost.statutory_rate == pytest.approx(0.235)
    assert not cost.capped
    assert cost.extra_salary_months == 0.0  # Tet bonus is customary, not mandatory
    assert cost.strength == "B"


def test_vietnam_above_the_cap_pays_less() -> None:
    cost = employer_oncost("VN", 200_000)
    monthly_vnd = 200_000 * VND_PER_USD / 12
    expected = ((0.205 + 0.02) * 46.8e6 + 0.01 * 99.2e6) / monthly_vnd
    assert cost.capped
    assert cost.rate == pytest.approx(expected)
    assert cost.rate < employer_oncost("VN", 20_000).rate
    assert "46.8m" in cost.provenance
    assert "25,442 VND" in cost.provenance


def test_philippines_includes_the_13th_month() -> None:
    cost = employer_oncost("PH", 18_588)
    assert cost.extra_salary_months == 1.0
    assert cost.rate > 1 / 12
    assert "PD 851" in cost.provenance
    monthly_php = 18_588 * 58.75 / 12
    contributions = 0.10 * 35_000 + 30 + 0.025 * monthly_php + 0.02 * 10_000
    assert cost.rate == pytest.approx(contributions / monthly_php + 1 / 12)
    assert cost.capped


def test_brazil_adds_13th_salary_and_vacation_third_with_contributions_on_them() -> None:
    cost = employer_oncost("BR", 24_094)
    assert cost.extra_salary_months == pytest.approx(4 / 3)
    assert cost.rate == pytest.approx(0.348 + (4 / 3) / 12 * 1.348)


@pytest.mark.parametrize(("iso2", "months"), [("VN", 0.0), ("SG", 0.0), ("PT", 2.0), ("AR", 1.0)])
def test_extra_salaries_only_where_mandatory(iso2: str, months: float) -> None:
    assert employer_oncost(iso2, 30_000).extra_salary_months == months


@pytest.mark.parametrize(
    ("iso2", "pay_usd"),
    [
        ("VN", 20_000),
        ("UA", 20_000),
        ("CO", 20_000),
        ("EG", 3_000),
        ("ID", 5_000),
        ("MY", 14_000),
        ("TH", 2_000),
        ("ES", 20_000),
        ("CN", 20_000),
        ("DE", 20_000),
        ("FR", 20_000),
        ("NL", 20_000),
        ("AU", 20_000),
        ("SG", 20_000),
        ("JP", 20_000),
    ],
)
def test_encoded_parts_add_up_to_the_csv_rate_below_the_caps(iso2: str, pay_usd: float) -> None:
    cost = employer_oncost(iso2, pay_usd)
    assert not cost.capped
    assert cost.rate - cost.extra_salary_months / 12 == pytest.approx(cost.statutory_rate, abs=1e-4)


@pytest.mark.parametrize("iso2", ["PL", "MX", "AR"])
def test_caps_without_a_retrieved_value_are_not_applied_and_say_so(iso2: str) -> None:
    cost = employer_oncost(iso2, 500_000)
    assert not cost.capped
    assert "cap not applied: value not retrieved" in cost.provenance


@pytest.mark.parametrize("iso2", ["PK", "BD", "IT", "CH", "NG", "Italy"])
def test_no_statutory_data_is_a_labelled_judgement(iso2: str) -> None:
    cost = employer_oncost(iso2, 40_000)
    assert (cost.rate, cost.strength) == (0.20, "judgement")
    assert cost.provenance.startswith("judgement: no statutory on-cost data; 20 % assumed")


@pytest.mark.parametrize("iso2", [c for c in CSV_COUNTRIES if c not in {"US", "PK", "BD"}])
def test_statutory_rows_cite_their_sources(iso2: str) -> None:
    cost = employer_oncost(iso2, 60_000)
    assert cost.strength in {"A", "B", "C"}
    assert "statutory only (no private benefits)" in cost.provenance
    assert "http" in cost.provenance


def test_unknown_country_is_refused_with_suggestions() -> None:
    with pytest.raises(MarketDataError, match=r"'VNN'.*VN \(Vietnam\)"):
        employer_oncost("VNN", 20_000)


@pytest.mark.parametrize("pay", [0.0, -1.0, float("nan"), float("inf")])
def test_pay_must_be_positive(pay: float) -> None:
    with pytest.raises(MarketDataError, match="annual_pay_usd"):
        employer_oncost("VN", pay)


ALL_CODES = sorted(set(CSV_COUNTRIES) | {c.iso2 for c in list_countries()})
PAY = st.floats(1_000, 1_000_000)


@given(st.sampled_from(ALL_CODES), PAY)
def test_rates_are_never_negative_for_any_country_and_pay(iso2: str, pay: float) -> None:
    cost = employer_oncost(iso2, pay)
    assert cost.rate >= 0.0  # 0 below a threshold (GB NIC: GBP 5,000/yr)
    assert cost.provenance


@given(st.sampled_from(ALL_CODES), st.floats(15_000, 1_000_000))
def test_rates_stay_below_pay_above_the_contribution_floors(iso2: str, pay: float) -> None:
    # Floors (CN base CNY 7,384/month = USD 12,222/yr) can exceed pay below them.
    assert employer_oncost(iso2, pay).rate < 1.0


PURE_CAPS = ["VN", "PH", "EG", "ID", "TH", "ES", "CN", "DE", "NL", "SG", "JP"]


@given(st.sampled_from(PURE_CAPS), PAY, PAY)
def test_pure_caps_never_raise_the_rate_with_pay(iso2: str, a: float, b: float) -> None:
    low, high = sorted((a, b))
    assert employer_oncost(iso2, high).rate <= employer_oncost(iso2, low).rate + 1e-12
