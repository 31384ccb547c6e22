"""One option's sheet: the engine's model of it as live formulas, results on top.

The sheet holds what :func:`~shorewise.report.excel_model.sheet_model` computes: the
results (months modelled, route chosen, headline figures, cost by category), one column per
component and route with its parameters and per-draw figures, and the monthly model with a
row for each of :data:`MONTH_ROWS` months (rows past the work are inactive and hold 0), so
any duration the engine accepts works. Every named node of the model gets a cell or a
column (placed first, then written); formulas come from
:mod:`shorewise.report.excel_formula`, stored values from numpy on the same expressions.

Example::

    >>> figures = option_sheet(sheet, comparison, 2, bindings)      # doctest: +SKIP
    >>> figures.refs["total_cost"]                                # doctest: +SKIP
    "'VN team'!$C$7"
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from shorewise.domain.scenario import MAX_HORIZON_MONTHS
from shorewise.engine.expr import Expr, MonthDelta, Named, walk
from shorewise.engine.expr_eval import at_month_edges, depends_on_months
from shorewise.engine.metrics import METRIC_NAMES
from shorewise.engine.params import PARAMETER_NAMES, PARAMETERS
from shorewise.engine.types import CATEGORIES
from shorewise.report.excel_cells import SheetWriter, address
from shorewise.report.excel_layout import Sheet, cell_name, quote_sheet
from shorewise.report.excel_model import ROUTE_WORDS, SheetModel, Variant, sheet_model
from shorewise.report.workbook_source import WorkbookSource
from shorewise.results.vocabulary import category_label, option_label

MONTH_ROWS = MAX_HORIZON_MONTHS
"""Monthly rows on every option sheet: the longest work the engine accepts (months)."""

RESULT_LABELS = {
    "total_cost": "total cost",
    "npv_cost": "net present value",
    "effective_fte_months": "effective FTE-months",
    "cost_per_effective_fte_month": "cost per effective FTE-month",
    "months_to_target": "months to 90 % of target capacity",
}
_RESULT_STYLES = {"total_cost": "money_total", "effective_fte_months": "number"}
_RESULT_STYLES.update(months_to_target="int")
_KINDS = {name: kind for name, _, kind in PARAMETERS}
_STYLES = {"money": "money", "share": "share", "months": "months"}


@dataclass
class Bindings:
    """The workbook's inputs: reference and central value of every input name, and the
    derived inputs (formulas on the Inputs sheet) by name -> reference."""

    refs: dict[str, str]
    values: dict[str, Any]
    named_inputs: dict[str, str] = field(default_factory=dict)
    plan_routes: dict[str, tuple[int, int]] = field(default_factory=dict)  # country -> cell


@dataclass(frozen=True)
class OptionFigures:
    """Where an option sheet keeps its results (references from other sheets), with their
    stored values."""

    refs: dict[str, str]  # metric or category -> reference
    values: dict[str, Any]
    # a team abroad alone: route -> its figures (total_cost, effective_fte_months) -> reference
    route_figures: dict[str, dict[str, str]] = field(default_factory=dict)


def _style(node: Named) -> str:
    kind = _KINDS.get(node.name)
    if kind:
        return _STYLES.get(kind, "number")
    money = ("cost", "burn", "total_", "option_", *CATEGORIES)
    return "money" if node.name.startswith(money) else "number"


def _named(
    roots: list[Expr], taken: set[int], want_monthly: bool, monthly: Callable[[Expr], bool]
) -> list[Named]:
    """Named nodes under ``roots`` (dependencies first), monthly or per draw, not taken; at
    month edges only the integrals of month deltas (the others are written inline)."""
    nodes = list(walk(roots))
    integrals = {id(n.f) for n in nodes if isinstance(n, MonthDelta)}
    edges: dict[int, bool] = {}
    out = []
    for n in nodes:
        if not isinstance(n, Named) or id(n) in taken or monthly(n) != want_monthly:
            continue
        if at_month_edges(n, edges) and id(n) not in integrals:
            continue
        taken.add(id(n))
        out.append(n)
    return out


def _title(c: WorkbookSource, option: str, v: Variant) -> str:
    title = option_label(option, home=c.scenario.home_country)
    return title + (f", {ROUTE_WORDS[v.route]}" if v.route is not None else "")


class _OptionSheet:
    """Lays out one sheet model: results, parameter columns, monthly columns."""

    def __init__(self, sheet: Sheet, c: WorkbookSource, index: int, bindings: Bindings) -> None:
        self.sheet, self.c = sheet, c
        self.alt = c.rows[index].alternative
        self.m: SheetModel = sheet_model(self.alt, c.inputs)
        self.flags: dict[int, bool] = {}
        self.taken = {
            id(n)
            for n in walk(self._roots())
            if isinstance(n, Named) and n.name in bindings.named_inputs
        }
        self.titles = [
            _title(c, str(self.alt.components[v.component].option), v) for v in self.m.variants
        ]
        self.results_row = 4
        self.category_row = self.results_row + 1 + len(self.m.choices) + len(METRIC_NAMES) + 2
        self.param_row = self.category_row + len(CATEGORIES) + 3
        self.share_cells: dict[int, str] = {}
        for i, v in enumerate(self.m.variants):
            self.share_cells.setdefault(
                v.component, cell_name(self.param_row, 2 + i, absolute=True)
            )
        local = {
            v.share: (self.share_cells[v.component], self.alt.components[v.component].share)
            for v in self.m.variants
        }
        self.w = SheetWriter(
            sheet, bindings.refs, bindings.values, bindings.named_inputs, local, self.m.months
        )

    def _roots(self) -> list[Expr]:
        return [*self.m.metrics.values(), self.m.paid]

    def monthly(self, node: Expr) -> bool:
        return depends_on_months(node, self.flags)

    def lay_out(self) -> OptionFigures:
        refs = self._results()
        head = self._parameters() + 2
        self._months(head)
        self.w.write_cells()
        self.w.write_months(cell_name(self.results_row, 2, absolute=True))
        values = {k: self.sheet.cells[address(ref)].value for k, ref in refs.items()}
        return OptionFigures(refs, values, self._route_figures())

    def _route_figures(self) -> dict[str, dict[str, str]]:
        """Where a lone team abroad's figures under each route are (the plan's route)."""
        if len(self.alt.components) != 1:
            return {}
        sheet = quote_sheet(self.sheet.name)
        return {
            v.route.value: {
                k: f"{sheet}!{self.w.places.cells[id(v.figures[k])]}"
                for k in ("total_cost", "effective_fte_months")
            }
            for v in self.m.variants
            if v.route is not None
        }

    def _results(self) -> dict[str, str]:
        s, m, cur = self.sheet, self.m, self.c.scenario.currency
        s.put(
            self.results_row - 1,
            1,
            f"Results (live: recomputed from the Inputs sheet; money in {cur})",
            "section",
        )
        r = self.results_row
        s.put(r, 1, "months of the work inside the horizon", "label")
        self.w.place(r, 2, m.months, "int")
        months = cell_name(r, 2, absolute=True)
        cut = f"more than the {MONTH_ROWS} monthly rows of this sheet: results cut"
        s.put(r, 3, f'=IF({months}>{MONTH_ROWS},"{cut}","")', "note", "")
        self.taken.add(id(m.months))
        refs: dict[str, str] = {}
        for k, choice in m.choices.items():
            r += 1
            option = option_label(
                str(self.alt.components[k].option), home=self.c.scenario.home_country
            )
            s.put(r, 1, f"{option}: own entity (1) or employer of record (0)", "label")
            self.w.place(r, 2, choice, "int")
            self.taken.add(id(choice))
            route = self.alt.components[k].route
            words = ROUTE_WORDS[route] if route else ""
            s.put(
                r,
                3,
                f'=IF({cell_name(r, 2, absolute=True)}=1,"own entity","employer of record")',
                "text",
                words,
            )
        for name in METRIC_NAMES:
            r += 1
            s.put(r, 1, RESULT_LABELS[name], "label")
            refs[name] = self.w.place(r, 2, m.metrics[name], _RESULT_STYLES.get(name, "money"))
            self.taken.add(id(m.metrics[name]))
        r = self.category_row
        s.put(r - 1, 1, f"Cost by category (live, {cur})", "section")
        for i, cat in enumerate(CATEGORIES):
            s.put(r + i, 1, category_label(cat), "label")
            refs[cat] = self.w.place(r + i, 2, m.totals[cat], "money")
            self.taken.add(id(m.totals[cat]))
        return refs

    def _parameters(self) -> int:
        """The per-draw block, one column per variant; returns its last row."""
        s, top = self.sheet, self.param_row
        s.put(
            top - 2,
            1,
            "Parameters and per-draw figures (formulas over the Inputs sheet)",
            "section",
        )
        s.put(top - 1, 1, "parameter", "head")
        s.put(top, 1, "share of the workstream's capacity", "label")
        placed: list[list[Named]] = []
        for v in self.m.variants:
            f = v.figures
            roots = [v.target, *v.params.values(), *v.model.staffing.values()]
            roots += [*v.totals.values(), f["total_cost"], f["effective_fte_months"]]
            roots.append(f["cost_per_effective_fte_month"])
            placed.append(_named(roots, self.taken, False, self.monthly))
        order = {name: i for i, name in enumerate(["target_fte", *PARAMETER_NAMES])}
        names = list(dict.fromkeys(n.name for nodes in placed for n in nodes))
        names.sort(key=lambda n: order.get(n, len(order)))
        rows = {name: top + 1 + i for i, name in enumerate(names)}
        labels = {n.name: n.label or n.name for nodes in placed for n in nodes}
        for name, r in rows.items():
            s.put(r, 1, labels[name], "label")
        for i, (v, nodes) in enumerate(zip(self.m.variants, placed, strict=True)):
            col = 2 + i
            s.put(top - 1, col, self.titles[i], "head")
            share = self.share_cells[v.component]
            if share == cell_name(top, col, absolute=True):
                s.put(top, col, float(self.alt.components[v.component].share), "input_share")
            else:
                s.put(top, col, f"={share}", "share", float(self.alt.components[v.component].share))
            for node in nodes:
                self.w.place(rows[node.name], col, node, _style(node))
        return max(rows.values(), default=top)

    def _months(self, head: int) -> None:
        s = self.sheet
        self.w.month_rows(head, MONTH_ROWS)
        s.put(
            head - 1,
            0,
            f"Monthly model: one row per month of the work ({MONTH_ROWS} rows; rows after "
            "the work are inactive and hold 0)",
            "section",
        )
        for col, text in enumerate(("month of the work", "t (months since its start)", "active")):
            s.put(head, col, text, "head")
        col = 3
        several = len(self.m.variants) > 1
        for i, v in enumerate(self.m.variants):
            model = v.model
            roots = [
                model.paid,
                model.effective,
                model.growth,
                *model.categories.values(),
                model.burn,
                *v.figures.values(),  # monthly parts of the variant's own figures
            ]
            for node in _named(roots, self.taken, True, self.monthly):
                s.put(
                    head,
                    col,
                    (f"{self.titles[i]}: " if several else "") + (node.label or node.name),
                    "head",
                )
                if at_month_edges(node):
                    s.grouped.add(col)
                self.w.column(col, node, _style(node))
                col += 1
        for node in _named(self._roots(), self.taken, True, self.monthly):
            s.put(head, col, node.label or node.name, "head_total")
            self.w.column(col, node, _style(node))
            col += 1


def option_sheet(sheet: Sheet, c: WorkbookSource, index: int, bindings: Bindings) -> OptionFigures:
    """Write alternative ``index`` of ``c`` as a live model on ``sheet``; return where its
    results are."""
    return _OptionSheet(sheet, c, index, bindings).lay_out()
