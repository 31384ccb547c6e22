"""The results page's charts: the report's chart builders, fed from a saved result.

A run stores :meth:`Result.to_dict` (monthly bands and unit-cost bins included); the charts
are the report's (:func:`shorewise.report.charts.workstream_charts`), sized to the page's
boxes. Runs saved before results were stored whole have no bands: they get no charts (the
page offers to run them again).

Example::

    >>> charts = workstream_charts(run.result)                 # doctest: +SKIP
    >>> charts[0]["charts"][0]["title"]                               # doctest: +SKIP
    'Cumulative cost'
"""

from __future__ import annotations

from typing import Any

from shorewise.report.chart_style import Spec
from shorewise.report.charts import workstream_charts as report_workstream_charts
from shorewise.report.decision_charts import extra_charts
from shorewise.report.series import chart_data
from shorewise.results.result import RESULT_FORMAT, Result


def _fit(spec: Spec) -> Spec:
    """As wide as the chart's box on the page, axis labels and legend included (a chart of
    small panels keeps its panels' widths: Vega-Lite sizes a facet by its cells)."""
    if "facet" in spec:
        return spec
    return {**spec, "width": "container", "autosize": {"type": "fit-x", "contains": "padding"}}


def saved_result(result: dict[str, Any]) -> Result | None:
    """The stored result as a :class:`Result`, or None for an older run's dict."""
    if not isinstance(result, dict) or result.get("format") != RESULT_FORMAT:
        return None
    return Result.from_dict(result)


def workstream_charts(result: dict[str, Any]) -> list[dict[str, Any]]:
    """Per workstream: its name and its charts ``[{id, title, spec}]``."""
    parsed = saved_result(result)
    if parsed is None:
        return [
            {"workstream": name, "charts": []}
            for name in dict.fromkeys(r["workstream"] for r in result.get("strategies", []))
        ]
    return [
        {
            "workstream": data.workstream,
            "charts": [
                {"id": item.key, "title": item.title, "spec": _fit(item.spec)}
                for item in report_workstream_charts(data, w)
            ],
        }
        for w, data in enumerate(chart_data(parsed))
    ]


def analysis_charts(result: Result | None) -> list[dict[str, Any]]:
    """The tornado and the duration sweep, when the result holds them."""
    if result is None:
        return []
    return [
        {"id": item.key, "title": item.title, "caption": item.caption, "spec": _fit(item.spec)}
        for item in extra_charts(result)
    ]
