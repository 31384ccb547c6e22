"""The Excel workbook: the engine's model of every option as live formulas over the inputs.

Sheets: ``Summary`` (deterministic figures, cheapest option per workstream and plan totals
live; the recommendation static), ``How to use this workbook``, ``Inputs`` (every input a
user may change: each assumption's central value as a defined name such as
``vendor_margin``, the workstreams, horizon, staffing rule and route; the plan's load and
the route of its team in each country), one sheet per option
(:mod:`shorewise.report.excel_option`: the engine's expressions written as formulas, so
the workbook *is* the engine: any edit gives the engine's ``--samples 0`` number) and
``Monte Carlo`` (the run's percentiles, static). Stored values come from the engine
(numpy on the same expressions), so viewers that do not recalculate show the right
numbers. Classic functions only (SUM, INDEX/MATCH, IF, MIN, MAX, AND, EXP, LN).

Example::

    >>> data = render_workbook(result)                 # doctest: +SKIP
    >>> data[:2]                                                  # doctest: +SKIP
    b'PK'
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

from shorewise.report.excel_inputs import inputs_sheet
from shorewise.report.excel_layout import Layout, column_letters, sheet_title
from shorewise.report.excel_option import option_sheet
from shorewise.report.excel_routes import write_plan_routes
from shorewise.report.excel_summary import how_to_sheet, monte_carlo_sheet, summary_sheet
from shorewise.report.workbook_source import WorkbookSource, workbook_source
from shorewise.results.result import Result

Progress = Callable[[int, int], None]
HOW_TO_SHEET = "How to use this workbook"

_HEAD = {"bold": True, "bottom": 1, "text_wrap": True, "valign": "bottom"}
_INPUT = {"bg_color": "#fff6d6", "border": 1, "border_color": "#e5b700"}
_STATIC = {"font_color": "#6b6b6b", "italic": True, "bg_color": "#efefef"}
_FORMATS: dict[str, dict[str, Any]] = {
    "text": {},
    "title": {"bold": True, "font_size": 16},
    "subtitle": {"font_color": "#5b6675"},
    "section": {"bold": True, "font_size": 12, "font_color": "#1f5fa8"},
    "head": {**_HEAD, "bg_color": "#f4f6f9"},
    "head_total": {**_HEAD, "bg_color": "#e8f0fa"},
    "label": {},
    "note": {"font_color": "#5b6675", "italic": True, "text_wrap": True, "valign": "top"},
    "static": {**_STATIC, "text_wrap": True, "valign": "top"},
    "static_int": {**_STATIC, "num_format": "0"},
    "static_money": {**_STATIC, "num_format": "#,##0.00"},
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


def build_layout(c: WorkbookSource, progress: Progress | None = None) -> Layout:
    """Every sheet and cell of the workbook, with stored values, before it is written."""
    layout = Layout()
    summary = layout.sheet("Summary")
    how_to = layout.sheet(HOW_TO_SHEET)
    inputs = layout.sheet("Inputs")
    bindings = inputs_sheet(layout, inputs, c)
    taken = {"Summary", HOW_TO_SHEET, "Inputs", "Monte Carlo"}
    several = len(c.scenario.workstreams) > 1
    figures = []
    for i, r in enumerate(c.rows):
        alt = r.alternative
        prefix = f"W{alt.workstream_index + 1} " if several else ""
        name = sheet_title(prefix + r.result.short_label.replace("Mix: ", "mix "), taken)
        sheet = layout.sheet(name)
        title = r.result.label
        sheet.put(0, 0, f"{title} — {alt.workstream.name}", "title")
        sheet.note(1, 0, 8, "Every number is a formula over the Inputs sheet (the engine's "
                   "model, written once): change an input and this sheet recomputes.")  # fmt: skip
        figures.append((i, name, option_sheet(sheet, c, i, bindings)))
        sheet.widths.update({0: 8, 1: 44, 2: 16, 3: 16})
        sheet.freeze = (0, 2)
        if progress:
            progress(i + 1, len(c.rows) + 2)
    write_plan_routes(inputs, bindings, [(c.rows[i].alternative, f) for i, _, f in figures])
    summary_sheet(summary, c, figures)
    how_to_sheet(how_to)
    monte_carlo_sheet(layout.sheet("Monte Carlo"), c)
    return layout


def _classic_worksheet() -> type:
    """A worksheet that writes formulas as they are: XlsxWriter otherwise runs ~30 regular
    expressions per formula to prefix dynamic-array functions, and the workbook has tens of
    thousands of formulas with classic functions only (checked by the tests)."""
    from xlsxwriter.worksheet import Worksheet

    class ClassicWorksheet(Worksheet):  # type: ignore[misc]
        def _prepare_formula(self, formula: str, expand_future_functions: bool = False) -> str:
            if expand_future_functions or formula.startswith("{"):
                return str(super()._prepare_formula(formula, expand_future_functions))
            return formula[1:] if formula.startswith("=") else formula

    return ClassicWorksheet


def render_workbook(result: Result, *, progress: Progress | None = None) -> bytes:
    """The workbook of ``result`` as ``.xlsx`` bytes (see module doc); the model comes from
    its live evaluation or is rebuilt from the scenario it carries (nothing is simulated)."""
    import xlsxwriter

    c = workbook_source(result)
    layout = build_layout(c, progress)
    buffer = io.BytesIO()
    wb = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_numbers": False})
    wb.set_properties({"title": f"{c.scenario.name} — staffing options",
                       "comments": "Created by shorewise"})  # fmt: skip
    formats = {key: wb.add_format({"font_name": "Calibri", "font_size": 10, **spec})
               for key, spec in _FORMATS.items()}  # fmt: skip
    classic = _classic_worksheet()
    for s in layout.sheets:
        ws = wb.add_worksheet(s.name, worksheet_class=classic)
        for col, width in s.widths.items():
            ws.set_column(col, col, width)
        for col in sorted(s.grouped):
            ws.set_column(col, col, 10, None, {"level": 1, "hidden": True})
        for (r, col), cell in sorted(s.cells.items()):
            fmt = formats[cell.style]
            if isinstance(cell.content, str) and cell.content.startswith("="):
                ws.write_formula(r, col, cell.content, fmt, cell.value)
            elif cell.content is None:
                ws.write_blank(r, col, None, fmt)
            else:
                ws.write(r, col, cell.content, fmt)
        for (r, col), allowed in s.choices.items():
            ws.data_validation(r, col, r, col, _validation(allowed))
        for row, first, last, text, style in s.merged_notes:
            ws.merge_range(row, first, row, last, text, formats[style])
        if s.freeze:
            ws.freeze_panes(*s.freeze)
    for name, (sheet, row, col) in layout.names.items():
        wb.define_name(name, f"='{sheet}'!${column_letters(col)}${row + 1}")
    wb.close()
    if progress:
        progress(1, 1)
    return buffer.getvalue()


def _validation(allowed: list[str]) -> dict[str, Any]:
    """A drop-down of texts, or a whole number between the allowed numbers."""
    if all(a.isdigit() for a in allowed):
        numbers = sorted(int(a) for a in allowed)
        return {"validate": "integer", "criteria": "between",
                "minimum": numbers[0], "maximum": numbers[-1]}  # fmt: skip
    return {"validate": "list", "source": allowed}
