"""Vega-Lite specs (built with Altair) for a saved run's results page.

Charts draw percentile bands stored with the run, never raw draws: cumulative cost with
its P10–P90 band, effective capacity ramp, cost per effective FTE-month ranges, cost by
category, and the tornado when the result carries one. The browser renders the specs
with the locally served vega-embed bundle.

Example::

    >>> charts = workstream_charts(run.result, run.series)     # doctest: +SKIP
    >>> charts[0]["charts"][0]["title"]
    'Cumulative cost'
"""

from __future__ import annotations

from typing import Any

PALETTE = ["#1f6f8b", "#e07a1f", "#3a9e5c", "#b8475b", "#7a5cb8", "#8c6d31", "#4d8fd6", "#999"]
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"


def _config() -> dict[str, Any]:
    return {
        "font": FONT,
        "view": {"stroke": None},
        "axis": {"labelFontSize": 11, "titleFontSize": 11, "gridColor": "#eceff1"},
        "legend": {"labelFontSize": 11, "titleFontSize": 11, "orient": "bottom"},
    }


def _inline(values: list[dict[str, Any]]) -> dict[str, Any]:
    """Inline data (the spec carries its rows; nothing is fetched)."""
    return {"values": values}


def _months_axis(rows: list[dict[str, Any]]) -> Any:
    import altair as alt

    months = [r["month"] for r in rows] or [1]
    return alt.X(
        "month:Q",
        title="month",
        scale=alt.Scale(domain=[min(months), max(months)], nice=False),
        axis=alt.Axis(tickMinStep=1),
    )


def _legend(columns: int = 4) -> Any:
    import altair as alt

    return alt.Legend(
        orient="bottom", columns=columns, labelLimit=160, symbolType="circle", symbolOpacity=1
    )


def _scale(labels: list[str]) -> Any:
    import altair as alt

    return alt.Scale(domain=labels, range=PALETTE[: len(labels)] or PALETTE)


def _finish(chart: Any) -> dict[str, Any]:
    spec: dict[str, Any] = chart.properties(width="container").to_dict()
    spec["config"] = {**spec.get("config", {}), **_config()}
    spec["autosize"] = {"type": "fit-x", "contains": "padding"}
    return spec


def cumulative_cost_chart(options: list[dict[str, Any]], currency: str) -> dict[str, Any]:
    """Cumulative cost per month: P50 line and P10–P90 band per option."""
    import altair as alt

    rows = []
    for opt in options:
        band = opt["cumulative_cost"]
        for k, p50 in enumerate(band["p50"]):
            rows.append(
                {
                    "option": opt["label"],
                    "month": opt["start_month"] + k + 1,
                    "p10": band["p10"][k],
                    "p50": p50,
                    "p90": band["p90"][k],
                }
            )
    labels = [o["label"] for o in options]
    base = alt.Chart(_inline(rows)).encode(x=_months_axis(rows))
    band = base.mark_area(opacity=0.15).encode(
        color=alt.Color("option:N", title=None, scale=_scale(labels), legend=_legend()),
        y=alt.Y("p10:Q", title=f"cumulative cost ({currency})", axis=alt.Axis(format="~s")),
        y2="p90:Q",
    )
    line = base.mark_line(strokeWidth=2).encode(
        y="p50:Q",
        color=alt.Color("option:N", title=None, scale=_scale(labels), legend=_legend()),
        tooltip=[
            alt.Tooltip("option:N"),
            alt.Tooltip("month:Q"),
            alt.Tooltip("p50:Q", title="P50", format=",.0f"),
            alt.Tooltip("p10:Q", title="P10", format=",.0f"),
            alt.Tooltip("p90:Q", title="P90", format=",.0f"),
        ],
    )
    return _finish(alt.layer(band, line).properties(height=260))


def capacity_chart(options: list[dict[str, Any]]) -> dict[str, Any]:
    """Effective FTE per month (P50) per option: how fast each option ramps up."""
    import altair as alt

    rows = [
        {"option": opt["label"], "month": opt["start_month"] + k + 1, "fte": value}
        for opt in options
        for k, value in enumerate(opt["effective_fte"]["p50"])
    ]
    labels = [o["label"] for o in options]
    chart = (
        alt.Chart(_inline(rows))
        .mark_line(strokeWidth=2, interpolate="monotone")
        .encode(
            x=_months_axis(rows),
            y=alt.Y("fte:Q", title="effective FTE (P50)"),
            color=alt.Color("option:N", title=None, scale=_scale(labels), legend=_legend()),
            tooltip=["option:N", "month:Q", alt.Tooltip("fte:Q", format=".1f")],
        )
        .properties(height=220)
    )
    return _finish(chart)


def unit_cost_chart(rows: list[dict[str, Any]], currency: str) -> dict[str, Any]:
    """Cost per effective FTE-month: P10–P90 range and P50 per eligible option."""
    import altair as alt

    values = [
        {
            "option": r["label"],
            "p10": r["cost_per_effective_fte_month"]["p10"],
            "p50": r["cost_per_effective_fte_month"]["p50"],
            "p90": r["cost_per_effective_fte_month"]["p90"],
        }
        for r in rows
        if r["cost_per_effective_fte_month"]["p50"] is not None
    ]
    labels = [r["label"] for r in rows]
    y = alt.Y("option:N", title=None, sort=alt.EncodingSortField("p50", order="ascending"))
    color = alt.Color("option:N", legend=None, scale=_scale(labels))
    title = f"cost per effective FTE-month ({currency})"
    rule = (
        alt.Chart(_inline(values))
        .mark_rule(strokeWidth=3, opacity=0.6)
        .encode(y=y, x=alt.X("p10:Q", title=title, axis=alt.Axis(format="~s")), x2="p90:Q")
        .encode(color=color)
    )
    point = (
        alt.Chart(_inline(values))
        .mark_point(filled=True, size=90)
        .encode(
            y=y,
            x="p50:Q",
            color=color,
            tooltip=[
                "option:N",
                alt.Tooltip("p50:Q", title="P50", format=",.0f"),
                alt.Tooltip("p10:Q", title="P10", format=",.0f"),
                alt.Tooltip("p90:Q", title="P90", format=",.0f"),
            ],
        )
    )
    return _finish(alt.layer(rule, point).properties(height=max(80, 34 * len(values))))


def category_chart(rows: list[dict[str, Any]], currency: str) -> dict[str, Any]:
    """Mean cost by category, stacked per option."""
    import altair as alt

    values = [
        {"option": r["label"], "category": cat.replace("_", " "), "cost": cost}
        for r in rows
        for cat, cost in (r.get("cost_by_category") or {}).items()
        if abs(cost) >= 0.5
    ]
    chart = (
        alt.Chart(_inline(values))
        .mark_bar()
        .encode(
            y=alt.Y("option:N", title=None),
            x=alt.X(
                "sum(cost):Q", title=f"mean total cost ({currency})", axis=alt.Axis(format="~s")
            ),
            color=alt.Color(
                "category:N",
                title=None,
                scale=alt.Scale(scheme="tableau20"),
                legend=_legend(columns=3),
            ),
            tooltip=["option:N", "category:N", alt.Tooltip("cost:Q", format=",.0f")],
        )
        .properties(height=max(80, 34 * len({v["option"] for v in values})))
    )
    return _finish(chart)


def tornado_chart(bars: list[dict[str, Any]], unit: str) -> dict[str, Any]:
    """One bar per input from the output at its low value to the output at its high."""
    import altair as alt

    values = [
        {
            "input": str(b.get("name") or b.get("input")),
            "low": b.get("output_at_low"),
            "high": b.get("output_at_high"),
        }
        for b in bars
    ]
    chart = (
        alt.Chart(_inline(values))
        .mark_bar(color=PALETTE[0], opacity=0.8)
        .encode(
            y=alt.Y("input:N", title=None, sort=None),
            x=alt.X("low:Q", title=unit, axis=alt.Axis(format="~s")),
            x2="high:Q",
            tooltip=[
                "input:N",
                alt.Tooltip("low:Q", title="input at low", format=",.0f"),
                alt.Tooltip("high:Q", title="input at high", format=",.0f"),
            ],
        )
        .properties(height=max(80, 24 * len(values)))
    )
    return _finish(chart)


def _labelled(result: dict[str, Any], series: dict[str, Any]) -> list[dict[str, Any]]:
    labels = {(o["workstream"], o["option"]): o["label"] for o in series.get("options", [])}
    out = []
    for row in result.get("strategies", []):
        label = labels.get((row["workstream"], row["option"]), row["option"])
        out.append({**row, "label": label})
    return out


def tornado_bars(result: dict[str, Any]) -> list[dict[str, Any]]:
    """Tornado bars if the result carries them (``sensitivity.tornado`` or ``tornado``)."""
    found = result.get("tornado")
    sensitivity = result.get("sensitivity")
    if found is None and isinstance(sensitivity, dict):
        found = sensitivity.get("tornado")
    if isinstance(found, dict):
        found = found.get("bars")
    if not isinstance(found, list):
        return []
    return [
        b
        for b in found
        if isinstance(b, dict)
        and isinstance(b.get("output_at_low"), int | float)
        and isinstance(b.get("output_at_high"), int | float)
    ]


def workstream_charts(result: dict[str, Any], series: dict[str, Any]) -> list[dict[str, Any]]:
    """Per workstream: its name and its charts ``[{id, title, spec}]``."""
    currency = str(result.get("currency", ""))
    rows = _labelled(result, series)
    names = list(dict.fromkeys(r["workstream"] for r in rows))
    out = []
    for w, name in enumerate(names):
        eligible = [r for r in rows if r["workstream"] == name and r["eligible"]]
        options = [
            o for o in series.get("options", []) if o["workstream"] == name and o["eligible"]
        ]
        charts = []
        if options:
            charts.append(
                {
                    "id": f"cumulative-{w}",
                    "title": "Cumulative cost (P50 line, P10–P90 band)",
                    "spec": cumulative_cost_chart(options, currency),
                }
            )
            charts.append(
                {
                    "id": f"capacity-{w}",
                    "title": "Effective capacity ramp",
                    "spec": capacity_chart(options),
                }
            )
        if eligible:
            charts.append(
                {
                    "id": f"unit-cost-{w}",
                    "title": "Cost per effective FTE-month (P10–P90, dot at P50)",
                    "spec": unit_cost_chart(eligible, currency),
                }
            )
            charts.append(
                {
                    "id": f"categories-{w}",
                    "title": "Where the money goes (mean)",
                    "spec": category_chart(eligible, currency),
                }
            )
        out.append({"workstream": name, "charts": charts})
    return out
