"""Chart specs: valid Vega-Lite, percentile bands and bins (never raw draws), the decision
charts from the shapes the decision layer gives."""

from __future__ import annotations

import json

import pytest
from tests.report.conftest import comparison

from shorewise.report.charts import capacity_chart, report_charts
from shorewise.report.decision_charts import breakeven_points, duration_sweep_chart, tornado_chart
from shorewise.report.series import chart_data
from shorewise.results.result import Result

TORNADO = [
    {"name": "vendor_margin", "low_input": 0.2, "high_input": 0.6,
     "output_at_low": 4000.0, "output_at_high": 6000.0},
    {"name": "offshore_wage_ratio@VN", "low_input": 0.5, "high_input": 0.2,
     "output_at_low": 7000.0, "output_at_high": 3500.0},
    {"name": "broken", "low_input": 1, "high_input": 2,
     "output_at_low": float("inf"), "output_at_high": 1.0},
]  # fmt: skip
SWEEP = [
    {"duration_months": m, "option": option, "cost_per_effective_fte_month": value}
    for m in (3, 6, 9, 12, 18, 24)
    for option, value in (
        ("offshore_inhouse@VN", 4000 + 36000 / m),
        ("offshore_outsource@VN", 9000.0),
    )
]


def _data_rows(spec: dict[str, object]) -> int:
    """Every data row a spec carries, in any layer."""
    total = 0
    stack: list[object] = [spec]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            data = item.get("data")
            if isinstance(data, dict) and isinstance(data.get("values"), list):
                total += len(data["values"])
            for values in (item.get("datasets") or {}).values():
                total += len(values)
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return total


def test_report_charts_are_valid_and_small(example: str) -> None:
    c = comparison(example)
    groups = report_charts(c, validate=True)  # each spec checked against the schema
    options = len(c.strategies)
    horizon = c.horizon_months
    for _, items in groups:
        for item in items:
            spec = item.spec
            assert spec["$schema"].startswith("https://vega.github.io/schema/vega-lite/")
            # bands per month and 30 bins per option at most: never one row per draw
            assert 0 < _data_rows(spec) <= 2 * options * max(horizon, 30) + 50
            assert item.title
            assert item.caption


def test_tornado_widest_first_and_skips_infinite() -> None:
    spec = tornado_chart(TORNADO, "USD", validate=True)
    names = [v["name"] for v in spec["datasets"]["tornado"]]
    assert names == ["offshore wage ratio (Vietnam)", "vendor margin"]


def test_breakeven_where_the_cheapest_changes() -> None:
    points = breakeven_points(SWEEP)
    assert len(points) == 1
    # 4000 + 36000/m is 10000 at 6 months and 8000 at 9: it meets 9000 halfway, linearly
    assert points[0]["duration_months"] == pytest.approx(7.5)
    assert points[0]["options"] == "Vendor in Vietnam → Dedicated team in Vietnam"
    assert breakeven_points(SWEEP, ["offshore_inhouse@VN"]) == []


def test_sweep_chart_marks_the_breakeven() -> None:
    spec = duration_sweep_chart(SWEEP, "EUR", eligible=["offshore_inhouse@VN"], validate=True)
    assert len(spec["layer"]) == 1  # only one eligible option: nothing to cross
    spec = duration_sweep_chart(SWEEP, "EUR", validate=True)
    assert len(spec["layer"]) == 3  # lines, break-even circle, its label
    assert spec["datasets"]["breakeven"][0]["text"] == "8 mo"  # 7.5 months, rounded


def test_chart_data_from_a_saved_result_is_the_same_and_small(example: str) -> None:
    c = comparison(example)
    saved = Result.from_json(json.dumps(c.to_dict(), allow_nan=False))  # what a run stores
    assert chart_data(saved) == chart_data(c)
    for data in chart_data(c):
        ws = next(w for w in c.workstreams if w.name == data.workstream)
        # option-months, not draws: each option's months of work and while a late team is
        # kept (to its P90 finish), within the cap
        months = [len(s.burn.p50) for s in c.series if s.workstream == ws.name]
        assert len(data.bands) == sum(months)
        due, cap = ws.due_month - ws.start_month, (ws.finish_cap_month or 0) - ws.start_month
        assert all(due <= m <= cap for m in months)
        assert all(len(o["cost_per_effective_fte_month_bins"]) <= 30 for o in data.options)


def test_capacity_without_a_known_target_has_no_rule() -> None:
    data = chart_data(comparison("core-platform"))[0]
    assert data.target_fte is not None
    with_target = capacity_chart(data.bands, data.target_fte, validate=True)
    assert with_target["datasets"]["target"][0]["target"] == data.target_fte
    without = capacity_chart(data.bands, None, validate=True)
    assert "target" not in without["datasets"]


def test_the_shared_look_is_in_every_spec_valid_and_each_legend_its_own(example: str) -> None:
    from shorewise.report.chart_style import CONFIG, check_spec

    before = json.dumps(CONFIG, sort_keys=True)
    columns = set()
    for _, items in report_charts(comparison(example)):
        for item in items:
            config = item.spec["config"]
            assert config["font"] == CONFIG["font"]
            assert config["axis"]["gridColor"] == "#e8ebef"
            assert config["legend"]["orient"] == "bottom"
            columns.add(config["legend"]["columns"])
            check_spec(item.spec)  # the whole spec, config and layers included
    # each chart's legend columns are its own; the shared settings are never edited
    assert json.dumps(CONFIG, sort_keys=True) == before
    assert "columns" not in CONFIG["legend"]
    assert columns <= {1, 2, 3}


def test_a_layer_built_as_plain_vega_lite_draws_what_altair_layering_draws() -> None:
    import altair as alt
    import vl_convert

    from shorewise.report.chart_style import Datasets, Layer

    def parts(sets: Datasets) -> list[alt.Chart]:
        data = sets.data("points", [{"x": i, "y": i * i, "label": f"p{i}"} for i in range(6)])
        line = alt.Chart(data).mark_line().encode(x="x:Q", y="y:Q").properties(width=300)
        text = alt.Chart(data).mark_text(dy=-8).encode(x="x:Q", y="y:Q", text="label:N")
        return [line, text]

    ours, theirs = Datasets(), Datasets()
    mine = ours.finish(Layer(*parts(ours)).properties(height=200), validate=True)
    altair = theirs.finish(alt.layer(*parts(theirs)).properties(height=200), validate=True)
    assert [p["mark"]["type"] for p in mine["layer"]] == ["line", "text"]
    assert mine["width"] == 300  # the part's width, lifted to the layer
    assert mine["height"] == 200
    assert vl_convert.vegalite_to_svg(mine) == vl_convert.vegalite_to_svg(altair)


def test_charts_built_unchecked_are_the_charts_altair_checks_as_it_builds() -> None:
    """Every chart of a report is built with Altair's per-part check off (``unchecked``):
    the specs are the same as with it on, and the check is on again afterwards."""
    from altair.utils import schemapi

    from shorewise.report import charts, decision_charts, option_colours, tradeoff_charts

    result = comparison("core-platform")
    fast = [[item.spec for item in items] for _, items in report_charts(result)]
    assert schemapi.DEBUG_MODE is True
    builders = [
        (module, name)
        for module in (charts, decision_charts, tradeoff_charts)
        for name, built in vars(module).items()
        if hasattr(built, "__wrapped__") and built.__module__ == module.__name__
    ]
    assert len(builders) == 9
    with pytest.MonkeyPatch.context() as patch:
        for module, name in builders:
            patch.setattr(module, name, getattr(module, name).__wrapped__)
        checked = [[item.spec for item in items] for _, items in report_charts(result)]
    assert json.dumps(fast, sort_keys=True) == json.dumps(checked, sort_keys=True)
    style = option_colours.OptionStyle({"A": "#000000"}, "A")
    assert style.emphasis().to_dict() == {
        "condition": {"test": 'datum.label === "A"', "value": option_colours.THICK},
        "value": option_colours.THIN,
    }
