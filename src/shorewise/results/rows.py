"""One comparison row (workstream x option) with its summaries, and a recommendation."""

from __future__ import annotations

from dataclasses import dataclass

from shorewise.engine.alternatives import Alternative
from shorewise.uncertainty.summary import Percentiles

METRICS = (
    "total_cost",
    "npv_cost",
    "effective_fte_months",
    "cost_per_effective_fte_month",
    "months_to_target",
)


@dataclass
class Row:
    """One workstream x option with its summaries; decision fields are set by scoring."""

    alternative: Alternative
    eligible: bool
    excluded_reason: str | None
    figures: dict[str, Percentiles]
    control: float
    category_means: dict[str, float]
    p_best: float = 0.0
    rank: int | None = None
    score: float | None = None
    savings_vs_onshore_inhouse: float | None = None
    reaches_target_share: float = 1.0
    p_cheapest: float = 0.0

    @property
    def id(self) -> str:
        return self.alternative.id

    def route_text(self) -> str | None:
        """e.g. ``offshore_inhouse@VN: employer of record (cheaper)``."""
        if not self.alternative.routes:
            return None
        parts = []
        for option, choice in self.alternative.routes:
            what = "employer of record" if choice.route.value == "eor" else "own entity"
            why = "set in the scenario" if choice.chosen_by == "scenario" else "cheaper"
            parts.append(f"{option}: {what} ({why})")
        return "; ".join(parts)


@dataclass
class Recommendation:
    """What to do for one workstream or the whole plan, and why."""

    strategy: str
    country: str | None
    option: str | None
    reasons: list[str]
    caveats: list[str]
    flip_conditions: list[str]
    workstream: str | None = None
