"""The monthly rows of an option sheet: the engine's kernel as formulas, one row a month.

Mirrors :func:`shorewise.engine.option.simulate_option` and :mod:`shorewise.engine.curves`
term by term (same operation order) for the deterministic run: hiring ramps linearly over
``R`` months after a delay, each hire learns linearly over ``L`` months, and the month
averages use ``Q(x) = x²/2`` and ``V`` (the double integral of the learning curve) on
``x⁺ = MAX(x, 0)``. Per component (a mix has several): the curve helpers (folded away),
paid and effective FTE, the wage growth factor, every cost category and the month's burn;
then the option's totals.

Example::

    >>> formulas = component_formulas(params, cells, t="B40", active="C40",  # doctest: +SKIP
    ...                               duration="workstream1_duration_months", row=40)
    >>> formulas["vendor_fees"]                                         # doctest: +SKIP
    'L40*$C$20*N40'
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from shorewise.engine.metrics import TARGET_SHARE
from shorewise.engine.option import REWORK_BUILD_UP_MONTHS
from shorewise.engine.types import CATEGORIES, CATEGORY_LABELS

NOT_REACHED = 1e9
"""What the 'month at target' column holds when the target is not reached that month."""

HELPERS = ("a", "qa", "qb", "qbr", "qar")
COMPONENT_COLUMNS = (
    *HELPERS,
    "head",
    "prod",
    "hires",
    "paid",
    "effective",
    "growth",
    *CATEGORIES,
    "burn",
)
TOTAL_COLUMNS = ("paid", "effective", "burn", "cumulative", "discount", "reached")

HEADINGS = {
    "a": "months since hiring began",
    "qa": "a⁺",
    "qb": "(a+1)⁺",
    "qbr": "(a+1-R)⁺",
    "qar": "(a-R)⁺",
    "head": "headcount share",
    "prod": "productive share",
    "hires": "hires share",
    "paid": "paid FTE",
    "effective": "effective FTE",
    "growth": "wage growth factor",
    "burn": "cost in the month",
    **CATEGORY_LABELS,
}
TOTAL_HEADINGS = {
    "paid": "option paid FTE",
    "effective": "option effective FTE",
    "burn": "option cost in the month",
    "cumulative": "option cumulative cost",
    "discount": "discount factor",
    "reached": "month at 90 % of target (if reached)",
}


def _v(y: str, learn: str) -> str:
    """The learning curve's double integral at ``y`` (already ``MAX(·, 0)``)."""
    return f"IF({y}<={learn},{y}*{y}*{y}/(6*{learn}),{learn}*{learn}/6+0.5*{y}*({y}-{learn}))"


def component_formulas(
    p: Mapping[str, str], x: Mapping[str, str], *, t: str, active: str, duration: str, row: int
) -> dict[str, str]:
    """Formulas (no ``=``) of one component's columns in one month.

    ``p``: parameter cells by name (``ramp``, ``full_paid``, ...); ``x``: this row's cells
    by column name; ``t``: the workstream month cell; ``active``: 1 inside the work;
    ``duration``: the workstream's duration (a defined name); ``row``: the row number.
    """
    ramp, learn, fp = p["ramp"], p["learn"], p["full_paid"]
    paid, fees, growth = x["paid"], x["vendor_fees"], x["growth"]
    qa, qb, qbr, qar = x["qa"], x["qb"], x["qbr"], x["qar"]
    q = f"0.5*{qb}*{qb}-0.5*{qa}*{qa}-0.5*{qbr}*{qbr}+0.5*{qar}*{qar}"
    v = f"{_v(qb, learn)}-{_v(qa, learn)}-{_v(qbr, learn)}+{_v(qar, learn)}"
    salary = f"({p['salary_monthly']}*{growth})"
    labour = f"({fees}+{x['salaries']}+{x['on_costs']})"
    build_up = f"MIN(1,({t}+1)/{REWORK_BUILD_UP_MONTHS:g})"
    return {
        "a": f"{t}-{p['delay_months']}",
        "qa": f"MAX({x['a']},0)",
        "qb": f"MAX({x['a']}+1,0)",
        "qbr": f"MAX({x['a']}+1-{ramp},0)",
        "qar": f"MAX({x['a']}-{ramp},0)",
        "head": f"({q})/{ramp}*{active}",
        "prod": f"({v})/{ramp}*{active}",
        "hires": f"(MIN(MAX(({x['a']}+1)/{ramp},0),1)-MIN(MAX({x['a']}/{ramp},0),1))*{active}",
        "paid": f"{fp}*{p['paid_factor']}*{x['head']}",
        "effective": f"{fp}*{p['productivity']}*{p['productive_factor']}*{x['prod']}",
        "growth": f"(1+{p['wage_growth']})^((A{row}-1)/12)",
        "salaries": f"{paid}*{salary}",
        "on_costs": f"{x['salaries']}*{p['oncost_rate']}",
        "equipment_office": f"{paid}*{p['equipment_office_monthly']}",
        "eor_fees": f"{paid}*{p['eor_fee_monthly']}",
        "entity": f"{active}*({p['entity_running_monthly']}+IF({t}=0,{p['entity_setup_cost']},0))",
        "recruiting": f"({fp}*{x['hires']}+{paid}*{p['leaving']})*{p['recruiting_fee']}*{growth}",
        "release": f"IF({t}={duration}-1,{paid}*{p['release_months']}*{salary},0)",
        "vendor_fees": f"{paid}*{p['vendor_rate_monthly']}*{growth}",
        "vendor_selection_transition": f"IF({t}=0,{fp}*{p['vendor_rate_monthly']}*"
        f"MIN(12,{duration})*{p['selection_transition_rate']},0)",
        "governance": f"{labour}*{p['governance_rate']}",
        "change_requests": f"{fees}*{p['change_request_rate']}",
        "rework": f"{fees}*{p['rework_rate']}*{build_up}",
        "travel": f"{paid}*({p['travel_monthly']}*{p['offshore_share']})",
        "cost_of_delay": f"MAX({p['target']}-{x['effective']},0)*{p['cost_of_delay']}*{active}",
        "burn": f"SUM({x[CATEGORIES[0]]}:{x[CATEGORIES[-1]]})",
    }


def total_formulas(
    parts: Sequence[Mapping[str, str]],
    targets: str,
    x: Mapping[str, str],
    *,
    t: str,
    active: str,
    row: int,
    first_burn: str,
) -> dict[str, str]:
    """Formulas of the option's total columns in one month.

    ``parts``: each component's cells in this row; ``targets``: the sum of the components'
    target FTE; ``x``: this row's total cells; ``first_burn``: the burn column's first
    cell, absolute (``$AF$41``).
    """
    total = {n: "+".join(part[n] for part in parts) for n in ("paid", "effective", "burn")}
    reached = f"{x['effective']}>={TARGET_SHARE:g}*({targets})-1E-9"
    return {
        **total,
        "cumulative": f"SUM({first_burn}:{x['burn']})",
        "discount": f"(1+discount_rate)^(-(A{row}-1)/12)",
        "reached": f"IF(AND({active}=1,{reached}),{t}+1,{NOT_REACHED:.0f})",
    }
