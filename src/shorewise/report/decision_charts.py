"""Charts of the decision analyses: the tornado and the duration sweep with break-evens.

They read ``Result.analyses`` when the report workflow added them:

- ``"tornado"``: ``[{"name", "low_input", "high_input", "output_at_low", "output_at_high"}]``
  — the decision metric with one input at its low then its high value;
- ``"duration_sweep"``: ``[{"duration_months", "option", "cost_per_effective_fte_month"}]``.

Missing or empty analyses give no chart.

Example::

    >>> tornado_chart(result.analyses["tornado"], "USD")        # doctest: +SKIP
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

from shorewise.report.chart_style import (
    AXIS_LABEL_PX,
    FONT,
    PALETTE,
    ChartItem,
    Datasets,
    Layer,
    Spec,
    alt_module,
    plot_width,
    unchecked,
)
from shorewise.report.option_colours import OptionStyle, result_style
from shorewise.results.result import Result
from shorewise.results.vocabulary import input_label, option_label


def _number(value: float) -> str:
    if abs(value) >= 1000:
        return f"{value:,.0f}"
    return f"{value:.3g}"


def _input_text(value: Any) -> str:
    """An input value as the tornado prints it at a bar's end ("" when not known)."""
    return "" if value is None else _number(float(value))


@unchecked
def tornado_chart(
    tornado: Sequence[Mapping[str, Any]],
    currency: str,
    *,
    metric: str = "total cost of the recommended option",
    width: int = 520,
    top: int = 12,
    validate: bool = False,
) -> Spec:
    """One bar per input from the output at its low value to the output at its high value,
    widest first (the inputs that move the answer most on top); the input values, when
    ``low_input``/``high_input`` are given, print at the ends."""
    alt = alt_module()
    rows: list[dict[str, Any]] = []
    for t in tornado:
        lo, hi = float(t["output_at_low"]), float(t["output_at_high"])
        if not (math.isfinite(lo) and math.isfinite(hi)):
            continue
        rows.append(
            {
                "name": input_label(str(t["name"])),
                "start": min(lo, hi),
                "end": max(lo, hi),
                "span": abs(hi - lo),
                "at_low": lo,
                "at_high": hi,
                "low_text": _input_text(t.get("low_input")),
                "high_text": _input_text(t.get("high_input")),
            }
        )
    rows.sort(key=lambda r: -r["span"])
    rows = rows[:top]
    order = [r["name"] for r in rows]
    sets = Datasets()
    data = sets.data("tornado", rows)
    y = alt.Y("name:N", sort=order, title=None, axis=alt.Axis(labelLimit=AXIS_LABEL_PX))
    bars = (
        alt.Chart(data)
        .mark_bar(color="#b9cde6", height=16)
        .encode(
            y=y,
            x=alt.X(
                "start:Q",
                title=f"{metric} ({currency})",
                scale=alt.Scale(zero=False, padding=40),
                axis=alt.Axis(format="~s", tickCount=5),
            ),
            x2=alt.X2("end:Q"),
            tooltip=[
                alt.Tooltip("name:N", title="input"),
                alt.Tooltip("low_text:N", title="low input"),
                alt.Tooltip("at_low:Q", title="output at low", format=",.0f"),
                alt.Tooltip("high_text:N", title="high input"),
                alt.Tooltip("at_high:Q", title="output at high", format=",.0f"),
            ],
        )
    )
    low = (
        alt.Chart(data)
        .mark_point(filled=True, size=60, color=PALETTE[0])
        .encode(y=y, x=alt.X("at_low:Q"))
    )
    high = (
        alt.Chart(data)
        .mark_point(filled=True, size=60, color=PALETTE[1], shape="diamond")
        .encode(y=y, x=alt.X("at_high:Q"))
    )
    low_text = (
        alt.Chart(data)
        .mark_text(dx=-8, align="right", fontSize=10, color=PALETTE[0], font=FONT)
        .encode(y=y, x=alt.X("start:Q"), text=alt.Text("low_text:N"))
    )
    high_text = (
        alt.Chart(data)
        .mark_text(dx=8, align="left", fontSize=10, color=PALETTE[1], font=FONT)
        .encode(y=y, x=alt.X("end:Q"), text=alt.Text("high_text:N"))
    )
    chart = Layer(bars, low, high, low_text, high_text).properties(
        width=plot_width(width, order) - 40, height=max(80, 26 * len(rows))
    )
    return sets.finish(chart, validate=validate)


def breakeven_points(
    sweep: Sequence[Mapping[str, Any]], options: Sequence[str] | None = None
) -> list[dict[str, Any]]:
    """Where the cheapest option changes as the duration grows (linear in between):
    ``[{"duration_months", "cost_per_effective_fte_month", "options": "A → B", "text"}]``.

    Only ``options`` compete when given (e.g. the eligible ones).
    """
    series: dict[str, dict[float, float]] = {}
    for s in sweep:
        value = float(s["cost_per_effective_fte_month"])
        name = str(s["option"])
        if math.isfinite(value) and (options is None or name in options):
            series.setdefault(name, {})[float(s["duration_months"])] = value
    months = sorted({m for values in series.values() for m in values})
    out: list[dict[str, Any]] = []
    previous: str | None = None
    for i, m in enumerate(months):
        here = {name: v[m] for name, v in series.items() if m in v}
        if not here:
            continue
        best = min(here, key=lambda name: here[name])
        if previous is not None and best != previous and i > 0:
            m0 = months[i - 1]
            a, b = series[previous], series[best]
            if m0 in a and m0 in b:
                d0, d1 = a[m0] - b[m0], a[m] - b[m]
                f = d0 / (d0 - d1) if d0 != d1 else 1.0
                at = m0 + f * (m - m0)
                out.append(
                    {
                        "duration_months": at,
                        "cost_per_effective_fte_month": a[m0] + f * (a[m] - a[m0]),
                        "options": f"{option_label(previous)} → {option_label(best)}",
                        "text": f"{at:.0f} mo",
                    }
                )
        previous = best
    return out


@unchecked
def duration_sweep_chart(
    sweep: Sequence[Mapping[str, Any]],
    currency: str,
    *,
    eligible: Sequence[str] | None = None,
    order: Sequence[str] = (),
    style: OptionStyle | None = None,
    width: int = 520,
    validate: bool = False,
) -> Spec:
    """Cost per effective FTE-month by duration per option (excluded options dashed), and
    the durations where the cheapest eligible option changes (circled). ``order``: option
    labels in legend order; ``style``: the result's colours and pick (else read from the
    sweep's option ids)."""
    alt = alt_module()
    sets = Datasets()
    rows = [
        {
            "duration_months": float(s["duration_months"]),
            "option": str(s["option"]),
            "label": option_label(str(s["option"])),
            "eligible": eligible is None or str(s["option"]) in eligible,
            "cost": float(s["cost_per_effective_fte_month"]),
        }
        for s in sweep
        if math.isfinite(float(s["cost_per_effective_fte_month"]))
    ]
    style = style if style is not None else OptionStyle.of(rows)
    colors = style.scale([*order, *(str(r["label"]) for r in rows)])
    x = alt.X("duration_months:Q", title="duration of the work (months)")
    lines = (
        alt.Chart(sets.data("sweep", rows))
        .mark_line(point=True)
        .encode(
            x=x,
            y=alt.Y(
                "cost:Q",
                title=f"cost per effective FTE-month ({currency})",
                scale=alt.Scale(type="log"),
                axis=alt.Axis(format="~s"),
            ),
            color=alt.Color("label:N", scale=colors, title="option", legend=style.legend()),
            strokeWidth=style.emphasis(),
            strokeDash=alt.StrokeDash(
                "eligible:N",
                scale=alt.Scale(domain=[True, False], range=[[1, 0], [5, 4]]),
                legend=None,
            ),
            tooltip=[
                alt.Tooltip("label:N", title="option"),
                alt.Tooltip("duration_months:Q", title="months"),
                alt.Tooltip("cost:Q", format=",.0f"),
            ],
        )
    )
    layers = [lines]
    crossings = breakeven_points(sweep, eligible)
    if crossings:
        data = sets.data("breakeven", crossings)
        layers.append(
            alt.Chart(data)
            .mark_point(shape="circle", size=160, color="#111", filled=False, strokeWidth=2)
            .encode(
                x=x,
                y=alt.Y("cost_per_effective_fte_month:Q"),
                tooltip=[
                    alt.Tooltip("options:N", title="cheapest changes"),
                    alt.Tooltip("duration_months:Q", title="months", format=".1f"),
                ],
            )
        )
        layers.append(
            alt.Chart(data)
            .mark_text(dy=-14, fontSize=11, fontWeight="bold", color="#111", font=FONT)
            .encode(x=x, y=alt.Y("cost_per_effective_fte_month:Q"), text=alt.Text("text:N"))
        )
    return sets.finish(Layer(*layers).properties(width=width, height=260), validate=validate)


def extra_charts(c: Result, *, width: int = 520, validate: bool = False) -> list[ChartItem]:
    """The tornado and the duration sweep when ``c.analyses`` has them, then the weight and
    value-for-money charts (:mod:`shorewise.report.tradeoff_charts`)."""
    extras: Mapping[str, Any] = c.analyses
    currency = c.currency
    w = int(extras.get("workstream_index", 0))
    workstreams = c.workstreams
    which = f" Workstream: {workstreams[w].name}." if len(workstreams) > 1 else ""
    eligible = [r.option for r in c.rows_for(w) if r.eligible]
    items = []
    tornado = extras.get("tornado") or []
    if tornado:
        items.append(
            ChartItem(
                "tornado",
                "What moves the answer (tornado)",
                "Each input alone moved from its low (P10) to its high (P90) value, the "
                "others at their medians; the widest bars matter most. Numbers at the ends "
                "are the input values." + which,
                tornado_chart(
                    tornado,
                    currency,
                    metric=str(
                        extras.get("tornado_metric", "total cost of the recommended option")
                    ),
                    width=width,
                    validate=validate,
                ),
            )
        )
    sweep = extras.get("duration_sweep") or []
    if sweep:
        crossings = breakeven_points(sweep, eligible)
        where = "; ".join(
            f"{p['options']} at about {p['duration_months']:.0f} months" for p in crossings
        )
        items.append(
            ChartItem(
                "duration-sweep",
                "Duration sweep and break-even",
                "Cost per effective FTE-month (P50, log scale) if the work ran for other "
                "durations; dashed: excluded by the policy. "
                + (
                    f"The cheapest eligible option changes: {where}."
                    if where
                    else "The cheapest eligible option is the same at every duration shown."
                )
                + which,
                duration_sweep_chart(
                    sweep,
                    currency,
                    eligible=eligible,
                    order=[r.label for r in c.rows_for(w)],
                    style=result_style(c, w),
                    width=width,
                    validate=validate,
                ),
            )
        )
    from shorewise.report.tradeoff_charts import tradeoff_items

    return items + tradeoff_items(c, width=width, validate=validate)
