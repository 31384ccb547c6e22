"""Summarise a Monte Carlo run per option: percentiles, delivery against the scope, budget
years, monthly bands — plain values, no decision yet.

Per option (a workstream x pure option or mix): the headline figures' P10/P50/P90/mean;
the scope (``required_fte_months`` = FTE x duration), the share of it delivered by the
due month and the month it is finished (every draw; ``None`` percentiles where a draw does
not finish within the months a late team is kept); ``p_on_time`` (draws delivering at
least :data:`ON_TIME_SHARE` of the scope by the due month); the plan years in which this
option alone would exceed the annual budget
at P50; the monthly bands the charts draw.

Example::

    >>> s = summarise_option(scenario, alternative, index, run)     # doctest: +SKIP
    >>> s.delivered_share.p50                                         # doctest: +SKIP
    0.83
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from shorewise.decision.policy import ON_TIME_SHARE
from shorewise.domain.scenario import Scenario
from shorewise.engine.alternatives import Alternative
from shorewise.engine.types import CATEGORIES, DrawVector, FloatArray
from shorewise.results.result import Band, HistogramBin, OptionSeries, Quantiles
from shorewise.uncertainty.montecarlo import MonteCarloRun
from shorewise.uncertainty.summary import percentiles

__all__ = ["ON_TIME_SHARE", "OptionSummary", "quantiles", "summarise_option", "year_costs"]


FIGURES = (
    "total_cost",
    "npv_cost",
    "effective_fte_months",
    "cost_per_effective_fte_month",
    "months_to_target",
)


def quantiles(values: FloatArray, digits: int = 2) -> Quantiles:
    """P10/P50/P90/mean of per-draw values, rounded, ``None`` where not finite."""
    p = percentiles(values)
    return Quantiles.of(p.p10, p.p50, p.p90, p.mean, digits)


@dataclass(frozen=True)
class OptionSummary:
    """One option's summaries (see module doc)."""

    figures: dict[str, Quantiles]
    required_fte_months: float
    delivered: DrawVector  # share of the scope by the due month, per draw
    delivered_share: Quantiles
    finish_month: Quantiles
    p_on_time: float
    over_budget_years: list[int]
    year_cost_p50: list[float]
    reaches_target_share: float
    category_means: dict[str, float]
    series: OptionSeries


def year_costs(burn: FloatArray) -> FloatArray:
    """``(draw, month)`` -> ``(draw, plan year)`` sums (the last year may be partial)."""
    years = -(-burn.shape[1] // 12)
    return np.stack([burn[:, 12 * k : 12 * (k + 1)].sum(axis=1) for k in range(years)], axis=1)


def _band(cube: FloatArray, digits: int) -> Band:
    low, mid, high = np.percentile(cube, [10, 50, 90], axis=0)

    def r(values: FloatArray) -> list[float | None]:
        return [round(float(v), digits) if math.isfinite(v) else None for v in values]

    return Band(p10=r(low), p50=r(mid), p90=r(high))


def _bins(values: FloatArray, bins: int = 30) -> list[HistogramBin]:
    finite = values[np.isfinite(values)]
    if finite.size == 0:
        return []
    low, high = float(finite.min()), float(finite.max())
    if math.isclose(low, high, rel_tol=1e-9, abs_tol=1e-9):
        half = max(abs(low) * 0.005, 0.5)
        return [HistogramBin(start=round(low - half, 2), end=round(low + half, 2), share=1.0)]
    counts, edges = np.histogram(finite, bins=bins, range=(low, high))
    return [
        HistogramBin(
            start=round(float(edges[k]), 2),
            end=round(float(edges[k + 1]), 2),
            share=round(float(counts[k] / finite.size), 4),
        )
        for k in range(len(counts))
    ]


def _series_end(alt: Alternative, finish: DrawVector, horizon: int) -> int:
    """The last month (exclusive, from the scenario start) a chart needs: the due month, or
    later while a late team is still kept in one draw in ten (P90 of the finish)."""
    ws = alt.workstream
    kept_at_most = min(ws.start_month + ws.window_months, horizon)
    window = float(ws.window_months)
    p90 = float(np.percentile(np.minimum(finish, window), 90)) if finish.size else 0.0
    end = ws.start_month + math.ceil(p90 - 1e-9)
    return max(min(ws.end_month, horizon), min(end, kept_at_most))


def _series(
    alt: Alternative, index: int, run: MonteCarloRun, horizon: int, finish: DrawVector
) -> OptionSeries:
    ws = alt.workstream
    first, last = ws.start_month, _series_end(alt, finish, horizon)
    window = slice(first, last)
    burn = run.monthly_burn[index]
    cumulative = np.cumsum(burn, axis=1)[:, window]
    return OptionSeries(
        workstream=ws.name,
        option=alt.option_name,
        first_month=first + 1,
        paid=_band(run.monthly_paid[index][:, window], 3),
        effective=_band(run.monthly_effective[index][:, window], 3),
        burn=_band(burn[:, window], 2),
        cumulative=_band(cumulative, 2),
        cost_per_effective_fte_month_bins=_bins(run.metrics[index].cost_per_effective_fte_month),
    )


def summarise_option(
    scenario: Scenario, alt: Alternative, index: int, run: MonteCarloRun
) -> OptionSummary:
    """The summaries of alternative ``index`` of ``run`` (see module doc)."""
    m = run.metrics[index]
    ws = alt.workstream
    required = float(ws.target_fte * ws.duration_months)
    delivered = np.clip(m.effective_fte_months / required, 0.0, 1.0)
    finish = ws.start_month + m.finish_months
    budget = scenario.company.annual_budget
    p50 = [float(v) for v in np.percentile(year_costs(run.monthly_burn[index]), 50, axis=0)]
    over = [k + 1 for k, v in enumerate(p50) if budget is not None and v > budget]
    return OptionSummary(
        figures={name: quantiles(getattr(m, name)) for name in FIGURES},
        required_fte_months=round(required, 4),
        delivered=delivered,
        delivered_share=quantiles(delivered, 4),
        finish_month=quantiles(finish, 1),
        p_on_time=float(np.mean(delivered >= ON_TIME_SHARE - 1e-12)),
        over_budget_years=over,
        year_cost_p50=p50,
        reaches_target_share=float(np.mean(np.isfinite(m.months_to_target))),
        category_means={
            c: round(float(run.category_means[index][i]), 2) for i, c in enumerate(CATEGORIES)
        },
        series=_series(alt, index, run, scenario.horizon, m.finish_months),
    )
