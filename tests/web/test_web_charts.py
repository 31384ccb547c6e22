"""The results page draws the report's charts from a saved run's result, exactly as the
report does; runs saved by earlier versions get no charts rather than an error."""

from __future__ import annotations

import json
from typing import Any

from tests.report.conftest import comparison

from shorewise.report.charts import report_charts
from shorewise.web.charts import analysis_charts, saved_result, workstream_charts

KINDS = ["cumulative", "burn", "capacity", "cost-per-fte", "categories"]


def _saved(value: Any) -> Any:
    """As the database gives it back (JSON)."""
    return json.loads(json.dumps(value, allow_nan=False))


def _valid(spec: dict[str, Any]) -> None:
    import altair as alt

    kind = alt.FacetChart if "facet" in spec else alt.LayerChart if "layer" in spec else alt.Chart
    kind.from_dict(spec, validate=True)


def test_a_saved_run_draws_the_report_charts() -> None:
    c = comparison("two-workstreams")
    page = workstream_charts(_saved(c.to_dict()))
    report = [items for w, items in report_charts(c) if w >= 0]
    assert [ws["workstream"] for ws in page] == [ws.name for ws in c.workstreams]
    for w, (shown, items) in enumerate(zip(page, report, strict=True)):
        assert [chart["id"] for chart in shown["charts"]] == [f"{k}-{w}" for k in KINDS]
        for chart, item in zip(shown["charts"], items, strict=True):
            _valid(chart["spec"])
            assert chart["spec"]["width"] == "container"  # sized to the page's box
            same = {k: v for k, v in chart["spec"].items() if k not in ("width", "autosize")}
            assert same == {k: v for k, v in item.spec.items() if k != "width"}
            assert chart["title"] == item.title


def test_runs_saved_by_an_earlier_version_get_no_charts() -> None:
    old = {"strategies": [{"workstream": "a", "option": "onshore_inhouse"}]}
    assert saved_result(old) is None
    assert workstream_charts(old) == [{"workstream": "a", "charts": []}]


def test_analysis_charts_only_when_the_result_holds_them() -> None:
    with_analyses = comparison("core-platform")
    charts = analysis_charts(saved_result(_saved(with_analyses.to_dict())))
    trade_offs = ["weights-0", "value-for-money-0"]
    assert [c["id"] for c in charts] == ["tornado", "duration-sweep", *trade_offs]
    for chart in charts:
        _valid(chart["spec"])
    without = analysis_charts(saved_result(_saved(comparison("retail-app").to_dict())))
    assert [c["id"] for c in without] == trade_offs
