"""The scenario: what a user writes in a YAML/TOML file (DESIGN.md §6), as frozen models.

Validation of fields and ranges happens here; everything downstream trusts a built
``Scenario``. ``extra="forbid"`` catches typos, and pydantic reports every problem with its
dotted path. Every assumption is checked against its allowed range over its whole
distribution. Country codes are checked for shape here and for existence against market
data by :func:`shorewise.domain.validation.build_scenario`; the complete check (rate card,
correlations, run size) is ``shorewise.io.scenario_check``. Change a scenario with
:meth:`Scenario.replace` or :meth:`Scenario.with_assumptions`, which validate again; a
``model_copy(update=...)`` is not validated and ``evaluate`` checks it again.

Example::

    >>> s = Scenario.model_validate({"name": "App", "home_country": "US",
    ...     "workstreams": [{"name": "app", "fte": 4, "duration_months": 8}]})
    >>> s.horizon  # 8 months of work, a late team kept up to 12 more
    20
"""

from __future__ import annotations

import math
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)

from shorewise.domain.cross_checks import (
    FieldProblemsError,
    assumption_problems,
    correlation_name_problems,
    cross_problems,
    duplicate_names,
)
from shorewise.domain.distributions import Distribution
from shorewise.domain.limits import (
    MAX_CORRELATIONS,
    MAX_FTE,
    MAX_HORIZON_MONTHS,
    MAX_MIXES,
    MAX_NAME_CHARS,
    MAX_OFFSHORE_COUNTRIES,
    MAX_ROLES,
    MAX_SAMPLES,
    MAX_WORKSTREAMS,
    kept_at_most,
)
from shorewise.domain.scenario_api import ScenarioApi
from shorewise.domain.strategy import OptionKey, Strategy
from shorewise.domain.tradeoffs import order_from_answers
from shorewise.domain.weight_constraints import WeightConstraints
from shorewise.domain.weight_spec import CRITERIA, parse_weight_spec
from shorewise.domain.weights import Weights

__all__ = [
    "MAX_FTE",
    "MAX_HORIZON_MONTHS",
    "MAX_SAMPLES",
    "Company",
    "Correlation",
    "Mix",
    "Scenario",
    "Simulation",
    "Workstream",
]
SKIP_CROSS_CHECKS = "skip_cross_checks"
"""Validation context key: build without the checks across fields (for partial checks)."""
UNITS_PER_USD = "units_per_usd"
"""Validation context key: the scenario currency per USD, for money ceilings."""

CountryCode = Annotated[str, Field(pattern=r"^[A-Za-z]{2}$", description="ISO 3166-1 alpha-2")]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", revalidate_instances="always")


class Volatility(StrEnum):
    """How much the scope moves; drives the change-request premium on outsourced work."""

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class StaffingRule(StrEnum):
    """``equal_output``: staff target/productivity paid FTE; ``equal_headcount``: staff target."""

    EQUAL_OUTPUT = "equal_output"
    EQUAL_HEADCOUNT = "equal_headcount"


class OffshoreRoute(StrEnum):
    """How a dedicated team abroad is employed; ``auto`` picks the cheaper for the scenario."""

    AUTO = "auto"
    EOR = "eor"
    ENTITY = "entity"


class Deadline(StrEnum):
    """``soft``: lateness is priced (cost of delay); ``hard``: an option that cannot
    deliver 90 % of the work by the due month is not eligible."""

    SOFT = "soft"
    HARD = "hard"


class Contract(StrEnum):
    """How outsourced work is bought: ``time_and_materials`` (billed by effort) or
    ``fixed_price`` (a price for the scope; changes are bought as change requests)."""

    TIME_AND_MATERIALS = "time_and_materials"
    FIXED_PRICE = "fixed_price"


class BudgetLimit(StrEnum):
    """``soft``: options over the annual budget are marked; ``hard``: they are excluded."""

    SOFT = "soft"
    HARD = "hard"


class Company(_Frozen):
    """The company deciding: a tech company or not, and an optional yearly budget."""

    tech_company: bool = True
    annual_budget: float | None = Field(default=None, gt=0, allow_inf_nan=False)
    budget_limit: BudgetLimit = BudgetLimit.SOFT


class Workstream(_Frozen):
    """One body of work: how much capacity, for how long, how core, how volatile."""

    name: str = Field(min_length=1, max_length=MAX_NAME_CHARS)
    core: bool = False
    fte: float | None = Field(default=None, gt=0, le=MAX_FTE, allow_inf_nan=False)
    team: dict[str, Annotated[float, Field(gt=0, le=MAX_FTE, allow_inf_nan=False)]] | None = Field(
        default=None, max_length=MAX_ROLES
    )
    duration_months: int = Field(gt=0, le=MAX_HORIZON_MONTHS)
    start_month: int = Field(default=0, ge=0, le=MAX_HORIZON_MONTHS)
    scope_volatility: Volatility = Volatility.MEDIUM
    deadline: Deadline = Deadline.SOFT
    contract: Contract = Contract.TIME_AND_MATERIALS

    @model_validator(mode="after")
    def _fte_or_team(self) -> Workstream:
        if self.fte is None and not self.team:
            raise ValueError("give either fte (a number > 0) or team (role: fte, ...)")
        if self.fte is not None and self.team:
            raise ValueError("give fte or team, not both")
        if self.target_fte > MAX_FTE:
            raise FieldProblemsError.one(
                "team", f"the roles add up to {self.target_fte:g} FTE; at most {MAX_FTE:,}"
            )
        return self

    @property
    def target_fte(self) -> float:
        """Capacity needed, in onshore-equivalent FTE (a team's roles summed)."""
        return self.fte if self.fte is not None else float(sum((self.team or {}).values()))

    @property
    def end_month(self) -> int:
        """First month after the work (exclusive end), counted from the scenario start."""
        return self.start_month + self.duration_months

    @property
    def window_months(self) -> int:
        """Months a late team may be kept from the start (:func:`kept_at_most`)."""
        return kept_at_most(self.start_month, self.duration_months)

    @property
    def due_month(self) -> int:
        """The month the work is due, counted from the scenario start (its end)."""
        return self.end_month

    @property
    def required_fte_months(self) -> float:
        """The scope: onshore-equivalent FTE-months due by the due month."""
        return self.target_fte * self.duration_months


class Correlation(_Frozen):
    """A rank correlation between two uncertain assumptions."""

    between: tuple[str, str]
    rho: float = Field(gt=-1, lt=1, allow_inf_nan=False)


class Policy(_Frozen):
    """Hard rules applied before scoring (seed: never outsource core IT capabilities)."""

    never_outsource_core: bool = True


class Mix(_Frozen):
    """A named split of each workstream's capacity across options, shares summing to 1."""

    name: str = Field(min_length=1, max_length=MAX_NAME_CHARS)
    shares: dict[str, float] = Field(max_length=4 + 2 * MAX_OFFSHORE_COUNTRIES)

    @field_validator("shares")
    @classmethod
    def _check_shares(cls, shares: dict[str, float]) -> dict[str, float]:
        if not shares:
            raise ValueError("a mix needs at least one share")
        for key, share in shares.items():
            OptionKey.parse(key, default_country="XX")
            if not (math.isfinite(share) and 0 < share <= 1):
                raise ValueError(f"share of {key!r} must be in (0, 1] (got {share})")
        total = sum(shares.values())
        if abs(total - 1) > 1e-6:
            raise ValueError(f"shares must add up to 1 (they add up to {total:g})")
        return shares


class OptimizeSettings(_Frozen):
    """Constraints for ``shorewise optimize`` (the cheapest mix per workstream)."""

    control_floor_core: float = Field(default=0.75, ge=0, le=1, allow_inf_nan=False)
    control_floor: float = Field(default=0.0, ge=0, le=1, allow_inf_nan=False)
    max_share_per_vendor: float = Field(default=1.0, gt=0, le=1, allow_inf_nan=False)
    max_share_per_country: float = Field(default=1.0, gt=0, le=1, allow_inf_nan=False)
    min_share: float = Field(default=0.1, ge=0, le=1, allow_inf_nan=False)
    deadline_month: int | None = Field(default=None, gt=0, le=MAX_HORIZON_MONTHS)
    deadline_capacity_share: float = Field(default=0.9, gt=0, le=1, allow_inf_nan=False)


class Simulation(_Frozen):
    """Monte Carlo settings: ``samples`` 0 means one run at every input's median."""

    samples: int = Field(default=10_000, ge=0, le=MAX_SAMPLES)
    seed: int = Field(default=42, ge=0, lt=2**63)
    method: Literal["random", "sobol", "lhs"] = "random"


class Scenario(ScenarioApi):
    """A whole scenario file (DESIGN.md §6), validated."""

    name: str = Field(min_length=1, max_length=MAX_NAME_CHARS)
    currency: str = Field(default="USD", pattern=r"^[A-Z]{3}$")
    home_country: CountryCode
    company: Company = Company()
    horizon_months: int | None = Field(default=None, gt=0, le=MAX_HORIZON_MONTHS)
    offshore_countries: tuple[CountryCode, ...] = Field(
        default=("VN",), max_length=MAX_OFFSHORE_COUNTRIES
    )
    workstreams: tuple[Workstream, ...] = Field(min_length=1, max_length=MAX_WORKSTREAMS)
    assumptions: dict[str, Distribution] = Field(default_factory=dict)
    correlations: tuple[Correlation, ...] = Field(default=(), max_length=MAX_CORRELATIONS)
    weights: Weights = Weights()
    weight_order: tuple[str, ...] = Field(default=(), max_length=5)
    weight_answers: dict[str, str] = Field(default_factory=dict, max_length=10)
    policy: Policy = Policy()
    mixes: tuple[Mix, ...] = Field(default=(), max_length=MAX_MIXES)
    simulation: Simulation = Simulation()
    optimize: OptimizeSettings = OptimizeSettings()
    staffing: StaffingRule = StaffingRule.EQUAL_OUTPUT
    offshore_route: OffshoreRoute = OffshoreRoute.AUTO
    rate_card: str | None = Field(default=None, min_length=1, max_length=1000)
    productivity_from_overlap: bool = False

    @field_validator("currency", mode="before")
    @classmethod
    def _upper_currency(cls, value: Any) -> Any:
        return value.strip().upper() if isinstance(value, str) else value

    @field_validator("home_country", mode="after")
    @classmethod
    def _upper_home(cls, value: str) -> str:
        return value.upper()

    @field_validator("offshore_countries", mode="after")
    @classmethod
    def _upper_offshore(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        codes = tuple(v.upper() for v in value)
        if not codes:
            raise ValueError("name at least one offshore country, e.g. [VN]")
        if len(set(codes)) != len(codes):
            raise ValueError("a country is listed twice")
        return codes

    @field_validator("assumptions", mode="before")
    @classmethod
    def _parse_assumptions(cls, value: Any, info: ValidationInfo) -> Any:
        if not isinstance(value, dict):
            return value
        context = info.context or {}
        parsed, problems = assumption_problems(value, context.get(UNITS_PER_USD))
        if problems:
            raise FieldProblemsError(problems)
        return parsed

    @field_validator("workstreams", "mixes", mode="after")
    @classmethod
    def _unique_names(cls, value: tuple[Workstream | Mix, ...]) -> Any:
        problems = duplicate_names([item.name for item in value])
        if problems:
            raise FieldProblemsError(problems)
        return value

    @field_validator("correlations", mode="after")
    @classmethod
    def _known_correlated(cls, value: tuple[Correlation, ...]) -> Any:
        problems = correlation_name_problems([c.between for c in value])
        if problems:
            raise FieldProblemsError(problems)
        return value

    @model_validator(mode="after")
    def _cross_checks(self, info: ValidationInfo) -> Scenario:
        if (info.context or {}).get(SKIP_CROSS_CHECKS):
            return self
        problems = cross_problems(self)
        if problems:
            raise FieldProblemsError(problems)
        return self

    @model_validator(mode="after")
    def _weights_fit(self) -> Scenario:
        if self.weight_order and self.weights.is_point and self.weights.model_fields_set:
            raise FieldProblemsError.one(
                "weight_order",
                "give an importance order or plain-number weights, not both (a range such "
                "as cost: 30%..50% may go with an order)",
            )
        try:
            self.weight_constraints()
        except ValueError as exc:
            field = "weight_answers" if self.weight_answers and not self.weight_order else "weights"
            raise FieldProblemsError.one(field, str(exc)) from None
        return self

    def importance_order(self) -> tuple[str, ...]:
        """``weight_order``, or the order the trade-off answers give (most important first)."""
        if self.weight_order or not self.weight_answers:
            return self.weight_order
        return order_from_answers(self.weight_answers)

    def weight_constraints(self) -> WeightConstraints:
        """The weights SMAA samples from: the whole simplex for plain-number weights (how
        much does the pick depend on them?), else the region the shares, ranges and order
        allow."""
        order = self.importance_order()
        if self.weights.is_point and not order:
            return WeightConstraints(CRITERIA)
        return parse_weight_spec({} if self.weights.is_point else self.weights.written(), order)

    @property
    def horizon(self) -> int:
        """Months modelled: ``horizon_months``, or until the latest team may be kept."""
        return self.horizon_months or max(w.start_month + w.window_months for w in self.workstreams)

    def options(self) -> list[OptionKey]:
        """The pure options: two onshore strategies, two offshore ones per country."""
        keys = [OptionKey(Strategy.ONSHORE_INHOUSE), OptionKey(Strategy.ONSHORE_OUTSOURCE)]
        for country in self.offshore_countries:
            keys.append(OptionKey(Strategy.OFFSHORE_INHOUSE, country))
            keys.append(OptionKey(Strategy.OFFSHORE_OUTSOURCE, country))
        return keys

    def mix_shares(self, mix: Mix) -> dict[OptionKey, float]:
        """A mix's shares keyed by option (a bare offshore name means the first country)."""
        first = self.offshore_countries[0]
        return {OptionKey.parse(k, default_country=first): v for k, v in mix.shares.items()}

    def replace(self, **changes: Any) -> Scenario:
        """A copy with ``changes`` (field name -> new value, plain data or models), validated
        again; raises ``ScenarioError`` listing every problem.

        >>> s = Scenario.model_validate({"name": "App", "home_country": "US",
        ...     "workstreams": [{"name": "app", "fte": 4, "duration_months": 8}]})
        >>> s.replace(horizon_months=12).horizon
        12
        """
        from shorewise.domain.validation import build_scenario

        data: dict[str, Any] = {name: getattr(self, name) for name in type(self).model_fields}
        data.update(changes)  # an unknown name is reported by validation, with the rest
        return self._keep_folder(build_scenario(data, source="Scenario.replace"))

    def with_assumptions(self, **values: Any) -> Scenario:
        """A copy with these assumptions set (``0.8``, ``"30%..70%"``, a distribution),
        validated again. Per-country keys use ``**{"name@CC": value}``.

        >>> s = Scenario.model_validate({"name": "App", "home_country": "US",
        ...     "workstreams": [{"name": "app", "fte": 4, "duration_months": 8}]})
        >>> s.with_assumptions(vendor_margin="30%").assumptions["vendor_margin"].kind
        'fixed'
        """
        return self.replace(assumptions={**self.assumptions, **values})
