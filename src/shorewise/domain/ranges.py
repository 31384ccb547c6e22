"""The allowed range of every assumption, with the reason for each bound.

Kept apart from the defaults (``defaults_staff``, ``defaults_vendor``) so default values
and their sources can change without touching what is allowed; the catalogue attaches
each range to its :class:`~shorewise.domain.assumption.Assumption` and refuses to load
if one is missing. Hard bounds (``low``/``high``) are checked over a distribution's whole
support; ceilings over what Monte Carlo can draw (see :mod:`shorewise.domain.allowed`).
Money ceilings are US dollars, converted to the scenario's currency. Every bound is
"judgement" unless its reason names a source.

Example::

    >>> ALLOWED["vendor_margin"].describe()
    '>= 0 and <= 3'
"""

from __future__ import annotations

from shorewise.domain.allowed import Allowed

MAX_MONTHS = 240  # the longest horizon a scenario may have (domain.scenario)

PRODUCTIVITY = Allowed(
    low=0.0,
    low_open=True,
    high=1.5,
    reason="output per paid FTE relative to your home team: at 0 no staffing delivers the "
    "work; above 1.5 is beyond the widest published site effect (COCOMO II SITE multipliers "
    "0.80..1.22, a ratio of about 1.5)",
)
CONTROL = Allowed(low=0.0, high=1.0, reason="an index from no control (0) to full control (1)")
ATTRITION = Allowed(
    low=0.0,
    high=1.0,
    high_open=True,
    reason="a yearly leaving rate: at 100 %/yr nobody stays (COCOMO II's worst PCON rating "
    "is 48 %/yr)",
)
WAGE_GROWTH = Allowed(
    low=-0.5,
    high=1.0,
    reason="yearly nominal pay growth from halving to doubling; beyond that the currency is "
    "in hyperinflation and one growth rate cannot describe it",
)
MONTHS = Allowed(
    low=0.0,
    ceiling=MAX_MONTHS,
    reason=f"a duration in months, never negative and never longer than the longest "
    f"horizon ({MAX_MONTHS} months)",
)
HIRES_PER_MONTH = Allowed(
    low=0.0,
    low_open=True,
    ceiling=1000.0,
    reason="people hired per month: at 0 nobody is ever hired; above 1,000 a month is a "
    "typo for a software team",
)
MONEY_PER_FTE_MONTH = Allowed(
    low=0.0,
    ceiling=1_000_000.0,
    ceiling_usd=True,
    reason="money per FTE-month, never negative; USD 1,000,000 is about 50 times a US "
    "developer's fully loaded month and is taken for a typo",
)
ONE_OFF = Allowed(
    low=0.0,
    ceiling=100_000_000.0,
    ceiling_usd=True,
    reason="a one-off cost, never negative; USD 100,000,000 for setting up one team is "
    "taken for a typo",
)
PER_ENTITY_MONTH = Allowed(
    low=0.0,
    ceiling=10_000_000.0,
    ceiling_usd=True,
    reason="running an entity per month, never negative; USD 10,000,000 a month is taken for "
    "a typo",
)
PREMIUM_OVER_MEDIAN = Allowed(
    low=0.0,
    low_open=True,
    ceiling=10.0,
    reason="a multiplier on the survey median pay: positive, and 10 times the median is "
    "beyond any pay band",
)


MONEY_PER_HOUR = Allowed(
    low=0.0,
    ceiling=10_000.0,
    ceiling_usd=True,
    reason="a price per billed hour, never negative; USD 10,000 an hour is about 65 times "
    "the top of the highest published band ($150/h) and is taken for a typo",
)


def _share(of: str, high: float = 1.0, why: str = "") -> Allowed:
    more = f"; {why}" if why else ""
    return Allowed(low=0.0, high=high, reason=f"a share of {of}, never negative{more}")


ON_COSTS = _share(
    "gross pay",
    why="the highest employer on-costs in the bundled data are 42 % (US, BLS ECEC 2023); "
    "above 100 % is taken for a typo",
)
CHANGE_REQUESTS = _share(
    "outsourced fees",
    high=2.0,
    why="above 200 % the change requests would cost twice the work itself",
)
OVER_CONTRACT = _share(
    "the annual contract value",
    why="CIO 2003 puts selection at 0.2-2 % and transition at 2-3 %; a year's contract "
    "value or more is not a one-off fee",
)
GOVERNANCE = _share(
    "the fees or payroll managed", why="above 100 % managing would cost more than the work"
)

ALLOWED: dict[str, Allowed] = {
    "onshore_productivity": PRODUCTIVITY,
    "offshore_team_productivity": PRODUCTIVITY,
    "onshore_vendor_productivity": PRODUCTIVITY,
    "offshore_vendor_productivity": PRODUCTIVITY,
    "control_onshore_inhouse": CONTROL,
    "control_offshore_inhouse": CONTROL,
    "control_onshore_outsource": CONTROL,
    "control_offshore_outsource": CONTROL,
    "onshore_annual_pay": Allowed(
        low=0.0,
        low_open=True,
        ceiling=2_000_000.0,
        ceiling_usd=True,
        reason="pay per FTE-year is positive; USD 2,000,000 is over 13 times the highest "
        "national median in the bundled survey (US, USD 147,250, Stack Overflow 2024)",
    ),
    "onshore_talent_premium": PREMIUM_OVER_MEDIAN,
    "offshore_talent_premium": PREMIUM_OVER_MEDIAN,
    "offshore_wage_ratio": Allowed(
        low=0.0,
        low_open=True,
        ceiling=100.0,
        reason="offshore pay over home pay is positive; the widest gap between national "
        "median developer pay in the bundled survey is about 52 (US over Nigeria)",
    ),
    "onshore_oncost_rate": ON_COSTS,
    "offshore_oncost_rate": ON_COSTS,
    "offshore_benefits_rate": _share("gross pay", why="benefits above pay itself are a typo"),
    "equipment_monthly": MONEY_PER_FTE_MONTH,
    "onshore_office_monthly": MONEY_PER_FTE_MONTH,
    "offshore_office_monthly": MONEY_PER_FTE_MONTH,
    "eor_fee_monthly": MONEY_PER_FTE_MONTH,
    "offshore_team_setup_cost": ONE_OFF,
    "entity_setup_cost": ONE_OFF,
    "entity_setup_months": MONTHS,
    "entity_running_monthly": PER_ENTITY_MONTH,
    "recruiting_fee_rate": _share(
        "first-year pay", why="agencies quote 15-25 %; a year's pay or more is not a fee"
    ),
    "onshore_hiring_months": MONTHS,
    "offshore_hiring_months": MONTHS,
    "onshore_hires_per_month": HIRES_PER_MONTH,
    "offshore_hires_per_month": HIRES_PER_MONTH,
    "onshore_vendor_mobilisation_months": MONTHS,
    "offshore_vendor_mobilisation_months": MONTHS,
    "onboarding_months": MONTHS,
    "vendor_onboarding_months": MONTHS,
    "onshore_vacancy_months": MONTHS,
    "offshore_vacancy_months": MONTHS,
    "vendor_backfill_months": MONTHS,
    "onshore_attrition": ATTRITION,
    "offshore_attrition": ATTRITION,
    "vendor_attrition": ATTRITION,
    "onshore_release_months": Allowed(
        low=0.0,
        high=24.0,
        reason="months of pay per head on release, never negative; two years' pay is above "
        "the statutory severance caps we know of (e.g. Spain: 24 monthly payments)",
    ),
    "offshore_release_months": Allowed(
        low=0.0,
        high=24.0,
        reason="months of pay per head on release, never negative; two years' pay is above "
        "the statutory severance caps we know of (e.g. Spain: 24 monthly payments)",
    ),
    "vendor_margin": Allowed(
        low=0.0,
        high=3.0,
        reason="a vendor's mark-up over its own cost is never negative (the seed: 20-60 %); "
        "300 % is five times the seed's top",
    ),
    "vendor_onsite_share": _share("the vendor's staff on your work"),
    "onshore_vendor_hourly_rate": MONEY_PER_HOUR,
    "offshore_vendor_hourly_rate": MONEY_PER_HOUR,
    "vendor_onsite_hourly_rate": MONEY_PER_HOUR,
    "vendor_hours_monthly": Allowed(
        low=0.0,
        low_open=True,
        high=744.0,
        reason="billed hours in a month are positive and at most 744 (every hour of a "
        "31-day month); COCOMO II's nominal person-month is 152 hours",
    ),
    "vendor_escalation_time_and_materials": WAGE_GROWTH,
    "vendor_escalation_fixed_price": WAGE_GROWTH,
    "offshore_home_management_share": _share(
        "a home FTE per FTE abroad", high=2.0, why="above 2 the managers outnumber the team"
    ),
    "offshore_home_management_first_year": Allowed(
        low=0.0,
        high=10.0,
        reason="a multiplier on the later management share; ten times is taken for a typo",
    ),
    "offshore_lead_ratio": _share("the team abroad"),
    "offshore_lead_premium": PREMIUM_OVER_MEDIAN,
    "offshore_learning_ratio": Allowed(
        low=0.0,
        low_open=True,
        high=10.0,
        reason="learning abroad over learning at home is positive; ten times is taken for a "
        "typo (Šmite & van Solingen 2016 found 1.5)",
    ),
    "engineering_leadership_share": _share(
        "a home FTE per own engineer", high=2.0, why="above 2 the leaders outnumber the team"
    ),
    "onshore_benefits_rate": _share("gross pay", why="benefits above pay itself are a typo"),
    "offshore_b2b_share": _share("the team abroad"),
    "vendor_selection_rate": OVER_CONTRACT,
    "vendor_transition_rate": OVER_CONTRACT,
    "onshore_vendor_governance_rate": GOVERNANCE,
    "offshore_vendor_governance_rate": GOVERNANCE,
    "offshore_team_governance_rate": GOVERNANCE,
    "change_request_premium_low": CHANGE_REQUESTS,
    "change_request_premium_medium": CHANGE_REQUESTS,
    "change_request_premium_high": CHANGE_REQUESTS,
    "vendor_rework_rate": _share("the vendor's fees", why="above 100 % is redoing everything"),
    "offshore_travel_monthly": MONEY_PER_FTE_MONTH,
    "onshore_wage_growth": WAGE_GROWTH,
    "offshore_wage_growth": WAGE_GROWTH,
    "discount_rate": Allowed(
        low=-0.1,
        high=1.0,
        reason="a yearly rate: discounting needs more than -100 %; from -10 % (below any "
        "recorded policy rate) to 100 % a year (the NPV would be the first months alone)",
    ),
    "cost_of_delay_per_fte_month": MONEY_PER_FTE_MONTH,
    "cost_of_delay_multiple": Allowed(
        low=0.0,
        high=20.0,
        reason="a multiple of the home team's monthly cost: 0 turns the cost of delay off; "
        "above 20 a month late would outweigh years of the work",
    ),
}
"""Assumption name -> its allowed range."""
