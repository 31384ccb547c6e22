"""The results page draws the report's charts from a saved run: runs saved with today's
series and runs saved with the first series shape alike."""

from __future__ import annotations

import json
import math
from typing import Any

import numpy as np
import pytest
from tests.report.conftest import comparison

from shorewise.report.charts import report_charts
from shorewise.report.series import chart_series
from shorewise.results.comparison import Comparison
from shorewise.uncertainty.summary import monthly_bands
from shorewise.web.charts import tornado_chart, workstream_charts

KINDS = ["cumulative", "burn", "capacity", "cost-per-fte", "categories"]


def _saved(value: Any) -> Any:
    """As the database gives it back (JSON)."""
    return json.loads(json.dumps(value, allow_nan=False))


def _valid(spec: dict[str, Any]) -> None:
    import altair as alt

    (alt.LayerChart if "layer" in spec else alt.Chart).from_dict(spec, validate=True)


def _rows(spec: dict[str, Any]) -> int:
    return sum(len(values) for values in spec["datasets"].values())


def _first_series(c: Comparison) -> dict[str, Any]:
    """The series runs were saved with before it carried bands and bins."""

    def rounded(values: Any, digits: int) -> list[float | None]:
        return [round(float(v), digits) if math.isfinite(v) else None for v in np.asarray(values)]

    options = []
    for i, row in enumerate(c.rows):
        alt = row.alternative
        first = alt.workstream.start_month
        last = min(first + alt.workstream.duration_months, c.scenario.horizon)
        burn = c.run.monthly_burn[i][:, first:last]
        cumulative = monthly_bands(np.cumsum(burn, axis=1))
        effective = monthly_bands(c.run.monthly_effective[i][:, first:last])
        options.append(
            {
                "workstream": alt.workstream.name,
                "option": alt.option_name,
                "label": alt.short_label,
                "eligible": row.eligible,
                "start_month": first,
                "cumulative_cost": {k: rounded(v, 0) for k, v in cumulative.items()},
                "monthly_cost_p50": rounded(np.percentile(burn, 50, axis=0), 0),
                "effective_fte": {k: rounded(v, 2) for k, v in effective.items()},
            }
        )
    return {"options": options}


def test_a_saved_run_draws_the_report_charts() -> None:
    c = comparison("two-workstreams")
    page = workstream_charts(_saved(c.to_dict()), _saved(chart_series(c)))
    report = [items for w, items in report_charts(c) if w >= 0]
    assert [ws["workstream"] for ws in page] == [ws.name for ws in c.scenario.workstreams]
    for w, (shown, items) in enumerate(zip(page, report, strict=True)):
        assert [chart["id"] for chart in shown["charts"]] == [f"{k}-{w}" for k in KINDS]
        for chart, item in zip(shown["charts"], items, strict=True):
            _valid(chart["spec"])
            assert chart["spec"]["width"] == "container"  # sized to the page's box
            same = {k: v for k, v in chart["spec"].items() if k not in ("width", "autosize")}
            assert same == {k: v for k, v in item.spec.items() if k != "width"}
            assert chart["title"] == item.title


def test_runs_saved_with_the_first_series_shape_still_draw() -> None:
    c = comparison("two-workstreams")
    result = _saved(c.to_dict())
    page = workstream_charts(result, _saved(_first_series(c)))
    assert len(page) == len(c.scenario.workstreams)
    for w, shown in enumerate(page):
        assert [chart["id"] for chart in shown["charts"]] == [f"{k}-{w}" for k in KINDS]
        for chart in shown["charts"]:
            _valid(chart["spec"])
            assert _rows(chart["spec"]) > 0, chart["id"]
    capacity = page[0]["charts"][2]["spec"]
    assert "target" not in capacity["datasets"]  # the first shape kept no target
    bins = page[0]["charts"][3]["spec"]["datasets"]["bins"]
    options = [r for r in result["strategies"] if r["workstream"] == page[0]["workstream"]]
    assert {b["share"] for b in bins} == {0.8}  # one P10–P90 bin per option
    assert len(bins) == len(options)


@pytest.mark.parametrize("key", ["tornado", "sensitivity"])
def test_tornado_from_the_result(key: str) -> None:
    bars = [
        {"input": "vendor_margin", "output_at_low": 4000.0, "output_at_high": 6000.0},
        {"name": "offshore_wage_ratio@VN", "low_input": 0.5, "high_input": 0.2,
         "output_at_low": 7000.0, "output_at_high": 3500.0},
        {"name": "no numbers", "output_at_low": None, "output_at_high": 1.0},
    ]  # fmt: skip
    result = {"currency": "EUR", key: bars if key == "tornado" else {"tornado": {"bars": bars}}}
    spec = tornado_chart(result)
    assert spec is not None
    _valid(spec)
    names = [row["name"] for row in spec["datasets"]["tornado"]]
    assert names == ["offshore_wage_ratio@VN", "vendor_margin"]  # widest first
    assert tornado_chart({"currency": "EUR"}) is None
