"""The parts of a :class:`~shorewise.results.result.Result`: rows, findings, plan, series.

Every part is a frozen pydantic model whose dump is its piece of the JSON contract
(DESIGN.md §6).

Example::

    >>> Quantiles.of(1.0, 2.0, float("inf"), 2.5).p90 is None
    True
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Quantiles(_Frozen):
    """P10 / P50 / P90 and the mean of one figure over the draws; ``None`` when not
    finite (e.g. a target never reached)."""

    p10: float | None
    p50: float | None
    p90: float | None
    mean: float | None

    @classmethod
    def of(cls, p10: float, p50: float, p90: float, mean: float, digits: int = 2) -> Quantiles:
        """Rounded, with non-finite values as ``None``."""

        def r(v: float) -> float | None:
            return round(v, digits) if math.isfinite(v) else None

        return cls(p10=r(p10), p50=r(p50), p90=r(p90), mean=r(mean))

    def value(self, name: str = "p50") -> float:
        """A percentile as a float (``inf`` when not finite)."""
        v = getattr(self, name)
        return math.inf if v is None else float(v)


class Finding(BaseModel):
    """A reason or caveat: ``kind`` (stable, snake_case), ``text`` (the sentence shown to
    people) and the numbers it quotes as further fields."""

    model_config = ConfigDict(frozen=True, extra="allow")

    kind: str
    text: str

    def get(self, name: str, default: Any = None) -> Any:
        """A quoted value by name."""
        return (self.model_extra or {}).get(name, default)


class FlipCondition(_Frozen):
    """Past ``threshold`` (``direction`` below/above) of ``input``, ``option`` would rank
    first; ``threshold`` and ``option`` are ``None`` when nothing flips in range."""

    input: str
    input_label: str
    current: float
    threshold: float | None
    direction: Literal["below", "above"] | None
    option: str | None
    label: str | None
    low: float
    high: float
    step: float | None
    unit: str
    text: str
    workstream: str | None = None


class Component(_Frozen):
    """A pure option inside an option row, with its share and route abroad."""

    option: str
    share: float
    route: str | None


class RouteChoice(_Frozen):
    """The route of a team abroad and each route's central total cost."""

    option: str
    route: str
    chosen_by: str
    eor_total: float | None
    entity_total: float | None


class CountryRoute(_Frozen):
    """The route of the plan's team abroad in one country, chosen from the plan's load
    there (an entry of ``routes``); money in the scenario currency at central values."""

    country: str
    country_name: str
    route: str  # "eor" or "entity"
    route_label: str
    chosen_by: str  # "cheaper" or "scenario"
    head_months: float  # the plan's load: FTE x months of work, summed over workstreams
    crossover_head_months: float | None  # from this load an own entity pays off
    eor_total_cost: float
    entity_total_cost: float
    eor_cost_per_effective_fte_month: float
    entity_cost_per_effective_fte_month: float
    text: str


class OptionRow(_Frozen):
    """One workstream x option (a row of ``strategies``)."""

    workstream: str
    strategy: str
    mix: str | None
    country: str | None
    option: str
    label: str
    short_label: str
    eligible: bool
    excluded_reason: str | None
    total_cost: Quantiles
    npv_cost: Quantiles
    effective_fte_months: Quantiles
    cost_per_effective_fte_month: Quantiles
    months_to_target: Quantiles
    required_fte_months: float
    delivered_share: Quantiles
    finish_month: Quantiles
    p_on_time: float | None
    over_budget_years: list[int]
    control: float | None
    score: float | None
    rank: int | None
    p_best: float | None
    p_cheapest: float | None
    savings_vs_onshore_inhouse: float | None
    reaches_target_share: float | None
    route: str | None
    routes: list[RouteChoice]
    components: list[Component]
    cost_by_category: dict[str, float]
    criteria: dict[str, float] | None
    contributions: dict[str, float] | None

    def figure_columns(
        self, figures: Sequence[str], stats: Sequence[str]
    ) -> dict[str, float | None]:
        """Flat columns ``{figure}_{stat}`` (``total_cost_p50``, ...), figure by figure."""
        return {
            f"{name}_{stat}": getattr(getattr(self, name), stat)
            for name in figures
            for stat in stats
        }


class WorkstreamRecommendation(_Frozen):
    """What to do for one workstream, and why."""

    workstream: str
    strategy: str
    country: str | None
    option: str | None
    label: str
    reasons: list[Finding]
    caveats: list[Finding]
    flip_conditions: list[FlipCondition]
    smaa: list[dict[str, Any]] = Field(default_factory=list)


class Pick(_Frozen):
    """One workstream's pick, for the plan's headline."""

    workstream: str
    option: str | None
    label: str


class Recommendation(_Frozen):
    """What to do for the whole plan (with one workstream: that workstream's)."""

    strategy: str
    country: str | None
    option: str | None
    label: str
    picks: list[Pick]
    reasons: list[Finding]
    caveats: list[Finding]
    flip_conditions: list[FlipCondition]
    by_workstream: list[WorkstreamRecommendation]


class YearCost(_Frozen):
    """The plan's cost in one plan year (1-based), P50 and P10–P90."""

    year: int
    cost: Quantiles


class Plan(_Frozen):
    """Totals of the recommended plan (``None`` when a workstream has no eligible option)."""

    total_cost: Quantiles | None
    npv_cost: Quantiles | None
    years: list[YearCost] = Field(default_factory=list)
    annual_budget: float | None = None
    over_budget_years: list[int] = Field(default_factory=list)


class WorkstreamInfo(_Frozen):
    """One workstream as the scenario gives it, with its scope and due month."""

    name: str
    core: bool
    fte: float
    duration_months: int
    start_month: int
    due_month: int
    required_fte_months: float
    scope_volatility: str
    finish_cap_month: int | None = None  # a late team is kept until done, at most this month


class AssumptionRow(_Frozen):
    """One model input as used in the run, with its unit and source."""

    key: str
    name: str
    label: str
    country: str | None
    group: str
    value: str
    central: float
    uncertain: bool
    unit: str
    provenance: str
    source: str
    meaning: str
    overridden: bool


class Band(_Frozen):
    """P10 / P50 / P90 of one monthly series, one value per month."""

    p10: list[float | None]
    p50: list[float | None]
    p90: list[float | None]


class HistogramBin(_Frozen):
    """A share of draws with a value in ``[start, end)``."""

    start: float
    end: float
    share: float


class OptionSeries(_Frozen):
    """Monthly bands of one option over its workstream's months (``first_month`` 1-based)."""

    workstream: str
    option: str
    first_month: int
    paid: Band
    effective: Band
    burn: Band
    cumulative: Band
    cost_per_effective_fte_month_bins: list[HistogramBin]


class RunInfo(_Frozen):
    """How the numbers were drawn: reproduce with the same version, seed and samples."""

    samples: int
    seed: int
    method: str
    deterministic: bool
    version: str
    flip_draws: int | None = None
