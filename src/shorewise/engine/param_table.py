"""The parameters of one option's model: their names, labels and kinds, and the arrays the
kernel takes (:class:`OptionParams`); how they are computed is :mod:`shorewise.engine.params`.

Example::

    >>> PARAMETER_NAMES[0], Route("eor").value
    ('productivity', 'eor')
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from shorewise.engine.types import DrawVector


class Route(StrEnum):
    """How a dedicated team abroad is employed."""

    EOR = "eor"
    ENTITY = "entity"


PARAMETERS: tuple[tuple[str, str, str], ...] = (
    ("productivity", "productivity (output per paid FTE vs the home team)", "share"),
    ("salary_monthly", "gross pay per paid FTE-month (own staff)", "money"),
    ("oncost_rate", "employer on-costs and benefits (share of pay)", "share"),
    ("equipment_office_monthly", "equipment and office per paid FTE-month", "money"),
    ("eor_fee_monthly", "employer-of-record fee per paid FTE-month", "money"),
    ("eor_months", "months on an employer of record (own entity: while set up)", "months"),
    ("vendor_rate_monthly", "vendor price per billed FTE-month", "money"),
    ("wage_growth", "pay or price growth per year", "share"),
    ("delay_months", "months before hiring can start", "months"),
    ("ramp_months", "months to staff the full team", "months"),
    ("learn_months", "months for a newcomer to reach full productivity", "months"),
    ("attrition", "leavers per year (share of the team)", "share"),
    ("vacancy_months", "months a leaver's seat stays empty", "months"),
    ("recruiting_fee", "recruiting cost per hire (month-0 prices)", "money"),
    ("release_months", "months of pay to release each person at the end", "months"),
    ("entity_setup_cost", "one-off set-up at the start (team, entity; its share)", "money"),
    ("entity_running_monthly", "own entity running cost per month (its share)", "money"),
    ("selection_transition_rate", "vendor selection and transition (share of a year)", "share"),
    ("governance_rate", "management and governance (share of labour cost)", "share"),
    ("home_management_monthly", "home-side management per paid FTE-month, later", "money"),
    (
        "home_management_first_year_monthly",
        "home-side management per paid FTE-month, year 1",
        "money",
    ),
    ("change_request_rate", "change-request premium (share of vendor fees)", "share"),
    ("rework_rate", "rework of least-effort delivery (share of vendor fees)", "share"),
    ("travel_monthly", "travel per paid FTE-month abroad", "money"),
    ("offshore_share", "share of paid staff abroad", "share"),
    ("cost_of_delay", "cost of each month late per FTE of the work", "money"),
    ("discount_rate", "discount rate per year", "share"),
    ("control", "control index (1 = full internal control)", "share"),
)
"""Parameter key, label, display kind — in the order the workbook lists them."""

PARAMETER_NAMES = tuple(name for name, _, _ in PARAMETERS)


@dataclass(frozen=True)
class OptionParams:
    """Everything the kernel needs for one option; each field is a ``(draw,)`` array."""

    productivity: DrawVector
    salary_monthly: DrawVector  # own staff gross pay per paid FTE-month (0 for vendors)
    oncost_rate: DrawVector
    equipment_office_monthly: DrawVector
    eor_fee_monthly: DrawVector
    eor_months: DrawVector  # months from the start the team is on the employer of record
    vendor_rate_monthly: DrawVector  # price per billed FTE-month (0 for own staff)
    wage_growth: DrawVector  # per year
    delay_months: DrawVector  # before hiring can start (0 for every option today)
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
    home_management_monthly: DrawVector  # at home pay, per paid FTE-month after month 12
    home_management_first_year_monthly: DrawVector  # the same in the first 12 months
    change_request_rate: DrawVector  # by the workstream's scope volatility
    rework_rate: DrawVector
    travel_monthly: DrawVector
    cost_of_delay: DrawVector  # per FTE of the work per month past the due month
    discount_rate: DrawVector  # per year
    control: DrawVector
    own_staff: bool
    offshore_share: float  # share of paid staff abroad (travel)
    route: Route | None
