"""Altair chart specs of a comparison: percentile bands and binned distributions only.

Each builder takes plain rows (see :mod:`shorewise.report.series`: the band rows of
``chart_data`` and the option rows of the result), builds the chart with
Altair and returns its Vega-Lite spec (a dict; the data ride along as named
``datasets``, so Altair never copies them around). :func:`workstream_charts` lists the
charts of one workstream with a title and a one-line reading guide, for a report (via
:func:`report_charts`, from a live comparison) and for the web app (from a saved run)
alike. Money axes are in the scenario's currency; months count from 1 (the plan's first
month). Every option keeps its colour (:mod:`shorewise.report.option_colours`) and the
recommended one is drawn thicker with its name in bold; options the policy excludes are
drawn dashed. ``validate=True`` checks a spec against the Vega-Lite schema.

Example::

    >>> data = chart_data(result)[0]                                  # doctest: +SKIP
    >>> spec = cumulative_cost_chart(data.bands, data.currency)        # doctest: +SKIP
    >>> spec["$schema"]                                               # doctest: +SKIP
    'https://vega.github.io/schema/vega-lite/v6.4.1.json'
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from shorewise.engine.types import CATEGORIES, CATEGORY_LABELS
from shorewise.report.chart_style import (
    AXIS_LABEL_PX,
    CATEGORY_PALETTE,
    ChartItem,
    Datasets,
    Layer,
    Spec,
    alt_module,
    dashed_when_excluded,
    plot_width,
    unchecked,
)
from shorewise.report.option_colours import OptionStyle
from shorewise.report.series import ChartData, Rows, chart_data
from shorewise.results.result import Result
from shorewise.results.vocabulary import category_label

HEIGHT = 240


def _labels(rows: Rows, order: Sequence[str] = ()) -> list[str]:
    """Option labels in the order given, then as the rows first name them."""
    return list(dict.fromkeys([*order, *(str(r["label"]) for r in rows)]))


def _style(rows: Rows, style: OptionStyle | None) -> OptionStyle:
    """The style given, else one read from the rows' option ids."""
    return style if style is not None else OptionStyle.of(rows)


def _band_chart(
    bands: Rows,
    series: str,
    title: str,
    order: Sequence[str],
    width: int,
    money: bool,
    sets: Datasets,
    style: OptionStyle | None,
) -> Any:
    alt = alt_module()
    data = sets.data("bands", bands)
    style = _style(bands, style)
    colors = style.scale(_labels(bands, order))
    fmt = "~s" if money else ",.1f"
    months = [r["month"] for r in bands] or [1]
    x = alt.X(
        "month:Q",
        title="month",
        scale=alt.Scale(domain=[min(months), max(months)], nice=False),
        axis=alt.Axis(tickMinStep=1, format="d"),
    )
    legend = style.legend(symbolType="stroke", symbolOpacity=1, symbolStrokeWidth=3)
    color = alt.Color("label:N", scale=colors, title="option", legend=legend)
    band = (
        alt.Chart(data)
        .mark_area(opacity=0.13)
        .encode(x=x, y=alt.Y(f"{series}_p10:Q"), y2=alt.Y2(f"{series}_p90:Q"), color=color)
    )
    line = (
        alt.Chart(data)
        .mark_line()
        .encode(
            x=x,
            y=alt.Y(f"{series}_p50:Q", title=title, axis=alt.Axis(format=fmt)),
            color=color,
            strokeWidth=style.emphasis(),
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
    return Layer(band, line).properties(width=width, height=HEIGHT)


@unchecked
def cumulative_cost_chart(
    bands: Rows,
    currency: str,
    *,
    order: Sequence[str] = (),
    style: OptionStyle | None = None,
    width: int = 520,
    validate: bool = False,
) -> Spec:
    """Cumulative cost per option over the months: P50 line, P10–P90 band.

    ``bands``: ``monthly_bands`` rows; ``order``: option labels in legend order;
    ``style``: the result's colours and pick (else read from the rows' option ids).
    """
    sets = Datasets()
    title = f"cumulative cost ({currency})"
    chart = _band_chart(bands, "cumulative", title, order, width, True, sets, style)
    return sets.finish(chart, validate=validate)


@unchecked
def monthly_burn_chart(
    bands: Rows,
    currency: str,
    *,
    order: Sequence[str] = (),
    style: OptionStyle | None = None,
    width: int = 520,
    validate: bool = False,
) -> Spec:
    """Cost per month (burn) per option: P50 line, P10–P90 band."""
    sets = Datasets()
    title = f"cost per month ({currency})"
    chart = _band_chart(bands, "burn", title, order, width, True, sets, style)
    return sets.finish(chart, validate=validate)


@unchecked
def capacity_chart(
    bands: Rows,
    target_fte: float | None,
    *,
    order: Sequence[str] = (),
    style: OptionStyle | None = None,
    width: int = 520,
    validate: bool = False,
) -> Spec:
    """Effective FTE per option over the months (P50, P10–P90) against the target (a
    dotted rule, left out when ``target_fte`` is None)."""
    alt = alt_module()
    sets = Datasets()
    chart = _band_chart(bands, "effective", "effective FTE", order, width, False, sets, style)
    if target_fte is None:
        return sets.finish(chart, validate=validate)
    target = sets.data("target", [{"target": target_fte, "text": f"target {target_fte:g} FTE"}])
    rule = alt.Chart(target).mark_rule(color="#444", strokeDash=[2, 3]).encode(y=alt.Y("target:Q"))
    text = (
        alt.Chart(target)
        .mark_text(align="right", dx=-4, dy=-6, color="#444", fontSize=11)
        .encode(y=alt.Y("target:Q"), x=alt.XValue("width"), text=alt.Text("text:N"))
    )
    return sets.finish(Layer(chart, rule, text), validate=validate)


@unchecked
def cost_per_fte_chart(
    options: Rows,
    currency: str,
    *,
    style: OptionStyle | None = None,
    width: int = 520,
    validate: bool = False,
) -> Spec:
    """Distribution of cost per effective FTE-month over the draws, binned, one row each.

    ``options``: ``to_dict()`` option rows with ``label`` and
    ``cost_per_effective_fte_month_bins`` (``[{start, end, share}]``); the tick is the P50.
    """
    alt = alt_module()
    sets = Datasets()
    rows: Rows = []
    medians: Rows = []
    for r in options:
        for b in r["cost_per_effective_fte_month_bins"]:
            rows.append({"label": r["label"], **b})
        p50 = (r.get("cost_per_effective_fte_month") or {}).get("p50")
        if p50 is not None:
            medians.append({"label": r["label"], "p50": p50})
    order = _labels(options)
    style = _style(options, style)
    colors = style.scale(order)
    bars = (
        alt.Chart(sets.data("bins", rows))
        .mark_rect(opacity=0.8)
        .encode(
            x=alt.X(
                "start:Q",
                title=f"cost per effective FTE-month ({currency})",
                axis=alt.Axis(format="~s", tickCount=6),
            ),
            x2=alt.X2("end:Q"),
            y=alt.Y("label:N", title=None, sort=order, axis=style.axis(labelLimit=AXIS_LABEL_PX)),
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
            x=alt.X("p50:Q"),
            y=alt.Y("label:N", sort=order),
            tooltip=[
                alt.Tooltip("label:N", title="option"),
                alt.Tooltip("p50:Q", title="P50", format=",.0f"),
            ],
        )
    )
    height = max(90, 34 * len(order))
    chart = Layer(bars, ticks).properties(width=plot_width(width, order), height=height)
    return sets.finish(chart, validate=validate)


@unchecked
def category_chart(
    options: Rows,
    currency: str,
    *,
    style: OptionStyle | None = None,
    width: int = 520,
    validate: bool = False,
) -> Spec:
    """Mean cost by category per option, stacked (categories that are zero everywhere left
    out). ``options``: ``to_dict()`` option rows with ``label`` and ``cost_by_category``."""
    alt = alt_module()
    sets = Datasets()
    means = [r.get("cost_by_category") or {} for r in options]
    known = [*CATEGORIES, *sorted({k for m in means for k in m} - set(CATEGORIES))]
    used = [cat for cat in known if any(abs(m.get(cat) or 0.0) > 0.5 for m in means)]
    names = {cat: category_label(cat, short=True) for cat in used}
    data = [
        {
            "label": r["label"],
            "category": names[cat],
            "category_text": CATEGORY_LABELS.get(cat, names[cat]),
            "order": known.index(cat),
            "amount": m.get(cat) or 0.0,
        }
        for r, m in zip(options, means, strict=True)
        for cat in used
    ]
    colors = [CATEGORY_PALETTE[known.index(cat) % len(CATEGORY_PALETTE)] for cat in used]
    order = _labels(options)
    style = _style(options, style)
    chart = (
        alt.Chart(sets.data("categories", data))
        .mark_bar()
        .encode(
            y=alt.Y("label:N", title=None, sort=order, axis=style.axis(labelLimit=AXIS_LABEL_PX)),
            x=alt.X(
                "sum(amount):Q",
                title=f"mean total cost ({currency})",
                axis=alt.Axis(format="~s", tickCount=6),
            ),
            color=alt.Color(
                "category:N",
                scale=alt.Scale(domain=list(names.values()), range=colors),
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


def workstream_charts(
    data: ChartData, w: int, *, width: int = 520, validate: bool = False
) -> list[ChartItem]:
    """The charts of workstream ``w`` (its index, for the keys), in the order a report
    shows them."""
    cur = data.currency
    band = "P50 line, P10–P90 band" if not data.deterministic else "deterministic run"
    order = _labels(data.options)
    style = data.style
    return [
        ChartItem(
            f"cumulative-{w}",
            "Cumulative cost",
            f"What each option has cost by each month ({cur}; {band}). "
            "Where lines cross, the cheaper option changes. Each option keeps its colour "
            "in every chart; the recommended one is the thicker line, its name in bold.",
            cumulative_cost_chart(
                data.bands, cur, order=order, style=style, width=width, validate=validate
            ),
        ),
        ChartItem(
            f"burn-{w}",
            "Monthly burn",
            f"Cost in each month ({cur}; {band}): set-up spikes, ramp-up, wage growth.",
            monthly_burn_chart(
                data.bands, cur, order=order, style=style, width=width, validate=validate
            ),
        ),
        ChartItem(
            f"capacity-{w}",
            "Capacity ramp",
            "Effective FTE delivered each month (onshore-equivalent) against the target: "
            "hiring, mobilisation and learning take time.",
            capacity_chart(
                data.bands,
                data.target_fte,
                order=order,
                style=style,
                width=width,
                validate=validate,
            ),
        ),
        ChartItem(
            f"cost-per-fte-{w}",
            "Cost per effective FTE-month",
            (
                "One deterministic run: the tick is each option's unit cost."
                if data.deterministic
                else "How sure the unit cost is: shading shows the share of Monte Carlo "
                "draws in each bin, the black tick the median (P50)."
            ),
            cost_per_fte_chart(data.options, cur, style=style, width=width, validate=validate),
        ),
        ChartItem(
            f"categories-{w}",
            "Cost by category",
            f"Where the money goes: mean total cost by category ({cur}).",
            category_chart(data.options, cur, style=style, width=width, validate=validate),
        ),
    ]


def report_charts(
    c: Result, *, width: int = 520, validate: bool = False
) -> list[tuple[int, list[ChartItem]]]:
    """Every per-workstream chart: ``[(workstream index, [ChartItem, ...]), ...]``."""
    from shorewise.report.decision_charts import extra_charts

    out = [
        (w, workstream_charts(data, w, width=width, validate=validate))
        for w, data in enumerate(chart_data(c))
    ]
    extras = extra_charts(c, width=width, validate=validate)
    if extras:
        out.append((-1, extras))
    return out
