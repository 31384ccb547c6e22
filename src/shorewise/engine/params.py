"""Per-option model parameters, written once as expressions over the inputs.

:func:`parameter_model` gives each parameter of one option (unit costs per paid FTE-month,
ramp and learning times, attrition, overhead rates) as an expression over the inputs
(:class:`~shorewise.engine.expr.Sym` named by input key, ``offshore_wage_ratio@VN``);
:func:`option_params` evaluates it with numpy for every draw, and the workbook writes the
same expressions as formulas. Money is in the scenario's currency; times are months; rates
are fractions.

Unit cost of own staff per paid FTE-month = pay/12 x (1 + on-costs + benefits) + equipment
+ office (+ the EOR fee abroad: for the whole work on the employer-of-record route, and on
the own-entity route while the entity is set up — the team is hired through an EOR
meanwhile and moved onto the entity, as EOR providers offer, so an entity never delays
hiring); abroad, pay holds local leads at their premium and on-costs skip the B2B share,
and home-side management is costed at home pay (higher in the team's first year;
engineering leadership too when the company is not a tech company). A vendor's price = the
rate card's, else its hourly rate (a published band by country) x billed hours, else its
own loaded staff cost x (1 + margin) where no band exists; an offshore vendor's onsite
share is priced at onsite rates, never below its offshore rate. Vendor prices grow by
their contract's escalation; change requests and rework apply to fixed-price contracts
only (on time and materials they are billed hours, inside productivity). The wage ratio is
offshore pay over home pay: by default the survey medians' ratio x the relative offshore
talent premium (:func:`wage_ratio`), or the scenario's number. A country's team set-up and
entity are the plan's, paid once: each option carries its share
(:mod:`shorewise.engine.country_plan`), and own teams hire at most so many people a month.

Example::

    >>> p = option_params(OptionKey(Strategy.ONSHORE_INHOUSE), draws, inputs)  # doctest: +SKIP
    >>> p.salary_monthly.shape                                        # doctest: +SKIP
    (10000,)
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

from shorewise.domain.limits import MAX_HORIZON_MONTHS
from shorewise.domain.strategy import OptionKey, Strategy
from shorewise.engine.country_plan import PLAN_TERM_NAMES, STANDALONE, PlanTerms
from shorewise.engine.expr import (
    Expr,
    Named,
    Sym,
    Value,
    clip,
    compare,
    maximum,
    named,
    walk,
    where,
)
from shorewise.engine.expr_compile import Program, compile_program
from shorewise.engine.inputs import ResolvedInputs
from shorewise.engine.param_table import PARAMETER_NAMES, PARAMETERS, OptionParams, Route
from shorewise.engine.types import DrawVector

__all__ = [
    "PARAMETERS",
    "PARAMETER_NAMES",
    "OptionParams",
    "Route",
    "derived_inputs",
    "inputs_read",
    "option_params",
    "parameter_model",
    "rate_card_key",
    "uniform",
    "wage_ratio",
]


def rate_card_key(country: str) -> str:
    """The input key of the rate card's vendor price per FTE-month for ``country``."""
    return f"rate_card_vendor_monthly@{country}"


def wage_ratio(inputs: ResolvedInputs, country: str) -> Expr:
    """Offshore pay over home pay for ``country``, as the engine means it: the survey
    medians' ratio (the input) x the offshore talent premium (relative to the home one: the
    same seniority premium applies at home and abroad) when it comes from market data, else
    the input itself (set in the scenario or a rate card)."""
    ratio = Sym(inputs.key("offshore_wage_ratio", country))
    if not inputs.wage_ratio_from_market.get(country, False):
        return ratio
    premium = Sym(inputs.key("offshore_talent_premium", country))
    label = "offshore pay / home pay (survey ratio x relative talent premium)"
    return named(ratio.name, ratio * premium, label)


def derived_inputs(inputs: ResolvedInputs) -> dict[str, Expr]:
    """Inputs the model derives from others by default (input key -> expression)."""
    return {
        inputs.key("offshore_wage_ratio", c): wage_ratio(inputs, c)
        for c, market in inputs.wage_ratio_from_market.items()
        if market
    }


def parameter_model(
    option: OptionKey,
    inputs: ResolvedInputs,
    *,
    volatility: str,
    route: Route | None = None,
    contract: str = "time_and_materials",
    plan: Mapping[str, Value] | None = None,
) -> dict[str, Expr]:
    """Every parameter of :data:`PARAMETERS` for ``option``, an expression over the inputs
    (``contract``: ``time_and_materials`` or ``fixed_price``, how outsourced work is bought;
    ``plan``: its plan terms by :data:`PLAN_TERM_NAMES`, symbols when not given). Set-up x
    ``plan_fixed_share``, entity running x ``plan_running_share``; an own team's ramp is
    ``max(hiring months, plan_hires / hires per month)`` (vendors: their bench)."""
    x = _Inputs(inputs)
    terms = {n: Sym(n) for n in PLAN_TERM_NAMES} if plan is None else dict(plan)
    hires = terms["plan_hires"]
    strategy, country = option.strategy, option.country
    p: dict[str, Value] = dict.fromkeys(PARAMETER_NAMES, 0.0)
    p.update(
        discount_rate=x("discount_rate"),
        control=x(f"control_{strategy.value}"),
        offshore_share=1.0 if strategy.offshore else 0.0,
    )
    home_salary = x("onshore_annual_pay") * x("onshore_talent_premium") / 12.0
    home_oncost = x("onshore_oncost_rate") + x("onshore_benefits_rate")
    home_other = x("equipment_monthly") + x("onshore_office_monthly")
    home_loaded = home_salary * (1.0 + home_oncost) + home_other
    leadership = 0.0 if inputs.tech_company else x("engineering_leadership_share")
    own, multiple = x("cost_of_delay_per_fte_month"), x("cost_of_delay_multiple")
    p["cost_of_delay"] = where(compare(">", own, 0.0), own, multiple * home_loaded)
    if strategy is Strategy.ONSHORE_INHOUSE:
        p.update(
            productivity=x("onshore_productivity"),
            salary_monthly=_named("salary_monthly", home_salary),
            oncost_rate=home_oncost,
            equipment_office_monthly=home_other,
            wage_growth=x("onshore_wage_growth"),
            ramp_months=maximum(x("onshore_hiring_months"), hires / x("onshore_hires_per_month")),
            learn_months=x("onboarding_months"),
            attrition=x("onshore_attrition"),
            vacancy_months=x("onshore_vacancy_months"),
            recruiting_fee=x("recruiting_fee_rate") * _named("salary_monthly", home_salary) * 12.0,
            release_months=x("onshore_release_months"),
            home_management_monthly=leadership * home_loaded,
            home_management_first_year_monthly=leadership * home_loaded,
        )
        return _exprs(p)
    margin = 1.0 + x("vendor_margin")
    hours = x("vendor_hours_monthly")
    onshore_rate = x.vendor_rate(inputs.home_country, None, home_loaded * margin, hours)
    if strategy.outsourced:
        fixed_price = contract == "fixed_price"
        p.update(
            learn_months=x("vendor_onboarding_months"),
            attrition=x("vendor_attrition"),
            vacancy_months=x("vendor_backfill_months"),
            selection_transition_rate=x("vendor_selection_rate") + x("vendor_transition_rate"),
            change_request_rate=x(f"change_request_premium_{volatility}") if fixed_price else 0.0,
            rework_rate=x("vendor_rework_rate") if fixed_price else 0.0,
            wage_growth=x(f"vendor_escalation_{contract}"),
        )
    if strategy is Strategy.ONSHORE_OUTSOURCE:
        p.update(
            productivity=x("onshore_vendor_productivity"),
            vendor_rate_monthly=onshore_rate,
            ramp_months=x("onshore_vendor_mobilisation_months"),
            governance_rate=x("onshore_vendor_governance_rate"),
        )
        return _exprs(p)
    if country is None:
        raise ValueError(f"{option}: an offshore option needs a country")
    off_pay = home_salary * wage_ratio(inputs, country)
    leads = x("offshore_lead_ratio", country) * (x("offshore_lead_premium", country) - 1.0)
    off_salary = _named("salary_monthly", off_pay * (1.0 + leads))
    b2b = clip(x("offshore_b2b_share", country), 0.0, 1.0)
    off_oncost = x("offshore_oncost_rate", country) * (1.0 - b2b) + x(
        "offshore_benefits_rate", country
    )
    off_other = x("equipment_monthly") + x("offshore_office_monthly", country)
    p.update(travel_monthly=x("offshore_travel_monthly", country))
    if strategy is Strategy.OFFSHORE_OUTSOURCE:
        onsite = clip(x("vendor_onsite_share", country), 0.0, 1.0)
        cost_plus = (off_pay * (1.0 + off_oncost) + off_other) * margin
        offshore_rate = x.vendor_rate(country, country, cost_plus, hours)
        onsite_rate = maximum(x("vendor_onsite_hourly_rate") * hours, offshore_rate)
        p.update(
            productivity=x("offshore_vendor_productivity", country),
            vendor_rate_monthly=(1.0 - onsite) * offshore_rate + onsite * onsite_rate,
            ramp_months=x("offshore_vendor_mobilisation_months", country),
            governance_rate=x("offshore_vendor_governance_rate"),
        )
        return _exprs(p)
    entity = (route or Route.EOR) is Route.ENTITY
    setup = x("offshore_team_setup_cost", country)
    management = x("offshore_home_management_share")
    first_year = management * x("offshore_home_management_first_year")
    p.update(
        productivity=x("offshore_team_productivity", country),
        salary_monthly=off_salary,
        oncost_rate=off_oncost,
        equipment_office_monthly=off_other,
        eor_fee_monthly=x("eor_fee_monthly"),
        eor_months=x("entity_setup_months", country) if entity else float(MAX_HORIZON_MONTHS),
        wage_growth=x("offshore_wage_growth", country),
        ramp_months=maximum(
            x("offshore_hiring_months", country), hires / x("offshore_hires_per_month", country)
        ),
        learn_months=x("onboarding_months") * x("offshore_learning_ratio"),
        attrition=x("offshore_attrition", country),
        vacancy_months=x("offshore_vacancy_months", country),
        recruiting_fee=x("recruiting_fee_rate") * off_salary * 12.0,
        release_months=x("offshore_release_months", country),
        entity_setup_cost=(setup + x("entity_setup_cost", country) if entity else setup)
        * terms["plan_fixed_share"],
        entity_running_monthly=x("entity_running_monthly", country) * terms["plan_running_share"]
        if entity
        else 0.0,
        governance_rate=x("offshore_team_governance_rate"),
        home_management_monthly=(management + leadership) * home_loaded,
        home_management_first_year_monthly=(first_year + leadership) * home_loaded,
    )
    return _exprs(p)


class _Inputs:
    """Input leaves by catalogue name (and country), one node per key."""

    def __init__(self, inputs: ResolvedInputs) -> None:
        self.inputs = inputs
        self.nodes: dict[str, Sym] = {}

    def __call__(self, name: str, country: str | None = None) -> Sym:
        key = self.inputs.key(name, country)
        return self.nodes.setdefault(key, Sym(key))

    def vendor_rate(
        self, country: str, offshore: str | None, cost_plus: Value, hours: Value
    ) -> Value:
        """A vendor's price per billed FTE-month in ``country``: the rate card's when it
        gives one, else the hourly rate (a published band, or the scenario's) x billed
        hours, else cost plus margin (no band for the country)."""
        if country in self.inputs.vendor_monthly_rates:
            return Sym(rate_card_key(country))
        name = "offshore_vendor_hourly_rate" if offshore else "onshore_vendor_hourly_rate"
        if self.inputs.key(name, offshore) in self.inputs.assumptions:
            return self(name, offshore) * hours
        return cost_plus


_LABELS = {name: label for name, label, _ in PARAMETERS}


def _named(name: str, x: Value) -> Expr:
    """Parameter ``name`` under its name and label (once: a parameter another one is built
    from is the same node, so the workbook refers to its cell)."""
    if isinstance(x, Named) and x.name == name:
        return x
    return named(name, x, _LABELS[name])


def _exprs(p: Mapping[str, Value]) -> dict[str, Expr]:
    return {name: _named(name, p[name]) for name in PARAMETER_NAMES}


_PROGRAMS: dict[tuple[Any, ...], tuple[Program, tuple[str, ...]]] = {}
_HOURLY = ("onshore_vendor_hourly_rate", "offshore_vendor_hourly_rate")


def _program(
    option: OptionKey, inputs: ResolvedInputs, volatility: str, route: Route | None, contract: str
) -> tuple[Program, tuple[str, ...]]:
    """The compiled parameter model of one option and the input keys it reads (cached by
    everything that shapes the expressions)."""
    country = option.country
    shape = (
        option,
        volatility,
        route if option.strategy is Strategy.OFFSHORE_INHOUSE else None,
        inputs.home_country,
        country and inputs.wage_ratio_from_market.get(country, False),
        tuple(sorted(inputs.vendor_monthly_rates)),
        contract,
        inputs.tech_company,
        tuple(k for k in inputs.assumptions if k.startswith(_HOURLY)),
    )
    if shape not in _PROGRAMS:
        model = parameter_model(
            option, inputs, volatility=volatility, route=route, contract=contract
        )
        leaves = {n.name for e in model.values() for n in _leaves(e)}
        _PROGRAMS[shape] = (compile_program(model), tuple(sorted(leaves)))
    return _PROGRAMS[shape]


def _leaves(e: Expr) -> list[Sym]:
    return [n for n in walk([e]) if isinstance(n, Sym)]


def uniform(values: Any) -> Any:
    """A ``(draw,)`` array that repeats one value as length 1 (numpy then computes what
    depends on it once, not once per draw)."""
    a = np.asarray(values)
    if a.ndim != 1 or a.size < 2:
        return a
    if a.strides[0] == 0 or (a[0] == a[-1] and bool((a == a[0]).all())):
        return a[:1]
    return a


def _draws(value: Any, n: int) -> DrawVector:
    """A parameter as a ``(draw,)`` array (a read-only view when it is one value)."""
    if isinstance(value, np.ndarray) and value.shape == (n,):
        return value
    return np.broadcast_to(np.asarray(value, dtype=np.float64), (n,))


def inputs_read(
    option: OptionKey,
    inputs: ResolvedInputs,
    *,
    volatility: str,
    route: Route | None = None,
    contract: str = "time_and_materials",
) -> frozenset[str]:
    """The input keys ``option``'s parameters read (a vendor priced from a rate band does not
    read ``vendor_margin``)."""
    return frozenset(_program(option, inputs, volatility, route, contract)[1])


def option_params(
    option: OptionKey,
    draws: Mapping[str, DrawVector],
    inputs: ResolvedInputs,
    *,
    volatility: str,
    route: Route | None = None,
    contract: str = "time_and_materials",
    plan: PlanTerms = STANDALONE,
) -> OptionParams:
    """Parameters of ``option`` for every draw (see module doc for the cost formulas);
    ``plan``: the component's share of its country's fixed costs and the plan's hires there
    (:mod:`shorewise.engine.country_plan`; by default it pays them alone, no hiring limit)."""
    program, keys = _program(option, inputs, volatility, route, contract)
    n = len(next(iter(draws.values())))
    rates: dict[str, Any] = {rate_card_key(c): v for c, v in inputs.vendor_monthly_rates.items()}
    rates.update(plan.values())
    bound = {k: rates[k] if k in rates else uniform(draws[k]) for k in keys}
    out = program(bound, months=0)
    arrays: dict[str, Any] = {
        name: _draws(out[name], n) for name in PARAMETER_NAMES if name != "offshore_share"
    }
    strategy = option.strategy
    return OptionParams(
        **arrays,
        own_staff=not strategy.outsourced,
        offshore_share=1.0 if strategy.offshore else 0.0,
        route=(route or Route.EOR) if strategy is Strategy.OFFSHORE_INHOUSE else None,
    )
