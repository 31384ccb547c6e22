"""Two saved runs side by side: their P50 figures, plan totals and the scenario diff.

Example::

    >>> c = compare_run_records(left, right, left_text, right_text)   # doctest: +SKIP
    >>> c.plan_total_cost.change_share                                 # doctest: +SKIP
    0.12
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Any

from shorewise.storage.repository import RunRecord

__all__ = ["FigureDelta", "RunComparison", "compare_run_records"]


@dataclass(frozen=True)
class FigureDelta:
    """One figure (P50) of one option in two runs, and how it moved."""

    workstream: str
    option: str
    left: float | None
    right: float | None

    @property
    def change(self) -> float | None:
        """Right minus left, or None when either side lacks the figure."""
        if self.left is None or self.right is None:
            return None
        return self.right - self.left

    @property
    def change_share(self) -> float | None:
        """The change as a share of the left value."""
        change = self.change
        if change is None or not self.left:
            return None
        return change / self.left


@dataclass(frozen=True)
class RunComparison:
    """Two saved runs side by side: their recommendations, figures and scenario diff."""

    left: RunRecord
    right: RunRecord
    total_cost: list[FigureDelta]
    cost_per_effective_fte_month: list[FigureDelta]
    plan_total_cost: FigureDelta
    scenario_diff: list[str] = field(default_factory=list)


def _p50(figure: Any) -> float | None:
    if isinstance(figure, dict):
        value = figure.get("p50")
        return float(value) if isinstance(value, int | float) else None
    return None


def _deltas(left: dict[str, Any], right: dict[str, Any], metric: str) -> list[FigureDelta]:
    """Figures matched by workstream and option (by option alone when each side has one
    workstream, so two one-workstream scenarios line up even if they name it apart)."""
    names = [{r["workstream"] for r in doc.get("strategies", [])} for doc in (left, right)]
    single = all(len(n) == 1 for n in names)

    def key(row: dict[str, Any]) -> tuple[str, str]:
        return ("" if single else row["workstream"], row["option"])

    a = {key(r): r for r in left.get("strategies", [])}
    b = {key(r): r for r in right.get("strategies", [])}
    out = []
    for k in list(a) + [k for k in b if k not in a]:
        workstream = k[0] or " / ".join(dict.fromkeys(n for group in names for n in group))
        out.append(
            FigureDelta(
                workstream,
                k[1],
                _p50(a[k].get(metric)) if k in a else None,
                _p50(b[k].get(metric)) if k in b else None,
            )
        )
    return out


def compare_run_records(
    left: RunRecord, right: RunRecord, left_text: str, right_text: str
) -> RunComparison:
    """The two runs' figures matched by option, the plan totals and the text diff."""
    diff = list(
        difflib.unified_diff(
            left_text.splitlines(),
            right_text.splitlines(),
            f"{left.scenario_name} v{left.version}",
            f"{right.scenario_name} v{right.version}",
            lineterm="",
        )
    )
    plan = FigureDelta(
        "plan",
        "recommended plan",
        _p50((left.result.get("plan") or {}).get("total_cost")),
        _p50((right.result.get("plan") or {}).get("total_cost")),
    )
    return RunComparison(
        left,
        right,
        _deltas(left.result, right.result, "total_cost"),
        _deltas(left.result, right.result, "cost_per_effective_fte_month"),
        plan,
        diff,
    )
