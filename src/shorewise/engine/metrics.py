"""Headline figures per draw from an option's monthly results (DESIGN.md §3), written once.

:func:`metric_model` gives them as expressions (the workbook's result cells are the same);
:func:`draw_metrics` evaluates them with numpy on an :class:`OptionCube`:

- ``total_cost``: every cost over the horizon, the months a late team is kept to finish
  included (scenario currency);
- ``npv_cost``: the same discounted at ``discount_rate`` per year, month m weighted
  ``(1 + r) ** (-m / 12)`` counting from the scenario start;
- ``effective_fte_months``: capacity delivered by the due month, in onshore-equivalent
  FTE-months;
- ``cost_per_effective_fte_month``: ``total_cost`` over all the capacity delivered (the
  scope, once finished; inf if nothing is delivered);
- ``months_to_target``: months from the work's start until effective capacity first
  reaches ``TARGET_SHARE`` of the target (inf if never within the work);
- ``finish_months`` (beside them, from the engine's model): months from the work's start
  until the scope is delivered (inf when not within the months a late team is kept), and
  ``delivered_fte_months``, all the capacity delivered.

Example::

    >>> m = draw_metrics(cube, discount_rate)          # doctest: +SKIP
    >>> m.total_cost.shape                                            # doctest: +SKIP
    (10000,)
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from shorewise.engine.expr import (
    MONTH,
    Expr,
    Infinite,
    Sym,
    Value,
    as_expr,
    compare,
    first_month,
    month_sum,
    named,
    total,
    where,
)
from shorewise.engine.expr_compile import Program, compile_program
from shorewise.engine.expr_eval import evaluate
from shorewise.engine.option import OptionCube
from shorewise.engine.params import uniform
from shorewise.engine.types import CATEGORIES, DrawVector, FloatArray

TARGET_SHARE = 0.9
"""Share of the target capacity that counts as 'at target' (judgement)."""

NO_CAPACITY = "no capacity"
NOT_REACHED = "not reached"
METRIC_NAMES = (
    "total_cost",
    "npv_cost",
    "effective_fte_months",
    "cost_per_effective_fte_month",
    "months_to_target",
)


@dataclass(frozen=True)
class DrawMetrics:
    """Per-draw headline figures of one option; every field is ``(draw,)`` unless noted."""

    total_cost: DrawVector
    npv_cost: DrawVector
    effective_fte_months: DrawVector
    cost_per_effective_fte_month: DrawVector
    months_to_target: DrawVector
    category_totals: FloatArray  # (category, draw)
    finish_months: DrawVector  # from the work's start until the scope is done; inf: not kept
    delivered_fte_months: DrawVector  # all the capacity delivered (the scope, once finished)


def discount_factor(discount_rate: Value, plan_month: Value) -> Value:
    """``(1 + r) ** (-m / 12)``: the weight of month ``m`` counted from the scenario start."""
    return (1.0 + discount_rate) ** (-plan_month / 12.0)


def metric_model(
    *,
    burn: Expr,
    effective: Expr,
    totals: Sequence[Value],
    target_fte: Value,
    discount_rate: Value,
    start_month: Value,
    due_months: Value,
) -> dict[str, Expr]:
    """The headline figures (see module doc) from the monthly ``burn`` and ``effective`` FTE
    of the work, the category ``totals``, the target, the discount rate per year and the
    months from the work's start to its due month."""
    discount = named(
        "discount", discount_factor(discount_rate, start_month + MONTH), "discount factor"
    )
    discounted = named("discounted_burn", burn * discount, "discounted cost in the month")
    cost = named("total_cost", total(list(totals)), "total cost")
    by_due = named(
        "effective_by_due",
        where(compare("<", MONTH, due_months), effective, 0.0),
        "effective FTE by the due month",
    )
    delivered = named("effective_fte_months", month_sum(by_due), "FTE-months by the due month")
    done = named("delivered_fte_months", month_sum(effective), "FTE-months delivered")
    at_target = compare(">=", effective, TARGET_SHARE * target_fte - 1e-9)
    per_fte = where(compare(">", done, 0.0), cost / done, Infinite(NO_CAPACITY))
    return {
        "total_cost": cost,
        "npv_cost": named("npv_cost", month_sum(discounted), "net present value"),
        "effective_fte_months": delivered,
        "delivered_fte_months": done,
        "cost_per_effective_fte_month": named(
            "cost_per_effective_fte_month", per_fte, "cost per effective FTE-month"
        ),
        "months_to_target": named(
            "months_to_target",
            first_month(named("at_target", at_target, "at 90 % of target"), NOT_REACHED),
            "months to 90 % of target capacity",
        ),
    }


@functools.cache
def _program() -> Program:
    """The metric model compiled once."""
    model = metric_model(
        burn=Sym("burn", monthly=True),
        effective=Sym("effective", monthly=True),
        totals=[Sym(f"total.{c}") for c in CATEGORIES],
        target_fte=Sym("target_fte"),
        discount_rate=Sym("discount_rate"),
        start_month=Sym("start_month"),
        due_months=Sym("due_months"),
    )
    return compile_program(model)


def draw_metrics(cube: OptionCube, discount_rate: DrawVector) -> DrawMetrics:
    """Headline figures per draw (see module doc); ``discount_rate`` per year, ``(draw,)``."""
    totals = zip(CATEGORIES, cube.category_totals, strict=True)
    bindings: dict[str, Any] = {f"total.{c}": t for c, t in totals}
    bindings.update(
        burn=cube.burn_by_month,
        effective=cube.effective_by_month,
        target_fte=cube.target_fte,
        discount_rate=uniform(np.broadcast_to(discount_rate, (cube.draws,))),
        start_month=cube.timing.start,
        due_months=cube.timing.duration,
    )
    out = _program()(bindings, months=cube.timing.months)
    figures = {k: _per_draw(out[k], cube.draws) for k in (*METRIC_NAMES, "delivered_fte_months")}
    finish = cube.finish_months
    if finish is None:
        finish = np.full(cube.draws, np.inf)
    return DrawMetrics(**figures, category_totals=cube.category_totals, finish_months=finish)


def _per_draw(x: Any, draws: int) -> DrawVector:
    a = np.asarray(x, dtype=np.float64)
    return a if a.shape == (draws,) else np.array(np.broadcast_to(a, (draws,)))


def months_to_target(cube: OptionCube) -> DrawVector:
    """Months from the work's start until effective FTE >= TARGET_SHARE x target."""
    return draw_metrics(cube, np.zeros(cube.draws)).months_to_target


def discount_factors(discount_rate: DrawVector, horizon: int) -> FloatArray:
    """``(draw, month)`` factors ``(1 + r) ** (-m / 12)`` over the horizon."""
    rate = np.asarray(discount_rate, dtype=np.float64)
    factor = as_expr(discount_factor(Sym("r"), MONTH))
    factors = evaluate(factor, {"r": rate}, months=horizon)
    out: FloatArray = np.ascontiguousarray(np.broadcast_to(factors, (horizon, rate.shape[0])).T)
    return out
