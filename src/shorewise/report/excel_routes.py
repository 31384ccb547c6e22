"""The route of the plan's team in each country, written on the Inputs sheet once the option
sheets exist: the engine's rule (:func:`~shorewise.engine.alternatives.route_rule`) on the
route setting and the sums over every workstream's lone team abroad in the country of its
total cost and effective FTE-months under each route (the option sheets' cells), as
:func:`~shorewise.engine.alternatives.plan_route_figures` computes them.

Example::

    >>> write_plan_routes(layout.sheet("Inputs"), bindings, figures)  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Sequence

from shorewise.domain.strategy import Strategy
from shorewise.engine.alternatives import Alternative, route_rule
from shorewise.engine.expr import Sym, Value, as_expr, maximum, total
from shorewise.engine.params import Route
from shorewise.report.excel_formula import Places, render_own
from shorewise.report.excel_layout import Sheet
from shorewise.report.excel_option import Bindings, OptionFigures

__all__ = ["write_plan_routes"]


def write_plan_routes(
    inputs: Sheet,
    bindings: Bindings,
    sheets: Sequence[tuple[Alternative, OptionFigures]],
) -> None:
    """Fill each country's route cell of the Inputs sheet (placed by the inputs sheet)."""
    for country, (row, col) in bindings.plan_routes.items():
        symbols: dict[str, str] = {"offshore_route": bindings.refs["offshore_route"]}
        sums: dict[Route, dict[str, Value]] = {}
        for route in Route:
            terms: dict[str, list[Value]] = {"total_cost": [], "effective_fte_months": []}
            for i, (alt, figures) in enumerate(sheets):
                comp = alt.components[0]
                if alt.mix is not None or comp.option.strategy is not Strategy.OFFSHORE_INHOUSE:
                    continue
                if comp.option.country != country:
                    continue
                for key, ref in figures.route_figures[route.value].items():
                    name = f"{i}.{route.value}.{key}"
                    symbols[name] = ref
                    terms[key].append(Sym(name))
            cost, effective = total(terms["total_cost"]), total(terms["effective_fte_months"])
            sums[route] = {
                "effective_fte_months": effective,
                "cost_per_effective_fte_month": cost / maximum(effective, 1e-9),
            }
        rule = as_expr(route_rule(Sym("offshore_route"), sums[Route.EOR], sums[Route.ENTITY]))
        cell = inputs.cells[(row, col)]
        inputs.put(row, col, f"={render_own(rule, Places(symbols))}", "int", cell.value)
