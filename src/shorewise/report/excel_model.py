"""What one option sheet computes, assembled from the engine's model (never rewritten here).

For each component of an alternative (a mix has several) and each route it may take (a
team abroad: employer of record and own entity), the engine's parameter model
(:func:`~shorewise.engine.params.parameter_model`) and monthly model
(:func:`~shorewise.engine.model.component_model`) over the workbook's inputs, with the
component's share of its country's fixed costs and the plan's hires as formulas over the
workstreams (:func:`plan_terms`); the route of the plan's team in the country (a cell on the
Inputs sheet, :data:`PLAN_ROUTE`, the engine's rule over every workstream's team there);
then the option's monthly totals and its headline figures
(:func:`~shorewise.engine.metrics.metric_model`). Inputs are :class:`Sym` nodes named by
input key, workstream setting (``workstream1.fte``) or sheet cell (``share0``).

Example::

    >>> m = sheet_model(alternative, inputs)            # doctest: +SKIP
    >>> [v.route.value for v in m.variants]  # a team abroad      # doctest: +SKIP
    ['eor', 'entity']
"""

from __future__ import annotations

from dataclasses import dataclass

from shorewise.domain.strategy import Strategy
from shorewise.engine.alternatives import Alternative
from shorewise.engine.expr import (
    Expr,
    Sym,
    Value,
    compare,
    const_value,
    maximum,
    named,
    total,
    where,
)
from shorewise.engine.inputs import ResolvedInputs
from shorewise.engine.metrics import metric_model
from shorewise.engine.model import ComponentModel, component_model, months_inside
from shorewise.engine.params import PARAMETER_NAMES, Route, parameter_model
from shorewise.engine.types import CATEGORIES, CATEGORY_LABELS

ROUTE_WORDS = {Route.EOR: "employer of record", Route.ENTITY: "own entity"}


PLAN_LOAD = ("plan_head_months", "plan_heads", "plan_span_months")
"""The input names of the plan's load (:class:`~shorewise.engine.country_plan.PlanLoad`),
formulas over the workstreams on the Inputs sheet."""

PLAN_ROUTE = "plan_route_entity@{country}"
"""The input name of the route of the plan's team in a country (1 own entity, 0 employer of
record), a formula on the Inputs sheet."""


def workstream_setting(index: int, field: str) -> str:
    """The input name of a workstream fact: ``workstream1.fte``, ``workstream1.start_month``."""
    return f"workstream{index + 1}.{field}"


def work_months(index: int) -> Value:
    """Months of workstream ``index`` inside the horizon, over the workbook's inputs."""
    return months_inside(
        Sym(workstream_setting(index, "start_month")),
        Sym(workstream_setting(index, "duration_months")),
        Sym("horizon_months"),
    )


def plan_terms(index: int, share: str) -> dict[str, Value]:
    """The plan terms (:mod:`shorewise.engine.country_plan`) of the component of workstream
    ``index`` whose share of the capacity is input ``share``."""
    fte = Sym(workstream_setting(index, "fte")) * Sym(share)
    load = maximum(Sym("plan_head_months"), 1e-9)
    return {
        "plan_fixed_share": fte * work_months(index) / load,
        "plan_running_share": fte * Sym("plan_span_months") / load,
        "plan_hires": Sym("plan_heads"),
    }


@dataclass(frozen=True)
class Variant:
    """One component under one route: its parameters (named), its model, its figures."""

    component: int
    route: Route | None
    share: str  # the input name of the component's share of the capacity
    params: dict[str, Expr]  # the non-zero ones
    model: ComponentModel
    target: Expr
    totals: dict[str, Expr]  # category -> named total over the months
    figures: dict[str, Expr]  # the variant's own headline figures (route choice)


@dataclass(frozen=True)
class SheetModel:
    """Everything an option sheet shows, as expressions."""

    variants: list[Variant]
    choices: dict[int, Expr]  # component -> 1 when its team abroad uses its own entity
    months: Expr
    paid: Expr
    effective: Expr
    burn: Expr
    totals: dict[str, Expr]
    metrics: dict[str, Expr]


def _variant(alt: Alternative, inputs: ResolvedInputs, k: int, route: Route | None) -> Variant:
    comp, w = alt.components[k], alt.workstream_index
    share = f"share{k}"
    ws = alt.workstream
    exprs = parameter_model(
        comp.option,
        inputs,
        volatility=ws.scope_volatility.value,
        route=route,
        contract=ws.contract.value,
        plan=plan_terms(w, share),
    )
    params = {name: e for name, e in exprs.items() if const_value(e) != 0.0}
    target = named("target_fte", Sym(workstream_setting(w, "fte")) * Sym(share), "target FTE")
    settings: dict[str, Value] = {
        "target_fte": target,
        "equal_output": Sym("equal_output"),
        "start_month": Sym(workstream_setting(w, "start_month")),
        "duration_months": Sym(workstream_setting(w, "duration_months")),
        "window_months": Sym(workstream_setting(w, "window_months")),
        "horizon_months": Sym("horizon_months"),
    }
    model = component_model({n: params.get(n, 0.0) for n in PARAMETER_NAMES}, settings)
    totals = {
        c: named(f"total_{c}", model.totals[c], f"{CATEGORY_LABELS[c]} (total)") for c in CATEGORIES
    }
    figures = metric_model(
        burn=model.burn,
        effective=model.effective,
        totals=list(totals.values()),
        target_fte=target,
        discount_rate=Sym("discount_rate"),
        start_month=settings["start_month"],
        due_months=settings["duration_months"],
    )
    return Variant(k, route, share, params, model, target, totals, figures)


def sheet_model(alt: Alternative, inputs: ResolvedInputs) -> SheetModel:
    """The model of alternative ``alt`` over the workbook's inputs (see module doc)."""
    variants: list[Variant] = []
    choices: dict[int, Expr] = {}
    chosen: list[dict[str, Value]] = []
    for k, comp in enumerate(alt.components):
        if comp.option.strategy is not Strategy.OFFSHORE_INHOUSE:
            v = _variant(alt, inputs, k, None)
            variants.append(v)
            chosen.append(_parts(v))
            continue
        eor, entity = (_variant(alt, inputs, k, r) for r in (Route.EOR, Route.ENTITY))
        variants += [eor, entity]
        rule = Sym(PLAN_ROUTE.format(country=comp.option.country))
        choice = named(f"route_entity_{k}", rule, "own entity (1) or employer of record (0)")
        choices[k] = choice
        is_entity = compare("=", choice, 1.0)
        a, b = _parts(entity), _parts(eor)
        chosen.append({key: where(is_entity, a[key], b[key]) for key in a})
    totals = {
        c: named(f"option_{c}", total([p[c] for p in chosen]), CATEGORY_LABELS[c])
        for c in CATEGORIES
    }
    paid = named("option_paid", total([p["paid"] for p in chosen]), "option paid FTE")
    effective = named(
        "option_effective", total([p["effective"] for p in chosen]), "option effective FTE"
    )
    burn = named("option_burn", total([p["burn"] for p in chosen]), "option cost in the month")
    target = total([p["target"] for p in chosen])
    first = variants[0]
    metrics = metric_model(
        burn=burn,
        effective=effective,
        totals=list(totals.values()),
        target_fte=target,
        discount_rate=Sym("discount_rate"),
        start_month=Sym(workstream_setting(alt.workstream_index, "start_month")),
        due_months=Sym(workstream_setting(alt.workstream_index, "duration_months")),
    )
    months = named("months_inside", first.model.months, "months of the work inside the horizon")
    return SheetModel(variants, choices, months, paid, effective, burn, totals, metrics)


def _parts(v: Variant) -> dict[str, Value]:
    """What a component adds to the option: monthly series, category totals, target."""
    out: dict[str, Value] = {
        "paid": v.model.paid,
        "effective": v.model.effective,
        "burn": v.model.burn,
        "target": v.target,
    }
    out.update(v.totals)
    return out
