"""The monthly model of one option on one workstream, written once as expressions.

:func:`component_model` takes the option's parameters (:mod:`shorewise.engine.params`)
and the workstream's settings as expressions and gives paid FTE, effective FTE, every cost
category and the burn per month of the work, and each category's total. The engine
evaluates it with numpy (:func:`shorewise.engine.option.simulate_option`); the workbook
writes it as formulas, one row per month. People being hired or learning are paid before
they deliver, so a slow ramp costs money, not only time.

Staffing: attrition (annual rate A, monthly hazard a) leaves seats empty for the vacancy
time V and costs each replacement half the learning time L: paid x (1 - a V), productive
x (1 - a (V + L/2)). ``equal_output`` staffs ``target / (productivity x (1 - a (V + L/2)))``
seats so every option delivers the target at full strength (covering its own churn);
``equal_headcount`` staffs ``target`` seats.

Work to deliver: the scope ``target x duration`` FTE-months is due at the end of the work;
the team is kept until it is delivered — ``finish = delay + R/2 + L/2 + scope / capacity
at full strength`` months from the start (hiring and learning lag, exact once the team is
at full strength; refined by Newton steps for work done during the ramp) — but at most
``window_months`` (the due month plus the finish allowance,
:func:`~shorewise.domain.limits.finish_allowance`). Every monthly figure is scaled by the
share of the month the team is still kept, so cost to finish includes the extra months;
each month past the due month costs ``target x cost_of_delay`` besides.

Costs per month, with ``G`` the wage growth since the scenario start and ``P`` paid FTE:
salaries ``P·G·pay``, on-costs on them, equipment/office and EOR fees ``P·rate``, entity
running (+ set-up and vendor selection/transition in the first month), recruiting
``(hires·full + P·a)·G·fee``, release ``P·G·pay·months`` in the month the team leaves, vendor
fees ``P·G·price`` with governance, change-request and rework (building up over
:data:`REWORK_BUILD_UP_MONTHS`) premiums on them; governance also holds home-side
management at home pay ``P·G·management`` (its first-year figure in the work's first 12
months); travel, and the cost of delay in the months past the due month.

Example::

    >>> from shorewise.engine.expr import Sym
    >>> from shorewise.engine.params import PARAMETER_NAMES
    >>> m = component_model({n: Sym(n) for n in PARAMETER_NAMES}, {n: Sym(n) for n in SETTINGS})
    >>> sorted(m.categories) == sorted(CATEGORIES)
    True
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from shorewise.engine.curves import (
    at_least_min_months,
    headcount_share,
    hires_share,
    monthly_rate,
    productive_months,
    productive_rate,
    productive_share,
)
from shorewise.engine.expr import (
    MONTH,
    Expr,
    Value,
    clip,
    compare,
    exp,
    in_month,
    ln,
    maximum,
    minimum,
    month_sum,
    named,
    total,
    where,
)
from shorewise.engine.types import CATEGORIES, CATEGORY_LABELS

REWORK_BUILD_UP_MONTHS = 12.0
"""Months over which rework of least-effort delivery builds up to its full rate (judgement:
defects surface as the delivered code base grows, about a year)."""

SETTINGS = (
    "target_fte",
    "equal_output",
    "start_month",
    "duration_months",
    "window_months",
    "horizon_months",
)
"""The workstream's settings the model reads: target FTE of this component, staffing rule
(1 = equal output), start and duration of the work (its due month), the months a late team
may be kept from the start (:attr:`~shorewise.domain.scenario.Workstream.window_months`)
and the horizon (months)."""


def months_inside(start: Value, duration: Value, horizon: Value) -> Value:
    """Months of the work inside the horizon: ``max(0, min(start + duration, horizon) -
    start)`` (plain numbers give a plain number)."""
    return maximum(0, minimum(start + duration, horizon) - start)


@dataclass(frozen=True)
class ComponentModel:
    """One component's model: per-draw staffing figures, monthly series, category totals."""

    months: Value
    staffing: dict[str, Expr]  # per draw: full_paid, leaving_rate, paid_factor, ...
    finish: Expr  # per draw: months from the work's start until the scope is done
    paid: Expr
    effective: Expr
    growth: Expr
    categories: dict[str, Expr]  # monthly cost of each category, CATEGORIES order
    burn: Expr
    totals: dict[str, Expr]  # each category over the months of the work


def _staffing(p: Mapping[str, Value], s: Mapping[str, Value]) -> dict[str, Expr]:
    target = s["target_fte"]
    equal_output = compare("=", s["equal_output"], 1.0)
    leaving = named("leaving_rate", monthly_rate(p["attrition"]), "monthly leaving rate")
    vacancy = p["vacancy_months"]
    productive_factor = named(
        "productive_factor",
        clip(1.0 - leaving * (vacancy + 0.5 * p["learn_months"]), 0.0, 1.0),
        "productive share after vacancies and learning",
    )
    output_per_seat = maximum(p["productivity"] * productive_factor, 1e-6)
    full = where(equal_output, target / output_per_seat, target)
    return {
        "full_paid": named("full_paid", full, "seats at full strength"),
        "leaving_rate": leaving,
        "paid_factor": named(
            "paid_factor", clip(1.0 - leaving * vacancy, 0.0, 1.0), "paid share after vacancies"
        ),
        "productive_factor": productive_factor,
        "ramp": named("ramp_used", at_least_min_months(p["ramp_months"]), "ramp used R"),
        "learn": named("learn_used", at_least_min_months(p["learn_months"]), "learning used L"),
    }


FINISH_NEWTON_STEPS = 4
"""Newton steps refining the finish month of work done while the team is still being hired
or trained (from the right: each step stays at or after the true month; exact once settled).
In the month the team leaves, that month's mean capacity counts for the share of the month
it stays, so work finished during hiring or learning is counted up to a few per cent over
its scope (the monthly grid's resolution; exact once the team is at full strength)."""


def _finish(p: Mapping[str, Value], s: Mapping[str, Value], st: Mapping[str, Expr]) -> Expr:
    """Months from the work's start until its scope (``target x duration``) is delivered:
    the lag of hiring and learning (``delay + R/2 + L/2``) plus the scope over the capacity
    at full strength — exact once the team is at full strength — then
    :data:`FINISH_NEWTON_STEPS` Newton steps on the delivered capacity for work finished
    during the ramp (the capacity curve is convex there, so the steps never undershoot)."""
    at_full = maximum(st["full_paid"] * p["productivity"] * st["productive_factor"], 1e-9)
    delay, ramp, learn = p["delay_months"], st["ramp"], st["learn"]
    scope = s["target_fte"] * s["duration_months"]
    finish: Value = delay + 0.5 * ramp + 0.5 * learn + scope / at_full
    for step in range(FINISH_NEWTON_STEPS):
        finish = named(f"finish_step{step}", finish, f"months to finish, estimate {step + 1}")
        y = finish - delay
        excess = at_full * productive_months(y, ramp, learn) - scope
        finish = finish - excess / (at_full * maximum(productive_rate(y, ramp, learn), 1e-9))
    return named("finish_months", finish, "months to finish")


def component_model(p: Mapping[str, Value], s: Mapping[str, Value]) -> ComponentModel:
    """The model of one component: ``p`` its parameters by name (see
    :data:`~shorewise.engine.params.PARAMETERS`), ``s`` its :data:`SETTINGS`."""
    st = _staffing(p, s)
    full, leaving, delay = st["full_paid"], st["leaving_rate"], p["delay_months"]
    months = months_inside(s["start_month"], s["window_months"], s["horizon_months"])
    finish = _finish(p, s, st)
    kept = named("kept_months", minimum(finish, months), "months the team is kept")
    active = named("active", clip(kept - MONTH, 0.0, 1.0), "share of the month kept")
    leaves = named(
        "leaves", active - clip(kept - MONTH - 1.0, 0.0, 1.0), "share released in the month"
    )
    headcount = headcount_share(delay, st["ramp"])
    staffed = named("staffed", headcount * (full * st["paid_factor"]), "paid FTE while kept")
    paid = named("paid", staffed * active, "paid FTE")
    effective = named(
        "effective",
        productive_share(delay, st["ramp"], st["learn"])
        * (full * p["productivity"] * st["productive_factor"])
        * active,
        "effective FTE",
    )
    plan_month = s["start_month"] + MONTH
    growth = named(
        "growth", exp(plan_month * (ln(1.0 + p["wage_growth"]) / 12.0)), "wage growth factor"
    )
    paid_growth = paid * growth
    pay, price = p["salary_monthly"], p["vendor_rate_monthly"]
    hires = hires_share(delay, st["ramp"])
    build_up = named(
        "rework_build_up", minimum(1.0, (MONTH + 1.0) / REWORK_BUILD_UP_MONTHS), "rework build-up"
    )
    c: dict[str, Expr] = {}

    def cat(name: str, value: Value) -> Expr:
        c[name] = named(name, value, CATEGORY_LABELS[name])
        return c[name]

    salaries = cat("salaries", paid_growth * pay)
    on_costs = cat("on_costs", salaries * p["oncost_rate"])
    cat("equipment_office", paid * p["equipment_office_monthly"])
    on_eor = named("on_eor", clip(p["eor_months"] - MONTH, 0.0, 1.0), "share of the month on EOR")
    cat("eor_fees", paid * p["eor_fee_monthly"] * on_eor)
    cat("entity", p["entity_running_monthly"] * active + in_month(0, p["entity_setup_cost"]))
    cat("recruiting", (hires * full * active + paid * leaving) * growth * p["recruiting_fee"])
    cat("release", leaves * (staffed * growth) * (p["release_months"] * pay))
    fees = cat("vendor_fees", paid_growth * price)
    contract_year = full * price * minimum(12, s["duration_months"])
    cat("vendor_selection_transition", in_month(0, contract_year * p["selection_transition_rate"]))
    first_year = compare("<", MONTH, 12)
    management = where(
        first_year, p["home_management_first_year_monthly"], p["home_management_monthly"]
    )
    cat(
        "governance",
        (fees + salaries + on_costs) * p["governance_rate"] + paid_growth * management,
    )
    cat("change_requests", fees * p["change_request_rate"])
    cat("rework", fees * p["rework_rate"] * build_up)
    cat("travel", paid * (p["travel_monthly"] * p["offshore_share"]))
    late = where(compare(">=", MONTH, s["duration_months"]), active, 0.0)
    cat("cost_of_delay", late * (s["target_fte"] * p["cost_of_delay"]))
    categories = {k: c[k] for k in CATEGORIES}
    burn = named("burn", total(list(categories.values())), "cost in the month")
    return ComponentModel(
        months=months,
        staffing=st,
        finish=finish,
        paid=paid,
        effective=effective,
        growth=growth,
        categories=categories,
        burn=burn,
        totals={k: month_sum(v) for k, v in categories.items()},
    )
