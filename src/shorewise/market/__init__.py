"""Reference market data, each figure with its source and year.

Countries (hub, time zone, English score), developer pay (Stack Overflow Developer Survey
2024, ODbL), employer on-costs after caps (BLS for the US, statutory elsewhere), working-hours
overlap with its COCOMO II SITE productivity effect, and survey-implied exchange rates.
Sources and caveats: ``shorewise/data/SOURCES.md``. Anything not from a source says
"judgement".

Example::

    >>> from shorewise.market import developer_pay, employer_oncost
    >>> pay = developer_pay("VN")
    >>> round(pay.annual_pay_usd * (1 + employer_oncost("VN", pay.annual_pay_usd).rate))
    15533
"""

from shorewise.market.countries import Country, get_country, is_known_country, list_countries
from shorewise.market.fx import FxRate, currency_of, supported_currencies, usd_rate
from shorewise.market.oncosts import OnCost, employer_oncost
from shorewise.market.overlap import SITE_PROVENANCE, site_productivity, working_hours_overlap
from shorewise.market.pay import PayFigure, developer_pay

__all__ = [
    "SITE_PROVENANCE",
    "Country",
    "FxRate",
    "OnCost",
    "PayFigure",
    "currency_of",
    "developer_pay",
    "employer_oncost",
    "get_country",
    "is_known_country",
    "list_countries",
    "site_productivity",
    "supported_currencies",
    "usd_rate",
    "working_hours_overlap",
]
