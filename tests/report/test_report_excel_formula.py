"""The Excel backend writes what the numpy backend computes: spreadsheet precedence,
negation, numbers, texts, and a LibreOffice oracle over a few hundred random expressions."""

from __future__ import annotations

import io
import math
import random
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from tests.report.libreoffice import recalculate

from shorewise.engine.expr import (
    MONTH,
    Expr,
    Sym,
    Value,
    as_expr,
    clip,
    compare,
    exp,
    ln,
    maximum,
    minimum,
    month_sum,
    where,
)
from shorewise.engine.expr_eval import evaluate
from shorewise.report.excel_formula import FormulaError, Places, Row, number, render, render_own

A, B, C = Sym("a"), Sym("b"), Sym("c")
PLACES = Places({"a": "a_", "b": "b_", "c": "$C$3", "route": "offshore_route"})


@pytest.mark.parametrize(
    ("expr", "text"),
    [
        (A + B * C, "a_+b_*$C$3"),
        ((A + B) * C, "(a_+b_)*$C$3"),
        (A - (B - C), "a_-(b_-$C$3)"),
        (A - B + C, "a_-b_+$C$3"),
        (A / (B * C), "a_/(b_*$C$3)"),
        (A / B * C, "a_/b_*$C$3"),
        (-A, "(-a_)"),
        ((-A) ** 2, "(-a_)^2"),  # spreadsheets: -a^2 is (-a)^2, so negations get parentheses
        (-(A**2), "(-(a_^2))"),
        ((A**B) ** C, "(a_^b_)^$C$3"),
        (A ** (B**C), "a_^(b_^$C$3)"),
        (A * -0.5, "a_*(-0.5)"),
        (A * 1e-06, "a_*1E-06"),
        (A * 12.0, "a_*12"),
        (clip(A, 0, 1), "MIN(MAX(a_,0),1)"),
        (exp(ln(1 + A)), "EXP(LN(1+a_))"),
        (where(compare(">=", A, B), A, 0.0), "IF(a_>=b_,a_,0)"),
        (where(compare("=", Sym("route"), "eor"), 1.0, A), 'IF(offshore_route="eor",1,a_)'),
    ],
)
def test_precedence_and_literals(expr: Any, text: str) -> None:
    assert render(as_expr(expr), PLACES) == text


def test_a_condition_in_its_own_cell_is_one_or_zero() -> None:
    assert render_own(as_expr(compare("<", A, B)), PLACES) == "IF(a_<b_,1,0)"


def test_what_cannot_be_written_is_refused() -> None:
    with pytest.raises(FormulaError):
        number(math.inf)
    with pytest.raises(FormulaError, match="input 'zz'"):
        render(as_expr(Sym("zz") + 1), PLACES)
    with pytest.raises(FormulaError, match="per-draw cell"):
        render(as_expr(A + MONTH), PLACES)
    with pytest.raises(FormulaError, match="no column"):
        render(month_sum(A * MONTH), PLACES)
    monthly = as_expr(A * MONTH)
    places = Places(PLACES.symbols, columns={id(monthly): "F"}, first_row=10, last_row=249)
    assert render(month_sum(monthly), places) == "SUM($F$10:$F$249)"
    assert render(monthly, places, Row("12", "11", "$B12")) == "F12"


def _random_expr(rng: random.Random, depth: int) -> Value:
    """An expression over a, b, c (each in [0.5, 3]) whose value is always defined."""
    if depth == 0 or rng.random() < 0.2:
        return rng.choice([A, B, C, rng.choice([0.5, 2.0, 1e-3, 12.0, 0.25, 3.5])])
    x, y = _random_expr(rng, depth - 1), _random_expr(rng, depth - 1)
    pick = rng.randrange(11)
    if pick == 0:
        return x + y
    if pick == 1:
        return x - y
    if pick == 2:
        return x * y
    if pick == 3:
        return x / (1.0 + y * y)
    if pick == 4:
        return (1.0 + minimum(maximum(x, -3.0), 3.0) ** 2) ** minimum(maximum(y, -2.0), 2.0)
    if pick == 5:
        return minimum(x, y)
    if pick == 6:
        return maximum(x, y, 0.5)
    if pick == 7:
        op = rng.choice(["<", "<=", ">", ">=", "=", "<>"])
        return where(compare(op, x, y), x, y)
    if pick == 8:
        return 0.0 - x
    if pick == 9:
        return ln(1.0 + x * x)
    return exp(clip(x, -5.0, 5.0))


@pytest.mark.libreoffice
def test_libreoffice_computes_what_numpy_computes(tmp_path: Path) -> None:
    """Outside oracle: 300 random expressions written by the Excel backend and recalculated by
    LibreOffice equal the numpy backend's values."""
    import xlsxwriter

    rng = random.Random(20240601)
    values = {"a": 1.7, "b": 0.55, "c": 2.9}
    exprs: list[Expr] = [as_expr(_random_expr(rng, 4)) for _ in range(300)]
    exprs = [e for e in exprs if not isinstance(evaluate(e, values, months=0), str)]
    buffer = io.BytesIO()
    wb = xlsxwriter.Workbook(buffer, {"in_memory": True})
    ws = wb.add_worksheet("S")
    places = Places({k: f"{k}_" for k in values})
    for row, (name, value) in enumerate(values.items()):
        ws.write_number(row, 0, value)
        wb.define_name(f"{name}_", f"=S!$A${row + 1}")
    for row, e in enumerate(exprs):
        ws.write_formula(row, 1, f"={render(e, places)}", None, 0)
    wb.close()
    path = tmp_path / "random.xlsx"
    path.write_bytes(buffer.getvalue())
    reads = [{"sheet": "S", "cell": f"B{row + 1}"} for row in range(len(exprs))]
    result = recalculate([{"path": str(path), "read": reads, "scan": True}])[0]
    assert result["errors"] == []
    for e, got in zip(exprs, result["values"], strict=True):
        want = float(np.ravel(evaluate(e, values, months=0))[0])
        assert got == pytest.approx(want, rel=1e-11, abs=1e-12), render(e, places)
