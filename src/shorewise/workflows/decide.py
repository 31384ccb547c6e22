"""Decision analyses both surfaces call: break-even, duration sweep, sensitivity.

Example::

    >>> result = breakeven(comparison, "offshore_inhouse", "offshore_outsource")  # doctest: +SKIP
    >>> result.to_dict()["breakeven_month"]
    {'p10': 6.0, 'p50': 8.0, 'p90': 11.0, 'mean': None}
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from shorewise.domain.scenario import Scenario
from shorewise.domain.strategy import OptionKey
from shorewise.errors import ModelError
from shorewise.results.breakeven import breakeven_months
from shorewise.results.comparison import Comparison
from shorewise.results.rows import Row
from shorewise.results.sensitivity import SensitivityResult, sensitivity
from shorewise.uncertainty.montecarlo import BAND_DRAWS
from shorewise.uncertainty.summary import Percentiles, percentiles
from shorewise.workflows.evaluate import evaluate

SWEEP_MONTHS = tuple(range(3, 61, 3))


def _workstream_index(scenario: Scenario, name: str | None) -> int:
    if name is None:
        return 0
    for i, ws in enumerate(scenario.workstreams):
        if ws.name == name:
            return i
    valid = ", ".join(repr(w.name) for w in scenario.workstreams)
    raise ModelError(f"no workstream named {name!r}; choose one of: {valid}")


def find_row(c: Comparison, option: str, workstream: int) -> Row:
    """The row of ``option`` (``strategy``, ``strategy@CC`` or ``mix: NAME``)."""
    rows = [r for r in c.rows if r.alternative.workstream_index == workstream]
    text = option.strip()
    if text.lower().startswith("mix:"):
        wanted = text[4:].strip()
        for r in rows:
            if r.alternative.mix == wanted:
                return r
    else:
        try:
            key = OptionKey.parse(text, default_country=c.scenario.offshore_countries[0])
        except ValueError as exc:
            raise ModelError(str(exc)) from exc
        for r in rows:
            if r.alternative.mix is None and r.alternative.components[0].option == key:
                return r
    names = ", ".join(r.alternative.option_name for r in rows)
    raise ModelError(f"no option {option!r} in this scenario; choose one of: {names}")


@dataclass
class SweepPoint:
    """One project length: each option's P50 cost per effective FTE-month and the winners."""

    duration_months: int
    costs: dict[str, float | None]
    cheapest: str | None
    recommended: str | None


@dataclass
class BreakevenResult:
    """Break-even month of A against B over the draws, and the duration sweep."""

    workstream: str
    a: str
    b: str
    months: Percentiles
    never_share: float
    draws: int
    sweep: list[SweepPoint] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """JSON: ``breakeven_month: {p10, p50, p90}``, ``never_share``, ``duration_sweep``."""
        return {
            "workstream": self.workstream,
            "a": self.a,
            "b": self.b,
            "breakeven_month": self.months.as_dict(1),
            "never_share": round(self.never_share, 4),
            "draws": self.draws,
            "meaning": "month (from the work's start) from which A's cumulative cost per "
            "effective FTE-month stays below B's",
            "duration_sweep": [
                {
                    "duration_months": p.duration_months,
                    "cheapest": p.cheapest,
                    "recommended": p.recommended,
                    "cost_per_effective_fte_month": {
                        k: (None if v is None else round(v, 2)) for k, v in p.costs.items()
                    },
                }
                for p in self.sweep
            ],
        }


def duration_sweep(
    scenario: Scenario,
    *,
    workstream: int = 0,
    durations: Sequence[int] = SWEEP_MONTHS,
    samples: int = 0,
) -> list[SweepPoint]:
    """For each project length, which option is cheapest and which the scoring picks.

    The workstream is evaluated alone (others dropped), at ``samples`` draws (0 = central).
    """
    base = scenario.workstreams[workstream]
    points = []
    for months in durations:
        ws = base.model_copy(update={"duration_months": int(months), "start_month": 0})
        single = scenario.model_copy(update={"workstreams": (ws,), "horizon_months": None})
        c = evaluate(single, samples=samples, with_flips=False)
        costs: dict[str, float | None] = {}
        for r in c.rows:
            v = r.figures["cost_per_effective_fte_month"].p50
            costs[r.alternative.option_name] = v if math.isfinite(v) else None
        eligible = {
            r.alternative.option_name: costs[r.alternative.option_name]
            for r in c.rows
            if r.eligible
        }
        finite = {k: v for k, v in eligible.items() if v is not None}
        cheapest = min(finite, key=lambda k: finite[k]) if finite else None
        points.append(SweepPoint(int(months), costs, cheapest, c.recommendation.option))
    return points


def breakeven(
    c: Comparison, a: str, b: str, *, workstream: str | None = None, sweep: bool = True
) -> BreakevenResult:
    """Break-even of option ``a`` against ``b`` (from the run's first 20,000 draws)."""
    w = _workstream_index(c.scenario, workstream)
    row_a, row_b = find_row(c, a, w), find_row(c, b, w)
    if row_a is row_b:
        raise ModelError("--between needs two different options")
    i_a, i_b = c.rows.index(row_a), c.rows.index(row_b)
    ws = row_a.alternative.workstream
    months = breakeven_months(
        c.run.monthly_burn[i_a],
        c.run.monthly_effective[i_a],
        c.run.monthly_burn[i_b],
        c.run.monthly_effective[i_b],
        start=ws.start_month,
        duration=ws.duration_months,
    )
    points = duration_sweep(c.scenario, workstream=w) if sweep else []
    return BreakevenResult(
        ws.name,
        row_a.alternative.option_name,
        row_b.alternative.option_name,
        percentiles(months),
        float(np.mean(~np.isfinite(months))),
        min(c.run.samples, BAND_DRAWS),
        points,
    )


def analyse_sensitivity(
    c: Comparison, *, workstream: str | None = None, n: int = 512, seed: int | None = None
) -> SensitivityResult:
    """Tornado + Sobol' for a workstream's recommended option (see results.sensitivity)."""
    return sensitivity(c, workstream=_workstream_index(c.scenario, workstream), n=n, seed=seed)


def add_report_extras(c: Comparison, *, workstream: int = 0) -> Comparison:
    """Add the tornado and the duration sweep to ``c.extras`` for reports (in place)."""
    sens = sensitivity(c, workstream=workstream, with_sobol=False)
    c.extras["workstream_index"] = workstream
    c.extras["tornado"] = sens.tornado_chart_data()
    c.extras["duration_sweep"] = [
        {
            "duration_months": p.duration_months,
            "option": option,
            "cost_per_effective_fte_month": cost,
        }
        for p in duration_sweep(c.scenario, workstream=workstream)
        for option, cost in p.costs.items()
        if cost is not None
    ]
    return c
