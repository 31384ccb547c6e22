"""The engine's per-option parameters as spreadsheet formulas over the Inputs sheet.

This mirrors :func:`shorewise.engine.params.option_params` term by term (same operation
order, so the workbook computes the engine's numbers to the last digit that matters):
each parameter is a formula over defined names (one per model input, ``vendor_margin``,
``offshore_wage_ratio_VN``). The route of a team abroad (employer of record or own
entity) is fixed as the comparison chose it.

Example::

    >>> rows = parameter_formulas(component, inputs, volatility="medium")   # doctest: +SKIP
    >>> rows["vendor_rate_monthly"]                                   # doctest: +SKIP
    '(onshore_annual_pay*onshore_talent_premium/12*(1+onshore_oncost_rate)+...'
"""

from __future__ import annotations

import re

from shorewise.domain.strategy import Strategy
from shorewise.engine.alternatives import Component
from shorewise.engine.inputs import ResolvedInputs
from shorewise.engine.params import Route

PARAMETERS: tuple[tuple[str, str, str], ...] = (
    ("productivity", "productivity (output per paid FTE vs the home team)", "share"),
    ("salary_monthly", "gross pay per paid FTE-month (own staff)", "money"),
    ("oncost_rate", "employer on-costs and benefits (share of pay)", "share"),
    ("equipment_office_monthly", "equipment and office per paid FTE-month", "money"),
    ("eor_fee_monthly", "employer-of-record fee per paid FTE-month", "money"),
    ("vendor_rate_monthly", "vendor price per billed FTE-month", "money"),
    ("wage_growth", "pay or price growth per year", "share"),
    ("delay_months", "months before hiring can start (entity set-up)", "months"),
    ("ramp_months", "months to staff the full team", "months"),
    ("learn_months", "months for a newcomer to reach full productivity", "months"),
    ("attrition", "leavers per year (share of the team)", "share"),
    ("vacancy_months", "months a leaver's seat stays empty", "months"),
    ("recruiting_fee", "recruiting cost per hire (month-0 prices)", "money"),
    ("release_months", "months of pay to release each person at the end", "months"),
    ("entity_setup_cost", "one-off set-up at the start (team, entity)", "money"),
    ("entity_running_monthly", "own entity running cost per month", "money"),
    ("selection_transition_rate", "vendor selection and transition (share of a year)", "share"),
    ("governance_rate", "management and governance (share of labour cost)", "share"),
    ("change_request_rate", "change-request premium (share of vendor fees)", "share"),
    ("rework_rate", "rework of least-effort delivery (share of vendor fees)", "share"),
    ("travel_monthly", "travel per paid FTE-month abroad", "money"),
    ("offshore_share", "share of paid staff abroad", "share"),
    ("cost_of_delay", "cost of delay per missing FTE-month", "money"),
)
"""Parameter key, label, display kind — in the order the sheets list them."""


def input_name(key: str) -> str:
    """The defined name of an input: ``offshore_wage_ratio@VN`` -> ``offshore_wage_ratio_VN``."""
    return re.sub(r"[^A-Za-z0-9_]", "_", key)


def rate_card_name(country: str) -> str:
    """The defined name of a rate card's vendor price for a country."""
    return f"rate_card_vendor_monthly_{country}"


def parameter_formulas(
    component: Component, inputs: ResolvedInputs, *, volatility: str, salary_cell: str
) -> dict[str, str]:
    """Formula text (no ``=``) of every parameter in :data:`PARAMETERS` for one component.

    ``salary_cell`` is the address of this component's ``salary_monthly`` cell (the
    recruiting fee is a multiple of it, as in the engine).
    """
    option = component.option

    def n(name: str, country: str | None = None) -> str:
        return input_name(inputs.key(name, country))

    home_salary = f"{n('onshore_annual_pay')}*{n('onshore_talent_premium')}/12"
    home_oncost = n("onshore_oncost_rate")
    home_other = f"({n('equipment_monthly')}+{n('onshore_office_monthly')})"
    out = {key: "0" for key, _, _ in PARAMETERS}
    out["cost_of_delay"] = n("cost_of_delay_per_fte_month")
    if option.strategy is Strategy.ONSHORE_INHOUSE:
        out.update(
            productivity=n("onshore_productivity"),
            salary_monthly=home_salary,
            oncost_rate=home_oncost,
            equipment_office_monthly=home_other,
            wage_growth=n("onshore_wage_growth"),
            ramp_months=n("onshore_hiring_months"),
            learn_months=n("onboarding_months"),
            attrition=n("onshore_attrition"),
            vacancy_months=n("onshore_vacancy_months"),
            recruiting_fee=f"{n('recruiting_fee_rate')}*{salary_cell}*12",
            release_months=n("onshore_release_months"),
        )
        return out
    margin = f"(1+{n('vendor_margin')})"
    home_loaded = f"({home_salary}*(1+{home_oncost})+{home_other})"
    onshore_rate = _card(inputs, inputs.home_country) or f"{home_loaded}*{margin}"
    out.update(
        learn_months=n("vendor_onboarding_months"),
        attrition=n("vendor_attrition"),
        vacancy_months=n("vendor_backfill_months"),
        selection_transition_rate=f"{n('vendor_selection_rate')}+{n('vendor_transition_rate')}",
        change_request_rate=n(f"change_request_premium_{volatility}"),
        rework_rate=n("vendor_rework_rate"),
    )
    if option.strategy is Strategy.ONSHORE_OUTSOURCE:
        out.update(
            productivity=n("onshore_vendor_productivity"),
            vendor_rate_monthly=onshore_rate,
            wage_growth=n("onshore_wage_growth"),
            ramp_months=n("onshore_vendor_mobilisation_months"),
            governance_rate=n("onshore_vendor_governance_rate"),
        )
        return out
    c = option.country or ""
    ratio = n("offshore_wage_ratio", c)
    if inputs.wage_ratio_from_market.get(c, False):
        ratio = f"{ratio}*{n('offshore_talent_premium', c)}/{n('onshore_talent_premium')}"
    off_salary = f"({home_salary})*({ratio})"
    off_oncost = f"({n('offshore_oncost_rate', c)}+{n('offshore_benefits_rate', c)})"
    off_other = f"({n('equipment_monthly')}+{n('offshore_office_monthly', c)})"
    out.update(offshore_share="1", wage_growth=n("offshore_wage_growth", c))
    out["travel_monthly"] = n("offshore_travel_monthly", c)
    if option.strategy is Strategy.OFFSHORE_OUTSOURCE:
        onsite = f"MIN(MAX({n('vendor_onsite_share')},0),1)"
        offshore_rate = _card(inputs, c) or f"({off_salary}*(1+{off_oncost})+{off_other})*{margin}"
        out.update(
            productivity=n("offshore_vendor_productivity", c),
            vendor_rate_monthly=f"(1-{onsite})*({offshore_rate})+{onsite}*({onshore_rate})",
            ramp_months=n("offshore_vendor_mobilisation_months", c),
            governance_rate=n("offshore_vendor_governance_rate"),
        )
        return out
    entity = (component.route or Route.EOR) is Route.ENTITY
    setup = n("offshore_team_setup_cost", c)
    out.update(
        productivity=n("offshore_team_productivity", c),
        salary_monthly=off_salary,
        oncost_rate=off_oncost,
        equipment_office_monthly=off_other,
        eor_fee_monthly="0" if entity else n("eor_fee_monthly"),
        delay_months=n("entity_setup_months", c) if entity else "0",
        ramp_months=n("offshore_hiring_months", c),
        learn_months=n("onboarding_months"),
        attrition=n("offshore_attrition", c),
        vacancy_months=n("offshore_vacancy_months", c),
        recruiting_fee=f"{n('recruiting_fee_rate')}*{salary_cell}*12",
        release_months=n("offshore_release_months", c),
        entity_setup_cost=f"{setup}+{n('entity_setup_cost', c)}" if entity else setup,
        entity_running_monthly=n("entity_running_monthly", c) if entity else "0",
        governance_rate=n("offshore_team_governance_rate"),
    )
    return out


def _card(inputs: ResolvedInputs, country: str) -> str | None:
    """The rate card's vendor price name for ``country`` when the card gives one."""
    return rate_card_name(country) if country in inputs.vendor_monthly_rates else None
