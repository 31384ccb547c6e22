"""The time-phased kernel: one option on one workstream, every draw at once.

Given :class:`~shorewise.engine.params.OptionParams` (``(draw,)`` arrays) and the
workstream's timing, it returns paid FTE, effective FTE and cost by category, each
``(draw, month)`` over the scenario horizon. People being hired or learning are paid
before they deliver, so a slow ramp costs money, not only time.

Staffing: ``equal_output`` pays ``target / productivity`` FTE so every option delivers the
same work at full strength; ``equal_headcount`` pays ``target`` FTE. Attrition (annual
rate A, monthly hazard a) leaves seats empty for the vacancy time and costs each
replacement half the learning time: paid x (1 - a V), productive x (1 - a (V + L/2)).

Example::

    >>> cube = simulate_option(params, Timing(start=0, duration=12, horizon=12),
    ...                        target_fte=10.0, equal_output=True)       # doctest: +SKIP
    >>> cube.costs.shape            # (category, draw, month)
    (14, 1, 12)
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from shorewise.engine.curves import headcount_share, hires_share, monthly_rate, productive_share
from shorewise.engine.params import OptionParams
from shorewise.engine.types import CATEGORIES, CategoryCube, DrawVector, FloatArray, MonthCube

_INDEX = {name: i for i, name in enumerate(CATEGORIES)}
REWORK_BUILD_UP_MONTHS = 12.0


@dataclass(frozen=True)
class Timing:
    """When the work runs: months from the scenario start; ``horizon`` months modelled."""

    start: int
    duration: int
    horizon: int


@dataclass(frozen=True)
class OptionCube:
    """Monthly results of one option: ``paid`` and ``effective`` FTE ``(draw, month)``,
    ``costs`` ``(category, draw, month)`` in the scenario currency, and the target FTE."""

    paid: MonthCube
    effective: MonthCube
    costs: CategoryCube
    target_fte: float
    timing: Timing

    @property
    def burn(self) -> MonthCube:
        """Total cost per month, ``(draw, month)``."""
        burn: MonthCube = self.costs.sum(axis=0)
        return burn

    def __add__(self, other: OptionCube) -> OptionCube:
        """Combine the parts of a mix (same workstream, same horizon)."""
        return OptionCube(
            self.paid + other.paid,
            self.effective + other.effective,
            self.costs + other.costs,
            self.target_fte + other.target_fte,
            self.timing,
        )


def _col(x: DrawVector) -> MonthCube:
    return x[:, None]


def simulate_option(
    p: OptionParams, timing: Timing, *, target_fte: float, equal_output: bool
) -> OptionCube:
    """Simulate one option over the horizon; see the module doc for the model."""
    d, start, horizon = timing.duration, timing.start, timing.horizon
    n = p.productivity.shape[0]
    full_paid = (
        target_fte / np.maximum(p.productivity, 1e-6) if equal_output else np.full(n, target_fte)
    )
    a = monthly_rate(p.attrition)
    paid_factor = np.clip(1.0 - a * p.vacancy_months, 0.0, 1.0)
    productive_factor = np.clip(1.0 - a * (p.vacancy_months + 0.5 * p.learn_months), 0.0, 1.0)
    head = headcount_share(d, p.delay_months, p.ramp_months)
    paid = _col(full_paid * paid_factor) * head
    effective = _col(full_paid * p.productivity * productive_factor) * productive_share(
        d, p.delay_months, p.ramp_months, p.learn_months
    )
    months = np.arange(start, start + d, dtype=np.float64)[None, :]
    growth = np.power(1.0 + _col(p.wage_growth), months / 12.0)

    costs = np.zeros((len(CATEGORIES), n, d))
    salary = _col(p.salary_monthly) * growth
    costs[_INDEX["salaries"]] = paid * salary
    costs[_INDEX["on_costs"]] = costs[_INDEX["salaries"]] * _col(p.oncost_rate)
    costs[_INDEX["equipment_office"]] = paid * _col(p.equipment_office_monthly)
    costs[_INDEX["eor_fees"]] = paid * _col(p.eor_fee_monthly)
    costs[_INDEX["entity"]] = np.broadcast_to(_col(p.entity_running_monthly), (n, d)).copy()
    costs[_INDEX["entity"], :, 0] += p.entity_setup_cost
    hires = _col(full_paid) * hires_share(d, p.delay_months, p.ramp_months)
    replacements = paid * _col(a)
    costs[_INDEX["recruiting"]] = (hires + replacements) * _col(p.recruiting_fee) * growth
    costs[_INDEX["release"], :, -1] = paid[:, -1] * p.release_months * salary[:, -1]

    fees = paid * _col(p.vendor_rate_monthly) * growth
    costs[_INDEX["vendor_fees"]] = fees
    annual_contract = full_paid * p.vendor_rate_monthly * min(12, d)
    costs[_INDEX["vendor_selection_transition"], :, 0] = (
        annual_contract * p.selection_transition_rate
    )
    labour = fees + costs[_INDEX["salaries"]] + costs[_INDEX["on_costs"]]
    costs[_INDEX["governance"]] = labour * _col(p.governance_rate)
    costs[_INDEX["change_requests"]] = fees * _col(p.change_request_rate)
    build_up = np.minimum(1.0, (np.arange(d) + 1.0) / REWORK_BUILD_UP_MONTHS)[None, :]
    costs[_INDEX["rework"]] = fees * _col(p.rework_rate) * build_up
    costs[_INDEX["travel"]] = paid * _col(p.travel_monthly * p.offshore_share)
    shortfall = np.maximum(target_fte - effective, 0.0)
    costs[_INDEX["cost_of_delay"]] = shortfall * _col(p.cost_of_delay)

    return OptionCube(
        _place(paid, start, horizon),
        _place(effective, start, horizon),
        _place(costs, start, horizon),
        target_fte,
        timing,
    )


def _place(local: FloatArray, start: int, horizon: int) -> FloatArray:
    """Put a workstream-local ``(..., d)`` array at its start in a ``(..., horizon)`` array."""
    d = local.shape[-1]
    end = min(start + d, horizon)
    out = np.zeros((*local.shape[:-1], horizon))
    out[..., start:end] = local[..., : end - start]
    return out
