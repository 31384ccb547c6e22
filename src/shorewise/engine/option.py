"""The time-phased kernel: one option on one workstream, every draw at once.

Given :class:`~shorewise.engine.params.OptionParams` (``(draw,)`` arrays) and the
workstream's timing, it returns paid FTE, effective FTE and the monthly burn, each
``(draw, month)`` over the months of the work, and the total of each cost category per draw.
People being hired or learning are paid before they deliver, so a slow ramp costs money,
not only time.

Staffing: ``equal_output`` pays ``target / productivity`` FTE so every option delivers the
same work at full strength; ``equal_headcount`` pays ``target`` FTE. Attrition (annual
rate A, monthly hazard a) leaves seats empty for the vacancy time and costs each
replacement half the learning time: paid x (1 - a V), productive x (1 - a (V + L/2)).

Costs per month, with ``G`` the wage growth since the scenario start and ``P`` paid FTE:
salaries ``P·G·pay``, on-costs on them, equipment/office and EOR fees ``P·rate``, entity
running (+ set-up and vendor selection/transition in the first month), recruiting
``(hires + P·a)·fee·G``, release ``P·G·pay·months`` in the last month, vendor fees
``P·G·price`` with governance, change-request and rework (building up over
:data:`REWORK_BUILD_UP_MONTHS`) premiums on them, travel, and the cost of delay on missing
capacity. Only the categories an option has (a non-zero rate in some draw) are computed,
and per-draw totals come from a few sums over months (``Σ P``, ``Σ P·G``, ...); the full
``(category, draw, month)`` cube is built only on request (``keep_categories=True``).

Monthly series are computed ``(month, draw)``: per-draw parameters then broadcast along
contiguous rows, several times faster in numpy than ``(draw, month)``.

Example::

    >>> cube = simulate_option(params, Timing(start=0, duration=12, horizon=12),
    ...                        target_fte=10.0, equal_output=True)       # doctest: +SKIP
    >>> cube.category_totals.shape  # (category, draw)                # doctest: +SKIP
    (14, 1)
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from shorewise.engine.curves import (
    headcount_by_month,
    hires_by_month,
    monthly_rate,
    productive_by_month,
)
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

    @property
    def months(self) -> int:
        """Months of the work inside the horizon (the length of the local series)."""
        return max(0, min(self.start + self.duration, self.horizon) - self.start)


@dataclass(frozen=True)
class OptionCube:
    """Results of one option: monthly series over the months of the work inside the horizon
    (``*_by_month``, stored ``(month, draw)`` — the fast layout for per-draw parameters —
    month 0 = ``timing.start``), cost totals per category ``(category, draw)`` in the
    scenario currency, and the target FTE.

    ``paid``, ``effective``, ``burn`` and ``costs`` give them ``(draw, month)`` over the
    whole horizon; ``costs`` (``(category, draw, month)``) exists only when simulated with
    ``keep_categories=True``.
    """

    paid_by_month: FloatArray
    effective_by_month: FloatArray
    burn_by_month: FloatArray
    category_totals: FloatArray
    target_fte: float
    timing: Timing
    costs_by_month: FloatArray | None = None  # (category, month, draw)

    @property
    def draws(self) -> int:
        """Number of draws."""
        return int(self.paid_by_month.shape[1])

    @property
    def paid(self) -> MonthCube:
        """Paid FTE per month over the horizon, ``(draw, month)``."""
        return _place(self.paid_by_month, self.timing)

    @property
    def effective(self) -> MonthCube:
        """Effective (onshore-equivalent) FTE per month over the horizon, ``(draw, month)``."""
        return _place(self.effective_by_month, self.timing)

    @property
    def burn(self) -> MonthCube:
        """Total cost per month over the horizon, ``(draw, month)``."""
        return _place(self.burn_by_month, self.timing)

    @property
    def costs(self) -> CategoryCube:
        """Cost by category per month over the horizon, ``(category, draw, month)``.

        Raises ``ValueError`` unless the option was simulated with ``keep_categories=True``.
        """
        if self.costs_by_month is None:
            raise ValueError(
                "monthly costs by category were not kept: simulate with keep_categories=True"
            )
        return np.stack([_place(c, self.timing) for c in self.costs_by_month])

    def first(self, draws: int) -> OptionCube:
        """The same results for the first ``draws`` draws only."""
        costs = None if self.costs_by_month is None else self.costs_by_month[:, :, :draws]
        return replace(
            self,
            paid_by_month=self.paid_by_month[:, :draws],
            effective_by_month=self.effective_by_month[:, :draws],
            burn_by_month=self.burn_by_month[:, :draws],
            category_totals=self.category_totals[:, :draws],
            costs_by_month=costs,
        )

    def __add__(self, other: OptionCube) -> OptionCube:
        """Combine the parts of a mix (same workstream, same horizon)."""
        costs = None
        if self.costs_by_month is not None and other.costs_by_month is not None:
            costs = self.costs_by_month + other.costs_by_month
        return OptionCube(
            self.paid_by_month + other.paid_by_month,
            self.effective_by_month + other.effective_by_month,
            self.burn_by_month + other.burn_by_month,
            self.category_totals + other.category_totals,
            self.target_fte + other.target_fte,
            self.timing,
            costs,
        )


def month_sum(x: FloatArray) -> DrawVector:
    """Sum over months, ``(month, draw) -> (draw,)``: month by month, in the same order for
    every draw whatever the number of draws."""
    out: DrawVector = x.sum(axis=0)
    return out


def _active(x: DrawVector) -> bool:
    """True when some draw has a non-zero value (else the category is skipped: all zero)."""
    return bool(np.any(x != 0.0))


@dataclass(frozen=True)
class _Staffing:
    """The monthly series every category is built from, ``(month, draw)`` unless noted."""

    full_paid: DrawVector  # (draw,) paid FTE at full strength
    attrition: DrawVector  # (draw,) monthly leaving hazard
    paid: FloatArray
    effective: FloatArray
    growth: FloatArray  # wage growth factor since the scenario start
    paid_growth: FloatArray  # paid x growth


def _staffing(p: OptionParams, timing: Timing, target_fte: float, equal_output: bool) -> _Staffing:
    d, n = timing.months, p.productivity.shape[0]
    full_paid = (
        target_fte / np.maximum(p.productivity, 1e-6) if equal_output else np.full(n, target_fte)
    )
    a = monthly_rate(p.attrition)
    paid_factor = np.clip(1.0 - a * p.vacancy_months, 0.0, 1.0)
    productive_factor = np.clip(1.0 - a * (p.vacancy_months + 0.5 * p.learn_months), 0.0, 1.0)
    paid = headcount_by_month(d, p.delay_months, p.ramp_months) * (full_paid * paid_factor)
    effective = productive_by_month(d, p.delay_months, p.ramp_months, p.learn_months) * (
        full_paid * p.productivity * productive_factor
    )
    months = np.arange(timing.start, timing.start + d, dtype=np.float64)[:, None]
    growth = np.exp(months * (np.log1p(p.wage_growth) / 12.0))
    return _Staffing(full_paid, a, paid, effective, growth, paid * growth)


def simulate_option(
    p: OptionParams,
    timing: Timing,
    *,
    target_fte: float,
    equal_output: bool,
    keep_categories: bool = False,
) -> OptionCube:
    """Simulate one option over the horizon; see the module doc for the model.

    ``keep_categories=True`` also keeps the monthly cost of every category (``costs``):
    14 times the memory of the burn, meant for a few draws (reports at central values).
    """
    s = _staffing(p, timing, target_fte, equal_output)
    d, n = timing.months, p.productivity.shape[0]
    pay, price = p.salary_monthly, p.vendor_rate_monthly
    totals = np.zeros((len(CATEGORIES), n))
    sum_paid, sum_paid_growth = month_sum(s.paid), month_sum(s.paid_growth)
    per_paid = p.equipment_office_monthly + p.eor_fee_monthly + p.travel_monthly * p.offshore_share
    rate = (pay * (1.0 + p.oncost_rate) + price) * (1.0 + p.governance_rate)
    rate += price * p.change_request_rate + p.recruiting_fee * s.attrition
    burn = s.paid_growth * rate  # every cost proportional to paid x growth
    if _active(per_paid):
        burn += s.paid * per_paid
    totals[_INDEX["salaries"]] = pay * sum_paid_growth
    totals[_INDEX["on_costs"]] = totals[_INDEX["salaries"]] * p.oncost_rate
    totals[_INDEX["equipment_office"]] = p.equipment_office_monthly * sum_paid
    totals[_INDEX["eor_fees"]] = p.eor_fee_monthly * sum_paid
    totals[_INDEX["travel"]] = p.travel_monthly * p.offshore_share * sum_paid
    totals[_INDEX["vendor_fees"]] = price * sum_paid_growth
    labour = totals[_INDEX["vendor_fees"]] + totals[_INDEX["salaries"]] + totals[_INDEX["on_costs"]]
    totals[_INDEX["governance"]] = labour * p.governance_rate
    totals[_INDEX["change_requests"]] = totals[_INDEX["vendor_fees"]] * p.change_request_rate
    if d > 0:  # one-offs in the first month: set-up, vendor selection and transition
        annual_contract = s.full_paid * price * min(12, timing.duration)
        selection = annual_contract * p.selection_transition_rate
        burn[0] += p.entity_setup_cost + selection
        totals[_INDEX["vendor_selection_transition"]] = selection
    totals[_INDEX["entity"]] = p.entity_running_monthly * d + (p.entity_setup_cost if d else 0.0)
    if _active(p.entity_running_monthly):
        burn += p.entity_running_monthly
    hired_growth = None
    if _active(p.recruiting_fee):
        hired_growth = hires_by_month(d, p.delay_months, p.ramp_months) * s.growth
        burn += hired_growth * (p.recruiting_fee * s.full_paid)
        totals[_INDEX["recruiting"]] = p.recruiting_fee * (
            s.full_paid * month_sum(hired_growth) + s.attrition * sum_paid_growth
        )
    release = np.zeros(n)
    if d > 0 and d == timing.duration and _active(p.release_months):  # last month inside
        release = s.paid_growth[-1] * p.release_months * pay
        burn[-1] += release
        totals[_INDEX["release"]] = release
    build_up = np.minimum(1.0, (np.arange(d) + 1.0) / REWORK_BUILD_UP_MONTHS)[:, None]
    if _active(price * p.rework_rate):
        rework_growth = s.paid_growth * build_up
        burn += rework_growth * (price * p.rework_rate)
        totals[_INDEX["rework"]] = price * p.rework_rate * month_sum(rework_growth)
    shortfall = None
    if _active(p.cost_of_delay):
        shortfall = np.maximum(target_fte - s.effective, 0.0)
        burn += shortfall * p.cost_of_delay
        totals[_INDEX["cost_of_delay"]] = p.cost_of_delay * month_sum(shortfall)
    costs = None
    if keep_categories:
        costs = _category_cube(p, s, timing, hired_growth, shortfall, build_up, release)
    return OptionCube(s.paid, s.effective, burn, totals, target_fte, timing, costs)


def _category_cube(
    p: OptionParams,
    s: _Staffing,
    timing: Timing,
    hired_growth: FloatArray | None,
    shortfall: FloatArray | None,
    build_up: FloatArray,
    release: DrawVector,
) -> FloatArray:
    """The monthly cost of every category, ``(category, month, draw)`` (local months)."""
    d, n = timing.months, p.productivity.shape[0]
    costs = np.zeros((len(CATEGORIES), d, n))
    costs[_INDEX["salaries"]] = s.paid_growth * p.salary_monthly
    costs[_INDEX["on_costs"]] = costs[_INDEX["salaries"]] * p.oncost_rate
    costs[_INDEX["equipment_office"]] = s.paid * p.equipment_office_monthly
    costs[_INDEX["eor_fees"]] = s.paid * p.eor_fee_monthly
    costs[_INDEX["entity"]] = p.entity_running_monthly
    if hired_growth is not None:
        costs[_INDEX["recruiting"]] = (
            hired_growth * s.full_paid + s.paid_growth * s.attrition
        ) * p.recruiting_fee
    fees = s.paid_growth * p.vendor_rate_monthly
    costs[_INDEX["vendor_fees"]] = fees
    labour = fees + costs[_INDEX["salaries"]] + costs[_INDEX["on_costs"]]
    costs[_INDEX["governance"]] = labour * p.governance_rate
    costs[_INDEX["change_requests"]] = fees * p.change_request_rate
    costs[_INDEX["rework"]] = fees * p.rework_rate * build_up
    costs[_INDEX["travel"]] = s.paid * (p.travel_monthly * p.offshore_share)
    if shortfall is not None:
        costs[_INDEX["cost_of_delay"]] = shortfall * p.cost_of_delay
    if d > 0:
        costs[_INDEX["entity"], 0] += p.entity_setup_cost
        costs[_INDEX["vendor_selection_transition"], 0] = (
            s.full_paid
            * p.vendor_rate_monthly
            * min(12, timing.duration)
            * p.selection_transition_rate
        )
        costs[_INDEX["release"], -1] = release
    return costs


def _place(by_month: FloatArray, timing: Timing) -> FloatArray:
    """A ``(month, draw)`` series of the work as ``(draw, month)`` over the whole horizon."""
    start, horizon = timing.start, timing.horizon
    d, n = by_month.shape
    out = np.zeros((n, horizon))
    out[:, start : start + d] = by_month.T
    return out
