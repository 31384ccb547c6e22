"""Employer on-costs on top of gross pay, by country, after contribution caps.

US: BLS Employer Costs for Employee Compensation components (insurance, retirement and
legally required benefits on top of total pay, which already holds paid leave and
supplemental pay; Social Security stops at its wage base; strength A). Elsewhere:
statutory employer contributions from ``employer-costs.csv`` (no private benefits), with the
caps its ``cap_notes`` give as numbers (encoded in ``RULES`` below, in local currency per
month) plus mandatory extra salaries (13th month etc.). Pay is converted to local currency at
the rate implied by the Stack Overflow Developer Survey 2024. Anything else: 20 % judgement.

``annual_pay_usd`` means 12 x the regular monthly salary: extra salaries are added on top.

Example::

    >>> round(employer_oncost("VN", 20_000).rate, 4)
    0.235
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from shorewise.errors import MarketDataError, Problem
from shorewise.market._caps import RULES, Rule
from shorewise.market._csv import COSTS_FILE, PAY_FILE, Row, implied_rate, rows_by_iso2
from shorewise.market.countries import resolve_iso2, unknown_country
from shorewise.market.fx import FX_PROVENANCE

# BLS ECEC news release, Dec 2023, private industry, USD per hour worked.
US_WAGES, US_PAID_LEAVE, US_SUPPLEMENTAL = 30.33, 3.26, 1.71
US_INSURANCE, US_RETIREMENT, US_LEGALLY_REQUIRED = 3.14, 1.50, 3.17
US_SOCIAL_SECURITY_RATE = 0.062  # employer OASDI, inside "legally required"
US_SOCIAL_SECURITY_WAGE_BASE = 176_100.0  # USD per year, 2025 (employer-costs.csv)
US_PROVENANCE = (
    "BLS Employer Costs for Employee Compensation, Dec 2023, private industry, per hour "
    "worked: insurance $3.14 + retirement $1.50 + legally required $3.17 on top of wages "
    "$30.33 + paid leave $3.26 + supplemental pay $1.71 (survey pay already holds leave and "
    "bonuses), about 22 %; employer Social Security 6.2 % stops at the USD 176,100 wage base "
    "(2025)"
)
JUDGEMENT_RATE = 0.20
JUDGEMENT_PROVENANCE = "judgement: no statutory on-cost data; 20 % assumed"


@dataclass(frozen=True)
class OnCost:
    """Employer on-costs as fractions of gross annual pay (0.235 = 23.5 %), with provenance."""

    iso2: str
    rate: float
    statutory_rate: float
    extra_salary_months: float
    capped: bool
    strength: str
    provenance: str


def _fraction(percent: str) -> float:
    """``"23.5"`` (per cent) -> ``0.235``, without float noise."""
    return round(float(percent) / 100, 10)


def _local_monthly_pay(iso2: str, annual_pay_usd: float, currency: str) -> tuple[float, str]:
    """Monthly pay in ``currency`` at the country's own implied SO 2024 rate, and its text."""
    notes = rows_by_iso2(PAY_FILE).get(iso2, {}).get("notes", "")
    parsed = implied_rate(notes) or ("USD", 1.0)
    if parsed[0] != currency:
        message = f"caps are in {currency} but the pay row's rate is for {parsed[0]}"
        raise MarketDataError(
            "bundled reference data is broken", source=PAY_FILE, problems=(Problem(iso2, message),)
        )
    rate_text = "no conversion (USD)" if currency == "USD" else f"1 USD = {parsed[1]:,g} {currency}"
    return annual_pay_usd * parsed[1] / 12, f"{rate_text}, {FX_PROVENANCE}"


def _statutory(
    iso2: str, row: Row, rule: Rule, annual_pay_usd: float, includes_extras: bool
) -> OnCost:
    statutory = _fraction(row["employer_contributions_pct"])
    months_paid = 12 + rule.extra_months
    regular_usd = annual_pay_usd * 12 / months_paid if includes_extras else annual_pay_usd
    if rule.parts:
        pay, fx_text = _local_monthly_pay(iso2, regular_usd, rule.currency)
        base_rate = sum(part.monthly(pay) for part in rule.parts) / pay
        binding = any(part.applies(pay) and pay > part.band_to for part in rule.parts)
        capped = binding and base_rate < statutory - 1e-4
        caps = f"caps applied: {rule.caps}; pay converted at {fx_text}"
    else:
        base_rate, capped, caps = statutory, False, rule.caps
    extra_cost = rule.extra_months / 12 * ((1 + base_rate) if rule.contributions_on_extras else 1)
    rate = base_rate + extra_cost
    if includes_extras:  # the pay already holds the extra months: cost over that total
        rate = (12 * (1 + base_rate) + 12 * extra_cost) / months_paid - 1
    provenance = (
        f"{COSTS_FILE} {iso2} ({row['source_year']}, strength {row['strength']}): statutory "
        f"employer contributions {row['employer_contributions_pct']} % of gross, statutory "
        f"only (no private benefits); {caps}; extra salaries: {rule.extras}; "
        f"sources: {row['source']}"
    )
    return OnCost(
        iso2=iso2,
        rate=rate,
        statutory_rate=statutory,
        extra_salary_months=rule.extra_months,
        capped=capped,
        strength=row["strength"],
        provenance=provenance,
    )


def _united_states(annual_pay_usd: float, includes_extras: bool) -> OnCost:
    """BLS components over total pay (or over wages and paid leave when the pay holds no
    bonuses, which then count as a cost), less Social Security above its wage base."""
    on_top = US_INSURANCE + US_RETIREMENT + US_LEGALLY_REQUIRED
    if includes_extras:
        rate = on_top / (US_WAGES + US_PAID_LEAVE + US_SUPPLEMENTAL)
    else:
        rate = (on_top + US_SUPPLEMENTAL) / (US_WAGES + US_PAID_LEAVE)
    above_cap = max(0.0, annual_pay_usd - US_SOCIAL_SECURITY_WAGE_BASE) / annual_pay_usd
    return OnCost(
        iso2="US",
        rate=rate - US_SOCIAL_SECURITY_RATE * above_cap,
        statutory_rate=_fraction(rows_by_iso2(COSTS_FILE)["US"]["employer_contributions_pct"]),
        extra_salary_months=0.0,
        capped=above_cap > 0,
        strength="A",
        provenance=f"{US_PROVENANCE}; covers all benefits, not only statutory ones",
    )


def _judgement(iso2: str, why: str) -> OnCost:
    return OnCost(
        iso2=iso2,
        rate=JUDGEMENT_RATE,
        statutory_rate=JUDGEMENT_RATE,
        extra_salary_months=0.0,
        capped=False,
        strength="judgement",
        provenance=f"{JUDGEMENT_PROVENANCE} ({COSTS_FILE} has {why} for {iso2})",
    )


def employer_oncost(
    iso2: str, annual_pay_usd: float, *, pay_includes_extras: bool = False
) -> OnCost:
    """Employer on-costs for one employee paid ``annual_pay_usd`` (USD per year, > 0).

    ``rate`` x pay is what the employer pays on top of the regular salary, after caps and
    with mandatory extra salaries. With ``pay_includes_extras`` the pay is total annual
    pay with the mandatory extra months already in it (as survey compensation is), and
    ``rate`` is the cost on top of that total: contributions only, no extra months twice.
    Below a contribution floor (CN, EG, PH) the minimum base applies, so pay under the
    floor gets a high rate. Raises ``MarketDataError`` for an
    unknown country or a pay that is not a positive number.
    Example: ``round(employer_oncost("US", 150_000, pay_includes_extras=True).rate, 4)``
    is 0.2212 (BLS components on top of total pay).
    """
    if not (math.isfinite(annual_pay_usd) and annual_pay_usd > 0):
        message = f"must be a positive number of USD per year (got {annual_pay_usd})"
        raise MarketDataError("invalid pay", problems=(Problem("annual_pay_usd", message),))
    code = resolve_iso2(iso2)
    if code is None:
        raise unknown_country(iso2)
    if code == "US":
        return _united_states(annual_pay_usd, pay_includes_extras)
    row = rows_by_iso2(COSTS_FILE).get(code)
    rule = RULES.get(code)
    if row is None:
        return _judgement(code, "no row")
    if not row["employer_contributions_pct"]:
        return _judgement(code, "no percentage")
    if rule is None:
        return _judgement(code, "no encoded caps rule")
    return _statutory(code, row, rule, annual_pay_usd, pay_includes_extras)
