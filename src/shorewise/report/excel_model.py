"""One option's sheet: results on top, parameters, then the monthly model — all formulas.

The parameters are formulas over the Inputs sheet's names
(:mod:`shorewise.report.excel_params`), one column per component; the months below are
the engine's kernel as formulas (:mod:`shorewise.report.excel_months`); the results at
the top sum them up. Changing any input recomputes the whole sheet.

Example::

    >>> figures = option_sheet(sheet, comparison, 2)      # doctest: +SKIP
    >>> figures.total_cost                                            # doctest: +SKIP
    "'VN team'!$C$6"
"""

from __future__ import annotations

from dataclasses import dataclass

from shorewise.engine.alternatives import Alternative
from shorewise.engine.types import CATEGORIES
from shorewise.report.excel_layout import Sheet
from shorewise.report.excel_months import (
    COMPONENT_COLUMNS,
    HEADINGS,
    HELPERS,
    NOT_REACHED,
    TOTAL_COLUMNS,
    TOTAL_HEADINGS,
    component_formulas,
    total_formulas,
)
from shorewise.report.excel_params import PARAMETERS, parameter_formulas
from shorewise.report.workbook_source import WorkbookSource
from shorewise.report.xlformula import cell_name, column_letters

PARAMETER_ROW = 13  # first parameter row (0-based); results sit above it
_DERIVED = (
    ("full_paid", "paid FTE at full strength", "fte"),
    ("leaving", "monthly leaving rate", "share"),
    ("paid_factor", "paid share after vacancies", "share"),
    ("productive_factor", "productive share after vacancies and learning", "share"),
    ("ramp", "ramp used R (at least 0.001 months)", "months"),
    ("learn", "learning used L (at least 0.001 months)", "months"),
)
_MONEY = {*CATEGORIES, "burn", "cumulative"}


@dataclass(frozen=True)
class OptionFigures:
    """Where an option sheet keeps its results (absolute references, other sheets' view)."""

    total_cost: str
    npv_cost: str
    effective_fte_months: str
    cost_per_effective_fte_month: str
    months_to_target: str
    categories: dict[str, str]  # category -> formula text summing it over the months


def workstream_name(index: int, field: str) -> str:
    """Defined name of a workstream fact: ``workstream1_fte``, ``workstream1_start_month``."""
    return f"workstream{index + 1}_{field}"


def _derived(g: dict[str, str]) -> dict[str, str]:
    """Formulas of the derived parameters from the component's parameter cells ``g``."""
    vacancy, learn = g["vacancy_months"], g["learn_months"]
    return {
        "full_paid": f"IF(equal_output=1,{g['target']}/MAX({g['productivity']},0.000001),"
        f"{g['target']})",
        "leaving": f"1-(1-MIN(MAX({g['attrition']},0),0.999))^(1/12)",
        "paid_factor": f"MIN(MAX(1-{g.get('leaving', '')}*{vacancy},0),1)",
        "productive_factor": f"MIN(MAX(1-{g.get('leaving', '')}*({vacancy}+0.5*{learn}),0),1)",
        "ramp": f"MAX({g['ramp_months']},0.001)",
        "learn": f"MAX({learn},0.001)",
    }


def _parameters(sheet: Sheet, c: WorkbookSource, alt: Alternative) -> list[dict[str, str]]:
    """The parameter block, one column per component; returns each component's cells."""
    row0 = PARAMETER_ROW
    fte = workstream_name(alt.workstream_index, "fte")
    volatility = alt.workstream.scope_volatility.value
    sheet.put(row0 - 2, 1, "Parameters (formulas over the Inputs sheet)", "section")
    sheet.put(row0 - 1, 1, "parameter", "head")
    labels = ["share of the workstream's capacity", "target FTE"]
    labels += [label for _, label, _ in PARAMETERS] + [label for _, label, _ in _DERIVED]
    for i, label in enumerate(labels):
        sheet.put(row0 + i, 1, label, "label")
    out = []
    for k, comp in enumerate(alt.components):
        col = 2 + k
        share = f" ({comp.share:.0%})" if comp.share != 1 else ""
        sheet.put(row0 - 1, col, f"{comp.option}{share}", "head")
        cells = {"share": cell_name(row0, col, absolute=True)}
        sheet.put(row0, col, float(comp.share), "share")
        rows = [("target", f"{fte}*{cells['share']}", "fte")]
        salary_row = row0 + 2 + [key for key, _, _ in PARAMETERS].index("salary_monthly")
        formulas = parameter_formulas(
            comp,
            c.inputs,
            volatility=volatility,
            salary_cell=cell_name(salary_row, col, absolute=True),
        )
        rows += [(key, formulas[key], kind) for key, _, kind in PARAMETERS]
        for i, (key, formula, kind) in enumerate(rows, start=1):
            sheet.put(row0 + i, col, f"={formula}", kind)
            cells[key] = cell_name(row0 + i, col, absolute=True)
        for i, (key, _, kind) in enumerate(_DERIVED, start=row0 + len(rows) + 1):
            sheet.put(i, col, f"={_derived(cells)[key]}", kind)
            cells[key] = cell_name(i, col, absolute=True)
        out.append(cells)
    return out


def _month_headings(
    sheet: Sheet, row: int, alt: Alternative
) -> tuple[list[dict[str, int]], dict[str, int]]:
    """Headings of the monthly table; the columns of each component and of the totals."""
    sheet.put(row - 1, 0, "Monthly model (one row per month of the plan)", "section")
    for col, text in enumerate(("month", "workstream month t", "active")):
        sheet.put(row, col, text, "head")
    n = len(COMPONENT_COLUMNS)
    columns = [
        {name: 3 + k * n + j for j, name in enumerate(COMPONENT_COLUMNS)}
        for k in range(len(alt.components))
    ]
    totals = {name: 3 + len(columns) * n + j for j, name in enumerate(TOTAL_COLUMNS)}
    for comp, cols in zip(alt.components, columns, strict=True):
        prefix = f"{comp.option}: " if len(columns) > 1 else ""
        for name, col in cols.items():
            sheet.put(row, col, prefix + HEADINGS[name], "head")
            if name in HELPERS:
                sheet.grouped.add(col)
    for name, col in totals.items():
        sheet.put(row, col, TOTAL_HEADINGS[name], "head_total")
    return columns, totals


def option_sheet(sheet: Sheet, c: WorkbookSource, index: int) -> OptionFigures:
    """Write alternative ``index`` of ``c`` as a live model on ``sheet``; return its figures."""
    alt = c.rows[index].alternative
    w = alt.workstream_index
    start, duration = (workstream_name(w, f) for f in ("start_month", "duration_months"))
    params = _parameters(sheet, c, alt)
    head = PARAMETER_ROW + 2 + len(PARAMETERS) + len(_DERIVED) + 2
    columns, totals = _month_headings(sheet, head, alt)
    first, last = head + 1, head + c.scenario.horizon
    targets = "+".join(p["target"] for p in params)
    first_burn = cell_name(first, totals["burn"], absolute=True)
    for r in range(first, last + 1):
        n = r + 1  # the row's number in the spreadsheet

        def at(cols: dict[str, int], n: int = n) -> dict[str, str]:
            return {name: f"{column_letters(col)}{n}" for name, col in cols.items()}

        t, active = f"B{n}", f"C{n}"
        sheet.put(r, 0, r - first + 1, "int")
        sheet.put(r, 1, f"=A{n}-1-{start}", "int")
        sheet.put(r, 2, f"=IF(AND({t}>=0,{t}<{duration}),1,0)", "int")
        parts = []
        for p, cols in zip(params, columns, strict=True):
            x = at(cols)
            formulas = component_formulas(p, x, t=t, active=active, duration=duration, row=n)
            for name, col in cols.items():
                sheet.put(r, col, f"={formulas[name]}", "money" if name in _MONEY else "number")
            parts.append(x)
        x = at(totals)
        formulas = total_formulas(
            parts, targets, x, t=t, active=active, row=n, first_burn=first_burn
        )
        for name, col in totals.items():
            style = "int" if name == "reached" else "money" if name in _MONEY else "number"
            sheet.put(r, col, f"={formulas[name]}", style)
    sheet.freeze = (first, 1)
    return _results(sheet, c, first, last, columns, totals)


def _results(
    sheet: Sheet,
    c: WorkbookSource,
    first: int,
    last: int,
    columns: list[dict[str, int]],
    totals: dict[str, int],
) -> OptionFigures:
    """The results block at the top of the sheet, summing the monthly model."""

    def span(col: int) -> str:
        return f"{cell_name(first, col)}:{cell_name(last, col)}"

    burn, reached = span(totals["burn"]), span(totals["reached"])
    rows = (
        ("total cost", f"SUM({burn})", "money_total"),
        ("net present value", f"SUMPRODUCT({burn},{span(totals['discount'])})", "money_total"),
        ("effective FTE-months", f"SUM({span(totals['effective'])})", "number"),
        ("cost per effective FTE-month", 'IF(C8>0,C6/C8,"no capacity")', "money"),
        (
            "months to 90 % of target capacity",
            f'IF(MIN({reached})>={NOT_REACHED:.0f},"not reached",MIN({reached}))',
            "int",
        ),
    )
    sheet.put(4, 1, f"Results (deterministic run, money in {c.scenario.currency})", "section")
    refs = []
    for i, (label, formula, style) in enumerate(rows):
        sheet.put(5 + i, 1, label, "label")
        refs.append(sheet.put(5 + i, 2, f"={formula}", style))
    categories = {
        cat: "+".join(
            f"SUM({sheet.ref(first, cols[cat])}:{cell_name(last, cols[cat], absolute=True)})"
            for cols in columns
        )
        for cat in CATEGORIES
    }
    total, npv, effective, per_fte, months = refs
    return OptionFigures(total, npv, effective, per_fte, months, categories)
