"""The cheapest mix of options per workstream, as a mixed-integer linear programme.

For every candidate option *i* (one workstream, one pure option) the engine gives its
cost at full capacity split into a variable part ``v_i`` (scales with the share of the
capacity it takes) and a fixed part ``f_i`` (set-up and entity costs, paid once if the
option is used at all). Variables: share ``x_i`` in [0, 1] and use ``y_i`` in {0, 1}::

    minimise    sum v_i x_i + f_i y_i                      (NPV + priced shortfall)
    subject to  sum_{i in w} x_i = 1                       each workstream fully staffed
                min_share y_i <= x_i <= y_i                a used option takes a real share
                sum_{i in w} control_i x_i >= floor_w      control floor (core work higher)
                x_i <= max_share_per_vendor                for outsourced options
                sum_{i in w, country c} x_i <= max_share_per_country
                sum_i a_ik x_i + b_ik y_i <= budget        every year k (company budget)
                sum_{i in w} e_i x_i >= q T_w              capacity by the deadline month

Solved with ``scipy.optimize.milp`` (HiGHS). A MIP has no duals, so shadow prices come
from the LP with the ``y`` fixed at the optimum (``linprog(method="highs")``).

Example::

    >>> solution = solve(candidates, workstreams, settings)       # doctest: +SKIP
    >>> solution.shares[0]                                            # doctest: +SKIP
    0.8
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from shorewise.engine.types import FloatArray


@dataclass(frozen=True)
class Candidate:
    """One option for one workstream, with its linear cost and capacity coefficients."""

    workstream: int
    option: str
    eligible: bool
    variable_npv: float
    fixed_npv: float
    variable_annual: FloatArray  # (year,) cost in each year at full share, variable part
    fixed_annual: FloatArray  # (year,) fixed part
    effective_at_deadline: float  # effective FTE in the deadline month at full share
    control: float
    outsourced: bool
    country: str | None
    missing_fte_months: float = 0.0  # capacity short of the target over the work, full share


@dataclass(frozen=True)
class WorkstreamLimits:
    """Per workstream: target FTE and the control floor that applies to it."""

    name: str
    target_fte: float
    control_floor: float


@dataclass(frozen=True)
class Limits:
    """Constraints shared by every workstream."""

    max_share_per_vendor: float = 1.0
    max_share_per_country: float = 1.0
    min_share: float = 0.0
    annual_budget: float | None = None
    deadline_capacity_share: float | None = None  # None: no deadline constraint


@dataclass
class Solution:
    """The optimal shares (``None`` when infeasible) and what the constraints cost."""

    feasible: bool
    message: str
    shares: list[float] = field(default_factory=list)
    objective: float | None = None
    shadow_prices: dict[str, float] = field(default_factory=dict)


def _rows(
    candidates: Sequence[Candidate], workstreams: Sequence[WorkstreamLimits], limits: Limits
) -> tuple[list[tuple[str, FloatArray, float, float]], int]:
    """Constraint rows (name, coefficients over [x, y], lower, upper)."""
    n = len(candidates)
    rows: list[tuple[str, FloatArray, float, float]] = []

    def row() -> FloatArray:
        return np.zeros(2 * n)

    for w, ws in enumerate(workstreams):
        members = [i for i, c in enumerate(candidates) if c.workstream == w]
        r = row()
        r[members] = 1.0
        rows.append((f"{ws.name}: fully staffed", r, 1.0, 1.0))
        r = row()
        for i in members:
            r[i] = candidates[i].control
        rows.append((f"{ws.name}: control floor", r, ws.control_floor, np.inf))
        countries = {c for c in (candidates[i].country for i in members) if c is not None}
        for country in sorted(countries):
            r = row()
            for i in members:
                if candidates[i].country == country:
                    r[i] = 1.0
            rows.append(
                (f"{ws.name}: share in {country}", r, -np.inf, limits.max_share_per_country)
            )
        if limits.deadline_capacity_share is not None:
            r = row()
            for i in members:
                r[i] = candidates[i].effective_at_deadline
            rows.append(
                (
                    f"{ws.name}: capacity by the deadline",
                    r,
                    limits.deadline_capacity_share * ws.target_fte,
                    np.inf,
                )
            )
    for i in range(n):
        r = row()
        r[i], r[n + i] = 1.0, -1.0
        rows.append((f"use {i}", r, -np.inf, 0.0))
        if limits.min_share > 0:
            r = row()
            r[i], r[n + i] = 1.0, -limits.min_share
            rows.append((f"min share {i}", r, 0.0, np.inf))
    if limits.annual_budget is not None:
        years = len(candidates[0].variable_annual)
        for k in range(years):
            r = row()
            for i, c in enumerate(candidates):
                r[i], r[n + i] = c.variable_annual[k], c.fixed_annual[k]
            rows.append((f"budget, year {k + 1}", r, -np.inf, limits.annual_budget))
    return rows, n


def solve(
    candidates: Sequence[Candidate], workstreams: Sequence[WorkstreamLimits], limits: Limits
) -> Solution:
    """The cheapest feasible shares (see module doc)."""
    from scipy.optimize import Bounds, LinearConstraint, milp

    rows, n = _rows(candidates, workstreams, limits)
    c = np.concatenate([[k.variable_npv for k in candidates], [k.fixed_npv for k in candidates]])
    upper = np.ones(2 * n)
    for i, k in enumerate(candidates):
        if not k.eligible:
            upper[i] = upper[n + i] = 0.0
        elif k.outsourced:
            upper[i] = min(1.0, limits.max_share_per_vendor)
    a = np.array([r[1] for r in rows])
    lo = np.array([r[2] for r in rows])
    hi = np.array([r[3] for r in rows])
    result = milp(
        c,
        integrality=np.r_[np.zeros(n), np.ones(n)],
        bounds=Bounds(np.zeros(2 * n), upper),
        constraints=LinearConstraint(a, lo, hi),
    )
    if not result.success or result.x is None:
        return Solution(False, str(result.message))
    x = np.clip(result.x[:n], 0.0, 1.0)
    y = np.round(result.x[n:])
    prices = _shadow_prices(c, a, lo, hi, rows, upper, n, y)
    return Solution(True, "optimal", [float(v) for v in x], float(result.fun), prices)


def _shadow_prices(
    c: FloatArray,
    a: FloatArray,
    lo: FloatArray,
    hi: FloatArray,
    rows: list[tuple[str, FloatArray, float, float]],
    upper: FloatArray,
    n: int,
    y: FloatArray,
) -> dict[str, float]:
    """Cost change per unit of each binding named constraint, y fixed (LP duals)."""
    from scipy.optimize import linprog

    fixed = upper.copy()
    fixed[n:] = y
    lower = np.zeros(2 * n)
    lower[n:] = y
    a_ub, b_ub, names_ub, a_eq, b_eq, names_eq = [], [], [], [], [], []
    for name, coef, low, high in rows:
        if name.startswith(("use ", "min share")):
            continue
        if low == high:
            a_eq.append(coef)
            b_eq.append(low)
            names_eq.append(name)
            continue
        if np.isfinite(high):
            a_ub.append(coef)
            b_ub.append(high)
            names_ub.append(name)
        if np.isfinite(low):
            a_ub.append(-coef)
            b_ub.append(-low)
            names_ub.append(name)
    bounds = list(zip(lower, fixed, strict=True))
    res = linprog(
        c,
        A_ub=np.array(a_ub) if a_ub else None,
        b_ub=b_ub or None,
        A_eq=np.array(a_eq) if a_eq else None,
        b_eq=b_eq or None,
        bounds=bounds,
        method="highs",
    )
    prices: dict[str, float] = {}
    if res.status != 0:
        return prices
    for name, value in zip(names_ub, res.ineqlin.marginals, strict=True):
        if abs(value) > 1e-6:
            prices[name] = prices.get(name, 0.0) + float(-value)
    return prices
