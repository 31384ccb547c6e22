"""Reference tables both surfaces show: the assumption catalogue and the country data.

Example::

    >>> rows = assumption_rows()
    >>> rows[0]["name"]
    'onshore_productivity'
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from shorewise.domain.assumption import UNITS
from shorewise.domain.catalogue import CATALOGUE
from shorewise.domain.distributions import describe
from shorewise.domain.scenario import Scenario
from shorewise.engine.inputs import resolve_inputs
from shorewise.market import (
    developer_pay,
    employer_oncost,
    get_country,
    list_countries,
    site_productivity,
    working_hours_overlap,
)


def assumption_rows(scenario: Scenario | None = None) -> list[dict[str, Any]]:
    """Every assumption with unit, value, provenance and meaning.

    With a scenario, values are resolved for it (market data, its currency, per-country
    keys) and ``overridden`` says which the file sets.
    """
    if scenario is None:
        rows = []
        for a in CATALOGUE.values():
            value = describe(a.default, a.unit) if a.default else "derived from market data"
            rows.append(
                {
                    "name": a.name,
                    "group": a.group,
                    "unit": a.unit,
                    "unit_text": UNITS[a.unit],
                    "value": value,
                    "provenance": a.provenance.kind,
                    "source": a.provenance.text,
                    "meaning": a.meaning,
                    "per_country": a.per_country,
                    "overridden": False,
                }
            )
        return rows
    inputs = resolve_inputs(scenario)
    return [
        {
            "name": r.key,
            "group": CATALOGUE[r.name].group,
            "unit": r.unit,
            "unit_text": UNITS[r.unit],
            "value": describe(r.distribution, r.unit),
            "provenance": r.provenance.kind,
            "source": r.provenance.text,
            "meaning": r.meaning,
            "per_country": r.country is not None,
            "overridden": r.overridden,
        }
        for r in inputs.assumptions.values()
    ]


@dataclass(frozen=True)
class CountryRow:
    """One country as ``shorewise countries`` shows it."""

    iso2: str
    name: str
    hub_city: str
    utc_offset: str
    annual_pay_usd: float | None
    pay_n: int | None
    low_n: bool
    oncost_rate: float | None
    overlap_hours: float | None
    site_productivity: float | None


def _offset(hours: float) -> str:
    sign = "+" if hours >= 0 else "-"
    whole = abs(hours)
    return f"UTC{sign}{int(whole):02d}:{round((whole % 1) * 60):02d}"


def country_rows(home: str | None = None) -> list[CountryRow]:
    """Every known country with pay, on-costs and (given a home) working-hours overlap."""
    if home:
        get_country(home)
    rows = []
    for c in list_countries():
        pay = developer_pay(c.iso2)
        oncost = (
            employer_oncost(c.iso2, pay.annual_pay_usd, pay_includes_extras=True).rate
            if pay
            else None
        )
        overlap = working_hours_overlap(home, c.iso2) if home else None
        rows.append(
            CountryRow(
                c.iso2,
                c.name,
                c.hub_city,
                _offset(c.utc_offset_jan_hours),
                pay.annual_pay_usd if pay else None,
                pay.n if pay else None,
                pay.low_n if pay else False,
                oncost,
                overlap,
                site_productivity(overlap) if overlap is not None else None,
            )
        )
    return rows
