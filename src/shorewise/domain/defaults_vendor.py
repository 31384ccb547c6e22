"""Defaults for vendors and for money over time.

Listed in :data:`shorewise.domain.catalogue.CATALOGUE`; see there for precedence.
"""

from __future__ import annotations

from dataclasses import dataclass

from shorewise.domain.assumption import Assumption
from shorewise.domain.distributions import Triangular, Uniform
from shorewise.domain.sources import CIO_2003, fixed, judgement, market, published, seed

BILLABLE_HOURS_MONTHLY = 152.0
"""Person-hours in a person-month (COCOMO II.2000 Model Definition Manual, USC 2000)."""
HOURS_PROVENANCE = (
    "COCOMO II.2000 Model Definition Manual (USC 2000): 152 person-hours per person-month"
)
NEARSHORE_OVERLAP_HOURS = 4.0
"""Judgement: a vendor sharing at least half a working day with the home hub is nearshore."""


@dataclass(frozen=True)
class OnsiteShare:
    """Share of a vendor's staff working onsite at home: a triangular ``low``/``mode``/``high``."""

    low: float
    mode: float
    high: float
    provenance: str


FARSHORE_ONSITE = OnsiteShare(
    0.10,
    0.20,
    0.30,
    "Overby, CIO Magazine 2003: onsite share 'closer to 10 percent' on some projects; "
    "Nearshore Americas (trade press, C): farshore engagements 'as high as 30 percent'; "
    "mode 20 % judgement (midway)",
)
NEARSHORE_ONSITE = OnsiteShare(
    0.03,
    0.08,
    0.10,
    "Nearshore Americas (trade press, C): nearshore onsite 'less than 10 percent', 8 % "
    "common; low 3 % judgement",
)


VENDOR_AND_FINANCE: tuple[Assumption, ...] = (
    # --- vendors ------------------------------------------------------------------------
    Assumption(
        "vendor_margin",
        "share",
        Uniform(low=0.2, high=0.6),
        seed("outsourcing margins 20 %-60 %"),
        "vendor's mark-up over its own loaded staff cost",
        group="vendor",
    ),
    Assumption(
        "onshore_vendor_hourly_rate",
        "money/hour",
        None,
        market(
            "published rate band of the home country (US / Canada / Western Europe "
            "$100-150/h, knowledgelib.io 2026, C); no band: cost plus margin"
        ),
        "price of a vendor at home per billed hour",
        group="vendor",
    ),
    Assumption(
        "offshore_vendor_hourly_rate",
        "money/hour",
        None,
        market(
            "published rate band of the vendor's country (India / SE Asia mid $25-40/h, "
            "Eastern Europe mid $45-65/h, transparencywins.info 2026; Latin America "
            "$60-100/h, knowledgelib.io 2026; C); no band: cost plus margin"
        ),
        "price of a vendor abroad per billed hour of its offshore staff",
        per_country=True,
        group="vendor",
    ),
    Assumption(
        "vendor_hours_monthly",
        "hours/month",
        fixed(BILLABLE_HOURS_MONTHLY),
        published(HOURS_PROVENANCE),
        "billed hours per vendor FTE-month",
        group="vendor",
    ),
    Assumption(
        "vendor_onsite_share",
        "share",
        Triangular(low=FARSHORE_ONSITE.low, mode=FARSHORE_ONSITE.mode, high=FARSHORE_ONSITE.high),
        published(
            f"farshore: {FARSHORE_ONSITE.provenance}; nearshore (>= 4 h overlap) by country: "
            f"{NEARSHORE_ONSITE.provenance}"
        ),
        "share of an offshore vendor's staff working at your site, at onsite rates",
        per_country=True,
        group="vendor",
    ),
    Assumption(
        "vendor_onsite_hourly_rate",
        "money/hour",
        Triangular(low=60.0, mode=80.0, high=100.0),
        published(
            "Nearshore Americas (trade press, C) worked example: onsite staff $80/h beside "
            "farshore $30/h and nearshore $42/h; spread +-25 % judgement; never below the "
            "vendor's offshore rate"
        ),
        "price per billed hour of an offshore vendor's staff working onsite at home",
        group="vendor",
    ),
    Assumption(
        "vendor_escalation_time_and_materials",
        "share/year",
        Uniform(low=0.02, high=0.05),
        judgement(
            "time-and-materials rate cards are reviewed yearly, near inflation; not offshore "
            "wage growth, which the vendor's margin absorbs"
        ),
        "yearly price increase of a vendor on time and materials",
        group="vendor",
    ),
    Assumption(
        "vendor_escalation_fixed_price",
        "share/year",
        fixed(0.0),
        judgement("a fixed price holds for the agreed scope; changes are paid as change requests"),
        "yearly price increase of a vendor on a fixed-price contract",
        group="vendor",
    ),
    Assumption(
        "vendor_selection_rate",
        "share",
        Uniform(low=0.002, high=0.02),
        published(f"{CIO_2003}: vendor selection 0.2 %-2 % of annual contract value"),
        "one-off cost of choosing a vendor, over the annual contract value",
        group="vendor",
    ),
    Assumption(
        "vendor_transition_rate",
        "share",
        Uniform(low=0.02, high=0.03),
        published(f"{CIO_2003}: transition 2 %-3 % of annual contract value"),
        "one-off cost of handing work to a vendor, over the annual contract value",
        group="vendor",
    ),
    Assumption(
        "onshore_vendor_governance_rate",
        "share",
        Uniform(low=0.04, high=0.08),
        published("Willcocks (LSE): retained capability to manage outsourcing 4 %-8 % of contract"),
        "your cost of managing a vendor at home, over its fees",
        group="vendor",
    ),
    Assumption(
        "offshore_vendor_governance_rate",
        "share",
        Uniform(low=0.06, high=0.10),
        published(f"{CIO_2003}: managing the contract 6 %-10 %"),
        "your cost of managing a vendor abroad, over its fees",
        group="vendor",
    ),
    Assumption(
        "offshore_team_governance_rate",
        "share",
        fixed(0.0),
        judgement(
            "0: home-side coordination is costed at home pay (offshore_home_management_share); "
            "set this only for other governance over the team's payroll"
        ),
        "other coordination cost for a team abroad, over its payroll",
        group="vendor",
    ),
    Assumption(
        "change_request_premium_low",
        "share",
        fixed(0.05),
        judgement("seed: change requests cost extra; low scope volatility"),
        "change-request premium on fixed-price vendor fees when scope volatility is low",
        group="vendor",
    ),
    Assumption(
        "change_request_premium_medium",
        "share",
        Uniform(low=0.08, high=0.20),
        judgement("seed: 'costs of change requested'; contingency of 15-25 % is commonly advised"),
        "change-request premium on fixed-price vendor fees when scope volatility is medium",
        group="vendor",
    ),
    Assumption(
        "change_request_premium_high",
        "share",
        Uniform(low=0.20, high=0.40),
        judgement("seed: change requests 'charged sky-high fees' when scope moves"),
        "change-request premium on fixed-price vendor fees when scope volatility is high",
        group="vendor",
    ),
    Assumption(
        "vendor_rework_rate",
        "share",
        Uniform(low=0.0, high=0.15),
        judgement(
            "seed: least-effort solutions need rework later; grows over the first year. "
            "Fixed-price contracts only: on time and materials the hours of rework are billed "
            "and counted in the vendor's productivity"
        ),
        "rework of least-effort fixed-price vendor delivery, over fees, reached after 12 months",
        group="vendor",
    ),
    Assumption(
        "offshore_travel_monthly",
        "money/month",
        Uniform(low=80.0, high=200.0),
        judgement("two or three trips a year between home and the offshore hub per team of 8"),
        "travel per offshore FTE-month (own team or vendor)",
        per_country=True,
        group="vendor",
    ),
    # --- money over time ----------------------------------------------------------------
    Assumption(
        "onshore_wage_growth",
        "share/year",
        Uniform(low=0.02, high=0.05),
        judgement("nominal wage growth at home"),
        "yearly growth of home pay",
        group="finance",
    ),
    Assumption(
        "offshore_wage_growth",
        "share/year",
        Uniform(low=0.04, high=0.10),
        judgement("faster nominal wage growth in offshore hubs"),
        "yearly growth of offshore pay (vendor prices follow their contract)",
        per_country=True,
        group="finance",
    ),
    Assumption(
        "discount_rate",
        "share/year",
        fixed(0.08),
        judgement("a typical company cost of capital"),
        "yearly rate used to discount future costs (NPV)",
        group="finance",
    ),
    Assumption(
        "cost_of_delay_multiple",
        "ratio",
        fixed(1.0),
        judgement(
            "a month late costs at least what a month of the work costs when done at home: "
            "the company budgeted the work to be worth more than the home team's loaded "
            "cost, so each month past the due month loses about that value (1 x the home "
            "team's loaded cost per FTE of the work); 0 turns the cost of delay off"
        ),
        "cost of each month past the due month, as a multiple of the home team's loaded "
        "monthly cost per FTE of the work",
        group="finance",
    ),
    Assumption(
        "cost_of_delay_per_fte_month",
        "money/month",
        fixed(0.0),
        judgement(
            "not set (0): the multiple above prices lateness; set your own value of one "
            "FTE-month of the work to replace it"
        ),
        "cost of each month past the due month per FTE of the work (replaces "
        "cost_of_delay_multiple when above 0)",
        group="finance",
    ),
)
