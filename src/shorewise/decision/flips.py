"""What would change the answer: the nearest value of an input at which another option
ranks first, found by re-running the whole decision.

The search is model-agnostic: ``first_at(value)`` re-runs the decision with the input at
``value`` and returns the option that ranks first (the caller re-chooses routes, risk and
lateness there). From the current value it walks a grid outwards on both sides, the side
whose next point is nearer first; at the first grid point where another option wins it
bisects to adjacent values ``v_pick`` (the pick still wins) and ``v_other`` (another option
wins), ``step`` apart (1 for whole months). A side stops as soon as nothing it could still
find would be nearer than the other side's flip (its trial values are then never run).
The reported threshold is ``v_pick``: "below 11 months, the vendor would rank first" means
the vendor ranks first at 10 and the pick at 11. A change found only at the edge of the
searched range is not a flip ("no flip within the plausible range"); the nearer of the two
sides is reported.

Example::

    >>> search = FlipSearch("duration_months", current=36, low=2, high=72, integer=True,
    ...                     unit="months")
    >>> f = find_flip(search, lambda v: "team" if v >= 11 else "vendor", "team")
    >>> f.threshold, f.direction, f.option, f.step
    (11.0, 'below', 'vendor', 1.0)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from shorewise.decision.findings import FlipFinding

__all__ = ["BISECTIONS", "GRID", "FlipSearch", "find_flip"]

GRID = 13
BISECTIONS = 12
RELATIVE_TOLERANCE = 1 / 256
"""Continuous inputs are bisected to this share of the searched range."""


@dataclass(frozen=True)
class FlipSearch:
    """One input to search: its current value and the plausible range ``low..high``."""

    input: str
    current: float
    low: float
    high: float
    integer: bool = False
    unit: str = "share"


@dataclass(frozen=True)
class _Side:
    threshold: float  # v_pick
    other_value: float  # v_other
    option: str
    direction: str


def _grid(s: FlipSearch) -> list[float]:
    values = np.linspace(s.low, s.high, GRID)
    if s.integer:
        values = np.unique(np.round(values))
    return sorted({float(v) for v in values} | {float(s.current)})


def _bisect(
    s: FlipSearch, first: Callable[[float], str | None], pick: str, v_pick: float, v_other: float
) -> tuple[float, float]:
    tolerance = 1.0 if s.integer else (s.high - s.low) * RELATIVE_TOLERANCE
    for _ in range(BISECTIONS):
        if abs(v_pick - v_other) <= tolerance + 1e-12:
            break
        mid = (v_pick + v_other) / 2
        if s.integer:
            mid = float(np.floor(mid) if v_other < v_pick else np.ceil(mid))
            if mid in (v_pick, v_other):
                break
        if first(mid) == pick:
            v_pick = mid
        else:
            v_other = mid
    return v_pick, v_other


class _Walk:
    """One side's walk out along the grid: the last value where the pick still ranks first
    and, once over, the side's flip (``None``: no flip on this side, or none nearer than the
    other side's)."""

    def __init__(self, values: list[float], current: float, edge: float, below: bool) -> None:
        self.values, self.edge, self.below = values, edge, below
        self.previous, self.next = float(current), 0
        self.over = not values
        self.found: _Side | None = None

    def step(self, s: FlipSearch, first: Callable[[float], str | None], pick: str) -> None:
        """Try the next grid value; at the first where another option wins, bisect."""
        v = self.values[self.next]
        self.next += 1
        if first(v) == pick:
            self.previous = v
            self.over = self.next == len(self.values)
            return
        self.over = True
        v_pick, v_other = _bisect(s, first, pick, self.previous, v)
        other = first(v_other)
        if other is None or other == pick or v_other == self.edge:
            return
        direction = "below" if v_other < v_pick else "above"
        self.found = _Side(v_pick, v_other, other, direction)


def _walk(s: FlipSearch, first: Callable[[float], str | None], pick: str) -> list[_Side]:
    """Both sides' flips, walking the side whose next grid value is nearer first. A side
    stops early once no flip on it could be reported: its thresholds are at least as far as
    its last value where the pick ranks first, and the nearer side is reported (the lower
    side on a tie), so what it would find changes nothing."""
    grid = _grid(s)
    span = max(s.high - s.low, 1e-12)

    def far(x: float) -> float:
        return abs(x - s.current) / span

    below = _Walk([v for v in reversed(grid) if v < s.current], s.current, s.low, True)
    above = _Walk([v for v in grid if v > s.current], s.current, s.high, False)
    sides = (below, above)
    while True:
        for side, other in ((below, above), (above, below)):
            if side.over or other.found is None:
                continue
            bound, found = far(side.previous), far(other.found.threshold)
            if bound > found or (bound == found and not side.below):
                side.over = True
        walking = [side for side in sides if not side.over]
        if not walking:
            return [side.found for side in sides if side.found is not None]
        min(walking, key=lambda w: far(w.values[w.next])).step(s, first, pick)


def find_flip(
    search: FlipSearch, first_at: Callable[[float], str | None], pick: str
) -> FlipFinding:
    """The nearest flip of ``search.input`` around its current value (see module doc)."""
    cache: dict[float, str | None] = {}

    def first(value: float) -> str | None:
        key = round(float(value), 12)
        if key not in cache:
            cache[key] = first_at(key)
        return cache[key]

    sides = _walk(search, first, pick)
    empty = FlipFinding(
        search.input, search.current, None, None, None, search.low, search.high, search.unit
    )
    if not sides:
        return empty
    span = max(search.high - search.low, 1e-12)
    near = min(sides, key=lambda x: abs(x.threshold - search.current) / span)
    return FlipFinding(
        search.input,
        search.current,
        near.threshold,
        near.direction,
        near.option,
        search.low,
        search.high,
        search.unit,
        step=abs(near.threshold - near.other_value),
    )
