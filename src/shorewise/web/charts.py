"""The results page's charts: the report's chart builders, fed from a saved run.

A run stores ``Comparison.to_dict()`` as its result and
:func:`shorewise.report.series.chart_series` as its series; the charts are the report's
(:func:`shorewise.report.charts.workstream_charts`), sized to the page's boxes. Runs
saved before the series carried bands and bins (``options`` with ``cumulative_cost``)
are read too: they lack the burn's P10–P90, the capacity target and the unit-cost bins,
so their burn is a P50 line and their unit cost one bin from P10 to P90 (80 % of draws).

Example::

    >>> charts = workstream_charts(run.result, run.series)     # doctest: +SKIP
    >>> charts[0]["charts"][0]["title"]
    'Cumulative cost'
"""

from __future__ import annotations

from typing import Any

from shorewise.report.chart_style import Spec
from shorewise.report.charts import workstream_charts as report_workstream_charts
from shorewise.report.decision_charts import tornado_chart as report_tornado_chart
from shorewise.report.series import Rows, chart_data


def _fit(spec: Spec) -> Spec:
    """As wide as the chart's box on the page, axis labels and legend included."""
    return {**spec, "width": "container", "autosize": {"type": "fit-x", "contains": "padding"}}


def _bin_from_range(figure: dict[str, Any] | None) -> Rows:
    """The P10–P90 range of a figure as one bin holding 80 % of the draws."""
    low, high = (figure or {}).get("p10"), (figure or {}).get("p90")
    if low is None or high is None or low >= high:
        return []
    return [{"start": low, "end": high, "share": 0.8}]


def _from_old_series(result: dict[str, Any], series: dict[str, Any]) -> dict[str, Any]:
    """A series saved in the first shape (per option: ``cumulative_cost``,
    ``monthly_cost_p50``, ``effective_fte``) in the shape the charts read."""
    figures = {(r["workstream"], r["option"]): r for r in result.get("strategies", [])}
    bands: Rows = []
    options: Rows = []
    for opt in series.get("options", []):
        key = {k: opt[k] for k in ("workstream", "option", "label")}
        cumulative, effective = opt["cumulative_cost"], opt["effective_fte"]
        for k, burn in enumerate(opt["monthly_cost_p50"]):
            bands.append(
                {
                    **key,
                    "eligible": opt["eligible"],
                    "month": opt["start_month"] + k + 1,
                    **{f"cumulative_{q}": cumulative[q][k] for q in ("p10", "p50", "p90")},
                    **{f"effective_{q}": effective[q][k] for q in ("p10", "p50", "p90")},
                    "burn_p10": None,
                    "burn_p50": burn,
                    "burn_p90": None,
                }
            )
        figure = figures.get((opt["workstream"], opt["option"]), {})
        options.append(
            {
                **key,
                "cost_per_effective_fte_month_bins": _bin_from_range(
                    figure.get("cost_per_effective_fte_month")
                ),
            }
        )
    return {"workstreams": [], "options": options, "bands": bands}


def workstream_charts(result: dict[str, Any], series: dict[str, Any]) -> list[dict[str, Any]]:
    """Per workstream: its name and its charts ``[{id, title, spec}]``."""
    if "bands" not in series:
        series = _from_old_series(result, series)
    return [
        {
            "workstream": data.workstream,
            "charts": [
                {"id": item.key, "title": item.title, "spec": _fit(item.spec)}
                for item in report_workstream_charts(data, w)
            ],
        }
        for w, data in enumerate(chart_data(result, series))
    ]


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
        {**b, "name": str(b.get("name") or b.get("input"))}
        for b in found
        if isinstance(b, dict)
        and isinstance(b.get("output_at_low"), int | float)
        and isinstance(b.get("output_at_high"), int | float)
    ]


def tornado_chart(result: dict[str, Any]) -> Spec | None:
    """The report's tornado of the bars the result carries, or None without any."""
    bars = tornado_bars(result)
    if not bars:
        return None
    currency = str(result.get("currency", ""))
    return _fit(report_tornado_chart(bars, currency, metric="cost"))
