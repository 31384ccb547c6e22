"""Decision analyses both surfaces call: break-even, duration sweep, sensitivity.

Example::

    >>> result = breakeven(comparison, "offshore_inhouse", "offshore_outsource")  # doctest: +SKIP
    >>> result.to_dict()["breakeven_month"]                           # doctest: +SKIP
    {'p10': 6.0, 'p50': 8.0, 'p90': 11.0, 'mean': None}
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from shorewise.decision.breakeven import breakeven_months
from shorewise.domain.scenario import Scenario
from shorewise.domain.strategy import OptionKey
from shorewise.errors import ModelError
from shorewise.results.evaluation import Evaluation, model_of
from shorewise.results.result import Result
from shorewise.results.sensitivity import SensitivityResult, sensitivity
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


def live(result: Result) -> Evaluation:
    """The live evaluation behind ``result``; ``ModelError`` for a result read from a file."""
    ev = result.live
    if not isinstance(ev, Evaluation):
        raise ModelError(
            "this analysis needs the Monte Carlo draws, which a saved result does not keep: "
            "run it on the scenario file"
        )
    return ev


def find_option(ev: Evaluation, option: str, workstream: int) -> int:
    """The run index of ``option`` (``strategy``, ``strategy@CC`` or ``mix: NAME``)."""
    rows = [(i, a) for i, a in enumerate(ev.alternatives) if a.workstream_index == workstream]
    text = option.strip()
    if text.lower().startswith("mix:"):
        wanted = text[4:].strip()
        for i, a in rows:
            if a.mix == wanted:
                return i
    else:
        try:
            key = OptionKey.parse(text, default_country=ev.scenario.offshore_countries[0])
        except ValueError as exc:
            raise ModelError(str(exc)) from exc
        for i, a in rows:
            if a.mix is None and a.components[0].option == key:
                return i
    names = ", ".join(a.option_name for _, a in rows)
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
        for r in c.strategies:
            v = r.cost_per_effective_fte_month.value()
            costs[r.option] = v if math.isfinite(v) else None
        eligible = {r.option: costs[r.option] for r in c.strategies if r.eligible}
        finite = {k: v for k, v in eligible.items() if v is not None}
        cheapest = min(finite, key=lambda k: finite[k]) if finite else None
        points.append(SweepPoint(int(months), costs, cheapest, c.recommendation.option))
    return points


def breakeven(
    result: Result, a: str, b: str, *, workstream: str | None = None, sweep: bool = True
) -> BreakevenResult:
    """Break-even of option ``a`` against ``b`` (from the run's first 20,000 draws)."""
    ev = live(result)
    w = _workstream_index(ev.scenario, workstream)
    i_a, i_b = find_option(ev, a, w), find_option(ev, b, w)
    if i_a == i_b:
        raise ModelError("--between needs two different options")
    alt_a, alt_b = ev.alternatives[i_a], ev.alternatives[i_b]
    ws = alt_a.workstream
    months = breakeven_months(
        ev.run.monthly_burn[i_a],
        ev.run.monthly_effective[i_a],
        ev.run.monthly_burn[i_b],
        ev.run.monthly_effective[i_b],
        start=ws.start_month,
        duration=ws.duration_months,
    )
    points = duration_sweep(ev.scenario, workstream=w) if sweep else []
    return BreakevenResult(
        ws.name,
        alt_a.option_name,
        alt_b.option_name,
        percentiles(months),
        float(np.mean(~np.isfinite(months))),
        int(ev.run.monthly_effective[i_b].shape[0]),
        points,
    )


def analyse_sensitivity(
    result: Result, *, workstream: str | None = None, n: int = 512, seed: int | None = None
) -> SensitivityResult:
    """Tornado + Sobol' for a workstream's recommended option (see results.sensitivity)."""
    model = model_of(result)
    w = _workstream_index(model.scenario, workstream)
    return sensitivity(model, result, workstream=w, n=n, seed=seed)


def with_report_analyses(result: Result, *, workstream: int = 0) -> Result:
    """A copy of ``result`` with the tornado and the duration sweep its reports chart
    (central-value runs of the model; the Monte Carlo is not repeated)."""
    ev = model_of(result)
    sens = sensitivity(ev, result, workstream=workstream, with_sobol=False)
    sweep = [
        {
            "duration_months": p.duration_months,
            "option": option,
            "cost_per_effective_fte_month": round(cost, 2),
        }
        for p in duration_sweep(ev.scenario, workstream=workstream)
        for option, cost in p.costs.items()
        if cost is not None
    ]
    return result.with_analyses(
        workstream_index=workstream, tornado=sens.tornado_chart_data(), duration_sweep=sweep
    )
