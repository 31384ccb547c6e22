"""Per-option model parameters, derived per draw from the sampled inputs.

``option_params`` turns the sampled inputs (key -> ``(draw,)`` arrays, see
:mod:`shorewise.engine.inputs`) into what the kernel needs for one option: unit costs per
paid FTE-month, ramp and learning times, attrition, overhead rates. All money is in the
scenario's currency; times are months; rates are fractions.

Unit cost of own staff per paid FTE-month = pay/12 x (1 + on-costs) + equipment + office
(+ the EOR fee abroad). A vendor's price = its own loaded staff cost x (1 + margin); an
offshore vendor's onsite share is priced at the home vendor's rate (CIO 2003).

Example::

    >>> p = option_params(OptionKey(Strategy.ONSHORE_INHOUSE), draws, inputs)  # doctest: +SKIP
    >>> p.salary_monthly.shape                                        # doctest: +SKIP
    (10000,)
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from enum import StrEnum

import numpy as np

from shorewise.domain.strategy import OptionKey, Strategy
from shorewise.engine.inputs import ResolvedInputs
from shorewise.engine.types import DrawVector


class Route(StrEnum):
    """How a dedicated team abroad is employed."""

    EOR = "eor"
    ENTITY = "entity"


@dataclass(frozen=True)
class OptionParams:
    """Everything the kernel needs for one option; each field is a ``(draw,)`` array."""

    productivity: DrawVector
    salary_monthly: DrawVector  # own staff gross pay per paid FTE-month (0 for vendors)
    oncost_rate: DrawVector
    equipment_office_monthly: DrawVector
    eor_fee_monthly: DrawVector
    vendor_rate_monthly: DrawVector  # price per billed FTE-month (0 for own staff)
    wage_growth: DrawVector  # per year
    delay_months: DrawVector  # before hiring can start (entity set-up)
    ramp_months: DrawVector
    learn_months: DrawVector
    attrition: DrawVector  # per year
    vacancy_months: DrawVector
    recruiting_fee: DrawVector  # per hire, at month-0 prices
    release_months: DrawVector
    entity_setup_cost: DrawVector  # one-off at the start: team set-up (+ entity)
    entity_running_monthly: DrawVector
    selection_transition_rate: DrawVector  # over the annual contract value
    governance_rate: DrawVector
    change_request_rate: DrawVector  # by the workstream's scope volatility
    rework_rate: DrawVector
    travel_monthly: DrawVector
    cost_of_delay: DrawVector  # per missing FTE-month
    discount_rate: DrawVector  # per year
    control: DrawVector
    own_staff: bool
    offshore_share: float  # share of paid staff abroad (travel)
    route: Route | None


class _Picker:
    def __init__(self, draws: Mapping[str, DrawVector], inputs: ResolvedInputs) -> None:
        self.draws, self.inputs = draws, inputs
        self.n = len(next(iter(draws.values())))

    def __call__(self, name: str, country: str | None = None) -> DrawVector:
        return np.broadcast_to(self.draws[self.inputs.key(name, country)], (self.n,))

    def zeros(self) -> DrawVector:
        return np.zeros(self.n)


def _home_loaded(pick: _Picker) -> tuple[DrawVector, DrawVector, DrawVector]:
    salary = pick("onshore_annual_pay") * pick("onshore_talent_premium") / 12.0
    return (
        salary,
        pick("onshore_oncost_rate"),
        pick("equipment_monthly") + pick("onshore_office_monthly"),
    )


def _offshore_loaded(
    pick: _Picker, country: str, home_salary: DrawVector
) -> tuple[DrawVector, DrawVector, DrawVector]:
    ratio = pick("offshore_wage_ratio", country)
    if pick.inputs.wage_ratio_from_market.get(country, False):
        ratio = ratio * pick("offshore_talent_premium", country) / pick("onshore_talent_premium")
    salary = home_salary * ratio
    oncost = pick("offshore_oncost_rate", country) + pick("offshore_benefits_rate", country)
    other = pick("equipment_monthly") + pick("offshore_office_monthly", country)
    return salary, oncost, other


def _base(pick: _Picker, option: OptionKey) -> OptionParams:
    """Parameters every option shares; the rest start at zero."""
    zero = pick.zeros()
    return OptionParams(
        productivity=zero,
        salary_monthly=zero,
        oncost_rate=zero,
        equipment_office_monthly=zero,
        eor_fee_monthly=zero,
        vendor_rate_monthly=zero,
        wage_growth=zero,
        delay_months=zero,
        ramp_months=zero,
        learn_months=zero,
        attrition=zero,
        vacancy_months=zero,
        recruiting_fee=zero,
        release_months=zero,
        entity_setup_cost=zero,
        entity_running_monthly=zero,
        selection_transition_rate=zero,
        governance_rate=zero,
        change_request_rate=zero,
        rework_rate=zero,
        travel_monthly=zero,
        cost_of_delay=pick("cost_of_delay_per_fte_month"),
        discount_rate=pick("discount_rate"),
        control=pick(f"control_{option.strategy.value}"),
        own_staff=not option.strategy.outsourced,
        offshore_share=1.0 if option.strategy.offshore else 0.0,
        route=None,
    )


def option_params(
    option: OptionKey,
    draws: Mapping[str, DrawVector],
    inputs: ResolvedInputs,
    *,
    volatility: str,
    route: Route | None = None,
) -> OptionParams:
    """Parameters of ``option`` for every draw (see module doc for the cost formulas)."""
    pick = _Picker(draws, inputs)
    base = _base(pick, option)
    home_salary, home_oncost, home_other = _home_loaded(pick)
    if option.strategy is Strategy.ONSHORE_INHOUSE:
        return replace(
            base,
            productivity=pick("onshore_productivity"),
            salary_monthly=home_salary,
            oncost_rate=home_oncost,
            equipment_office_monthly=home_other,
            wage_growth=pick("onshore_wage_growth"),
            ramp_months=pick("onshore_hiring_months"),
            learn_months=pick("onboarding_months"),
            attrition=pick("onshore_attrition"),
            vacancy_months=pick("onshore_vacancy_months"),
            recruiting_fee=pick("recruiting_fee_rate") * home_salary * 12.0,
            release_months=pick("onshore_release_months"),
        )
    margin = 1.0 + pick("vendor_margin")
    home_loaded = home_salary * (1.0 + home_oncost) + home_other
    onshore_rate = _vendor_rate(inputs, inputs.home_country, home_loaded * margin)
    vendor = replace(
        base,
        learn_months=pick("vendor_onboarding_months"),
        attrition=pick("vendor_attrition"),
        vacancy_months=pick("vendor_backfill_months"),
        selection_transition_rate=pick("vendor_selection_rate") + pick("vendor_transition_rate"),
        change_request_rate=pick(f"change_request_premium_{volatility}"),
        rework_rate=pick("vendor_rework_rate"),
    )
    if option.strategy is Strategy.ONSHORE_OUTSOURCE:
        return replace(
            vendor,
            productivity=pick("onshore_vendor_productivity"),
            vendor_rate_monthly=onshore_rate,
            wage_growth=pick("onshore_wage_growth"),
            ramp_months=pick("onshore_vendor_mobilisation_months"),
            governance_rate=pick("onshore_vendor_governance_rate"),
        )
    country = option.country
    if country is None:
        raise ValueError(f"{option}: an offshore option needs a country")
    off_salary, off_oncost, off_other = _offshore_loaded(pick, country, home_salary)
    growth = pick("offshore_wage_growth", country)
    if option.strategy is Strategy.OFFSHORE_OUTSOURCE:
        onsite = np.clip(pick("vendor_onsite_share"), 0.0, 1.0)
        offshore_rate = _vendor_rate(
            inputs, country, (off_salary * (1.0 + off_oncost) + off_other) * margin
        )
        return replace(
            vendor,
            productivity=pick("offshore_vendor_productivity", country),
            vendor_rate_monthly=(1.0 - onsite) * offshore_rate + onsite * onshore_rate,
            wage_growth=growth,
            ramp_months=pick("offshore_vendor_mobilisation_months", country),
            governance_rate=pick("offshore_vendor_governance_rate"),
            travel_monthly=pick("offshore_travel_monthly", country),
        )
    route = route or Route.EOR
    entity = route is Route.ENTITY
    zero = pick.zeros()
    return replace(
        base,
        productivity=pick("offshore_team_productivity", country),
        salary_monthly=off_salary,
        oncost_rate=off_oncost,
        equipment_office_monthly=off_other,
        eor_fee_monthly=zero if entity else pick("eor_fee_monthly"),
        wage_growth=growth,
        delay_months=pick("entity_setup_months", country) if entity else zero,
        ramp_months=pick("offshore_hiring_months", country),
        learn_months=pick("onboarding_months"),
        attrition=pick("offshore_attrition", country),
        vacancy_months=pick("offshore_vacancy_months", country),
        recruiting_fee=pick("recruiting_fee_rate") * off_salary * 12.0,
        release_months=pick("offshore_release_months", country),
        entity_setup_cost=pick("offshore_team_setup_cost", country)
        + (pick("entity_setup_cost", country) if entity else zero),
        entity_running_monthly=pick("entity_running_monthly", country) if entity else zero,
        governance_rate=pick("offshore_team_governance_rate"),
        travel_monthly=pick("offshore_travel_monthly", country),
        route=route,
    )


def _vendor_rate(inputs: ResolvedInputs, country: str, cost_plus: DrawVector) -> DrawVector:
    """The rate card's vendor rate for ``country`` when given, else cost plus margin."""
    rate = inputs.vendor_monthly_rates.get(country)
    return cost_plus if rate is None else np.full(cost_plus.shape, rate)
