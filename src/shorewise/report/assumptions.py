"""The assumption table every report carries: value, central value, unit, provenance.

Rows come from the comparison's resolved inputs, so they show exactly what the run used
(market data, rate card, the file's overrides) and ``central`` is the value of the
deterministic run (each input's median).

Example::

    >>> rows = assumption_table(result)                       # doctest: +SKIP
    >>> rows[0]["key"], rows[0]["central"], rows[0]["overridden"]
    ('onshore_productivity', 1.0, False)
"""

from __future__ import annotations

from typing import Any

from shorewise.domain.assumption import UNITS
from shorewise.domain.catalogue import CATALOGUE
from shorewise.domain.distributions import describe
from shorewise.results.comparison import Comparison
from shorewise.uncertainty.distributions import is_fixed, median


def assumption_table(c: Comparison) -> list[dict[str, Any]]:
    """One row per model input, in catalogue order (per-country inputs by country).

    Keys: ``key`` (``name`` or ``name@CC``), ``name``, ``country``, ``group``, ``value``
    (the distribution in words), ``central`` (its median), ``uncertain``, ``unit``,
    ``unit_text``, ``provenance`` (seed, published, market, judgement, scenario),
    ``source``, ``meaning``, ``overridden``.
    """
    rows = []
    for a in c.inputs.assumptions.values():
        rows.append(
            {
                "key": a.key,
                "name": a.name,
                "country": a.country,
                "group": CATALOGUE[a.name].group,
                "value": describe(a.distribution, a.unit),
                "central": float(median(a.distribution)),
                "uncertain": not is_fixed(a.distribution),
                "unit": a.unit,
                "unit_text": UNITS.get(a.unit, a.unit),
                "provenance": a.provenance.kind,
                "source": a.provenance.text,
                "meaning": a.meaning,
                "overridden": a.overridden,
            }
        )
    return rows


def unit_text(unit: str, currency: str) -> str:
    """The unit in words with the scenario's currency named (``USD per FTE-month``)."""
    text = UNITS.get(unit, unit)
    return text.replace("scenario currency", currency)


_SHORT_UNITS = {
    "share": "share",
    "ratio": "multiplier",
    "share/year": "share per year",
    "months": "months",
    "money/month": "{cur} per FTE-month",
    "money/year": "{cur} per FTE-year",
    "money": "{cur}, one-off",
    "money/entity-month": "{cur} per month",
}


def short_unit(unit: str, currency: str) -> str:
    """A unit for a narrow column: ``share``, ``USD per FTE-month``."""
    return _SHORT_UNITS.get(unit, unit).format(cur=currency)
