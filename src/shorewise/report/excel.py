"""The Excel workbook: inputs you can change, and every option's model as live formulas.

Sheets: ``Summary`` (the recommendation and each option's deterministic figures, as
formulas over the option sheets), ``Inputs`` (every assumption at its central value —
the median — each a defined name such as ``vendor_margin``; the workstreams; the staffing
rule), one sheet per option (its monthly model, see :mod:`shorewise.report.excel_model`)
and ``Monte Carlo`` (the run's percentiles, as values). Change an input and every
total updates; the stored values (for viewers that do not recalculate) are computed from
the formulas by :mod:`shorewise.report.xlformula` and equal the deterministic run
(``samples=0``) to the cent. Classic functions only.

Example::

    >>> data = render_workbook(result)                 # doctest: +SKIP
    >>> data[:2]                                                      # doctest: +SKIP
    b'PK'
"""

from __future__ import annotations

import io
import math
from collections.abc import Callable
from typing import Any

from shorewise.domain.scenario import StaffingRule
from shorewise.engine.types import CATEGORIES
from shorewise.report.assumptions import short_unit
from shorewise.report.context import run_text
from shorewise.report.excel_layout import Layout, Sheet, sheet_title
from shorewise.report.excel_model import OptionFigures, option_sheet, workstream_name
from shorewise.report.excel_params import input_name, rate_card_name
from shorewise.report.workbook_source import WorkbookSource, workbook_source
from shorewise.results.result import Result
from shorewise.results.summarise import FIGURES as METRICS
from shorewise.results.vocabulary import category_label

Progress = Callable[[int, int], None]

_HEAD = {"bold": True, "bottom": 1, "text_wrap": True, "valign": "bottom"}
_INPUT = {"bg_color": "#fff6d6", "border": 1, "border_color": "#e5b700"}
_FORMATS: dict[str, dict[str, Any]] = {
    "text": {},
    "title": {"bold": True, "font_size": 16},
    "subtitle": {"font_color": "#5b6675"},
    "section": {"bold": True, "font_size": 12, "font_color": "#1f5fa8"},
    "head": {**_HEAD, "bg_color": "#f4f6f9"},
    "head_total": {**_HEAD, "bg_color": "#e8f0fa"},
    "label": {},
    "note": {"font_color": "#5b6675", "italic": True, "text_wrap": True, "valign": "top"},
    "money": {"num_format": "#,##0.00"},
    "money_total": {"num_format": "#,##0.00", "bold": True},
    "number": {"num_format": "#,##0.000"},
    "fte": {"num_format": "#,##0.00"},
    "share": {"num_format": "0.0%"},
    "months": {"num_format": "0.0"},
    "int": {"num_format": "0"},
    "input": {**_INPUT, "num_format": "General"},
    "input_share": {**_INPUT, "num_format": "0.00%"},
    "input_money": {**_INPUT, "num_format": "#,##0.00"},
    "override": {"bg_color": "#ffe27a", "bold": True},
    "recommended": {"bold": True, "bg_color": "#e8f0fa"},
}
_INPUT_STYLE = {"share": "input_share", "share/year": "input_share"}


def _inputs_sheet(layout: Layout, sheet: Sheet, c: WorkbookSource) -> None:
    cur = c.scenario.currency
    sheet.put(0, 0, f"Inputs — {c.scenario.name}", "title")
    sheet.note(
        1, 0, 6,
        "Yellow cells are the model's inputs at their central value (the median of each "
        "assumption's range). Change one and every option sheet and the Summary recompute. "
        f"Money in {cur}.",
    )  # fmt: skip
    heads = ("input (defined name)", "central value", "unit", "assumption", "provenance",
             "source", "meaning")  # fmt: skip
    for col, text in enumerate(heads):
        sheet.put(3, col, text, "head")
    row = 4
    for a in (row.model_dump() for row in c.result.assumptions):
        name = input_name(a["key"])
        sheet.put(row, 0, name, "override" if a["overridden"] else "label")
        unit = a["unit"]
        style = _INPUT_STYLE.get(unit, "input_money" if unit.startswith("money") else "input")
        sheet.put(row, 1, a["central"], style)
        layout.define(name, sheet.name, row, 1)
        sheet.put(row, 2, short_unit(unit, cur))
        sheet.put(row, 3, a["value"] + (" (set in the scenario)" if a["overridden"] else ""))
        sheet.put(row, 4, a["provenance"])
        sheet.put(row, 5, a["source"], "note")
        sheet.put(row, 6, a["meaning"], "note")
        row += 1
    for country, rate in sorted(c.inputs.vendor_monthly_rates.items()):
        name = rate_card_name(country)
        sheet.put(row, 0, name, "override")
        sheet.put(row, 1, rate, "input_money")
        layout.define(name, sheet.name, row, 1)
        sheet.put(row, 2, f"{cur} per FTE-month")
        sheet.put(row, 4, "scenario")
        sheet.put(row, 5, "vendor price from the rate card", "note")
        row += 1
    row += 1
    sheet.put(row, 0, "Workstreams", "section")
    row += 1
    for col, text in enumerate(("workstream", "target FTE", "start month", "duration (months)",
                                "core", "scope volatility")):  # fmt: skip
        sheet.put(row, col, text, "head")
    for w, ws in enumerate(c.scenario.workstreams):
        row += 1
        sheet.put(row, 0, ws.name, "label")
        for col, (field, value) in enumerate(
            (("fte", ws.target_fte), ("start_month", ws.start_month),
             ("duration_months", ws.duration_months)), start=1
        ):  # fmt: skip
            sheet.put(row, col, float(value), "input")
            layout.define(workstream_name(w, field), sheet.name, row, col)
        sheet.put(row, 4, "yes" if ws.core else "no")
        sheet.put(row, 5, ws.scope_volatility.value)
    row += 2
    sheet.put(row, 0, "equal_output", "label")
    sheet.put(row, 1, 1.0 if c.scenario.staffing is StaffingRule.EQUAL_OUTPUT else 0.0, "input")
    layout.define("equal_output", sheet.name, row, 1)
    sheet.note(row, 2, 6, "1: staff target / productivity paid FTE so every option delivers "
               "the same work; 0: staff the target headcount.")  # fmt: skip
    sheet.widths.update({0: 36, 1: 14, 2: 22, 3: 28, 4: 12, 5: 60, 6: 60})
    sheet.freeze = (4, 1)


def _summary_sheet(
    sheet: Sheet, c: WorkbookSource, figures: list[tuple[int, str, OptionFigures]]
) -> None:
    cur = c.scenario.currency
    home = c.scenario.home_country
    rec = c.recommendation
    sheet.put(0, 0, c.scenario.name, "title")
    sheet.put(1, 0, f"Home {home}; money in {cur}; horizon {c.scenario.horizon} months; "
              f"Monte Carlo: {run_text(c.result)}.", "subtitle")  # fmt: skip
    sheet.put(3, 0, "Recommendation", "section")
    sheet.put(4, 0, rec.label, "recommended")
    row = 5
    for reason in rec.reasons:
        sheet.note(row, 0, 8, f"• {reason.text}")
        row += 1
    row += 1
    sheet.put(row, 0, "Deterministic run (every input at its median): live formulas over "
              "Inputs and the option sheets", "section")  # fmt: skip
    row += 1
    heads = ["workstream", "option", "sheet", "eligible", f"total cost ({cur})", f"NPV ({cur})",
             "effective FTE-months", f"cost per effective FTE-month ({cur})", "months to target",
             f"Monte Carlo P50 total cost ({cur})"]  # fmt: skip
    for col, text in enumerate(heads):
        sheet.put(row, col, text, "head")
    for index, name, f in figures:
        row += 1
        r = c.rows[index]
        style = "recommended" if _recommended(c, r.result.workstream, r.result.option) else "label"
        sheet.put(row, 0, r.alternative.workstream.name, style)
        sheet.put(row, 1, r.result.label, style)
        sheet.put(row, 2, name)
        sheet.put(row, 3, "yes" if r.eligible else f"no: {r.excluded_reason}")
        sheet.put(row, 4, f"={f.total_cost}", "money_total")
        sheet.put(row, 5, f"={f.npv_cost}", "money")
        sheet.put(row, 6, f"={f.effective_fte_months}", "number")
        sheet.put(row, 7, f"={f.cost_per_effective_fte_month}", "money")
        sheet.put(row, 8, f"={f.months_to_target}", "int")
        sheet.put(row, 9, _finite(r.figures["total_cost"].p50), "money")
    row += 2
    sheet.put(row, 0, f"Cost by category, deterministic run ({cur})", "section")
    row += 1
    sheet.put(row, 0, "category", "head")
    for col, (_, name, _) in enumerate(figures, start=1):
        sheet.put(row, col, name, "head")
    for cat in CATEGORIES:
        row += 1
        sheet.put(row, 0, category_label(cat), "label")
        for col, (_, _, f) in enumerate(figures, start=1):
            sheet.put(row, col, "=" + f.categories[cat], "money")
    sheet.widths.update({0: 34, 1: 30, 2: 16, 3: 18, 4: 16, 5: 16, 6: 14, 7: 18, 8: 12, 9: 18})


def _finite(value: float) -> float | str:
    return value if math.isfinite(value) else "not reached"


def _monte_carlo_sheet(sheet: Sheet, c: WorkbookSource) -> None:
    cur = c.scenario.currency
    sheet.put(0, 0, "Monte Carlo percentiles", "title")
    sheet.put(1, 0, f"{run_text(c.result)}; money in {cur}. Values, not formulas: rerun "
              "shorewise to update them.", "subtitle")  # fmt: skip
    heads = ["workstream", "option", "metric", "P10", "P50", "P90", "mean"]
    for col, text in enumerate(heads):
        sheet.put(3, col, text, "head")
    row = 3
    for r in c.rows:
        for metric in METRICS:
            row += 1
            p = r.figures[metric]
            sheet.put(row, 0, r.alternative.workstream.name)
            sheet.put(row, 1, r.result.label)
            sheet.put(row, 2, metric.replace("_", " "))
            style = "int" if metric == "months_to_target" else "money"
            style = "number" if metric == "effective_fte_months" else style
            for col, v in enumerate((p.p10, p.p50, p.p90, p.mean), start=3):
                sheet.put(row, col, _finite(v), style)
        row += 1
        sheet.put(row, 0, r.alternative.workstream.name)
        sheet.put(row, 1, r.result.label)
        sheet.put(row, 2, "probability of ranking first")
        sheet.put(row, 4, r.p_best, "share")
    sheet.widths.update({0: 24, 1: 36, 2: 30, 3: 16, 4: 16, 5: 16, 6: 16})
    sheet.freeze = (4, 0)


def build_layout(c: WorkbookSource, progress: Progress | None = None) -> Layout:
    """Every sheet and cell of the workbook, before any value is computed."""
    layout = Layout()
    summary = layout.sheet("Summary")
    inputs = layout.sheet("Inputs")
    _inputs_sheet(layout, inputs, c)
    taken = {"Summary", "Inputs", "Monte Carlo"}
    several = len(c.scenario.workstreams) > 1
    figures = []
    for i, r in enumerate(c.rows):
        alt = r.alternative
        prefix = f"W{alt.workstream_index + 1} " if several else ""
        name = sheet_title(prefix + r.result.short_label.replace("Mix: ", "mix "), taken)
        sheet = layout.sheet(name)
        title = r.result.label
        sheet.put(0, 0, f"{title} — {alt.workstream.name}", "title")
        route = f" Route: {r.route_text()}." if r.route_text() else ""
        sheet.note(1, 0, 8, "Every number is a formula over the Inputs "
                   f"sheet: change an input and this model recomputes.{route}")  # fmt: skip
        figures.append((i, name, option_sheet(sheet, c, i)))
        sheet.widths.update({0: 8, 1: 44, 2: 16, 3: 16})
        if progress:
            progress(i + 1, len(c.rows) + 2)
    _summary_sheet(summary, c, figures)
    _monte_carlo_sheet(layout.sheet("Monte Carlo"), c)
    return layout


def _recommended(c: WorkbookSource, workstream: str, option: str) -> bool:
    return any(
        r.workstream == workstream and r.option == option
        for r in c.result.recommendation.by_workstream
    )


def render_workbook(result: Result, *, progress: Progress | None = None) -> bytes:
    """The workbook as ``.xlsx`` bytes (see module doc)."""
    import xlsxwriter

    c = workbook_source(result)
    layout = build_layout(c, progress)
    book = layout.book()
    buffer = io.BytesIO()
    wb = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_numbers": False})
    wb.set_properties({"title": f"{c.scenario.name} — staffing options",
                       "comments": "Created by shorewise"})  # fmt: skip
    formats = {key: wb.add_format({"font_name": "Calibri", "font_size": 10, **spec})
               for key, spec in _FORMATS.items()}  # fmt: skip
    for s in layout.sheets:
        ws = wb.add_worksheet(s.name)
        for col, width in s.widths.items():
            ws.set_column(col, col, width)
        for col in sorted(s.grouped):
            ws.set_column(col, col, 10, None, {"level": 1, "hidden": True})
        for (r, col), cell in sorted(s.cells.items()):
            fmt = formats[cell.style]
            if isinstance(cell.content, str) and cell.content.startswith("="):
                value = book.value(s.name, r, col)
                ws.write_formula(r, col, cell.content, fmt, value)
            elif cell.content is None:
                ws.write_blank(r, col, None, fmt)
            else:
                ws.write(r, col, cell.content, fmt)
        for row, first, last, text, style in s.merged_notes:
            ws.merge_range(row, first, row, last, text, formats[style])
        if s.freeze:
            ws.freeze_panes(*s.freeze)
    for name, (sheet, row, col) in layout.names.items():
        wb.define_name(name, f"='{sheet}'!${_col(col)}${row + 1}")
    wb.close()
    if progress:
        progress(1, 1)
    return buffer.getvalue()


def _col(col: int) -> str:
    from shorewise.report.xlformula import column_letters

    return column_letters(col)
