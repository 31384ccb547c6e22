"""Page one of every surface: what to do, what it costs, and what would change it.

The headline names the pick per workstream in words, the plan total with its P10–P90
range, and the one or two nearest flip conditions — the inputs closest (relative to their
current value) to a threshold past which another option would rank first. Every surface
(terminal, Markdown, HTML/PDF, web) shows this first; the rest is detail.

Example::

    >>> h = headline(result)                                        # doctest: +SKIP
    >>> h.picks                                                     # doctest: +SKIP
    [('core ledger', 'Dedicated team in India'), ('marketing site', 'Vendor in India')]
    >>> Headline([("app", "Vendor in Vietnam")], "€318,000", "€256–406k", []).total_text
    'Plan total €318,000 (P10–P90 €256–406k)'
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from shorewise.results import numbers as fmt
from shorewise.results.result import FlipCondition, Result

__all__ = ["Headline", "headline", "nearest_flips"]

NOTHING_FLIPS = (
    "Nothing we tried changes the pick within its plausible range (duration, vendor margin, "
    "wage ratio, productivity, weight on cost)"
)


@dataclass(frozen=True)
class Headline:
    """The decision in words: picks ``(workstream, label)``, the plan total (P50) and its
    P10–P90 range (``""`` for one deterministic run), and up to two things that would
    change the answer."""

    picks: list[tuple[str, str]]
    total: str
    total_range: str
    changes: list[str]

    @property
    def total_text(self) -> str:
        """``Plan total $1.42M (P10–P90 $1.3–1.6M)``."""
        if not self.total:
            return ""
        spread = f" (P10–P90 {self.total_range})" if self.total_range else ""
        return f"Plan total {self.total}{spread}"


def _distance(f: FlipCondition) -> float:
    """How far the threshold is from today's value, relative to the range searched."""
    if f.threshold is None:
        return math.inf
    span = abs(f.high - f.low) or abs(f.current) or 1.0
    return abs(f.threshold - f.current) / span


def nearest_flips(c: Result, limit: int = 2) -> list[FlipCondition]:
    """The ``limit`` flip conditions nearest to today's values (none when nothing flips)."""
    found = [f for f in c.recommendation.flip_conditions if f.threshold is not None]
    return sorted(found, key=_distance)[:limit]


def headline(c: Result) -> Headline:
    """The headline of a result (see module doc)."""
    picks = [(r.workstream, r.label) for r in c.recommendation.by_workstream]
    total = c.plan.total_cost
    text, spread = "", ""
    if total is not None:
        text = fmt.money(total.value(), c.currency)
        lo, hi = total.value("p10"), total.value("p90")
        if math.isfinite(lo) and math.isfinite(hi) and not math.isclose(lo, hi, rel_tol=1e-9):
            spread = fmt.money_range(lo, hi, c.currency)
    flips = nearest_flips(c)
    changes = [f.text for f in flips]
    if not changes and c.recommendation.flip_conditions:
        changes = [NOTHING_FLIPS]
    return Headline(picks, text, spread, changes)
