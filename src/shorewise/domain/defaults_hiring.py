"""Defaults for hiring throughput: how many people an own team can hire a month.

Listed in :data:`shorewise.domain.catalogue.CATALOGUE` (group ``time``); the engine makes
hiring take at least the plan's hires in a country / this rate
(:mod:`shorewise.engine.country_plan`). Vendors staff from their bench and are not limited.
"""

from __future__ import annotations

from shorewise.domain.assumption import Assumption
from shorewise.domain.distributions import Triangular
from shorewise.domain.sources import judgement

HIRING: tuple[Assumption, ...] = (
    Assumption(
        "onshore_hires_per_month",
        "hires/month",
        Triangular(low=2.0, mode=4.0, high=8.0),
        judgement(
            "a company hiring engineers at home runs a few searches at once and each closes "
            "one or two hires a month; the team's own interview hours cap a bigger push, so "
            "2-8 a month, 4 most likely: 10 hires fit in the usual hiring time, 100 take "
            "about two years"
        ),
        "people an in-house team at home can hire per month: hiring takes at least the "
        "plan's hires at home / this rate",
        group="time",
    ),
    Assumption(
        "offshore_hires_per_month",
        "hires/month",
        Triangular(low=3.0, mode=6.0, high=12.0),
        judgement(
            "a team abroad hires through a local recruiting partner or employer of record "
            "that runs many searches at once in a deep market, but the home team still "
            "interviews every hire: 3-12 a month, 6 most likely"
        ),
        "people a dedicated team abroad can hire per month in the country: hiring takes at "
        "least the plan's hires there / this rate",
        per_country=True,
        group="time",
    ),
)
