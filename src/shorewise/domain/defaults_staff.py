"""Defaults for own staff: productivity, control, pay, setting up abroad, time, attrition.

Listed in :data:`shorewise.domain.catalogue.CATALOGUE`; see there for precedence.
"""

from __future__ import annotations

from shorewise.domain.assumption import Assumption
from shorewise.domain.distributions import Pert, Triangular, Uniform
from shorewise.domain.sources import fixed, judgement, market, published, seed

STAFF: tuple[Assumption, ...] = (
    # --- productivity and control -------------------------------------------------------
    Assumption(
        "onshore_productivity",
        "share",
        fixed(1.0),
        seed("onshore team 100 % (baseline)"),
        "output per paid FTE of an in-house team at home (the baseline)",
        group="productivity",
    ),
    Assumption(
        "offshore_team_productivity",
        "share",
        fixed(0.8),
        seed("offshore team x 80 % (short term better, long term depends)"),
        "output per paid FTE of a dedicated team abroad, relative to the home team",
        per_country=True,
        group="productivity",
    ),
    Assumption(
        "onshore_vendor_productivity",
        "share",
        fixed(0.93),
        published(
            "COCOMO II.2000 SITE: another company in the same city rates Nominal 1.00 against "
            "High 0.93 for the in-house team, so 0.93 / 1.00 (the seed's 80 % is the "
            "offshore vendor's communication loss)"
        ),
        "output per billed FTE of a vendor at home",
        group="productivity",
    ),
    Assumption(
        "offshore_vendor_productivity",
        "share",
        fixed(0.8),
        seed(
            "outsourcing 80 % - communications loss; it counts CIO 2003's lost productivity, "
            "so that is not charged again"
        ),
        "output per billed FTE of a vendor abroad",
        per_country=True,
        group="productivity",
    ),
    Assumption(
        "control_onshore_inhouse",
        "share",
        fixed(1.0),
        seed("100 % internal"),
        "control index of an in-house team at home",
        group="control",
    ),
    Assumption(
        "control_offshore_inhouse",
        "share",
        fixed(0.75),
        seed("different country: -25 %"),
        "control index of a dedicated team abroad",
        group="control",
    ),
    Assumption(
        "control_onshore_outsource",
        "share",
        fixed(0.5),
        judgement("external vendor but same country: halfway between the seed's 100 % and 25 %"),
        "control index of a vendor at home",
        group="control",
    ),
    Assumption(
        "control_offshore_outsource",
        "share",
        fixed(0.25),
        seed("external vendor, different country: -75 %"),
        "control index of a vendor abroad",
        group="control",
    ),
    # --- pay and unit costs -------------------------------------------------------------
    Assumption(
        "onshore_annual_pay",
        "money/year",
        None,
        market("Stack Overflow Developer Survey 2024 median for the home country"),
        "typical annual developer pay at home (before on-costs)",
        group="pay",
    ),
    Assumption(
        "onshore_talent_premium",
        "ratio",
        Pert(low=0.9, mode=1.0, high=1.3),
        judgement(
            "a team of typical seniority is paid about the survey median of all "
            "professional developers (a junior-heavy team less, a senior one more); the same "
            "premium applies abroad"
        ),
        "pay of the engineers you hire at home over the survey median",
        group="pay",
    ),
    Assumption(
        "offshore_talent_premium",
        "ratio",
        Triangular(low=0.85, mode=1.0, high=1.15),
        judgement(
            "the same seniority premium as at home (mode 1), +-15 % for survey noise "
            "(pay-by-country.md: medians of small samples move 10-20 % a year); by country "
            "only where the survey is "
            "known to skew low (Vietnam 1..1.77: ITviec 2024 median IT pay ~1.77x the Stack "
            "Overflow median, which has 21 % of answers under USD 5k)"
        ),
        "pay abroad over the country's survey median, relative to the home premium (1 = the "
        "same seniority premium at home and abroad)",
        per_country=True,
        group="pay",
    ),
    Assumption(
        "offshore_wage_ratio",
        "share",
        None,
        market(
            "offshore median x offshore premium / (home median x home premium) from the "
            "Stack Overflow 2024 survey; seed 30 %..70 % when a country has no data"
        ),
        "offshore pay as a share of home pay for the same role",
        per_country=True,
        group="pay",
    ),
    Assumption(
        "onshore_oncost_rate",
        "share",
        None,
        market("employer on-costs of the home country (BLS ECEC 2023 for the US)"),
        "employer on-costs at home (taxes, contributions, benefits) over gross pay",
        group="pay",
    ),
    Assumption(
        "offshore_oncost_rate",
        "share",
        None,
        market("statutory employer contributions of the offshore country, after caps"),
        "statutory employer on-costs abroad over gross pay",
        per_country=True,
        group="pay",
    ),
    Assumption(
        "offshore_benefits_rate",
        "share",
        Uniform(low=0.03, high=0.10),
        judgement("private health cover and customary bonuses abroad (e.g. Tet bonus in VN)"),
        "non-statutory benefits abroad over gross pay",
        per_country=True,
        group="pay",
    ),
    Assumption(
        "equipment_monthly",
        "money/month",
        fixed(150.0),
        judgement("laptop over 3 years plus software licences"),
        "equipment and software per paid FTE-month (own staff)",
        group="pay",
    ),
    Assumption(
        "onshore_office_monthly",
        "money/month",
        Uniform(low=300.0, high=900.0),
        judgement("hybrid desk share in a home-country city"),
        "office cost per in-house FTE-month at home",
        group="pay",
    ),
    Assumption(
        "offshore_office_monthly",
        "money/month",
        Uniform(low=100.0, high=300.0),
        judgement("co-working seat in an offshore hub city"),
        "office cost per FTE-month abroad",
        per_country=True,
        group="pay",
    ),
    # --- setting up abroad --------------------------------------------------------------
    Assumption(
        "eor_fee_monthly",
        "money/month",
        fixed(599.0),
        published("Remote.com EOR annual credits, $599 per employee-month (2024)"),
        "employer-of-record fee per offshore head per month",
        group="setup",
    ),
    Assumption(
        "offshore_team_setup_cost",
        "money",
        Triangular(low=15000.0, mode=30000.0, high=60000.0),
        judgement(
            "seed: a team abroad 'requires a considerable upfront investment' in setting up "
            "infrastructure, recruiting and communication channels; first trips, recruiting "
            "partner, legal review, equipment shipping"
        ),
        "one-off cost of starting a team abroad, whatever the route",
        per_country=True,
        group="setup",
    ),
    Assumption(
        "entity_setup_cost",
        "money",
        Triangular(low=20000.0, mode=40000.0, high=80000.0),
        judgement("legal, registration, bank, accounting set-up; no published figure found"),
        "one-off cost of opening an own entity abroad",
        per_country=True,
        group="setup",
    ),
    Assumption(
        "entity_setup_months",
        "months",
        Triangular(low=2.0, mode=4.0, high=8.0),
        judgement("Deel quotes 1-3 months for payroll implementation alone (2024)"),
        "months before an own entity can employ anyone",
        per_country=True,
        group="setup",
    ),
    Assumption(
        "entity_running_monthly",
        "money/entity-month",
        Uniform(low=3000.0, high=8000.0),
        judgement(
            "audit, tax filings, a local director, payroll provider, accounting, legal and HR "
            "retainers; no published figure found (EOR fees of $300-800 per head-month bound "
            "what an entity must beat)"
        ),
        "running cost of an own entity abroad per month",
        per_country=True,
        group="setup",
    ),
    Assumption(
        "recruiting_fee_rate",
        "share",
        Uniform(low=0.15, high=0.25),
        judgement("agency fees commonly quoted as 15-25 % of first-year pay"),
        "recruiting cost per hire as a share of annual pay",
        group="setup",
    ),
    # --- time: hiring, mobilising, learning ---------------------------------------------
    Assumption(
        "onshore_hiring_months",
        "months",
        Triangular(low=2.0, mode=4.0, high=6.0),
        published(
            "LinkedIn 2021: 49 days from application to start for engineering hires; "
            "a team is hired over a few such cycles (judgement)"
        ),
        "months to reach full headcount at home (linear ramp)",
        group="time",
    ),
    Assumption(
        "offshore_hiring_months",
        "months",
        Triangular(low=3.0, mode=5.0, high=8.0),
        judgement("home hiring time plus remote sourcing, interviews across time zones"),
        "months to reach full headcount of a team abroad (linear ramp)",
        per_country=True,
        group="time",
    ),
    Assumption(
        "onshore_vendor_mobilisation_months",
        "months",
        Triangular(low=0.5, mode=1.0, high=2.0),
        judgement("a vendor staffs from its bench"),
        "months for a vendor at home to reach full staffing",
        group="time",
    ),
    Assumption(
        "offshore_vendor_mobilisation_months",
        "months",
        Triangular(low=0.5, mode=1.5, high=3.0),
        judgement("a vendor staffs from its bench; contracts across borders take longer"),
        "months for a vendor abroad to reach full staffing",
        per_country=True,
        group="time",
    ),
    Assumption(
        "onboarding_months",
        "months",
        Pert(low=2.0, mode=4.0, high=9.0),
        published("codeboarding.org survey: ramp-up mostly 3-9 months (C-grade source)"),
        "months for a new own hire to reach full productivity (linear learning)",
        group="time",
    ),
    Assumption(
        "vendor_onboarding_months",
        "months",
        Pert(low=1.0, mode=2.0, high=4.0),
        judgement(
            "experienced vendor staff still learn the domain; CIO 2003 saw 3-12 month "
            "transitions for whole IT functions"
        ),
        "months for vendor staff to reach full productivity",
        group="time",
    ),
    Assumption(
        "onshore_vacancy_months",
        "months",
        Triangular(low=1.0, mode=1.6, high=3.0),
        published("LinkedIn 2021: 49 days to hire an engineer"),
        "months a leaver's seat stays empty at home",
        group="time",
    ),
    Assumption(
        "offshore_vacancy_months",
        "months",
        Triangular(low=1.0, mode=2.0, high=3.5),
        judgement("as at home plus notice periods abroad"),
        "months a leaver's seat stays empty abroad",
        per_country=True,
        group="time",
    ),
    Assumption(
        "vendor_backfill_months",
        "months",
        Uniform(low=0.25, high=1.0),
        judgement("the vendor replaces leavers from its bench"),
        "months a vendor seat stays empty after a leaver",
        group="time",
    ),
    # --- attrition ----------------------------------------------------------------------
    Assumption(
        "onshore_attrition",
        "share/year",
        Uniform(low=0.08, high=0.20),
        judgement("typical tech turnover; COCOMO II PCON nominal is 12 %/yr"),
        "share of the home team leaving each year",
        group="attrition",
    ),
    Assumption(
        "offshore_attrition",
        "share/year",
        Triangular(low=0.12, mode=0.18, high=0.28),
        published(
            "Indian IT majors 2022-24: 12.5 %-28 %/yr (Business Standard, 2022-24); "
            "VietnamWorks: IT staff stay 4.5 years (~22 %/yr)"
        ),
        "share of a team abroad leaving each year",
        per_country=True,
        group="attrition",
    ),
    Assumption(
        "vendor_attrition",
        "share/year",
        Triangular(low=0.12, mode=0.20, high=0.30),
        published("Indian IT majors 2022-24: 12.5 %-28 %/yr (Business Standard, 2022-24)"),
        "share of vendor staff on your work leaving each year",
        group="attrition",
    ),
    Assumption(
        "onshore_release_months",
        "months",
        fixed(1.0),
        judgement("notice and severance at the end of the work, at-will norms"),
        "months of pay per in-house head when the work ends and the team is released",
        group="attrition",
    ),
    Assumption(
        "offshore_release_months",
        "months",
        Uniform(low=1.0, high=2.5),
        judgement("notice plus statutory severance (e.g. VN Labour Code: half a month per year)"),
        "months of pay per offshore head when the work ends and the team is released",
        per_country=True,
        group="attrition",
    ),
)
