"""What the workbook reads: the model (scenario, inputs, options) beside the result.

The workbook writes the model out as live formulas, so it needs the scenario's resolved
inputs and options — from the live evaluation, or rebuilt from the scenario a result
carries (nothing is simulated) — and the result's figures for the static Monte Carlo sheet.

Example::

    >>> source = workbook_source(result)              # doctest: +SKIP
    >>> source.rows[0].alternative.option_name                        # doctest: +SKIP
    'onshore_inhouse'
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from shorewise.domain.scenario import Scenario
from shorewise.engine.alternatives import Alternative
from shorewise.engine.inputs import ResolvedInputs
from shorewise.results.evaluation import model_of
from shorewise.results.result import OptionRow, Quantiles, Result

__all__ = ["SourceRow", "WorkbookSource", "workbook_source"]


@dataclass(frozen=True)
class _Figure:
    p10: float
    p50: float
    p90: float
    mean: float

    @classmethod
    def of(cls, q: Quantiles) -> _Figure:
        return cls(q.value("p10"), q.value("p50"), q.value("p90"), q.value("mean"))


@dataclass(frozen=True)
class SourceRow:
    """One option: its model (``alternative``) and its result row."""

    alternative: Alternative
    result: OptionRow

    @property
    def eligible(self) -> bool:
        return self.result.eligible

    @property
    def excluded_reason(self) -> str | None:
        return self.result.excluded_reason

    @property
    def p_best(self) -> float:
        return self.result.p_best or 0.0

    @property
    def figures(self) -> dict[str, _Figure]:
        names = (
            "total_cost",
            "npv_cost",
            "effective_fte_months",
            "cost_per_effective_fte_month",
            "months_to_target",
        )
        return {n: _Figure.of(getattr(self.result, n)) for n in names}

    def route_text(self) -> str | None:
        return self.result.route


@dataclass(frozen=True)
class WorkbookSource:
    """The result and its model, side by side."""

    result: Result
    scenario: Scenario
    inputs: ResolvedInputs
    rows: list[SourceRow]

    @property
    def recommendation(self) -> Any:
        return self.result.recommendation


def workbook_source(result: Result) -> WorkbookSource:
    """The workbook's source for ``result`` (see module doc)."""
    model = model_of(result)
    rows = [SourceRow(a, r) for a, r in zip(model.alternatives, result.strategies, strict=True)]
    return WorkbookSource(result, model.scenario, model.inputs, rows)


def finite_or_text(value: float) -> float | str:
    """A number for a cell, or ``not reached`` for infinity."""
    return value if math.isfinite(value) else "not reached"
