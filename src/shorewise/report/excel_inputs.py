"""The Inputs sheet: every value a user may change, each a defined name the model reads.

Rows: each assumption at its central value (the median of its range), the workstreams
(target FTE, start month, duration), the horizon, the staffing rule and the route of a
team abroad, then the plan by country: its load (head-months, hires, the months an entity
runs) and the route of the plan's team in each country. An input the model derives by
default (the wage ratio from survey pay and the talent premiums) holds its formula; typing
a number over it sets it, as the same key in a scenario file does. Returns the
:class:`~shorewise.report.excel_option.Bindings` the option sheets are written with.

Example::

    >>> bindings = inputs_sheet(layout, layout.sheet("Inputs"), comparison)  # doctest: +SKIP
    >>> bindings.refs["vendor_margin"]                            # doctest: +SKIP
    'vendor_margin'
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np

from shorewise.domain.limits import MAX_HORIZON_MONTHS, MIN_FINISH_ALLOWANCE_MONTHS
from shorewise.domain.scenario import StaffingRule
from shorewise.engine.expr import Sym, as_expr, maximum, minimum, total
from shorewise.engine.expr_eval import evaluate
from shorewise.engine.params import Route, derived_inputs, rate_card_key
from shorewise.report.assumptions import short_unit
from shorewise.report.excel_formula import Places, render_own
from shorewise.report.excel_layout import Layout, Sheet
from shorewise.report.excel_model import PLAN_ROUTE, work_months, workstream_setting
from shorewise.report.excel_option import Bindings
from shorewise.report.workbook_source import WorkbookSource
from shorewise.results.vocabulary import country_name
from shorewise.uncertainty.montecarlo import central_draws

_INPUT_STYLE = {"share": "input_share", "share/year": "input_share"}
_HEADS = ("input (defined name)", "central value", "unit", "assumption", "provenance",
          "source", "meaning")  # fmt: skip


def input_name(key: str) -> str:
    """The defined name of an input: ``offshore_wage_ratio@VN`` -> ``offshore_wage_ratio_VN``."""
    return re.sub(r"[^A-Za-z0-9_]", "_", key)


class _Rows:
    """Writes input rows one after the other and records their names."""

    def __init__(self, layout: Layout, sheet: Sheet, row: int) -> None:
        self.layout, self.sheet, self.row = layout, sheet, row
        self.bindings = Bindings({}, {})

    def put(
        self, key: str, name: str, content: Any, style: str, value: Any = None, bind: bool = True
    ) -> int:
        """One input: defined ``name`` at column B; ``bind``: the model's input ``key`` is
        this cell (with ``value``, else ``content``, as its value in numpy)."""
        self.sheet.put(self.row, 0, name, "label")
        self.sheet.put(self.row, 1, content, style, value)
        self.layout.define(name, self.sheet.name, self.row, 1)
        if bind:
            self.bindings.refs[key] = name
            self.bindings.values[key] = content if value is None else value
        self.row += 1
        return self.row - 1


def _assumptions(rows: _Rows, c: WorkbookSource) -> None:
    cur, sheet = c.scenario.currency, rows.sheet
    derived = derived_inputs(c.inputs)
    central = central_draws(c.inputs)  # each input's median: the deterministic run's
    for key in c.inputs.assumptions:
        rows.bindings.refs[key] = input_name(key) + ("_survey" if key in derived else "")
        rows.bindings.values[key] = np.asarray(central[key], dtype=np.float64)
    for a in (row.model_dump() for row in c.result.assumptions):
        key, unit = a["key"], a["unit"]
        style = _INPUT_STYLE.get(unit, "input_money" if unit.startswith("money") else "input")
        value = np.asarray(central[key], dtype=np.float64)
        name = input_name(key)
        if key in derived:
            name += "_survey"
        r = rows.put(key, name, float(value[0]), style, value)
        sheet.put(r, 2, short_unit(unit, cur))
        sheet.put(r, 3, a["value"] + (" (set in the scenario)" if a["overridden"] else ""))
        sheet.put(r, 4, a["provenance"])
        sheet.put(r, 5, a["source"], "note")
        sheet.put(r, 6, a["meaning"], "note")
        if a["overridden"]:
            sheet.put(r, 0, name, "override")
        if key in derived:
            _derived(rows, c, key, style)


def _derived(rows: _Rows, c: WorkbookSource, key: str, style: str) -> None:
    """The wage ratio as the engine means it: a formula over the survey ratio by default."""
    node = derived_inputs(c.inputs)[key]
    places = Places(rows.bindings.refs)
    value = float(np.ravel(evaluate(node, rows.bindings.values, months=0))[0])
    name = input_name(key)
    r = rows.put(key, name, f"={render_own(node, places)}", style, value, bind=False)
    rows.bindings.named_inputs[key] = name
    sheet = rows.sheet
    sheet.put(r, 2, "share")
    sheet.put(r, 3, "offshore pay / home pay, as the model uses it")
    sheet.put(r, 4, "formula")
    sheet.note(r, 5, 6, "By default the survey ratio above x offshore / onshore talent "
               "premium. Type a number to set the ratio itself (as the same key in a "
               "scenario file does).")  # fmt: skip


def _window(rows: _Rows, w: int, r: int, value: float) -> None:
    """Column G of a workstream row: the months a late team may be kept from its start, the
    formula of ``Workstream.window_months`` (duration + max(12, duration / 2, rounded down),
    never past month 240)."""
    key = workstream_setting(w, "window_months")
    name = input_name(key)
    duration = input_name(workstream_setting(w, "duration_months"))
    start = input_name(workstream_setting(w, "start_month"))
    formula = (
        f"=MAX({duration},MIN({duration}+MAX({MIN_FINISH_ALLOWANCE_MONTHS},INT({duration}/2)),"
        f"{MAX_HORIZON_MONTHS}-{start}))"
    )
    rows.sheet.put(r, 6, formula, "number", value)
    rows.layout.define(name, rows.sheet.name, r, 6)
    rows.bindings.refs[key], rows.bindings.values[key] = name, value


def _settings(rows: _Rows, c: WorkbookSource) -> None:
    sheet, scenario = rows.sheet, c.scenario
    rows.row += 1
    sheet.put(rows.row, 0, "Workstreams", "section")
    rows.row += 1
    for col, text in enumerate(("workstream", "target FTE", "start month", "duration (months)",
                                "core", "scope volatility", "kept at most (months)")):  # fmt: skip
        sheet.put(rows.row, col, text, "head")
    rows.row += 1
    ends, dues = [], []
    for w, ws in enumerate(scenario.workstreams):
        r = rows.row
        sheet.put(r, 0, ws.name, "label")
        for col, (field, value) in enumerate(
            (("fte", ws.target_fte), ("start_month", ws.start_month),
             ("duration_months", ws.duration_months)), start=1
        ):  # fmt: skip
            key = workstream_setting(w, field)
            name = input_name(key)
            sheet.put(r, col, float(value), "input")
            rows.layout.define(name, sheet.name, r, col)
            rows.bindings.refs[key], rows.bindings.values[key] = name, float(value)
        sheet.put(r, 4, "yes" if ws.core else "no")
        sheet.put(r, 5, ws.scope_volatility.value)
        _window(rows, w, r, float(ws.window_months))
        start = Sym(workstream_setting(w, "start_month"))
        ends.append(start + Sym(workstream_setting(w, "window_months")))
        dues.append(start + Sym(workstream_setting(w, "duration_months")))
        rows.row += 1
    rows.row += 1
    sheet.put(rows.row - 1, 0, "Settings", "section")
    if scenario.horizon_months is not None:
        r = rows.put("horizon_months", "horizon_months", float(scenario.horizon), "input")
        sheet.note(r, 2, 6, "Months modelled from the scenario start (set in the scenario).")
    else:
        formula = f"={render_own(as_expr(maximum(*ends)), Places(rows.bindings.refs))}"
        r = rows.put("horizon_months", "horizon_months", formula, "input", float(scenario.horizon))
        sheet.note(r, 2, 6, "Months modelled: by default until the latest workstream's team "
                   "may be kept (a formula); type a number to fix it.")  # fmt: skip
    latest = as_expr(maximum(*dues))
    check = render_own(latest, Places(rows.bindings.refs))
    cut = "the horizon ends before the work does: costs after it are cut off"
    sheet.put(r, 7, f'=IF(horizon_months<{check},"{cut}","")', "note", "")
    equal = 1.0 if scenario.staffing is StaffingRule.EQUAL_OUTPUT else 0.0
    r = rows.put("equal_output", "equal_output", equal, "input")
    sheet.choices[(r, 1)] = ["1", "0"]
    sheet.note(r, 2, 6, "Staffing rule. 1: pay target / productivity FTE so every option "
               "delivers the same work; 0: pay the target headcount.")  # fmt: skip
    r = rows.put("offshore_route", "offshore_route", scenario.offshore_route.value, "input")
    sheet.choices[(r, 1)] = ["auto", "eor", "entity"]
    sheet.note(r, 2, 6, "How a team abroad is employed: auto (the lower cost per effective "
               "FTE-month of the plan's team in the country, worked out below), eor "
               "(employer of record) or entity (own entity).")  # fmt: skip
    _plan(rows, c)


_PLAN_ROWS = {
    "plan_head_months": ("head-months of the plan (FTE x months of work, all workstreams)",
                         "the load a team in one country carries if the plan puts all its "
                         "work there; each option's share of a country's fixed costs is its "
                         "part of it"),
    "plan_heads": ("hires of the plan (head-months / months the entity runs)",
                   "the average team over the plan; hiring takes at least these hires / "
                   "hires per month"),
    "plan_span_months": ("months an entity runs (first start to last end)",
                         "running costs of an own entity are paid once over these months"),
}  # fmt: skip


def _plan(rows: _Rows, c: WorkbookSource) -> None:
    """The plan's load (formulas over the workstreams) and, per country with a team abroad,
    a cell for the route of the plan's team there (its formula written once the option
    sheets exist, :mod:`shorewise.report.excel_routes`)."""
    sheet, n = rows.sheet, len(c.scenario.workstreams)
    rows.row += 1
    sheet.put(rows.row - 1, 0, "Plan by country", "section")
    starts = [Sym(workstream_setting(w, "start_month")) for w in range(n)]
    ends = [s + Sym(workstream_setting(w, "duration_months")) for w, s in enumerate(starts)]
    horizon = Sym("horizon_months")
    nodes = {
        "plan_head_months": total([Sym(workstream_setting(w, "fte")) * work_months(w)
                                   for w in range(n)]),
        "plan_span_months": maximum(0.0, minimum(maximum(*ends), horizon) - minimum(*starts)),
    }  # fmt: skip
    nodes["plan_heads"] = Sym("plan_head_months") / maximum(Sym("plan_span_months"), 1e-9)
    for key in ("plan_head_months", "plan_span_months", "plan_heads"):
        node = as_expr(nodes[key])
        value = float(np.ravel(evaluate(node, rows.bindings.values, months=0))[0])
        formula = f"={render_own(node, Places(rows.bindings.refs))}"
        r = rows.put(key, key, formula, "number", value)
        label, note = _PLAN_ROWS[key]
        sheet.put(r, 3, label)
        sheet.put(r, 4, "formula")
        sheet.note(r, 5, 6, note)
    for country in c.scenario.offshore_countries:
        choice = next(
            (ch for row in c.rows for _, ch in row.alternative.routes if ch.country == country),
            None,
        )
        if choice is None:
            continue
        key = PLAN_ROUTE.format(country=country)
        value = 1.0 if choice.route is Route.ENTITY else 0.0
        r = rows.put(key, input_name(key), value, "int", value)
        rows.bindings.plan_routes[country] = (r, 1)
        sheet.put(r, 3, f"{country_name(country)}: own entity (1) or employer of record (0)")
        sheet.put(r, 4, "formula")
        sheet.note(r, 5, 6, "The rule on the route setting above over every workstream's "
                   f"team in {country_name(country)} (option sheets): the lower cost per "
                   "effective FTE-month of the two routes; every option there uses "
                   "it.")  # fmt: skip


def inputs_sheet(layout: Layout, sheet: Sheet, c: WorkbookSource) -> Bindings:
    """Write the Inputs sheet (see module doc); return the inputs' names and values."""
    sheet.put(0, 0, f"Inputs — {c.scenario.name}", "title")
    sheet.note(1, 0, 6, "Yellow cells are the model's inputs, each at its central value (the "
               "median of its range). Change one and every option sheet and the Summary "
               f"recompute. Money in {c.scenario.currency}.")  # fmt: skip
    for col, text in enumerate(_HEADS):
        sheet.put(3, col, text, "head")
    rows = _Rows(layout, sheet, 4)
    _assumptions(rows, c)
    for country, rate in sorted(c.inputs.vendor_monthly_rates.items()):
        key = rate_card_key(country)
        r = rows.put(key, input_name(key), float(rate), "input_money")
        sheet.put(r, 0, input_name(key), "override")
        sheet.put(r, 2, f"{c.scenario.currency} per FTE-month")
        sheet.put(r, 4, "scenario")
        sheet.put(r, 5, "vendor price from the rate card", "note")
    _settings(rows, c)
    sheet.widths.update({0: 36, 1: 14, 2: 22, 3: 28, 4: 12, 5: 60, 6: 60})
    sheet.freeze = (4, 1)
    return rows.bindings
