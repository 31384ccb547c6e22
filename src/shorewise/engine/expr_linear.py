"""Rewrites that let numpy evaluate the model fast, without changing what it computes.

- :func:`specialise` replaces inputs known to be constant (a rate that is 0 in every draw,
  the staffing rule) by constants and folds what follows: a category that cannot cost
  anything disappears from the program.
- :func:`linear_form` writes a monthly quantity as ``Σ coefficient x basis`` where each
  coefficient is per draw and each basis a product of monthly factors (``paid x growth``).
  Terms with the same basis are added before multiplying, so the month's burn of fourteen
  categories costs a few multiplications, and a sum over months pulls the coefficients out
  (``Σ_t c·b_t = c·Σ_t b_t``). A term may sit in one month only (``in_month``).

Example::

    >>> from shorewise.engine.expr import MONTH, Sym
    >>> a, b = Sym("a"), Sym("b")
    >>> terms = linear_form(a * MONTH + b * MONTH, Order([a * MONTH + b * MONTH]))
    >>> len(terms), terms[0].basis == (MONTH,)
    (1, True)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from shorewise.engine.expr import (
    Const,
    Expr,
    FirstMonth,
    InMonth,
    MonthDelta,
    MonthSum,
    Named,
    Op,
    Settled,
    Sym,
    Value,
    add,
    as_expr,
    const_value,
    div,
    in_month,
    mul,
    op,
    settled,
    sub,
    walk,
    where,
)
from shorewise.engine.expr_eval import depends_on_months


def _rebuild_op(kind: str, args: Sequence[Value]) -> Value:
    if kind == "if":
        return where(*args)
    builders = {"+": add, "-": sub, "*": mul, "/": div}
    if kind in builders:
        return builders[kind](args[0], args[1])
    if kind == "neg":
        return sub(0.0, args[0])
    return op(kind, *args)


def specialise(roots: Sequence[Expr], constants: Mapping[str, float | str]) -> list[Expr]:
    """``roots`` with every :class:`Sym` named in ``constants`` replaced and folded;
    names (:class:`Named`) are dropped (numpy does not need them)."""
    memo: dict[int, Expr] = {}
    monthly: dict[int, bool] = {}
    for node in walk(list(roots)):
        memo[id(node)] = as_expr(_specialise_one(node, memo, constants, monthly))
    return [memo[id(r)] for r in roots]


def _specialise_one(
    node: Expr,
    memo: dict[int, Expr],
    constants: Mapping[str, float | str],
    monthly: dict[int, bool],
) -> Value:
    kids = [memo[id(c)] for c in node.children()]
    if isinstance(node, Sym):
        return Const(constants[node.name]) if node.name in constants else node
    if isinstance(node, Named):
        return kids[0]
    if all(k is c for k, c in zip(kids, node.children(), strict=True)):
        return node
    if isinstance(node, Op):
        return _rebuild_op(node.kind, kids)
    if isinstance(node, MonthSum):
        return Const(0.0) if const_value(kids[0]) == 0.0 else MonthSum(kids[0])
    if isinstance(node, FirstMonth):
        return FirstMonth(kids[0], node.text)
    if isinstance(node, InMonth):
        return in_month(kids[0], kids[1])
    if isinstance(node, Settled):
        if const_value(kids[2]) == node.after:
            return Const(node.after)
        return settled(kids[0], kids[1], kids[2], node.after)
    if isinstance(node, MonthDelta):
        return MonthDelta(kids[0]) if depends_on_months(kids[0], monthly) else Const(0.0)
    return node


@dataclass(frozen=True)
class Term:
    """``coef x Π basis`` in every month, or in month ``pulse`` only.

    ``coef`` is per draw; ``basis`` monthly factors in a fixed order (empty: ``coef``
    itself every month)."""

    coef: Expr
    basis: tuple[Expr, ...]
    pulse: Expr | None = None

    def key(self) -> tuple[tuple[int, ...], object]:
        """What terms that can be added before multiplying share."""
        pulse: object = None
        if self.pulse is not None:
            value = const_value(self.pulse)
            pulse = ("month", value) if value is not None else ("node", id(self.pulse))
        return tuple(id(b) for b in self.basis), pulse


class Order:
    """A fixed order of the nodes under ``roots`` (so products are formed the same way in
    every run), and which of them are monthly."""

    def __init__(self, roots: Sequence[Expr]) -> None:
        self.rank = {id(n): i for i, n in enumerate(walk(list(roots)))}
        self._monthly: dict[int, bool] = {}
        self._linear: dict[int, list[Term]] = {}
        self._alive: list[Expr] = list(roots)  # memo keys are ids: keep their nodes

    def keep(self, node: Expr) -> Expr:
        """``node``, kept alive as long as this order (so its id is not reused)."""
        self._alive.append(node)
        return node

    def monthly(self, node: Expr) -> bool:
        """True when ``node`` has a value per month."""
        if id(node) not in self._monthly:
            self._alive.append(node)
        return depends_on_months(node, self._monthly)

    def sort(self, basis: Sequence[Expr]) -> tuple[Expr, ...]:
        """``basis`` in the fixed order."""
        return tuple(sorted(basis, key=lambda b: self.rank.get(id(b), -1)))


def _scale(terms: list[Term], factor: Expr, divide: bool = False) -> list[Term]:
    out = []
    for t in terms:
        coef = div(t.coef, factor) if divide else mul(t.coef, factor)
        out.append(Term(as_expr(coef), t.basis, t.pulse))
    return out


def _scalable(terms: list[Term]) -> bool:
    """Whether scaling ``terms`` term by term costs no more than scaling their sum: one
    term, or no per-draw term (``(start + MONTH) x c`` is cheaper whole)."""
    return len(terms) == 1 or all(t.basis or t.pulse is not None for t in terms)


def _negate(terms: list[Term]) -> list[Term]:
    return [Term(as_expr(sub(0.0, t.coef)), t.basis, t.pulse) for t in terms]


def _product(a: list[Term], b: list[Term], order: Order) -> list[Term] | None:
    """``a x b`` distributed when one side has a single term (else None: kept whole)."""
    if len(a) != 1 and len(b) != 1:
        return None
    single, many = (a[0], b) if len(a) == 1 else (b[0], a)
    out = []
    for t in many:
        if t.pulse is not None and single.pulse is not None:
            return None
        coef = as_expr(mul(t.coef, single.coef))
        pulse = t.pulse if t.pulse is not None else single.pulse
        out.append(Term(coef, order.sort(t.basis + single.basis), pulse))
    return out


def _atom(node: Expr) -> list[Term]:
    return [Term(Const(1.0), (node,))]


def linear_form(node: Expr, order: Order) -> list[Term]:
    """``node`` as terms with distinct (basis, pulse) (see module doc); a per-draw node
    is one term with an empty basis."""
    key = id(node)
    if key not in order._linear:
        order.keep(node)
        order._linear[key] = _group(_linear(node, order))
    return order._linear[key]


def _linear(node: Expr, order: Order) -> list[Term]:
    if not order.monthly(node):
        return [Term(node, ())]
    if isinstance(node, Named):
        return linear_form(node.expr, order)
    if isinstance(node, InMonth):
        inner = linear_form(node.expr, order)
        if any(t.pulse is not None for t in inner):
            return _atom(node)
        return [Term(t.coef, t.basis, node.at) for t in inner]
    if not isinstance(node, Op):
        return _atom(node)
    args = node.args
    if node.kind == "+":
        return linear_form(args[0], order) + linear_form(args[1], order)
    if node.kind == "-":
        return linear_form(args[0], order) + _negate(linear_form(args[1], order))
    if node.kind == "neg":
        return _negate(linear_form(args[0], order))
    if node.kind == "*":
        a, b = args
        if not order.monthly(a) or not order.monthly(b):
            factor, terms = (a, linear_form(b, order)) if not order.monthly(a) else (b, None)
            terms = terms if terms is not None else linear_form(a, order)
            return _scale(terms, factor) if _scalable(terms) else _atom(node)
        product = _product(linear_form(a, order), linear_form(b, order), order)
        return _atom(node) if product is None else product
    if node.kind == "/" and not order.monthly(args[1]):
        terms = linear_form(args[0], order)
        return _scale(terms, args[1], divide=True) if _scalable(terms) else _atom(node)
    return _atom(node)


def _group(terms: list[Term]) -> list[Term]:
    """Terms with the same (basis, pulse) merged by adding their coefficients."""
    merged: dict[tuple[tuple[int, ...], object], Term] = {}
    for t in terms:
        k = t.key()
        if k in merged:
            m = merged[k]
            merged[k] = Term(as_expr(add(m.coef, t.coef)), m.basis, m.pulse)
        else:
            merged[k] = t
    return [t for t in merged.values() if const_value(t.coef) != 0.0]
