"""The workbook's Summary, Monte Carlo and "How to use this workbook" sheets.

The Summary's deterministic table, the cheapest eligible option per workstream and the
plan totals are live formulas over the option sheets; the recommendation, eligibility and
every Monte Carlo figure are values from the run that wrote the workbook, and say so.

Example::

    >>> summary_sheet(layout.sheet("Summary"), comparison, figures)   # doctest: +SKIP
"""

from __future__ import annotations

import math
from typing import Any

from shorewise.engine.types import CATEGORIES
from shorewise.report.context import run_text
from shorewise.report.excel_layout import Sheet, cell_name
from shorewise.report.excel_option import MONTH_ROWS, OptionFigures
from shorewise.report.workbook_source import SourceRow, WorkbookSource
from shorewise.results.summarise import FIGURES as METRICS
from shorewise.results.vocabulary import category_label

NONE = 1e300
"""What the cheapest-option helper column holds for an option that cannot be cheapest."""
_STATIC = "static: from the run that wrote this workbook (rerun shorewise to update)"
_COLUMNS = ("workstream", "option", "sheet", "eligible (1/0, static)", "total cost", "NPV",
            "effective FTE-months", "cost per effective FTE-month", "months to target",
            "cost per effective FTE-month if eligible (for the cheapest)",
            "Monte Carlo P50 total cost (static)", "why not eligible (static)")  # fmt: skip
_STYLES = ("money_total", "money", "number", "money", "int")
_METRICS = ("total_cost", "npv_cost", "effective_fte_months", "cost_per_effective_fte_month",
            "months_to_target")  # fmt: skip


def _finite(value: float) -> float | str:
    return value if math.isfinite(value) else "not reached"


def is_recommended(c: WorkbookSource, row: SourceRow) -> bool:
    """True when ``row`` is the option recommended for its workstream."""
    return any(
        r.workstream == row.result.workstream and r.option == row.result.option
        for r in c.result.recommendation.by_workstream
    )


def _recommendation(sheet: Sheet, c: WorkbookSource) -> int:
    rec = c.result.recommendation
    sheet.put(3, 0, f"Recommendation ({_STATIC})", "section")
    sheet.put(4, 0, rec.label, "recommended")
    row = 5
    for reason in rec.reasons:
        sheet.note(row, 0, 8, f"• {reason.text}", "static")
        row += 1
    for note in c.result.notes:  # policy notes and guard-rail checks
        sheet.note(row, 0, 8, note, "static")
        row += 1
    return row + 1


def _table(
    sheet: Sheet, c: WorkbookSource, figures: list[tuple[int, str, OptionFigures]], top: int
) -> tuple[dict[int, list[int]], dict[int, int]]:
    """The deterministic table; returns its rows by workstream, and the row of each
    workstream's recommended option."""
    cur = c.scenario.currency
    sheet.put(top, 0, "Deterministic run (every input at its central value): live formulas "
              "over the Inputs and option sheets", "section")  # fmt: skip
    for col, text in enumerate(_COLUMNS):
        money = col in (4, 5, 7, 9, 10)
        sheet.put(top + 1, col, text + (f" ({cur})" if money else ""), "head")
    rows: dict[int, list[int]] = {}
    recommended: dict[int, int] = {}
    for i, (index, name, f) in enumerate(figures):
        r = top + 2 + i
        row = c.rows[index]
        alt = row.alternative
        rows.setdefault(alt.workstream_index, []).append(r)
        style = "recommended" if is_recommended(c, row) else "label"
        if is_recommended(c, row):
            recommended[alt.workstream_index] = r
        sheet.put(r, 0, alt.workstream.name, style)
        sheet.put(r, 1, row.result.label, style)
        sheet.put(r, 2, name)
        sheet.put(r, 3, 1.0 if row.eligible else 0.0, "static_int")
        for col, (metric, fmt) in enumerate(zip(_METRICS, _STYLES, strict=True), start=4):
            sheet.put(r, col, f"={f.refs[metric]}", fmt, f.values[metric])
        eff, cpe = f.values["effective_fte_months"], f.values["cost_per_effective_fte_month"]
        usable = row.eligible and isinstance(cpe, float) and eff > 0
        d, g, h = (cell_name(r, k) for k in (3, 6, 7))
        sheet.put(r, 9, f"=IF(AND({d}=1,{g}>0),{h},{NONE:.0E})", "money",
                  cpe if usable else NONE)  # fmt: skip
        sheet.put(r, 10, _finite(row.figures["total_cost"].p50), "static_money")
        sheet.put(r, 11, row.excluded_reason or "", "static")
    return rows, recommended


def _per_workstream(
    sheet: Sheet,
    c: WorkbookSource,
    rows: dict[int, list[int]],
    recommended: dict[int, int],
    top: int,
) -> int:
    """Cheapest eligible option per workstream (live) and the plan totals; returns the
    next free row."""
    cur = c.scenario.currency
    sheet.put(top, 0, "Per workstream (live, except the recommendation)", "section")
    heads = ("workstream", "cheapest eligible option (lowest cost per effective FTE-month)",
             f"its total cost ({cur})", "recommended option (static)",
             f"recommended option's total cost ({cur})")  # fmt: skip
    for col, text in enumerate(heads):
        sheet.put(top + 1, col, text, "head")
    r = top + 1
    cheapest_refs, recommended_refs = [], []
    cheapest_value, recommended_value = 0.0, 0.0
    for w, ws in enumerate(c.scenario.workstreams):
        r += 1
        own = rows.get(w, [])
        if not own:
            continue

        def span(col: int, own: list[int] = own) -> str:
            first, last = (cell_name(x, col, absolute=True) for x in (own[0], own[-1]))
            return f"{first}:{last}"

        helper = [sheet.cells[(x, 9)].value for x in own]
        best = min(range(len(own)), key=lambda k: helper[k])
        found = helper[best] < NONE
        match = f"MATCH(MIN({span(9)}),{span(9)},0)"
        sheet.put(r, 0, ws.name, "label")
        sheet.put(r, 1, f'=IF(MIN({span(9)})>={NONE:.0E},"none",INDEX({span(1)},{match}))', "text",
                  sheet.cells[(own[best], 1)].content if found else "none")  # fmt: skip
        cost = sheet.cells[(own[best], 4)].value if found else "none"
        sheet.put(
            r, 2, f'=IF(MIN({span(9)})>={NONE:.0E},"none",INDEX({span(4)},{match}))', "money", cost
        )
        cheapest_refs.append(cell_name(r, 2))
        cheapest_value += cost if isinstance(cost, float) else math.nan
        chosen = recommended.get(w)
        sheet.put(r, 3, sheet.cells[(chosen, 1)].content if chosen else "none", "static")
        if chosen:
            value = sheet.cells[(chosen, 4)].value
            sheet.put(r, 4, f"={cell_name(chosen, 4)}", "money", value)
            recommended_refs.append(cell_name(r, 4))
            recommended_value += value
        else:
            recommended_refs.append("")
    r += 2
    sheet.put(r, 0, "Plan total, the recommended option of each workstream (live sum; the "
              "choice is static)", "label")  # fmt: skip
    if all(recommended_refs):
        sheet.put(r, 4, "=" + "+".join(recommended_refs), "money_total", recommended_value)
    else:
        sheet.put(r, 4, "no eligible option in some workstream", "static")
    r += 1
    sheet.put(r, 0, "Plan total, the cheapest eligible option of each workstream (live)", "label")
    refs = ",".join(cheapest_refs)
    missing = "no eligible option in some workstream"
    formula = f'=IF(COUNT({refs})={len(cheapest_refs)},{"+".join(cheapest_refs)},"{missing}")'
    stored: Any = cheapest_value if math.isfinite(cheapest_value) else missing
    sheet.put(r, 4, formula, "money_total", stored)
    return r + 2


def summary_sheet(
    sheet: Sheet, c: WorkbookSource, figures: list[tuple[int, str, OptionFigures]]
) -> None:
    """Write the Summary sheet (see module doc)."""
    cur, home = c.scenario.currency, c.scenario.home_country
    sheet.put(0, 0, c.scenario.name, "title")
    sheet.put(1, 0, f"Home {home}; money in {cur}; horizon and inputs on the Inputs sheet; "
              f"Monte Carlo: {run_text(c.result)}.", "subtitle")  # fmt: skip
    top = _recommendation(sheet, c)
    rows, recommended = _table(sheet, c, figures, top)
    r = _per_workstream(sheet, c, rows, recommended, top + 3 + len(figures))
    sheet.put(r, 0, f"Cost by category, deterministic run (live, {cur})", "section")
    sheet.put(r + 1, 0, "category", "head")
    for col, (_, name, _) in enumerate(figures, start=1):
        sheet.put(r + 1, col, name, "head")
    for i, cat in enumerate(CATEGORIES):
        sheet.put(r + 2 + i, 0, category_label(cat), "label")
        for col, (_, _, f) in enumerate(figures, start=1):
            sheet.put(r + 2 + i, col, f"={f.refs[cat]}", "money", f.values[cat])
    sheet.widths.update({0: 34, 1: 34, 2: 16, 3: 12, 4: 16, 5: 16, 6: 14, 7: 18, 8: 12,
                         9: 18, 10: 18, 11: 30})  # fmt: skip


def monte_carlo_sheet(sheet: Sheet, c: WorkbookSource) -> None:
    """The run's percentiles, as values (static)."""
    cur = c.scenario.currency
    sheet.put(0, 0, "Monte Carlo percentiles (static)", "title")
    text = f"{run_text(c.result)}; money in {cur}. Values, not formulas: rerun shorewise "
    sheet.put(
        1, 0, text + "to update them; editing the Inputs sheet does not change them.", "subtitle"
    )
    for col, text in enumerate(("workstream", "option", "metric", "P10", "P50", "P90", "mean")):
        sheet.put(3, col, text, "head")
    row = 3
    for r in c.rows:
        title = r.result.label
        for metric in METRICS:
            row += 1
            p = r.figures[metric]
            sheet.put(row, 0, r.alternative.workstream.name)
            sheet.put(row, 1, title)
            sheet.put(row, 2, metric.replace("_", " "))
            style = {"months_to_target": "int", "effective_fte_months": "number"}.get(
                metric, "money"
            )
            for col, v in enumerate((p.p10, p.p50, p.p90, p.mean), start=3):
                sheet.put(row, col, _finite(v), style)
        row += 1
        sheet.put(row, 0, r.alternative.workstream.name)
        sheet.put(row, 1, title)
        sheet.put(row, 2, "probability of ranking first")
        sheet.put(row, 4, r.p_best, "share")
    sheet.widths.update({0: 24, 1: 36, 2: 30, 3: 16, 4: 16, 5: 16, 6: 16})
    sheet.freeze = (4, 0)


HOW_TO = (
    (
        "What this workbook is",
        "The shorewise model of every option, as live formulas: the "
        "same expressions the engine computes (written once in shorewise, written here as "
        "formulas). With every input at its central value it gives the engine's deterministic "
        "run (shorewise compare --samples 0) to the cent.",
    ),
    (
        "Inputs (yellow cells)",
        "The Inputs sheet: each assumption at its central value, the "
        "workstreams (target FTE, start month, duration), the horizon, the staffing rule "
        "(equal_output: 1 or 0) and the route of a team abroad (offshore_route: auto, eor or "
        "entity). On each option sheet, the share of the workstream a component takes. A yellow "
        "cell holding a formula (the wage ratio, the horizon) is a default you may overwrite.",
    ),
    (
        "What recalculates",
        "Everything else that is a formula: each option sheet's parameters, "
        "its monthly model (one row per month, {rows} rows: any duration up to {rows} months), "
        "the route of a team abroad when offshore_route is auto, the results and cost by "
        "category, and on the Summary the deterministic table, the cheapest eligible option "
        "per workstream and the plan totals.",
    ),
    (
        "What is static",
        "Values from the run that wrote the workbook, marked static: the "
        "recommendation and its reasons (multi-criteria scoring over the Monte Carlo draws), "
        "which options are eligible (policy), the Monte Carlo percentiles and probabilities, "
        "and which option is recommended in the plan total. Rerun shorewise to update them.",
    ),
    (
        "Reading an option sheet",
        "Results on top; then one column per component (and per "
        "route for a team abroad: employer of record and own entity, the cheaper chosen by "
        "formula); then the monthly model. Folded columns hold the integrals of the hiring and "
        "learning curves; rows after the work are inactive and hold 0.",
    ),
)


def how_to_sheet(sheet: Sheet) -> None:
    """What the workbook is, which cells are inputs, what recalculates, what is static."""
    sheet.put(0, 0, "How to use this workbook", "title")
    for i, (head, text) in enumerate(HOW_TO):
        sheet.put(2 + 2 * i, 0, head, "section")
        sheet.note(3 + 2 * i, 0, 8, text.format(rows=MONTH_ROWS))
    sheet.widths.update({0: 30})
