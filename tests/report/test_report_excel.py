"""The workbook as written: sheets, named inputs, classic formulas, stored values equal to the
engine's deterministic run. (LibreOffice recalculates it in test_report_excel_libreoffice.)"""

from __future__ import annotations

import functools
import io
import math
import re
from typing import Any

import pytest
from openpyxl import load_workbook
from tests.report.conftest import comparison, deterministic, rendered

from shorewise.report.excel_option import MONTH_ROWS

CLASSIC = {"SUM", "MIN", "MAX", "IF", "AND", "INDEX", "MATCH", "EXP", "LN", "COUNT", "INT"}
CENT = 0.005
SUMMARY_KEYS = ("total cost", "NPV", "effective FTE-months", "cost per effective FTE-month",
                "months to target")  # fmt: skip


@functools.cache
def workbooks(name: str) -> tuple[Any, Any]:
    """The example's workbook read twice: stored values, and formulas."""
    data = rendered(name, "xlsx")
    return load_workbook(io.BytesIO(data), data_only=True), load_workbook(io.BytesIO(data))


def summary_table(ws: Any) -> tuple[int, dict[str, int]]:
    """The header row (0-based) of the Summary's deterministic table and its columns."""
    for row in ws.iter_rows():
        texts = [str(c.value) for c in row if c.value is not None]
        if texts and texts[0] == "workstream" and any(t.startswith("total cost") for t in texts):
            heads = {str(c.value).split(" (")[0]: c.column - 1 for c in row if c.value}
            return row[0].row - 1, heads
    raise AssertionError("no deterministic table on Summary")


def summary_values(get: Any, header: int, heads: dict[str, int], n: int) -> list[dict[str, Any]]:
    """Each option's five figures from the Summary, read with ``get(sheet, row, col)``."""
    return [{k: get("Summary", header + 1 + i, heads[k]) for k in SUMMARY_KEYS} for i in range(n)]


def check_against(values: list[dict[str, Any]], engine: Any) -> None:
    """Summary rows equal the engine's per-draw figures (one draw: samples=0) to the cent."""
    metrics = engine.live.run.metrics
    assert len(values) == len(metrics)
    for row, m in zip(values, metrics, strict=True):
        assert row["total cost"] == pytest.approx(m.total_cost[0], abs=CENT)
        assert row["NPV"] == pytest.approx(m.npv_cost[0], abs=CENT)
        assert row["effective FTE-months"] == pytest.approx(m.effective_fte_months[0], abs=1e-6)
        cpe = m.cost_per_effective_fte_month[0]
        expected = cpe if math.isfinite(cpe) else "no capacity"
        assert row["cost per effective FTE-month"] == pytest.approx(expected, abs=CENT)
        target = m.months_to_target[0]
        assert row["months to target"] == (target if math.isfinite(target) else "not reached")


def test_sheets_and_named_inputs(example: str) -> None:
    values, _ = workbooks(example)
    c = comparison(example)
    names = values.sheetnames
    assert names[:3] == ["Summary", "How to use this workbook", "Inputs"]
    assert names[-1] == "Monte Carlo"
    assert len(names) == 4 + len(c.strategies)
    defined = set(values.defined_names)
    for key in (a.key for a in c.assumptions):
        assert re.sub(r"[^A-Za-z0-9_]", "_", key) in defined
    for setting in ("equal_output", "offshore_route", "horizon_months", "workstream1_fte",
                    "workstream1_start_month", "workstream1_duration_months"):  # fmt: skip
        assert setting in defined


def test_stored_values_equal_the_deterministic_run_to_the_cent(example: str) -> None:
    values, _ = workbooks(example)
    header, heads = summary_table(values["Summary"])

    def get(sheet: str, row: int, col: int) -> Any:
        return values[sheet].cell(row + 1, col + 1).value

    check_against(summary_values(get, header, heads, len(comparison(example).strategies)),
                  deterministic(example))  # fmt: skip


def test_formulas_use_classic_functions_only(example: str) -> None:
    _, formulas = workbooks(example)
    seen = 0
    for ws in formulas.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    for fn in re.findall(r"([A-Z][A-Z0-9.]*)\(", cell.value):
                        assert fn in CLASSIC, f"{ws.title}!{cell.coordinate}: {fn}"
                    assert "_xlfn" not in cell.value
                    seen += 1
    assert seen > 5000


def test_every_option_sheet_models_the_longest_work() -> None:
    """240 monthly rows with an active flag: a duration edited up to the maximum is covered."""
    values, formulas = workbooks("core-platform")
    c = comparison("core-platform")
    for ws_name in formulas.sheetnames[3:-1]:
        ws = formulas[ws_name]
        heads = [r for r in ws.iter_rows(max_col=3) if r[2].value == "active"]
        assert len(heads) == 1, ws_name
        first = heads[0][0].row + 1
        assert ws.cell(first + MONTH_ROWS - 1, 2).value == MONTH_ROWS - 1
        assert str(ws.cell(first + MONTH_ROWS - 1, 3).value).startswith("=IF($B")
        active = [values[ws_name].cell(first + r, 3).value for r in range(MONTH_ROWS)]
        # active while a late team may still be kept: the work and its finish allowance
        ws = c.workstreams[0]
        months = (ws.finish_cap_month or 0) - ws.start_month
        assert months == ws.duration_months + 18
        assert active == [1] * months + [0] * (MONTH_ROWS - months)


def test_the_wage_ratio_is_the_engines_by_formula_over_the_survey_ratio() -> None:
    """The ratio cell holds offshore pay / home pay as the engine computes it; typing a number
    over it is the scenario's `offshore_wage_ratio` (see the LibreOffice test)."""
    values, formulas = workbooks("core-platform")
    c = comparison("core-platform")
    ws = formulas["Inputs"]
    cells = {r[0].value: r[1] for r in ws.iter_rows(min_row=5, max_col=2) if r[0].value}
    assert cells["offshore_wage_ratio_VN"].value == (
        "=offshore_wage_ratio_VN_survey*offshore_talent_premium_VN"
    )
    central = c.live.central
    ratio = central["offshore_wage_ratio@VN"][0] * central["offshore_talent_premium@VN"][0]
    stored = values["Inputs"][cells["offshore_wage_ratio_VN"].coordinate].value
    assert stored == pytest.approx(ratio, rel=1e-12)


def test_monte_carlo_sheet_has_the_percentiles_and_says_static(example: str) -> None:
    values, _ = workbooks(example)
    ws = values["Monte Carlo"]
    assert "static" in str(ws["A1"].value)
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
        assert got == pytest.approx([p.value(q) for q in ("p10", "p50", "p90", "mean")])


def test_people_read_labels_not_internal_ids(example: str) -> None:
    """Every text the workbook writes uses labels, except the defined names of the inputs
    (column A of Inputs: what formulas say) and the recommendation's sentences (bullets, as
    the decision layer words them)."""
    values, _ = workbooks(example)
    for ws in values.worksheets:
        for row in ws.iter_rows(min_col=2 if ws.title == "Inputs" else 1):
            for cell in row:
                if isinstance(cell.value, str) and not cell.value.startswith("• "):
                    assert not re.search(r"(on|off)shore_(inhouse|outsource)", cell.value), (
                        f"{ws.title}!{cell.coordinate}: {cell.value}"
                    )


def test_how_to_sheet_names_inputs_recalculation_and_static_parts() -> None:
    values, _ = workbooks("core-platform")
    text = " ".join(str(c.value) for row in values["How to use this workbook"].iter_rows()
                    for c in row if c.value)  # fmt: skip
    for words in ("Inputs", "yellow", "recalculates", "static", "offshore_route", "240"):
        assert words in text


def test_static_parts_of_the_summary_are_marked() -> None:
    values, _ = workbooks("core-platform")
    texts = [str(c.value) for row in values["Summary"].iter_rows() for c in row if c.value]
    assert any(t.startswith("Recommendation (static") for t in texts)
    assert any("P50 total cost (static)" in t for t in texts)
    assert any(t.startswith("Plan total") for t in texts)
