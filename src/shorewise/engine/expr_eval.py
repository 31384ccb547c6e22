"""The reference numpy backend: every node of an expression computed on full arrays.

Straightforward and slow-ish; it defines what a model expression means in numpy. The
engine runs the compiled backend (:mod:`shorewise.engine.expr_compile`, tested equal to
this one); the workbook takes its stored values from here (one value per cell, every
month of the work computed, as the spreadsheet does).

A per-draw value is a number or a ``(draw,)`` array (length 1 when equal in every draw),
a monthly value a ``(month, draw)`` array; ``months`` is the number of months of the work.

Example::

    >>> import numpy as np
    >>> from shorewise.engine.expr import MONTH, Sym, month_sum
    >>> evaluate(month_sum(Sym("rate") * (MONTH + 1)), {"rate": np.array([2.0])}, months=3)
    array([12.])
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from typing import Any

import numpy as np

from shorewise.engine.expr import (
    Const,
    Edge,
    Expr,
    FirstMonth,
    Infinite,
    InMonth,
    Month,
    MonthDelta,
    MonthSum,
    Named,
    Op,
    Settled,
    Sym,
)

UFUNCS: dict[str, Callable[..., Any]] = {
    "+": np.add,
    "-": np.subtract,
    "*": np.multiply,
    "/": np.divide,
    "^": np.power,
    "neg": np.negative,
    "min": np.minimum,
    "max": np.maximum,
    "exp": np.exp,
    "ln": np.log,
    "<": np.less,
    "<=": np.less_equal,
    ">": np.greater,
    ">=": np.greater_equal,
    "=": np.equal,
    "<>": np.not_equal,
    "and": np.logical_and,
}
"""The numpy function of every operation but ``if``."""


def apply_scalar(kind: str, values: list[float | str | None]) -> float | str:
    """``kind`` on constant ``values`` (numbers, or texts compared with ``=``/``<>``)."""
    if kind == "if":
        chosen = values[1] if values[0] else values[2]
        if chosen is None:
            raise ValueError("if: missing branch")
        return chosen
    if any(isinstance(v, str) for v in values):
        if kind not in {"=", "<>"}:
            raise ValueError(f"{kind!r} is not defined on texts")
        return float((values[0] == values[1]) == (kind == "="))
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        result = UFUNCS[kind](*(np.float64(v) for v in values))
    return float(result)


def depends_on_months(node: Expr, memo: dict[int, bool] | None = None) -> bool:
    """True when ``node`` has a value per month (it uses MONTH, EDGE or a monthly input)."""
    memo = {} if memo is None else memo
    key = id(node)
    if key not in memo:
        if isinstance(node, Month | Edge | InMonth | Settled | MonthDelta):
            memo[key] = True
        elif isinstance(node, Sym):
            memo[key] = node.monthly
        elif isinstance(node, MonthSum | FirstMonth):
            memo[key] = False
        else:
            memo[key] = any(depends_on_months(c, memo) for c in node.children())
    return memo[key]


def at_month_edges(node: Expr, memo: dict[int, bool] | None = None) -> bool:
    """True when ``node`` is a function of :data:`~shorewise.engine.expr.EDGE` (it lives
    inside a :func:`~shorewise.engine.expr.month_delta`)."""
    memo = {} if memo is None else memo
    key = id(node)
    if key not in memo:
        if isinstance(node, Edge):
            memo[key] = True
        elif isinstance(node, MonthDelta | MonthSum | FirstMonth):
            memo[key] = False
        else:
            memo[key] = any(at_month_edges(c, memo) for c in node.children())
    return memo[key]


class Evaluator:
    """Values of nodes for one binding of the inputs, each node computed once."""

    def __init__(self, bindings: Mapping[str, Any], months: int) -> None:
        self.bindings, self.months = bindings, months
        self._monthly: dict[int, bool] = {}
        self._memo: dict[tuple[int, str | None], Any] = {}

    def monthly(self, node: Expr) -> bool:
        """True when ``node`` has a value per month."""
        return depends_on_months(node, self._monthly)

    def value(self, node: Expr, context: str = "month") -> Any:
        """The value of ``node``; ``context`` is ``month`` or ``edge`` (inside MonthDelta)."""
        key = (id(node), context if self.monthly(node) else None)
        if key not in self._memo:
            with np.errstate(divide="ignore", invalid="ignore"):
                self._memo[key] = self._compute(node, context)
        return self._memo[key]

    def _compute(self, node: Expr, ctx: str) -> Any:
        k = self.months
        if isinstance(node, Const):
            return node.value if isinstance(node.value, str) else np.float64(node.value)
        if isinstance(node, Sym):
            v = self.bindings[node.name]
            return v if isinstance(v, str | np.ndarray) else np.float64(v)
        if isinstance(node, Month | Edge):
            expected = "month" if isinstance(node, Month) else "edge"
            if ctx != expected:
                raise ValueError(f"{type(node).__name__} used outside its context ({ctx})")
            return np.arange(k + (ctx == "edge"), dtype=np.float64)[:, None]
        if isinstance(node, Infinite):
            return np.float64(np.inf)
        if isinstance(node, Named):
            return self.value(node.expr, ctx)
        if isinstance(node, Op):
            return self._op(node, ctx)
        if isinstance(node, MonthSum):
            x = self.value(node.expr)
            return _rows(x, k, self.monthly(node.expr)).sum(axis=0)
        if isinstance(node, FirstMonth):
            return first_month(_rows(self.value(node.cond), k, self.monthly(node.cond)))
        if isinstance(node, InMonth):
            return self._in_month(node)
        if isinstance(node, Settled):
            t = np.arange(k, dtype=np.float64)[:, None]
            before = self.value(node.before)
            cond = t - self.value(node.offset) >= self.value(node.threshold)
            return np.where(cond, node.after, _rows(before, k, self.monthly(node.before)))
        if isinstance(node, MonthDelta):
            f = _rows(self.value(node.f, "edge"), k + 1, self.monthly(node.f))
            return f[1:] - f[:-1]
        raise TypeError(f"unknown node {node!r}")

    def _op(self, node: Op, ctx: str) -> Any:
        if node.kind == "if":
            cond = self.value(node.args[0], ctx)
            if np.ndim(cond) == 0:
                return self.value(node.args[1] if cond else node.args[2], ctx)
            return np.where(cond, self.value(node.args[1], ctx), self.value(node.args[2], ctx))
        args = [self.value(a, ctx) for a in node.args]
        if any(isinstance(a, str) for a in args):
            return apply_scalar(node.kind, args)
        return UFUNCS[node.kind](*args)

    def _in_month(self, node: InMonth) -> Any:
        at = self.value(node.at)
        x = self.value(node.expr)
        rows = _rows(x, self.months, self.monthly(node.expr))
        out = np.zeros(rows.shape)
        month = month_index(at, self.months)
        if month is not None:
            out[month] = rows[month]
        return out


def month_index(at: Any, months: int) -> int | None:
    """``at`` as a month of the work when it is a whole month inside it, else None."""
    if np.ndim(at) == 0:
        m = float(at)
    else:
        values = np.unique(np.asarray(at, dtype=np.float64))
        if values.size != 1:
            raise ValueError("in_month needs the same month in every draw")
        m = float(values[0])
    return int(m) if math.isfinite(m) and m.is_integer() and 0 <= m < months else None


def _rows(x: Any, months: int, monthly: bool) -> Any:
    """``x`` as a ``(month, ...)`` array: a per-draw value repeated in every month."""
    if monthly:
        return np.asarray(x)
    a = np.asarray(x, dtype=np.float64)
    return np.broadcast_to(a, (months, *(a.shape or (1,))))


def first_month(cond: Any) -> Any:
    """1 + the first row where ``cond`` holds, per column; +inf where none does."""
    if cond.shape[0] == 0:
        return np.full(cond.shape[1:], np.inf)
    rows = np.arange(1.0, cond.shape[0] + 1.0)[:, None]
    return np.where(cond, rows, np.inf).min(axis=0)


def evaluate(node: Expr, bindings: Mapping[str, Any], *, months: int) -> Any:
    """The value of ``node`` with its inputs bound (see module doc)."""
    return Evaluator(bindings, months).value(node)
