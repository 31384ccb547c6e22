"""The Excel backend of the model's expressions: formula text with classic functions only.

:func:`render` writes an expression (:mod:`shorewise.engine.expr`) as the text of one
cell's formula (without the leading ``=``): ``+ - * / ^`` with the parentheses spreadsheet
precedence needs (unary minus binds tighter than ``^`` there, so negations are always
parenthesised), comparisons, IF, MIN, MAX, AND, EXP, LN, SUM and MATCH. Where a node
lives (an input's defined name, a parameter cell, a monthly column) comes from a
:class:`Places`; the month of the row from :class:`Row`. Operations over months:

- ``month_sum(x)`` -> ``SUM`` of x's column (rows outside the work hold 0);
- ``first_month(c, text)`` -> ``IF(MAX(col)=0,"text",MATCH(1,col,0))`` over c's column of 1/0;
- ``in_month(a, x)`` -> ``IF(t=a,x,0)``; ``settled(o, h, b, v)`` -> ``IF(t-o>=h,v,b)``;
- ``month_delta(f)`` -> this row of f's column minus the previous row (f at edge 0, inline,
  in the first row); f's column holds f at the end of each month (``EDGE = t + 1``).

Example::

    >>> from shorewise.engine.expr import Sym, maximum
    >>> render(maximum(Sym("a") - 1, 0) * -Sym("b"), Places({"a": "x_1", "b": "$C$4"}))
    'MAX(x_1-1,0)*(-$C$4)'
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field

from shorewise.engine.expr import (
    COMPARISONS,
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

_PRECEDENCE = {**dict.fromkeys(COMPARISONS, 1), "+": 2, "-": 2, "*": 3, "/": 3, "^": 4}
_FUNCTIONS = {"min": "MIN", "max": "MAX", "if": "IF", "and": "AND", "exp": "EXP", "ln": "LN"}
_ATOM = 9


class FormulaError(ValueError):
    """An expression the workbook cannot write (a bug in the layout, not in user input)."""


@dataclass
class Places:
    """Where nodes live: ``symbols`` (input name -> reference), ``cells`` (a placed node's
    id -> absolute reference), ``columns`` (a placed monthly node's id -> column letters),
    and the first and last monthly row (1-based) of the sheet."""

    symbols: Mapping[str, str]
    cells: dict[int, str] = field(default_factory=dict)
    columns: dict[int, str] = field(default_factory=dict)
    first_row: int = 0
    last_row: int = 0
    named_inputs: Mapping[str, str] = field(default_factory=dict)  # derived input name -> ref

    def column_range(self, node: Expr) -> str:
        """``$D$20:$D$259``: the monthly rows of ``node``'s column."""
        col = self.columns.get(id(node))
        if col is None:
            raise FormulaError(f"no column for {_describe(node)}")
        return f"${col}${self.first_row}:${col}${self.last_row}"


@dataclass(frozen=True)
class Row:
    """The row a monthly formula is written in: its number (1-based) and the previous one
    (text: a template may hold placeholders), the cell of its month of the work, what
    :data:`~shorewise.engine.expr.EDGE` stands for (None: no edge), whether it is the first
    monthly row."""

    number: str
    previous: str
    month: str
    edge: str | None = None
    first: bool = False


def number(value: float) -> str:
    """A number as formula text (``1E-06``, ``12``); negative ones parenthesised."""
    if not math.isfinite(value):
        raise FormulaError(f"{value} cannot be written in a formula")
    text = repr(float(value)).upper()
    text = text[:-2] if text.endswith(".0") else text
    return f"({text})" if value < 0 else text


def text_literal(value: str) -> str:
    """A text constant: ``"auto"`` (quotes doubled inside)."""
    return '"' + value.replace('"', '""') + '"'


def _describe(node: Expr) -> str:
    return f"{type(node).__name__} {getattr(node, 'name', '')}".strip()


def render(node: Expr, places: Places, row: Row | None = None) -> str:
    """Formula text of ``node`` (no ``=``); ``row`` for monthly formulas (see module doc)."""
    return _render(node, places, row)[0]


def render_own(node: Expr, places: Places, row: Row | None = None) -> str:
    """The formula of the cell that holds ``node`` itself (its expression, not a reference
    to its own cell); a condition becomes 1 or 0."""
    inner = node.expr if isinstance(node, Named) else node
    text = _render(inner, places, row, own=True)[0]
    if isinstance(inner, Op) and (inner.kind in COMPARISONS or inner.kind == "and"):
        return f"IF({text},1,0)"
    return text


def _render(node: Expr, places: Places, row: Row | None, own: bool = False) -> tuple[str, int]:
    """Text and precedence of ``node`` (``own``: its content even where it is placed)."""
    placed = None if own else _placed(node, places, row)
    if placed is not None:
        return placed, _ATOM
    if isinstance(node, Const):
        if isinstance(node.value, str):
            return text_literal(node.value), _ATOM
        return number(node.value), _ATOM
    if isinstance(node, Infinite):
        return text_literal(node.text), _ATOM
    if isinstance(node, Sym):
        if node.name not in places.symbols:
            raise FormulaError(f"no cell for input {node.name!r}")
        return places.symbols[node.name], _ATOM
    if isinstance(node, Month | Edge):
        return _month(node, row), _ATOM
    if isinstance(node, Named):
        return _render(node.expr, places, row)
    if isinstance(node, Op):
        return _op(node, places, row)
    return _month_op(node, places, row), _ATOM


def _placed(node: Expr, places: Places, row: Row | None) -> str | None:
    if isinstance(node, Named) and node.name in places.named_inputs:
        return places.named_inputs[node.name]
    if id(node) in places.cells:
        return places.cells[id(node)]
    col = places.columns.get(id(node))
    if col is None:
        return None
    if row is None:
        raise FormulaError(f"monthly {_describe(node)} used in a per-draw cell")
    if row.edge is not None:
        raise FormulaError(f"monthly {_describe(node)} used at a month edge")
    return f"{col}{row.number}"


def _month(node: Expr, row: Row | None) -> str:
    if row is None:
        raise FormulaError("the month of the work used in a per-draw cell")
    if isinstance(node, Edge):
        if row.edge is None:
            raise FormulaError("a month edge used outside month_delta")
        return row.edge
    return row.month


def _op(node: Op, places: Places, row: Row | None) -> tuple[str, int]:
    args = [_render(a, places, row) for a in node.args]
    if node.kind == "neg":
        return f"(-{_wrap(args[0], _ATOM - 1)})", _ATOM
    if node.kind in _FUNCTIONS:
        return f"{_FUNCTIONS[node.kind]}({','.join(text for text, _ in args)})", _ATOM
    level = _PRECEDENCE[node.kind]
    (left, lp), (right, rp) = args
    left_text = _wrap((left, lp), level if node.kind == "^" else level - 1)
    right_text = _wrap((right, rp), level)
    return f"{left_text}{node.kind}{right_text}", level


def _wrap(arg: tuple[str, int], level: int) -> str:
    """``text`` in parentheses unless it binds tighter than ``level``."""
    text, precedence = arg
    return text if precedence > level else f"({text})"


def _month_op(node: Expr, places: Places, row: Row | None) -> str:
    if isinstance(node, MonthSum):
        return f"SUM({places.column_range(node.expr)})"
    if isinstance(node, FirstMonth):
        span = places.column_range(node.cond)
        return f"IF(MAX({span})=0,{text_literal(node.text)},MATCH(1,{span},0))"
    if row is None:
        raise FormulaError(f"{_describe(node)} used in a per-draw cell")
    if isinstance(node, InMonth):
        at, x = render(node.at, places, row), render(node.expr, places, row)
        return f"IF({row.month}={at},{x},0)"
    if isinstance(node, Settled):
        since = row.month
        if not (isinstance(node.offset, Const) and node.offset.value == 0.0):
            since += "-" + _wrap(_render(node.offset, places, row), 2)
        threshold = render(node.threshold, places, row)
        before = render(node.before, places, row)
        return f"IF({since}>={threshold},{number(node.after)},{before})"
    if isinstance(node, MonthDelta):
        return _delta(node, places, row)
    raise FormulaError(f"cannot write {_describe(node)}")


def _delta(node: MonthDelta, places: Places, row: Row) -> str:
    col = places.columns.get(id(node.f))
    if col is None:
        raise FormulaError(f"no column for the integral of {_describe(node.f)}")
    if not row.first:
        return f"{col}{row.number}-{col}{row.previous}"
    inner = node.f.expr if isinstance(node.f, Named) else node.f
    edge0 = Row(row.number, row.previous, row.month, edge="0")
    start = _wrap(_render(inner, places, edge0), 2)
    return f"{col}{row.number}-{start}"
