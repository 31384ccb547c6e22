"""The workbook: live formulas over named inputs that recompute to the engine's numbers."""

from __future__ import annotations

import functools
import io
import math
import re
from typing import Any

import pytest
import yaml
from openpyxl import load_workbook
from tests.report.conftest import comparison, deterministic, rendered

from shorewise.io.scenario_file import scenario_from_text
from shorewise.report.xlformula import Book, column_index
from shorewise.workflows.evaluate import evaluate
from shorewise.workflows.examples import example_path

CLASSIC = {"SUM", "SUMPRODUCT", "MIN", "MAX", "IF", "AND", "INDEX", "MATCH"}
CENT = 0.005


@functools.cache
def _workbooks(name: str) -> tuple[Any, Any]:
    data = rendered(name, "xlsx")
    return load_workbook(io.BytesIO(data), data_only=True), load_workbook(io.BytesIO(data))


def _book(wb: Any) -> Book:
    """The workbook's cells and names, for the formula evaluator."""
    cells = {
        (ws.title, cell.row - 1, cell.column - 1): cell.value
        for ws in wb.worksheets
        for row in ws.iter_rows()
        for cell in row
        if cell.value is not None
    }
    names = {}
    for name, defined in wb.defined_names.items():
        sheet, _, ref = defined.attr_text.rpartition("!")
        m = re.fullmatch(r"\$([A-Z]+)\$(\d+)", ref)
        assert m, defined.attr_text
        names[name] = (sheet.strip("'"), int(m.group(2)) - 1, column_index(m.group(1)))
    return Book(cells, names)


def _summary_rows(ws: Any) -> tuple[int, dict[str, int]]:
    """The header row of the deterministic table and its columns by heading."""
    for row in ws.iter_rows():
        texts = [str(c.value) for c in row if c.value is not None]
        if texts and texts[0] == "workstream" and any(t.startswith("total cost") for t in texts):
            heads = {str(c.value).split(" (")[0]: c.column - 1 for c in row if c.value}
            return row[0].row - 1, heads
    raise AssertionError("no deterministic table on Summary")


def _check_against(values: list[dict[str, Any]], engine: Any) -> None:
    for row, m in zip(values, engine.live.run.metrics, strict=True):
        assert row["total cost"] == pytest.approx(m.total_cost[0], abs=CENT)
        assert row["NPV"] == pytest.approx(m.npv_cost[0], abs=CENT)
        assert row["effective FTE-months"] == pytest.approx(m.effective_fte_months[0], abs=1e-6)
        assert row["cost per effective FTE-month"] == pytest.approx(
            m.cost_per_effective_fte_month[0], abs=CENT
        )
        target = m.months_to_target[0]
        assert row["months to target"] == (target if math.isfinite(target) else "not reached")


def _summary_values(
    get: Any, ws_name: str, header: int, heads: dict[str, int], n: int
) -> list[dict[str, Any]]:
    keys = ("total cost", "NPV", "effective FTE-months", "cost per effective FTE-month",
            "months to target")  # fmt: skip
    return [{k: get(ws_name, header + 1 + i, heads[k]) for k in keys} for i in range(n)]


def test_sheets_and_named_inputs(example: str) -> None:
    values, _ = _workbooks(example)
    c = comparison(example)
    names = values.sheetnames
    assert names[:2] == ["Summary", "Inputs"]
    assert names[-1] == "Monte Carlo"
    assert len(names) == 3 + len(c.strategies)
    defined = set(values.defined_names)
    for key in (a.key for a in c.assumptions):
        assert re.sub(r"[^A-Za-z0-9_]", "_", key) in defined
    assert "equal_output" in defined
    assert "workstream1_fte" in defined


def test_stored_values_equal_the_deterministic_run_to_the_cent(example: str) -> None:
    values, _ = _workbooks(example)
    ws = values["Summary"]
    header, heads = _summary_rows(ws)
    n = len(comparison(example).strategies)

    def get(sheet: str, row: int, col: int) -> Any:
        return values[sheet].cell(row + 1, col + 1).value

    _check_against(_summary_values(get, "Summary", header, heads, n), deterministic(example))


def test_formulas_recompute_to_the_stored_values(example: str) -> None:
    values, formulas = _workbooks(example)
    book = _book(formulas)
    checked = 0
    for ws in formulas.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    for fn in re.findall(r"([A-Z][A-Z0-9.]*)\(", cell.value):
                        assert fn in CLASSIC, f"{ws.title}!{cell.coordinate}: {fn}"
                    stored = values[ws.title][cell.coordinate].value
                    computed = book.value(ws.title, cell.row - 1, cell.column - 1)
                    if isinstance(stored, float | int) and not isinstance(stored, bool):
                        assert computed == pytest.approx(stored, rel=1e-12, abs=1e-9)
                    else:
                        assert computed == stored
                    checked += 1
    assert checked > 1000


@pytest.mark.parametrize("name", ["core-platform", "leads-at-home-mix"])
def test_changing_inputs_updates_the_totals_like_the_engine(name: str) -> None:
    """Live formulas: a new vendor margin and discount rate on Inputs recompute every
    option as the engine does for a scenario with those values."""
    _, formulas = _workbooks(name)
    book = _book(formulas)
    changed = dict(book.cells)
    for input_name, value in (("vendor_margin", 0.55), ("discount_rate", 0.12)):
        changed[book.names[input_name]] = value
    live = Book(changed, book.names)
    data = yaml.safe_load(example_path(name).read_text())
    data.setdefault("assumptions", {}).update(vendor_margin=0.55, discount_rate=0.12)
    engine = evaluate(scenario_from_text(yaml.safe_dump(data)), samples=0)
    header, heads = _summary_rows(formulas["Summary"])
    rows = _summary_values(live.value, "Summary", header, heads, len(engine.strategies))
    _check_against(rows, engine)
    before = _summary_values(book.value, "Summary", header, heads, len(engine.strategies))
    vendors = [i for i, r in enumerate(engine.strategies) if "outsource" in r.option]
    assert all(rows[i]["total cost"] > before[i]["total cost"] for i in vendors)


def test_monte_carlo_sheet_has_the_percentiles(example: str) -> None:
    values, _ = _workbooks(example)
    ws = values["Monte Carlo"]
    c = comparison(example)
    found = {
        (r[0].value, r[1].value): [x.value for x in r[3:7]]
        for r in ws.iter_rows(min_row=5)
        if r[2].value == "total cost"
    }
    assert len(found) == len(c.strategies)
    for row in c.strategies:
        p = row.total_cost
        got = found[(row.workstream, row.label)]
        assert got == pytest.approx([p.p10, p.p50, p.p90, p.mean])
