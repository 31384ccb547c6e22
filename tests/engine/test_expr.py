"""The expression layer: builders, the reference numpy backend, and the compiled one (equal
to the reference on random expressions, with and without inputs folded as constants)."""

from __future__ import annotations

import random

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shorewise.engine.alternatives import route_rule
from shorewise.engine.expr import (
    EDGE,
    MONTH,
    Const,
    Expr,
    Sym,
    Value,
    as_expr,
    clip,
    compare,
    const_value,
    exp,
    first_month,
    in_month,
    maximum,
    minimum,
    month_delta,
    month_sum,
    named,
    settled,
    where,
)
from shorewise.engine.expr_compile import compile_program
from shorewise.engine.expr_eval import evaluate
from shorewise.engine.model import months_inside

DRAW_INPUTS = ("p", "q", "r")  # per draw, in [0, 3]


def test_builders_fold_numbers_and_drop_neutral_terms() -> None:
    assert months_inside(4, 36, 30) == 26
    assert months_inside(40, 6, 30) == 0
    assert isinstance(months_inside(0, 12, 24), int)
    x = Sym("x")
    assert x + 0 is x
    assert x * 1 is x
    assert x / 1 is x
    assert const_value(x * 0) == 0.0
    assert const_value(where(compare("=", "auto", "eor"), x, 2.0)) == 2.0
    assert const_value(where(compare(">", x, 1), 3.0, 3.0)) == 3.0
    assert const_value(named("cost", 0.0)) == 0.0  # nothing to show
    assert const_value(month_sum(0.0)) == 0.0


def test_reference_backend_on_month_operations() -> None:
    rate = Sym("rate")
    assert evaluate(month_sum(rate * (MONTH + 1)), {"rate": np.array([2.0])}, months=3) == [12.0]
    hit = first_month(compare(">=", MONTH, 2), "never")
    assert evaluate(hit, {}, months=5).tolist() == [3.0]
    assert evaluate(hit, {}, months=2).tolist() == [np.inf]
    once = in_month(Const(1.0), rate)
    assert evaluate(once, {"rate": np.array([5.0])}, months=3).ravel().tolist() == [0, 5, 0]
    ramp = month_delta(clip(EDGE / 2.0, 0.0, 1.0))
    assert evaluate(ramp, {}, months=4).ravel().tolist() == [0.5, 0.5, 0.0, 0.0]
    steady = settled(Const(1.0), Const(1.5), MONTH * 10.0, 7.0)
    assert evaluate(steady, {}, months=4).ravel().tolist() == [0.0, 10.0, 20.0, 7.0]


def _leaf(rng: random.Random, monthly: bool) -> Value:
    choices: list[Value] = [Sym(rng.choice(DRAW_INPUTS)), rng.choice([0.5, 2.0, 3.0])]
    if monthly:
        choices += [MONTH, MONTH + 1.0]
    return rng.choice(choices)


def _expr(rng: random.Random, depth: int, monthly: bool = True) -> Value:
    """A random expression mixing per-draw and monthly parts, always defined."""
    if depth == 0 or rng.random() < 0.15:
        return _leaf(rng, monthly)
    a, b = _expr(rng, depth - 1, monthly), _expr(rng, depth - 1, monthly)
    kind = rng.randrange(12 if monthly else 8)
    simple = {
        0: lambda: a + b,
        1: lambda: a - b,
        2: lambda: a * b,
        3: lambda: a / (1.0 + b * b),
        4: lambda: minimum(a, b),
        5: lambda: maximum(a, b, 0.0),
        6: lambda: where(compare(">=", a, b), a, b),
        7: lambda: exp(clip(a, -3.0, 3.0)),
    }
    if kind in simple:
        return simple[kind]()
    draw = _expr(rng, 1, monthly=False)
    if kind == 8:
        return in_month(rng.choice([0.0, 1.0, 5.0, 40.0]), a) + b * draw
    if kind == 9:
        f = clip((EDGE - maximum(draw, 0.0)) / (1.0 + maximum(draw, 0.0)), 0.0, 1.0)
        return month_delta(f * (1.0 + 0.5 * EDGE)) * a
    if kind == 10:
        offset, threshold = maximum(draw, 0.0), 1.0 + maximum(Sym("q"), 0.0)
        return settled(offset, threshold, a * b, 1.0) * draw
    return a * draw + b * draw + a * b  # shared bases for the linear forms


def _bindings(rng: random.Random, draws: int) -> dict[str, np.ndarray]:
    out = {}
    for name in DRAW_INPUTS:
        if rng.random() < 0.3:
            out[name] = np.full(1, rng.uniform(0, 3))  # the same in every draw
        else:
            out[name] = np.array([rng.uniform(0, 3) for _ in range(draws)])
    return out


@settings(max_examples=150, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), months=st.integers(0, 30), draws=st.integers(1, 6))
def test_compiled_backend_equals_the_reference(seed: int, months: int, draws: int) -> None:
    rng = random.Random(seed)
    monthly = [as_expr(_expr(rng, 4)) for _ in range(3)]
    outputs: dict[str, Expr] = {f"m{i}": e for i, e in enumerate(monthly)}
    outputs.update({f"s{i}": month_sum(e) for i, e in enumerate(monthly)})
    outputs["first"] = first_month(compare(">", monthly[0], 1.5), "never")
    bindings = _bindings(rng, draws)
    program = compile_program(outputs)
    fast = program(bindings, months=months)
    for name, e in outputs.items():
        _same(fast[name], evaluate(e, bindings, months=months))


def _same(got: object, want: object) -> None:
    """Equal to rounding, where a length-1 axis stands for every draw."""
    a, b = np.asarray(got, dtype=np.float64), np.asarray(want, dtype=np.float64)
    shape = np.broadcast_shapes(a.shape, b.shape)
    np.testing.assert_allclose(
        np.broadcast_to(a, shape), np.broadcast_to(b, shape), rtol=1e-11, atol=1e-11
    )


@settings(max_examples=60, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), months=st.integers(1, 24))
def test_inputs_folded_as_constants_give_the_same_numbers(seed: int, months: int) -> None:
    rng = random.Random(seed)
    e = as_expr(_expr(rng, 4))
    bindings = _bindings(rng, 4)
    bindings["r"] = np.zeros(1)
    folded = compile_program({"x": e, "t": month_sum(e)}, constants={"r": 0.0})
    assert "b['r']" not in folded.source
    plain = compile_program({"x": e, "t": month_sum(e)})
    a, b = folded(bindings, months=months), plain(bindings, months=months)
    for k in ("x", "t"):
        _same(a[k], b[k])


def test_a_category_that_cannot_cost_drops_out_of_the_program() -> None:
    """Zero rates fold away: the compiled burn reads only what can cost something."""
    paid, fee, rework = Sym("paid", monthly=True), Sym("fee"), Sym("rework")
    burn = paid * fee + paid * fee * rework * minimum(1.0, (MONTH + 1) / 12)
    program = compile_program({"burn": burn}, constants={"rework": 0.0})
    assert "rework" not in program.source
    assert "np.minimum" not in program.source
    same = compile_program({"burn": burn}, constants={"rework": 0.0})
    assert same.source == program.source  # deterministic


@pytest.mark.parametrize(
    ("setting", "eor", "entity", "chosen"),
    [
        ("auto", (10.0, 9.0), (10.0, 8.0), 1.0),  # entity cheaper per effective FTE-month
        ("auto", (10.0, 8.0), (10.0, 9.0), 0.0),
        ("auto", (10.0, 8.0), (10.0, 8.0), 0.0),  # a tie: employer of record
        ("auto", (0.0, np.inf), (0.0, np.inf), 0.0),  # neither delivers
        ("auto", (0.0, np.inf), (5.0, 9.0), 1.0),  # only the entity delivers
        ("eor", (10.0, 9.0), (10.0, 1.0), 0.0),
        ("entity", (10.0, 1.0), (10.0, 9.0), 1.0),
    ],
)
def test_route_rule(
    setting: str, eor: tuple[float, float], entity: tuple[float, float], chosen: float
) -> None:
    def figures(f: tuple[float, float]) -> dict[str, Value]:
        return {"effective_fte_months": f[0], "cost_per_effective_fte_month": f[1]}

    assert const_value(route_rule(setting, figures(eor), figures(entity))) == chosen
