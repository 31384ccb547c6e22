"""One option on one workstream, every draw at once: the monthly model run by numpy.

:func:`simulate_option` evaluates :func:`shorewise.engine.model.component_model` (the model
written once, also the workbook's formulas) on the option's parameters
(:class:`~shorewise.engine.params.OptionParams`, ``(draw,)`` arrays) with the compiled
numpy backend (:mod:`shorewise.engine.expr_compile`). It returns paid FTE, effective FTE
and the monthly burn, each ``(month, draw)`` over the months of the work, and the total of
each cost category per draw; the monthly cost of every category only on request
(``keep_categories=True``). Programs are compiled once per shape: the staffing rule, which
parameters are 0 in every draw (their categories drop out), and whether categories are kept.

Example::

    >>> cube = simulate_option(params, Timing(start=0, duration=12, horizon=12),
    ...                        target_fte=10.0, equal_output=True)       # doctest: +SKIP
    >>> cube.category_totals.shape  # (category, draw)                # doctest: +SKIP
    (14, 1)
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from shorewise.engine.expr import Sym
from shorewise.engine.expr_compile import Program, compile_program
from shorewise.engine.model import (
    REWORK_BUILD_UP_MONTHS,
    SETTINGS,
    component_model,
    months_inside,
)
from shorewise.engine.params import PARAMETER_NAMES, OptionParams
from shorewise.engine.types import CATEGORIES, CategoryCube, FloatArray, MonthCube

__all__ = ["REWORK_BUILD_UP_MONTHS", "OptionCube", "Timing", "simulate_option"]


@dataclass(frozen=True)
class Timing:
    """When the work runs: months from the scenario start; ``duration`` months to the due
    month, a late team kept at most ``window`` months from the start (default: none past
    the due month); ``horizon`` months modelled."""

    start: int
    duration: int
    horizon: int
    window: int | None = None

    @property
    def kept_at_most(self) -> int:
        """Months a team may be kept from the start (``window``, at least ``duration``)."""
        return max(self.duration, self.window or 0)

    @property
    def months(self) -> int:
        """Months a team may be kept inside the horizon (the length of the local series)."""
        months = months_inside(self.start, self.kept_at_most, self.horizon)
        assert isinstance(months, int)
        return months


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
    finish_months: FloatArray | None = None  # (draw,) from the start; inf: not in the window

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
        finish = None if self.finish_months is None else self.finish_months[:draws]
        return replace(
            self,
            finish_months=finish,
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
        finish = None
        if self.finish_months is not None and other.finish_months is not None:
            finish = np.maximum(self.finish_months, other.finish_months)
        return OptionCube(
            self.paid_by_month + other.paid_by_month,
            self.effective_by_month + other.effective_by_month,
            self.burn_by_month + other.burn_by_month,
            self.category_totals + other.category_totals,
            self.target_fte + other.target_fte,
            self.timing,
            costs,
            finish,
        )


_MODEL_PARAMETERS = tuple(n for n in PARAMETER_NAMES if n not in {"discount_rate", "control"})
_DRAW_PARAMETERS = tuple(n for n in _MODEL_PARAMETERS if n != "offshore_share")
_PROGRAMS: dict[tuple[bool, frozenset[str], bool], Program] = {}


def _program(equal_output: bool, zeros: frozenset[str], keep_categories: bool) -> Program:
    """The component model compiled for one staffing rule, with the parameters that are 0 in
    every draw folded away (cached)."""
    key = (equal_output, zeros, keep_categories)
    if key not in _PROGRAMS:
        model = component_model(
            {n: Sym(n) for n in _MODEL_PARAMETERS}, {n: Sym(n) for n in SETTINGS}
        )
        outputs = {
            "paid": model.paid,
            "effective": model.effective,
            "burn": model.burn,
            "finish": model.finish,
        }
        outputs.update({f"total.{c}": model.totals[c] for c in CATEGORIES})
        if keep_categories:
            outputs.update({f"month.{c}": model.categories[c] for c in CATEGORIES})
        constants: dict[str, float | str] = dict.fromkeys(zeros, 0.0)
        constants["equal_output"] = 1.0 if equal_output else 0.0
        _PROGRAMS[key] = compile_program(outputs, constants)
    return _PROGRAMS[key]


def simulate_option(
    p: OptionParams,
    timing: Timing,
    *,
    target_fte: float,
    equal_output: bool,
    keep_categories: bool = False,
) -> OptionCube:
    """Simulate one option over the horizon; see :mod:`shorewise.engine.model` for the model.

    ``keep_categories=True`` also keeps the monthly cost of every category (``costs``):
    14 times the memory of the burn, meant for a few draws (reports at central values).
    """
    values: dict[str, Any] = {"offshore_share": p.offshore_share}
    zeros = set() if p.offshore_share else {"offshore_share"}
    for name in _DRAW_PARAMETERS:
        a = getattr(p, name)
        if a.strides[0] == 0 or a.shape[0] == 1:  # one value for every draw (a view)
            a = a[:1]
            if a[0] == 0:
                zeros.add(name)
        elif a[0] == 0 and not a.any():
            zeros.add(name)
        values[name] = a
    values.update(
        target_fte=target_fte,
        start_month=timing.start,
        duration_months=timing.duration,
        window_months=timing.kept_at_most,
        horizon_months=timing.horizon,
    )
    d, n = timing.months, p.productivity.shape[0]
    out = _program(equal_output, frozenset(zeros), keep_categories)(values, months=d)
    totals = np.empty((len(CATEGORIES), n))
    for i, c in enumerate(CATEGORIES):
        totals[i] = out[f"total.{c}"]
    costs = None
    if keep_categories:
        costs = np.stack([_month_draw(out[f"month.{c}"], d, n) for c in CATEGORIES])
    paid, effective, burn = (_month_draw(out[k], d, n) for k in ("paid", "effective", "burn"))
    finish = np.array(np.broadcast_to(np.asarray(out["finish"], dtype=np.float64), (n,)))
    finish[finish > d + 1e-9] = np.inf  # not done within the months a team may be kept
    return OptionCube(paid, effective, burn, totals, target_fte, timing, costs, finish)


def _month_draw(x: Any, months: int, draws: int) -> FloatArray:
    """``x`` as a writable ``(month, draw)`` array."""
    a = np.asarray(x, dtype=np.float64)
    if a.shape != (months, draws) or not a.flags.writeable:
        a = np.array(np.broadcast_to(a, (months, draws)))
    return a


def _place(by_month: FloatArray, timing: Timing) -> FloatArray:
    """A ``(month, draw)`` series of the work as ``(draw, month)`` over the whole horizon."""
    start, horizon = timing.start, timing.horizon
    d, n = by_month.shape
    out = np.zeros((n, horizon))
    out[:, start : start + d] = by_month.T
    return out
