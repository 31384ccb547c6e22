"""Defaults for vendors and for money over time.

Listed in :data:`shorewise.domain.catalogue.CATALOGUE`; see there for precedence.
"""

from __future__ import annotations

from shorewise.domain.assumption import Assumption
from shorewise.domain.distributions import Pert, Uniform
from shorewise.domain.sources import CIO_2003, fixed, judgement, published, seed

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
        "vendor_onsite_share",
        "share",
        Pert(low=0.05, mode=0.1, high=0.5),
        published(
            f"{CIO_2003}: onsite share 'closer to 10 %' (mode) to 'up to 50 %' (high); "
            "low 5 % judgement"
        ),
        "share of an offshore vendor's staff working at your site at home rates",
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
        Uniform(low=0.03, high=0.08),
        judgement("home-side coordination of a remote team; below a vendor contract's 6-10 %"),
        "your coordination cost for a team abroad, over its payroll",
        group="vendor",
    ),
    Assumption(
        "change_request_premium_low",
        "share",
        fixed(0.05),
        judgement("seed: change requests cost extra; low scope volatility"),
        "change-request premium on outsourced fees when scope volatility is low",
        group="vendor",
    ),
    Assumption(
        "change_request_premium_medium",
        "share",
        Uniform(low=0.08, high=0.20),
        judgement("seed: 'costs of change requested'; contingency of 15-25 % is commonly advised"),
        "change-request premium on outsourced fees when scope volatility is medium",
        group="vendor",
    ),
    Assumption(
        "change_request_premium_high",
        "share",
        Uniform(low=0.20, high=0.40),
        judgement("seed: change requests 'charged sky-high fees' when scope moves"),
        "change-request premium on outsourced fees when scope volatility is high",
        group="vendor",
    ),
    Assumption(
        "vendor_rework_rate",
        "share",
        Uniform(low=0.0, high=0.15),
        judgement("seed: least-effort solutions need rework later; grows over the first year"),
        "rework of least-effort vendor delivery, over fees, reached after 12 months",
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
        "yearly growth of home pay and home vendor rates",
        group="finance",
    ),
    Assumption(
        "offshore_wage_growth",
        "share/year",
        Uniform(low=0.04, high=0.10),
        judgement("faster nominal wage growth in offshore hubs"),
        "yearly growth of offshore pay and offshore vendor rates",
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
        "cost_of_delay_per_fte_month",
        "money/month",
        fixed(0.0),
        judgement("off by default; set it to the value of one FTE-month of delivered work"),
        "value lost per FTE-month of capacity missing against the target",
        group="finance",
    ),
)
