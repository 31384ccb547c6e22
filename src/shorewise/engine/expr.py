"""A small expression language the cost model is written in, once, for two backends.

The model (:mod:`shorewise.engine.params`, :mod:`shorewise.engine.option`,
:mod:`shorewise.engine.metrics`) builds trees of these nodes; numpy evaluates them on
``(draw,)`` and ``(month, draw)`` arrays (:mod:`shorewise.engine.expr_eval`,
:mod:`shorewise.engine.expr_compile`) and the workbook renders them as spreadsheet formulas
(:mod:`shorewise.report.excel_formula`). Operations: constants, named inputs (:class:`Sym`),
``+ - * / ^``, MIN, MAX, IF with comparisons, AND, EXP, LN, and a few over the months of
the work: :func:`month_sum`, :func:`first_month`, :func:`in_month`, :func:`settled`,
:func:`month_delta`, with :data:`MONTH` the month of the work (0 first) and :data:`EDGE`
the month boundary inside :func:`month_delta`.

Builders fold constants, and on plain numbers they return plain numbers, so one formula
serves scalars too::

    >>> maximum(0, minimum(4 + 36, 30) - 4)
    26
    >>> x = Sym("pay") * 1.5 + 0
    >>> x.kind, [type(a).__name__ for a in x.args]
    ('*', ['Sym', 'Const'])
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Union

Number = float | int
Value = Union["Expr", float, int]
Operand = Union["Expr", float, int, str]  # a value or a text setting (``"auto"``)

COMPARISONS = {"<", "<=", ">", ">=", "=", "<>"}


class Expr:
    """A node of the model; combine with ``+ - * / **`` and the functions below."""

    __slots__ = ()

    def __add__(self, other: Value) -> Expr:
        return _expr(add(self, other))

    def __radd__(self, other: Value) -> Expr:
        return _expr(add(other, self))

    def __sub__(self, other: Value) -> Expr:
        return _expr(sub(self, other))

    def __rsub__(self, other: Value) -> Expr:
        return _expr(sub(other, self))

    def __mul__(self, other: Value) -> Expr:
        return _expr(mul(self, other))

    def __rmul__(self, other: Value) -> Expr:
        return _expr(mul(other, self))

    def __truediv__(self, other: Value) -> Expr:
        return _expr(div(self, other))

    def __rtruediv__(self, other: Value) -> Expr:
        return _expr(div(other, self))

    def __pow__(self, other: Value) -> Expr:
        return _expr(power(self, other))

    def __rpow__(self, other: Value) -> Expr:
        return _expr(power(other, self))

    def __neg__(self) -> Expr:
        return _expr(sub(0, self))

    def children(self) -> tuple[Expr, ...]:
        """The nodes this one is computed from."""
        return ()


@dataclass(frozen=True, eq=False, slots=True)
class Const(Expr):
    """A number, or a text (a setting such as ``"auto"``)."""

    value: float | str


@dataclass(frozen=True, eq=False, slots=True)
class Sym(Expr):
    """A named input, bound by the backend: an array, a number, a spreadsheet cell.
    ``monthly``: one value per month of the work (e.g. the burn handed to the metrics)."""

    name: str
    monthly: bool = False


@dataclass(frozen=True, eq=False, slots=True)
class Month(Expr):
    """The month of the work, 0 for its first month (:data:`MONTH`)."""


@dataclass(frozen=True, eq=False, slots=True)
class Edge(Expr):
    """A month boundary, 0 at the start of the work; only inside :func:`month_delta`."""


MONTH = Month()
EDGE = Edge()


@dataclass(frozen=True, eq=False, slots=True)
class Infinite(Expr):
    """+infinity: 'never' or 'no capacity'; the spreadsheet shows ``text`` instead."""

    text: str


@dataclass(frozen=True, eq=False, slots=True)
class Op(Expr):
    """An operation: ``+ - * / ^``, a comparison, or min, max, if, and, exp, ln, neg."""

    kind: str
    args: tuple[Expr, ...]

    def children(self) -> tuple[Expr, ...]:
        return self.args


@dataclass(frozen=True, eq=False, slots=True)
class Named(Expr):
    """A quantity with a name: a cell or a column in the workbook, transparent to numpy."""

    name: str
    expr: Expr
    label: str = ""

    def children(self) -> tuple[Expr, ...]:
        return (self.expr,)


@dataclass(frozen=True, eq=False, slots=True)
class MonthSum(Expr):
    """The sum of a monthly quantity over the months of the work (0 outside them)."""

    expr: Expr

    def children(self) -> tuple[Expr, ...]:
        return (self.expr,)


@dataclass(frozen=True, eq=False, slots=True)
class FirstMonth(Expr):
    """1 + the first month in which ``cond`` holds; +infinity (``text``) if none does."""

    cond: Expr
    text: str

    def children(self) -> tuple[Expr, ...]:
        return (self.cond,)


@dataclass(frozen=True, eq=False, slots=True)
class InMonth(Expr):
    """``expr`` in month ``at`` of the work only (the same month for every draw), else 0."""

    at: Expr
    expr: Expr

    def children(self) -> tuple[Expr, ...]:
        return (self.at, self.expr)


@dataclass(frozen=True, eq=False, slots=True)
class Settled(Expr):
    """``after`` from the first month with ``MONTH - offset >= threshold``, else ``before``.

    A quantity that reaches a steady value (a team fully hired): numpy computes
    ``before`` only for the months until the last draw settles."""

    offset: Expr
    threshold: Expr
    before: Expr
    after: float

    def children(self) -> tuple[Expr, ...]:
        return (self.offset, self.threshold, self.before)


@dataclass(frozen=True, eq=False, slots=True)
class MonthDelta(Expr):
    """``f(EDGE = t + 1) - f(EDGE = t)`` in month ``t``: the change of an integral over the
    month, so month averages of continuous curves are exact."""

    f: Expr

    def children(self) -> tuple[Expr, ...]:
        return (self.f,)


def _expr(x: Operand) -> Expr:
    if isinstance(x, Expr):
        return x
    return Const(x if isinstance(x, str) else float(x))


def const_value(x: Operand) -> float | str | None:
    """The value of a constant (a number or a :class:`Const`), else None."""
    if isinstance(x, Const):
        return x.value
    if isinstance(x, int | float):
        return float(x)
    return x if isinstance(x, str) else None


def _is(x: Operand, number: float) -> bool:
    v = const_value(x)
    return isinstance(v, float) and v == number


def _fold(kind: str, args: Sequence[Operand]) -> Value | None:
    """The constant result of ``kind`` on constant ``args`` (None when not all constant)."""
    values = [const_value(a) for a in args]
    if any(v is None for v in values):
        return None
    from shorewise.engine.expr_eval import apply_scalar

    result = apply_scalar(kind, values)
    plain = all(isinstance(a, int | float) for a in args)
    if plain and isinstance(result, float):
        return int(result) if result.is_integer() and _all_int(args) else result
    return Const(result)


def _all_int(args: Sequence[Operand]) -> bool:
    return all(isinstance(a, int) and not isinstance(a, bool) for a in args)


def op(kind: str, *args: Operand) -> Value:
    """``kind`` applied to ``args``, folded when every argument is a constant."""
    folded = _fold(kind, args)
    if folded is not None:
        return folded
    return Op(kind, tuple(_expr(a) for a in args))


def add(a: Value, b: Value) -> Value:
    """``a + b`` (adding 0 is dropped)."""
    if _is(b, 0.0) and not isinstance(a, int | float):
        return a
    if _is(a, 0.0) and not isinstance(b, int | float):
        return b
    return op("+", a, b)


def sub(a: Value, b: Value) -> Value:
    """``a - b``; ``0 - b`` is a negation."""
    if _is(b, 0.0) and not isinstance(a, int | float):
        return a
    if _is(a, 0.0) and isinstance(b, Expr) and const_value(b) is None:
        return Op("neg", (b,))
    return op("-", a, b)


def mul(a: Value, b: Value) -> Value:
    """``a * b``; a factor 1 is dropped, a factor 0 gives 0."""
    if isinstance(a, int | float) and isinstance(b, int | float):
        return op("*", a, b)
    if _is(a, 0.0) or _is(b, 0.0):
        return Const(0.0)
    if _is(b, 1.0) and not isinstance(a, int | float):
        return a
    if _is(a, 1.0) and not isinstance(b, int | float):
        return b
    return op("*", a, b)


def div(a: Value, b: Value) -> Value:
    """``a / b``; dividing by 1 is dropped."""
    if _is(b, 1.0) and not isinstance(a, int | float):
        return a
    return op("/", a, b)


def power(a: Value, b: Value) -> Value:
    """``a ^ b``."""
    return op("^", a, b)


def minimum(*args: Value) -> Value:
    """The smallest of ``args`` (MIN)."""
    return _chain("min", args)


def maximum(*args: Value) -> Value:
    """The largest of ``args`` (MAX)."""
    return _chain("max", args)


def _chain(kind: str, args: Sequence[Value]) -> Value:
    out = args[0]
    for a in args[1:]:
        out = op(kind, out, a)
    return out


def clip(x: Value, low: Value, high: Value) -> Value:
    """``x`` limited to ``[low, high]``: MIN(MAX(x, low), high)."""
    return minimum(maximum(x, low), high)


def where(cond: Operand, then: Value, otherwise: Value) -> Value:
    """IF(cond, then, otherwise)."""
    folded = const_value(cond)
    if folded is not None:
        return then if folded else otherwise
    same = const_value(then)
    if same is not None and same == const_value(otherwise):
        return then
    return Op("if", (_expr(cond), _expr(then), _expr(otherwise)))


def compare(kind: str, a: Operand, b: Operand) -> Value:
    """A comparison, ``kind`` one of ``< <= > >= = <>``; true is 1 (numpy: a boolean)."""
    if kind not in COMPARISONS:
        raise ValueError(f"unknown comparison {kind!r}")
    return op(kind, a, b)


def exp(x: Value) -> Value:
    """EXP(x)."""
    return op("exp", x)


def ln(x: Value) -> Value:
    """LN(x), the natural logarithm."""
    return op("ln", x)


def named(name: str, x: Value, label: str = "") -> Expr:
    """``x`` under a name (a cell or column in the workbook); ``label`` says it in words.
    A constant 0 stays unnamed (nothing to show: an option without that cost)."""
    if _is(x, 0.0):
        return Const(0.0)
    return Named(name, _expr(x), label)


def month_sum(x: Value) -> Expr:
    """The sum over the months of the work of ``x`` (a monthly or per-draw quantity)."""
    if _is(x, 0.0):
        return Const(0.0)
    return MonthSum(_expr(x))


def first_month(cond: Value, text: str) -> Expr:
    """1 + the first month of the work in which ``cond`` holds, else +infinity (``text``)."""
    return FirstMonth(_expr(cond), text)


def in_month(at: Value, x: Value) -> Value:
    """``x`` in month ``at`` of the work only, 0 in the others."""
    if _is(x, 0.0):
        return Const(0.0)
    return InMonth(_expr(at), _expr(x))


def settled(offset: Value, threshold: Value, before: Value, after: float) -> Expr:
    """``after`` once ``MONTH - offset >= threshold``, ``before`` until then."""
    return Settled(_expr(offset), _expr(threshold), _expr(before), after)


def month_delta(f: Value) -> Expr:
    """The change of ``f`` (a function of :data:`EDGE`) over each month."""
    return MonthDelta(_expr(f))


def total(terms: Sequence[Value]) -> Value:
    """The sum of ``terms``, left to right."""
    out: Value = 0.0
    for t in terms:
        out = add(out, t)
    return out


def as_expr(x: Value) -> Expr:
    """``x`` as a node (a number becomes a :class:`Const`)."""
    return _expr(x)


def walk(roots: Sequence[Expr]) -> Iterator[Expr]:
    """Every node reachable from ``roots``, each once, dependencies first."""
    seen: set[int] = set()
    stack: list[tuple[Expr, bool]] = [(r, False) for r in reversed(roots)]
    while stack:
        node, expanded = stack.pop()
        if expanded:
            yield node
            continue
        if id(node) in seen:
            continue
        seen.add(id(node))
        stack.append((node, True))
        stack.extend((c, False) for c in reversed(node.children()) if id(c) not in seen)
