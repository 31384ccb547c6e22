"""Defaults for what a team abroad really costs beyond its pay, and for contracting.

Home-side management at home pay, local leads, slower learning abroad, the engineering a
non-IT company has to buy in, customary benefits at home and contractor (B2B) pay abroad.
Listed in :data:`shorewise.domain.catalogue.CATALOGUE`; see there for precedence.
"""

from __future__ import annotations

from shorewise.domain.assumption import Assumption
from shorewise.domain.distributions import Uniform
from shorewise.domain.sources import fixed, judgement, published

SMITE_2016 = (
    "Šmite & van Solingen, 'What's the True Hourly Cost of Offshoring?', IEEE Software 2016"
)

TEAM_ABROAD: tuple[Assumption, ...] = (
    Assumption(
        "offshore_home_management_share",
        "share",
        Uniform(low=0.05, high=0.10),
        judgement(
            "one home-side manager, architect or product owner's time per 10-20 engineers "
            f"abroad; {SMITE_2016}: travel, extra testing and communication made the true "
            "hourly cost comparable only after 3 years"
        ),
        "home FTE spent managing and coordinating each FTE of a team abroad, at home pay",
        group="abroad",
    ),
    Assumption(
        "offshore_home_management_first_year",
        "ratio",
        Uniform(low=1.5, high=2.5),
        judgement(
            "the first year carries hiring, knowledge transfer and process set-up "
            f"({SMITE_2016}: break-even took about 5 years)"
        ),
        "home-side management in the team's first 12 months over the later share",
        group="abroad",
    ),
    Assumption(
        "offshore_lead_ratio",
        "share",
        Uniform(low=0.10, high=0.20),
        judgement("one local team lead per 5-10 engineers abroad"),
        "share of a team abroad who are local leads",
        per_country=True,
        group="abroad",
    ),
    Assumption(
        "offshore_lead_premium",
        "ratio",
        Uniform(low=1.3, high=1.8),
        judgement("a local lead earns a senior engineer's pay, above the team's"),
        "pay of a local lead over the team's pay",
        per_country=True,
        group="abroad",
    ),
    Assumption(
        "offshore_learning_ratio",
        "ratio",
        fixed(1.5),
        published(f"{SMITE_2016}: learning curve 2 years in-house vs 3 years offshore"),
        "learning time of a newcomer abroad over one at home (also after each leaver)",
        group="abroad",
    ),
    Assumption(
        "engineering_leadership_share",
        "share",
        Uniform(low=0.05, high=0.12),
        judgement(
            "a company that does not run engineering buys it in: a head of engineering, "
            "architects and delivery managers, about one per 8-20 engineers, at home pay"
        ),
        "home FTE of engineering leadership per own engineer, when the company is not a tech "
        "company (a vendor brings its own)",
        group="abroad",
    ),
    Assumption(
        "onshore_benefits_rate",
        "share",
        Uniform(low=0.03, high=0.10),
        judgement(
            "customary benefits beyond statutory contributions (pension top-ups, private "
            "health cover, meal or travel allowances); 0 for the US, whose BLS on-costs "
            "already count every benefit"
        ),
        "non-statutory benefits at home over gross pay",
        group="pay",
    ),
    Assumption(
        "offshore_b2b_share",
        "share",
        fixed(0.0),
        judgement(
            "employment contracts by default; by country where much of the market invoices "
            "as contractors: Poland 30-60 % (B2B), Ukraine 50-90 % (FOP); no employer "
            "contributions on that pay"
        ),
        "share of a team abroad paid as B2B contractors (no employer contributions)",
        per_country=True,
        group="pay",
    ),
)
