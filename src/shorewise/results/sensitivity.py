"""Which inputs drive the answer: tornado and Sobol' indices on the model itself.

Two outputs for one workstream: the recommended option's total cost, and the gap in the
decision's cost criterion (NPV per effective FTE-month,
:func:`~shorewise.decision.criteria.unit_cost`) between the runner-up and the recommended
option (positive = the pick is cheaper). Each is also split by year of the horizon (which
driver dominates in year 1 vs year 3). The tornado moves one uncertain input from its
P10 to its P90 with the others at their medians; Sobol' indices (first order and total,
with bootstrap confidence intervals) vary all of them at once and assume they are
independent — a note says so when the scenario declares correlations.

Example::

    >>> result = sensitivity(evaluation, result, workstream=0, n=256)  # doctest: +SKIP
    >>> result.inputs[0].name                                         # doctest: +SKIP
    'offshore_talent_premium@VN'
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import Any

import numpy as np

from shorewise.decision.criteria import unit_cost
from shorewise.engine.alternatives import Alternative, simulate_alternative
from shorewise.engine.metrics import draw_metrics
from shorewise.engine.types import DrawVector, FloatArray
from shorewise.errors import ModelError
from shorewise.results.evaluation import Model
from shorewise.results.result import Result
from shorewise.uncertainty.distributions import is_fixed, ppf, quantile
from shorewise.uncertainty.sensitivity import SobolIndex, TornadoBar, sobol, tornado


@dataclass(frozen=True)
class InputSensitivity:
    """One input's tornado bar and Sobol' indices on one output."""

    name: str
    low_input: float
    high_input: float
    tornado_low: float
    tornado_high: float
    sobol_first: float | None
    sobol_total: float | None
    ci: dict[str, tuple[float, float]] | None

    @property
    def swing(self) -> float:
        return abs(self.tornado_high - self.tornado_low)


@dataclass
class SensitivityResult:
    """Sensitivity of one workstream's decision; ``inputs`` sorted by tornado swing."""

    workstream: str
    recommended: str
    runner_up: str | None
    inputs: list[InputSensitivity]
    gap_inputs: list[InputSensitivity]
    by_year: list[dict[str, Any]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    sobol_samples: int = 0

    def to_dict(self) -> dict[str, Any]:
        """JSON: ``inputs: [{name, tornado_low, tornado_high, sobol_first, sobol_total, ci}]``."""

        def rows(items: list[InputSensitivity]) -> list[dict[str, Any]]:
            return [
                {
                    "name": i.name,
                    "low_input": i.low_input,
                    "high_input": i.high_input,
                    "tornado_low": round(i.tornado_low, 2),
                    "tornado_high": round(i.tornado_high, 2),
                    "sobol_first": None if i.sobol_first is None else round(i.sobol_first, 4),
                    "sobol_total": None if i.sobol_total is None else round(i.sobol_total, 4),
                    "ci": None
                    if i.ci is None
                    else {k: [round(v[0], 4), round(v[1], 4)] for k, v in i.ci.items()},
                }
                for i in items
            ]

        return {
            "workstream": self.workstream,
            "recommended": self.recommended,
            "runner_up": self.runner_up,
            "output": "total_cost of the recommended option",
            "inputs": rows(self.inputs),
            "gap_output": "NPV per effective FTE-month: runner-up minus recommended",
            "gap_inputs": rows(self.gap_inputs),
            "by_year": self.by_year,
            "sobol_samples": self.sobol_samples,
            "notes": self.notes,
        }

    def tornado_chart_data(self) -> list[dict[str, Any]]:
        """Rows for the report's tornado chart (largest swings first)."""
        return [
            {
                "name": i.name,
                "low_input": i.low_input,
                "high_input": i.high_input,
                "output_at_low": i.tornado_low,
                "output_at_high": i.tornado_high,
            }
            for i in self.inputs[:12]
        ]


Outputs = Callable[[dict[str, FloatArray]], dict[str, FloatArray]]


def _years(ev: Model, rec: Alternative) -> int:
    """Plan years in which the option spends at central values (a late team's extra months
    included, the empty rest of the horizon not)."""
    burn = simulate_alternative(ev.scenario, ev.inputs, rec, ev.central).burn[0]
    spent = np.flatnonzero(np.abs(burn) > 1e-9)
    last = int(spent[-1]) + 1 if spent.size else 1
    return max(1, -(-last // 12))


def _model(ev: Model, rec: Alternative, runner: Alternative | None, years: int) -> Outputs:
    """Inputs (name -> (k,)) -> named outputs (k,) for the two options, ``years`` of them
    by plan year."""
    base = ev.central

    def run(values: dict[str, FloatArray]) -> dict[str, FloatArray]:
        k = len(next(iter(values.values())))
        draws: dict[str, DrawVector] = {key: np.broadcast_to(v, (k,)) for key, v in base.items()}
        draws.update(values)
        cube = simulate_alternative(ev.scenario, ev.inputs, rec, draws)
        m = draw_metrics(cube, np.broadcast_to(draws["discount_rate"], (k,)))
        out = {"cost": m.total_cost}
        burn = cube.burn
        for y in range(years):
            out[f"year{y + 1}"] = burn[:, 12 * y : 12 * (y + 1)].sum(axis=1)
        if runner is not None:
            other = simulate_alternative(ev.scenario, ev.inputs, runner, draws)
            mo = draw_metrics(other, np.broadcast_to(draws["discount_rate"], (k,)))
            out["gap"] = unit_cost(mo) - unit_cost(m)
        return out

    return run


def _cached(model: Outputs, name: str) -> Callable[[dict[str, FloatArray]], FloatArray]:
    store: dict[int, dict[str, FloatArray]] = {}

    def func(values: dict[str, FloatArray]) -> FloatArray:
        key = len(next(iter(values.values())))
        if key not in store:
            store.clear()
            store[key] = model(values)
        return store[key][name]

    return func


def _combine(bars: list[TornadoBar], indices: dict[str, SobolIndex]) -> list[InputSensitivity]:
    out = []
    for bar in bars:
        s = indices.get(bar.name)
        out.append(
            InputSensitivity(
                bar.name,
                bar.low_input,
                bar.high_input,
                bar.output_at_low,
                bar.output_at_high,
                s.first if s else None,
                s.total if s else None,
                {"first": s.first_ci, "total": s.total_ci} if s else None,
            )
        )
    return out


def sensitivity(
    ev: Model,
    result: Result,
    *,
    workstream: int = 0,
    n: int = 512,
    seed: int | None = None,
    with_sobol: bool = True,
) -> SensitivityResult:
    """Tornado and Sobol' indices for ``workstream``'s recommended option (see module doc)."""
    if not 0 <= workstream < len(result.workstreams):
        raise ModelError(f"no workstream number {workstream}")
    rows = result.rows_for(workstream)
    ranked = sorted((r for r in rows if r.rank is not None), key=lambda r: r.rank or 0)
    if not ranked:
        raise ModelError("no eligible option to analyse")
    rec = ev.alternatives[ev.index_of(workstream, ranked[0].option)]
    runner = ev.alternatives[ev.index_of(workstream, ranked[1].option)] if len(ranked) > 1 else None
    dists = {
        k: a.distribution for k, a in ev.inputs.assumptions.items() if not is_fixed(a.distribution)
    }
    names = sorted(dists)
    years = _years(ev, rec)
    model = _model(ev, rec, runner, years)
    centrals = {k: float(ev.central[k][0]) for k in names}
    lows = {k: quantile(dists[k], 0.1) for k in names}
    highs = {k: quantile(dists[k], 0.9) for k in names}
    outputs = ["cost", *(["gap"] if runner else [])]
    outputs += [f"year{y + 1}" for y in range(years)]
    bars = {o: tornado(_cached(model, o), centrals, lows, highs) for o in outputs}
    indices: dict[str, dict[str, SobolIndex]] = {o: {} for o in outputs}
    s = ev.scenario.simulation.seed if seed is None else seed
    if with_sobol and names:
        ppfs = {k: partial(ppf, dists[k]) for k in names}
        for o in outputs:
            found = sobol(_cached(model, o), ppfs, n=n, seed=s)
            indices[o] = {i.name: i for i in found}
    notes = []
    if ev.scenario.correlations:
        notes.append(
            "The scenario declares correlations; Sobol' indices assume independent "
            "inputs, so read them as indicative."
        )
    by_year = []
    for y in range(years):
        o = f"year{y + 1}"
        top = _combine(bars[o], indices[o])[:3]
        by_year.append(
            {
                "year": y + 1,
                "top_inputs": [
                    {
                        "name": i.name,
                        "swing": round(i.swing, 2),
                        "sobol_total": None if i.sobol_total is None else round(i.sobol_total, 4),
                    }
                    for i in top
                ],
            }
        )
    return SensitivityResult(
        rec.workstream.name,
        rec.option_name,
        runner.option_name if runner else None,
        _combine(bars["cost"], indices["cost"]),
        _combine(bars["gap"], indices["gap"]) if runner else [],
        by_year,
        notes,
        n if with_sobol else 0,
    )
