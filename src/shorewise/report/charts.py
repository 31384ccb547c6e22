"""Altair chart specs of a comparison: percentile bands and binned distributions only.

Each function builds the chart with Altair and returns its Vega-Lite spec (a dict; the
data ride along as named ``datasets``, so Altair never copies them around);
:func:`report_charts` lists every chart a report shows, per workstream, with a title and
a one-line reading guide. Money axes are in the scenario's currency; months count from 1
(the plan's first month). Options keep one colour across charts; options the policy
excludes are drawn dashed. ``validate=True`` checks a spec against the Vega-Lite schema.

Example::

    >>> spec = cumulative_cost_chart(result, 0)                  # doctest: +SKIP
    >>> spec["$schema"]
    'https://vega.github.io/schema/vega-lite/v6.4.1.json'
"""

from __future__ import annotations

from typing import Any

import numpy as np

from shorewise.engine.types import CATEGORIES, CATEGORY_LABELS
from shorewise.report.chart_style import (
    CATEGORY_PALETTE,
    PALETTE,
    SHORT_CATEGORY,
    ChartItem,
    Datasets,
    Spec,
    alt_module,
    dashed_when_excluded,
    plot_width,
)
from shorewise.report.series import histogram, label, monthly_bands
from shorewise.results.comparison import Comparison

HEIGHT = 240


def _colors(c: Comparison, workstream: int) -> Any:
    alt = alt_module()
    labels = [label(r) for r in c.rows_for(workstream)]
    return alt.Scale(domain=labels, range=list(PALETTE[: len(labels)] or PALETTE))


def _band_chart(
    c: Comparison,
    workstream: int,
    series: str,
    title: str,
    width: int,
    money: bool,
    sets: Datasets,
) -> Any:
    alt = alt_module()
    rows = monthly_bands(c, workstream)
    data = sets.data("bands", rows)
    colors = _colors(c, workstream)
    fmt = "~s" if money else ",.1f"
    months = [r["month"] for r in rows] or [1]
    x = alt.X(
        "month:Q",
        title="month",
        scale=alt.Scale(domain=[min(months), max(months)], nice=False),
        axis=alt.Axis(tickMinStep=1, format="d"),
    )
    legend = alt.Legend(symbolType="stroke", symbolOpacity=1, symbolStrokeWidth=3)
    color = alt.Color("label:N", scale=colors, title="option", legend=legend)
    band = (
        alt.Chart(data)
        .mark_area(opacity=0.13)
        .encode(x=x, y=alt.Y(f"{series}_p10:Q"), y2=alt.Y2(f"{series}_p90:Q"), color=color)
    )
    line = (
        alt.Chart(data)
        .mark_line(strokeWidth=2)
        .encode(
            x=x,
            y=alt.Y(f"{series}_p50:Q", title=title, axis=alt.Axis(format=fmt)),
            color=color,
            strokeDash=dashed_when_excluded(),
            tooltip=[
                alt.Tooltip("label:N", title="option"),
                alt.Tooltip("month:Q"),
                alt.Tooltip(f"{series}_p10:Q", title="P10", format=",.0f" if money else ",.2f"),
                alt.Tooltip(f"{series}_p50:Q", title="P50", format=",.0f" if money else ",.2f"),
                alt.Tooltip(f"{series}_p90:Q", title="P90", format=",.0f" if money else ",.2f"),
            ],
        )
    )
    return alt.layer(band, line).properties(width=width, height=HEIGHT)


def cumulative_cost_chart(
    c: Comparison, workstream: int, width: int = 520, *, validate: bool = False
) -> Spec:
    """Cumulative cost per option over the months: P50 line, P10–P90 band."""
    sets = Datasets()
    title = f"cumulative cost ({c.scenario.currency})"
    chart = _band_chart(c, workstream, "cumulative", title, width, True, sets)
    return sets.finish(chart, validate=validate)


def monthly_burn_chart(
    c: Comparison, workstream: int, width: int = 520, *, validate: bool = False
) -> Spec:
    """Cost per month (burn) per option: P50 line, P10–P90 band."""
    sets = Datasets()
    title = f"cost per month ({c.scenario.currency})"
    chart = _band_chart(c, workstream, "burn", title, width, True, sets)
    return sets.finish(chart, validate=validate)


def capacity_chart(
    c: Comparison, workstream: int, width: int = 520, *, validate: bool = False
) -> Spec:
    """Effective FTE per option over the months (P50, P10–P90) against the target."""
    alt = alt_module()
    sets = Datasets()
    ws = c.scenario.workstreams[workstream]
    chart = _band_chart(c, workstream, "effective", "effective FTE", width, False, sets)
    target = sets.data(
        "target", [{"target": ws.target_fte, "text": f"target {ws.target_fte:g} FTE"}]
    )
    rule = alt.Chart(target).mark_rule(color="#444", strokeDash=[2, 3]).encode(y=alt.Y("target:Q"))
    text = (
        alt.Chart(target)
        .mark_text(align="right", dx=-4, dy=-6, color="#444", fontSize=11)
        .encode(y=alt.Y("target:Q"), x=alt.value(width), text="text:N")
    )
    return sets.finish(alt.layer(chart, rule, text), validate=validate)


def cost_per_fte_chart(
    c: Comparison, workstream: int, width: int = 520, *, validate: bool = False
) -> Spec:
    """Distribution of cost per effective FTE-month over the draws, binned, one row each."""
    alt = alt_module()
    sets = Datasets()
    rows: list[dict[str, Any]] = []
    medians: list[dict[str, Any]] = []
    for r in c.rows_for(workstream):
        index = c.rows.index(r)
        values = c.run.metrics[index].cost_per_effective_fte_month
        for b in histogram(values):
            rows.append({"label": label(r), **b})
        p50 = r.figures["cost_per_effective_fte_month"].p50
        if np.isfinite(p50):
            medians.append({"label": label(r), "p50": p50})
    colors = _colors(c, workstream)
    order = [label(r) for r in c.rows_for(workstream)]
    bars = (
        alt.Chart(sets.data("bins", rows))
        .mark_rect(opacity=0.8)
        .encode(
            x=alt.X(
                "start:Q",
                title=f"cost per effective FTE-month ({c.scenario.currency})",
                axis=alt.Axis(format="~s", tickCount=6),
            ),
            x2="end:Q",
            y=alt.Y("label:N", title=None, sort=order, axis=alt.Axis(labelLimit=200)),
            color=alt.Color("label:N", scale=colors, legend=None),
            opacity=alt.Opacity("share:Q", legend=None, scale=alt.Scale(range=[0.15, 1])),
            tooltip=[
                alt.Tooltip("label:N", title="option"),
                alt.Tooltip("start:Q", title="from", format=",.0f"),
                alt.Tooltip("end:Q", title="to", format=",.0f"),
                alt.Tooltip("share:Q", title="share of draws", format=".1%"),
            ],
        )
    )
    ticks = (
        alt.Chart(sets.data("medians", medians))
        .mark_tick(color="#111", thickness=2, size=22)
        .encode(
            x="p50:Q",
            y=alt.Y("label:N", sort=order),
            tooltip=[
                alt.Tooltip("label:N", title="option"),
                alt.Tooltip("p50:Q", title="P50", format=",.0f"),
            ],
        )
    )
    height = max(90, 34 * len(order))
    chart = alt.layer(bars, ticks).properties(width=plot_width(width, order), height=height)
    return sets.finish(chart, validate=validate)


def category_chart(
    c: Comparison, workstream: int, width: int = 520, *, validate: bool = False
) -> Spec:
    """Mean cost by category per option, stacked (categories that are zero everywhere left out)."""
    alt = alt_module()
    sets = Datasets()
    used = [
        cat
        for cat in CATEGORIES
        if any(abs(r.category_means[cat]) > 0.5 for r in c.rows_for(workstream))
    ]
    data = [
        {
            "label": label(r),
            "category": SHORT_CATEGORY.get(cat, CATEGORY_LABELS[cat]),
            "category_text": CATEGORY_LABELS[cat],
            "order": CATEGORIES.index(cat),
            "amount": r.category_means[cat],
        }
        for r in c.rows_for(workstream)
        for cat in used
    ]
    names = [SHORT_CATEGORY.get(cat, CATEGORY_LABELS[cat]) for cat in used]
    colors = [CATEGORY_PALETTE[CATEGORIES.index(cat)] for cat in used]
    order = [label(r) for r in c.rows_for(workstream)]
    chart = (
        alt.Chart(sets.data("categories", data))
        .mark_bar()
        .encode(
            y=alt.Y("label:N", title=None, sort=order, axis=alt.Axis(labelLimit=200)),
            x=alt.X(
                "sum(amount):Q",
                title=f"mean total cost ({c.scenario.currency})",
                axis=alt.Axis(format="~s", tickCount=6),
            ),
            color=alt.Color(
                "category:N",
                scale=alt.Scale(domain=names, range=colors),
                legend=alt.Legend(title=None, columns=2, labelLimit=200),
            ),
            order=alt.Order("order:Q"),
            tooltip=[
                alt.Tooltip("label:N", title="option"),
                alt.Tooltip("category_text:N", title="category"),
                alt.Tooltip("amount:Q", format=",.0f"),
            ],
        )
        .properties(width=plot_width(width, order), height=max(90, 30 * len(order)))
    )
    return sets.finish(chart, validate=validate)


def report_charts(
    c: Comparison, *, width: int = 520, validate: bool = False
) -> list[tuple[int, list[ChartItem]]]:
    """Every per-workstream chart: ``[(workstream index, [ChartItem, ...]), ...]``."""
    from shorewise.report.decision_charts import extra_charts

    cur = c.scenario.currency
    band = "P50 line, P10–P90 band" if not c.run.deterministic else "deterministic run"
    out = []
    for w, _ws in enumerate(c.scenario.workstreams):
        items = [
            ChartItem(
                f"cumulative-{w}",
                "Cumulative cost",
                f"What each option has cost by each month ({cur}; {band}). "
                "Where lines cross, the cheaper option changes.",
                cumulative_cost_chart(c, w, width, validate=validate),
            ),
            ChartItem(
                f"burn-{w}",
                "Monthly burn",
                f"Cost in each month ({cur}; {band}): set-up spikes, ramp-up, wage growth.",
                monthly_burn_chart(c, w, width, validate=validate),
            ),
            ChartItem(
                f"capacity-{w}",
                "Capacity ramp",
                "Effective FTE delivered each month (onshore-equivalent) against the target: "
                "hiring, mobilisation and learning take time.",
                capacity_chart(c, w, width, validate=validate),
            ),
            ChartItem(
                f"cost-per-fte-{w}",
                "Cost per effective FTE-month",
                (
                    "One deterministic run: the tick is each option's unit cost."
                    if c.run.deterministic
                    else "How sure the unit cost is: shading shows the share of Monte Carlo "
                    "draws in each bin, the black tick the median (P50)."
                ),
                cost_per_fte_chart(c, w, width, validate=validate),
            ),
            ChartItem(
                f"categories-{w}",
                "Cost by category",
                f"Where the money goes: mean total cost by category ({cur}).",
                category_chart(c, w, width, validate=validate),
            ),
        ]
        out.append((w, items))
    extras = extra_charts(c, width=width, validate=validate)
    if extras:
        out.append((-1, extras))
    return out
