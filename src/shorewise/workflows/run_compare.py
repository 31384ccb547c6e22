"""Two saved runs side by side: P50 figures per option, plan totals, the scenario diff.

Money is shown in the left run's currency; a right run in another currency is converted at
the dated rate of :mod:`shorewise.market.fx` (Stack Overflow Developer Survey 2024
conversions, mid-2024), and :attr:`RunComparison.fx_note` says so. Without a rate between
the two, the figures stay as they are and no change is computed.

Example::

    >>> currency_conversion("EUR", "USD").factor
    0.93
    >>> comparison = compare_run_records(left, right, left_text, right_text)  # doctest: +SKIP
    >>> comparison.currency, comparison.fx_note is None                        # doctest: +SKIP
    ('USD', True)
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Any

from shorewise.errors import MarketDataError
from shorewise.storage.repository import RunRecord

__all__ = [
    "Conversion",
    "FigureDelta",
    "RunComparison",
    "compare_run_records",
    "currency_conversion",
]


@dataclass(frozen=True)
class FigureDelta:
    """One figure (P50) of one option in two runs, and how it moved."""

    workstream: str
    option: str
    left: float | None
    right: float | None
    comparable: bool = True
    """False when the two sides are in currencies with no rate between them."""

    @property
    def change(self) -> float | None:
        """Right minus left, or None when either side lacks the figure."""
        if self.left is None or self.right is None or not self.comparable:
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
    """Two saved runs side by side: their recommendations, figures and scenario diff.

    Figures are in :attr:`currency` (the left run's); ``fx_note`` says how the right run's
    were converted when its currency differs (None when nothing was converted).
    """

    left: RunRecord
    right: RunRecord
    total_cost: list[FigureDelta]
    cost_per_effective_fte_month: list[FigureDelta]
    plan_total_cost: FigureDelta
    scenario_diff: list[str] = field(default_factory=list)
    currency: str = "USD"
    fx_note: str | None = None


@dataclass(frozen=True)
class Conversion:
    """How to show the right run's money in the left run's currency."""

    factor: float | None
    """Left-currency units per right-currency unit (None: no rate, nothing converted)."""
    note: str | None


def currency_conversion(left: str, right: str) -> Conversion:
    """The dated FX conversion from ``right`` to ``left`` (both ISO 4217 codes).

    Example: ``currency_conversion("EUR", "USD").factor == 0.93`` (1 USD = 0.93 EUR,
    mid-2024 rates of :mod:`shorewise.market.fx`).
    """
    if left.upper() == right.upper():
        return Conversion(1.0, None)
    from shorewise.market.fx import usd_rate

    try:
        into, out_of = usd_rate(left), usd_rate(right)
    except MarketDataError as exc:
        return Conversion(None, f"not converted, so changes are not shown: {exc.message}")
    factor = into.units_per_usd / out_of.units_per_usd
    return Conversion(
        factor,
        f"{right} figures of the right-hand run are shown in {left}, converted at "
        f"1 {right} = {factor:.4g} {left} ({into.provenance}; {out_of.provenance})",
    )


def _p50(figure: Any) -> float | None:
    if isinstance(figure, dict):
        value = figure.get("p50")
        return float(value) if isinstance(value, int | float) else None
    return None


def _scaled(value: float | None, factor: float | None) -> float | None:
    """``value`` in the left currency (unchanged when there is no rate to convert it)."""
    return value if value is None or factor is None else value * factor


def _deltas(
    left: dict[str, Any], right: dict[str, Any], metric: str, factor: float | None = 1.0
) -> list[FigureDelta]:
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
                _scaled(_p50(b[k].get(metric)), factor) if k in b else None,
                comparable=factor is not None,
            )
        )
    return out


def compare_run_records(
    left: RunRecord, right: RunRecord, left_text: str, right_text: str
) -> RunComparison:
    """Compare two saved runs, given the scenario text each one evaluated."""
    diff = list(
        difflib.unified_diff(
            left_text.splitlines(),
            right_text.splitlines(),
            f"{left.scenario_name} v{left.version}",
            f"{right.scenario_name} v{right.version}",
            lineterm="",
        )
    )
    currency = str(left.result.get("currency") or "USD")
    conversion = currency_conversion(currency, str(right.result.get("currency") or "USD"))
    plan = FigureDelta(
        "plan",
        "recommended plan",
        _p50((left.result.get("plan") or {}).get("total_cost")),
        _scaled(_p50((right.result.get("plan") or {}).get("total_cost")), conversion.factor),
        comparable=conversion.factor is not None,
    )
    return RunComparison(
        left,
        right,
        _deltas(left.result, right.result, "total_cost", conversion.factor),
        _deltas(left.result, right.result, "cost_per_effective_fte_month", conversion.factor),
        plan,
        diff,
        currency=currency,
        fx_note=conversion.note,
    )
