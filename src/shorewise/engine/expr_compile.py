"""The fast numpy backend: model expressions compiled to one straight-line Python function.

:func:`compile_program` specialises the expressions (inputs known constant folded away),
writes monthly quantities as linear forms (:mod:`shorewise.engine.expr_linear`) and
generates numpy code: per-draw values computed once, monthly ones ``(month, draw)``, sums
over months from per-basis column sums, one-month terms added to a single row, and
:func:`~shorewise.engine.expr.settled` quantities computed only for the months until every
draw has settled. The result equals :mod:`shorewise.engine.expr_eval` to rounding.
``Program.source`` shows the generated code.

Example::

    >>> import numpy as np
    >>> from shorewise.engine.expr import MONTH, Sym, month_sum
    >>> rate = Sym("rate")
    >>> program = compile_program({"total": month_sum(rate * (MONTH + 1))})
    >>> program({"rate": np.array([2.0, 3.0])}, months=3)["total"]
    array([12., 18.])
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from shorewise.engine.expr import (
    MONTH,
    Const,
    Edge,
    Expr,
    FirstMonth,
    Infinite,
    InMonth,
    Month,
    MonthDelta,
    MonthSum,
    Op,
    Settled,
    Sym,
    as_expr,
    compare,
    const_value,
    sub,
)
from shorewise.engine.expr_linear import Order, Term, linear_form, specialise
from shorewise.engine.expr_runtime import RUNTIME

_INFIX = {"+": "+", "-": "-", "*": "*", "/": "/", "<": "<", "<=": "<=", ">": ">", ">=": ">="}
_INFIX.update({"=": "==", "<>": "!="})
_CALLS = {"^": "np.power", "min": "np.minimum", "max": "np.maximum", "exp": "np.exp"}
_CALLS.update({"ln": "np.log", "and": "np.logical_and", "if": "np.where", "neg": "np.negative"})


@dataclass
class _Context:
    """A month axis: the work's months (``K``), a settling prefix, or month edges."""

    length: str  # the code that gives its number of rows
    kind: str  # "month" or "edge"
    sliced: bool = False  # monthly inputs are cut to its length
    memo: dict[object, str] = field(default_factory=dict)


class _Generator:
    def __init__(self, order: Order) -> None:
        self.order = order
        self.lines: list[str] = []
        self.free: dict[object, str] = {}
        self.sums: dict[tuple[int, ...], str] = {}
        self.seen: dict[str, str] = {}  # code -> variable: equal code, equal value
        self.root = _Context("K", "month")

    def var(self, code: str, *, fresh: bool = False) -> str:
        """A variable holding ``code``'s value (an earlier one when the code is the same,
        unless ``fresh``: an array this program may change in place)."""
        if not fresh and code in self.seen:
            return self.seen[code]
        name = f"v{len(self.lines)}"
        self.lines.append(f"    {name} = {code}")
        if not fresh:
            self.seen[code] = name
        return name

    def value(self, node: Expr, ctx: _Context) -> str:
        """Code for ``node``'s value in ``ctx`` (a per-draw value is the same everywhere)."""
        if self.order.monthly(node):
            return self.monthly(node, ctx)
        return self.scalar(node)

    # per-draw values -------------------------------------------------------------------
    def scalar(self, node: Expr) -> str:
        if isinstance(node, Const):
            return repr(node.value) if isinstance(node.value, str) else repr(float(node.value))
        if isinstance(node, Infinite):
            return "np.inf"
        key: object = ("sym", node.name) if isinstance(node, Sym) else id(node)
        if key not in self.free:
            self.free[key] = self.var(self._scalar_code(node))
        return self.free[key]

    def _scalar_code(self, node: Expr) -> str:
        if isinstance(node, Sym):
            return f"b[{node.name!r}]"
        if isinstance(node, Op):
            return self._op(node, self.root)
        if isinstance(node, MonthSum):
            return self._sum(node.expr)
        if isinstance(node, FirstMonth):
            return f"_first_month(_monthly_out({self.value(node.cond, self.root)}, K))"
        raise TypeError(f"not a per-draw node: {node!r}")

    def _op(self, node: Op, ctx: _Context) -> str:
        args = [self.value(a, ctx) for a in node.args]
        if node.kind in _INFIX:
            return f"({args[0]} {_INFIX[node.kind]} {args[1]})"
        return f"{_CALLS[node.kind]}({', '.join(args)})"

    # monthly values --------------------------------------------------------------------
    def monthly(self, node: Expr, ctx: _Context) -> str:
        """A sum (``+ - neg``, one-month terms) from its linear form, anything else as it
        is written."""
        key = id(node)
        if key not in ctx.memo:
            is_sum = isinstance(node, Op) and node.kind in {"+", "-", "neg"}
            terms = linear_form(node, self.order) if is_sum or isinstance(node, InMonth) else []
            if terms and not (len(terms) == 1 and terms[0].basis == (node,)):
                ctx.memo[key] = self.linear(terms, ctx)
            else:
                ctx.memo[key] = self.atom(node, ctx)
        return ctx.memo[key]

    def basis(self, basis: tuple[Expr, ...], ctx: _Context) -> str:
        memo_key = ("basis", *(id(b) for b in basis))
        if memo_key not in ctx.memo:
            if len(basis) == 1:
                ctx.memo[memo_key] = self.monthly(basis[0], ctx)
            else:
                head = self.basis(basis[:-1], ctx)
                ctx.memo[memo_key] = self.var(f"{head} * {self.monthly(basis[-1], ctx)}")
        return ctx.memo[memo_key]

    def linear(self, terms: list[Term], ctx: _Context) -> str:
        """Σ coef x basis, terms with the same basis added first; one-month terms last, into
        a fresh array."""
        parts: list[tuple[int, str]] = []
        for t in sorted(terms, key=lambda t: not t.basis):
            if t.pulse is not None:
                continue
            coef, sign = _signed(t.coef)
            b = self.basis(t.basis, ctx) if t.basis else None
            c = None if _is_one(coef) else self.scalar(coef)
            if b is None:
                part = f"_every({c or '1.0'}, {ctx.length})" if not parts else c or "1.0"
            else:
                part = b if c is None else f"{c} * {b}"
            parts.append((sign, part))
        pulses = [t for t in terms if t.pulse is not None]
        acc: str | None = None
        fresh = False  # whether acc is an array of this sum's own (changed in place)
        for sign, part in parts:
            op = "+" if sign > 0 else "-"
            if acc is None:
                acc = part if sign > 0 else f"-({part})"
            elif not fresh:
                acc, fresh = self.var(f"{_as_var(self, acc)} {op} {part}", fresh=True), True
            else:
                helper = "_add_into" if sign > 0 else "_subtract_into"
                acc = self.var(f"{helper}({acc}, {part})", fresh=True)
        if acc is not None and not fresh:
            if pulses and acc.isidentifier():
                acc = self.var(f"np.array({acc}, dtype=np.float64)", fresh=True)
            elif not acc.isidentifier():
                acc = self.var(acc, fresh=bool(pulses))
        for t in pulses:
            basis = "".join(f", {self.monthly(b, ctx)}" for b in t.basis)
            assert t.pulse is not None
            at, factor = self.scalar(t.pulse), self.scalar(t.coef)
            acc = self.var(f"_pulse({acc}, {at}, {ctx.length}, {factor}{basis})", fresh=True)
        return acc if acc is not None else self.var(f"_every(0.0, {ctx.length})")

    def _sum(self, node: Expr) -> str:
        parts = []
        for t in linear_form(node, self.order):
            coef = self.scalar(t.coef)
            if t.pulse is not None:
                basis = "".join(f", {self.monthly(b, self.root)}" for b in t.basis)
                parts.append(f"_pulse_sum({self.scalar(t.pulse)}, K, {coef}{basis})")
            elif not t.basis:
                parts.append(f"{coef} * K")
            else:
                key = tuple(id(b) for b in t.basis)
                if key not in self.sums:
                    self.sums[key] = self.var(f"{self.basis(t.basis, self.root)}.sum(axis=0)")
                parts.append(self.sums[key] if _is_one(t.coef) else f"{coef} * {self.sums[key]}")
        return " + ".join(parts) if parts else "0.0"

    def atom(self, node: Expr, ctx: _Context) -> str:
        if isinstance(node, Month | Edge):
            want = "month" if isinstance(node, Month) else "edge"
            if ctx.kind != want:
                raise ValueError(f"{type(node).__name__} used outside its context")
            return self.var(f"np.arange({ctx.length}, dtype=np.float64)[:, None]")
        if isinstance(node, Sym):
            if ctx.kind == "edge":
                raise ValueError(f"monthly input {node.name!r} used at month edges")
            cut = f"[:{ctx.length}]" if ctx.sliced else ""
            return self.var(f"b[{node.name!r}]{cut}")
        if isinstance(node, Op):
            return self.var(self._op(node, ctx))
        if isinstance(node, Settled):
            return self._settled(node, ctx)
        if isinstance(node, MonthDelta):
            edges = _Context(f"({ctx.length} + 1)", "edge")
            return self.var(f"_delta({self.value(node.f, edges)}, {ctx.length})")
        if isinstance(node, InMonth):  # around a one-month quantity: computed whole
            at, inner = self.scalar(node.at), self.value(node.expr, ctx)
            whole = f"_monthly_out({inner}, {ctx.length})"
            return self.var(f"_pulse(None, {at}, {ctx.length}, 1.0, {whole})")
        raise TypeError(f"not a monthly node: {node!r}")

    def _settled(self, node: Settled, ctx: _Context) -> str:
        offset, threshold = self.scalar(node.offset), self.scalar(node.threshold)
        k = self.var(f"_settle_months({ctx.length}, {offset} + {threshold})")
        inner = _Context(k, "month", sliced=True)
        before = self.value(node.before, inner)
        cond = self.order.keep(as_expr(compare(">=", sub(MONTH, node.offset), node.threshold)))
        c = self.value(cond, inner)
        return self.var(f"_settle({ctx.length}, {k}, {c}, {before}, {node.after!r})")


def _as_var(gen: _Generator, code: str) -> str:
    """``code`` as a variable (a first part that is a product or a negation)."""
    return code if code.isidentifier() else gen.var(code)


def _signed(x: Expr) -> tuple[Expr, int]:
    """``(y, -1)`` for ``x = -y``, else ``(x, 1)``."""
    if isinstance(x, Op) and x.kind == "neg":
        return x.args[0], -1
    v = const_value(x)
    if isinstance(v, float) and v < 0:
        return Const(-v), -1
    return x, 1


def _is_one(x: Expr) -> bool:
    return const_value(x) == 1.0


_NAME = re.compile(r"\bv\d+\b")


def _free_when_done(lines: list[str], keep: str) -> list[str]:
    """``lines`` with each variable deleted after its last use (outputs are kept to the
    end): memory of finished temporaries is reused, which keeps the arrays in cache."""
    last: dict[str, int] = {}
    for i, line in enumerate([*lines, keep]):
        for name in _NAME.findall(line):
            last[name] = i
    out = []
    for i, line in enumerate(lines):
        out.append(line)
        target = line.split(" = ", 1)[0].strip()
        done = sorted(n for n in set(_NAME.findall(line)) if last[n] == i and n != target)
        if done:
            out.append(f"    del {', '.join(done)}")
    return out


@dataclass(frozen=True)
class Program:
    """A compiled model: ``program(bindings, months=K)`` gives every output by name."""

    source: str
    function: Callable[[Mapping[str, Any], int], dict[str, Any]]
    monthly: frozenset[str]

    def __call__(self, bindings: Mapping[str, Any], *, months: int) -> dict[str, Any]:
        """Outputs for ``bindings`` (name -> number or array) over ``months`` months."""
        values = {
            k: np.float64(v) if isinstance(v, float | int) else v for k, v in bindings.items()
        }
        with np.errstate(divide="ignore", invalid="ignore"):
            return self.function(values, months)


def compile_program(
    outputs: Mapping[str, Expr], constants: Mapping[str, float | str] | None = None
) -> Program:
    """Compile ``outputs`` (name -> expression); ``constants``: inputs with a fixed value
    in this program (folded away). A monthly output comes out ``(month, ...)``."""
    names = list(outputs)
    roots = specialise([outputs[n] for n in names], constants or {})
    order = Order(roots)
    gen = _Generator(order)
    results = []
    for name, node in zip(names, roots, strict=True):
        code = gen.value(node, gen.root)
        monthly = order.monthly(outputs[name]) or order.monthly(node)
        results.append(f"{name!r}: " + (f"_monthly_out({code}, K)" if monthly else code))
    returned = f"    return {{{', '.join(results)}}}"
    body = _free_when_done(gen.lines, returned) or ["    pass"]
    source = "\n".join(["def run(b, K):", *body, returned])
    namespace: dict[str, Any] = dict(RUNTIME)
    exec(compile(source, "<shorewise model>", "exec"), namespace)
    monthly_names = frozenset(
        n
        for n, node in zip(names, roots, strict=True)
        if order.monthly(outputs[n]) or order.monthly(node)
    )
    return Program(source, namespace["run"], monthly_names)
