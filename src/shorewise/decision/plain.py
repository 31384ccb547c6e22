"""The plain recommendation: the cheapest eligible option per effective FTE-month.

This is the backbone's rule; the multi-criteria recommendation builds on it.

Example::

    >>> pick_cheapest([Candidate("a", True, 9000.0), Candidate("b", True, 7000.0)]).id
    'b'
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Candidate:
    """One alternative as the recommendation sees it (P50 figures)."""

    id: str
    eligible: bool
    cost_per_effective_fte_month: float


def pick_cheapest(candidates: Sequence[Candidate]) -> Candidate | None:
    """The eligible candidate with the lowest finite P50 cost per effective FTE-month."""
    ok = [c for c in candidates if c.eligible and math.isfinite(c.cost_per_effective_fte_month)]
    return min(ok, key=lambda c: c.cost_per_effective_fte_month) if ok else None


def cost_ranks(candidates: Sequence[Candidate]) -> dict[str, int]:
    """Rank 1 = cheapest eligible per effective FTE-month; ineligible ones are not ranked."""
    ok = sorted(
        (c for c in candidates if c.eligible),
        key=lambda c: (
            not math.isfinite(c.cost_per_effective_fte_month),
            c.cost_per_effective_fte_month,
        ),
    )
    return {c.id: i + 1 for i, c in enumerate(ok)}
