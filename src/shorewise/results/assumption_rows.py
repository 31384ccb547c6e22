"""Every input of a run as a row people can read (value, unit, source), and the scenario as
plain data that validates back.

Example::

    >>> rows = assumption_rows(inputs)                        # doctest: +SKIP
    >>> rows[0].key, rows[0].provenance                               # doctest: +SKIP
    ('onshore_productivity', 'seed')
"""

from __future__ import annotations

from typing import Any

from shorewise.domain.catalogue import CATALOGUE
from shorewise.domain.distributions import describe
from shorewise.domain.scenario import Scenario
from shorewise.engine.inputs import ResolvedInputs
from shorewise.results.result import AssumptionRow
from shorewise.results.vocabulary import input_label
from shorewise.uncertainty.distributions import is_fixed, median

__all__ = ["assumption_rows", "scenario_data"]


def assumption_rows(inputs: ResolvedInputs) -> list[AssumptionRow]:
    """One row per model input, in catalogue order (per-country inputs by country)."""
    return [
        AssumptionRow(
            key=a.key,
            name=a.name,
            label=input_label(a.key),
            country=a.country,
            group=CATALOGUE[a.name].group,
            value=describe(a.distribution, a.unit),
            central=float(median(a.distribution)),
            uncertain=not is_fixed(a.distribution),
            unit=a.unit,
            provenance=a.provenance.kind,
            source=a.provenance.text,
            meaning=a.meaning,
            overridden=a.overridden,
        )
        for a in inputs.assumptions.values()
    ]


def _plain_distribution(value: dict[str, Any]) -> Any:
    kind = value.pop("kind")
    if kind == "fixed":
        return value["value"]
    return {"dist": kind, **{k: v for k, v in value.items() if v is not None}}


def scenario_data(scenario: Scenario) -> dict[str, Any]:
    """The scenario as plain JSON data that builds an equal scenario again."""
    data: dict[str, Any] = scenario.model_dump(mode="json")
    data["assumptions"] = {
        key: _plain_distribution(dict(value)) for key, value in data.get("assumptions", {}).items()
    }
    return data
