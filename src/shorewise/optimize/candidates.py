"""Linear coefficients of every pure option, from the engine at central values.

The engine is linear in an option's share of the capacity except for fixed costs (team
and entity set-up, entity running), so two runs — at the full share and at half — give
the variable and fixed parts exactly: ``fixed = 2 C(1/2) - C(1)``, ``variable = C(1) - fixed``.

Every option keeps its team until its share of the scope is done and the engine prices the
months late (cost of delay), so the NPVs compare the same delivered work; the capacity
short of the target by the due month is kept for the report (``missing_fte_months``).

Example::

    >>> cands = build_candidates(scenario, inputs, central, rows, eligible)  # doctest: +SKIP
    >>> cands[0].option                                               # doctest: +SKIP
    'onshore_inhouse'
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from shorewise.domain.scenario import Scenario
from shorewise.engine.alternatives import Alternative, Component, simulate_component
from shorewise.engine.inputs import ResolvedInputs
from shorewise.engine.metrics import discount_factors
from shorewise.engine.option import OptionCube
from shorewise.engine.types import DrawVector, FloatArray
from shorewise.optimize.solve import Candidate


def _annual(burn: FloatArray, years: int) -> FloatArray:
    return np.array([burn[12 * k : 12 * (k + 1)].sum() for k in range(years)])


def _npv(cube: OptionCube, rate: DrawVector) -> float:
    return float((cube.burn * discount_factors(rate, cube.burn.shape[1])).sum())


def build_candidates(
    scenario: Scenario,
    inputs: ResolvedInputs,
    central: Mapping[str, DrawVector],
    alternatives: Sequence[Alternative],
    eligible: Sequence[bool],
    deadline_month: int | None = None,
) -> list[Candidate]:
    """One candidate per pure alternative (mixes are skipped: the optimiser makes its own)."""
    years = max(1, -(-scenario.horizon // 12))
    rate = np.asarray(central["discount_rate"])
    out = []
    for alt, ok in zip(alternatives, eligible, strict=True):
        if alt.mix is not None:
            continue
        comp = alt.components[0]
        full = simulate_component(scenario, inputs, alt.workstream, comp, central)
        half = simulate_component(
            scenario, inputs, alt.workstream, Component(comp.option, 0.5, comp.route), central
        )
        npv_full, npv_half = _npv(full, rate), _npv(half, rate)
        ws = alt.workstream
        local = full.effective[0, ws.start_month : ws.end_month]
        missing = float(np.maximum(ws.target_fte - local, 0.0).sum())
        fixed_npv = max(0.0, 2 * npv_half - npv_full)
        annual_full, annual_half = _annual(full.burn[0], years), _annual(half.burn[0], years)
        fixed_annual = np.maximum(0.0, 2 * annual_half - annual_full)
        month = (deadline_month or alt.workstream.end_month) - 1
        month = min(max(month, 0), scenario.horizon - 1)
        out.append(
            Candidate(
                workstream=alt.workstream_index,
                option=str(comp.option),
                eligible=ok,
                variable_npv=npv_full - fixed_npv,
                fixed_npv=fixed_npv,
                variable_annual=annual_full - fixed_annual,
                fixed_annual=fixed_annual,
                missing_fte_months=missing,
                effective_at_deadline=float(full.effective[0, month]),
                control=float(central[f"control_{comp.option.strategy.value}"][0]),
                outsourced=comp.option.strategy.outsourced,
                country=comp.option.country,
            )
        )
    return out
