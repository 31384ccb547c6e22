"""The notebook API: frames, charts, Scenario.build, base_dir, short reprs, big portfolios."""

from __future__ import annotations

from pathlib import Path

import pytest

import shorewise
from shorewise.errors import ReportError, ScenarioError
from shorewise.workflows.examples import example_path


@pytest.fixture(scope="module")
def result() -> shorewise.Result:
    scenario = shorewise.load_scenario(example_path("two-workstreams"))
    return shorewise.evaluate(scenario, samples=400, seed=3, flips=False)


def test_to_frame_takes_any_percentile(result: shorewise.Result) -> None:
    frame = result.to_frame(percentiles=("p10", "p90", "mean"))
    assert {"total_cost_p10", "total_cost_p90", "total_cost_mean"} <= set(frame.columns)
    assert "total_cost_p50" not in frame.columns
    assert (frame["total_cost_p10"] <= frame["total_cost_p90"]).all()


def test_monthly_frame_is_tidy_and_matches_the_bands(result: shorewise.Result) -> None:
    frame = shorewise.monthly_frame(result)
    assert list(frame.columns[:4]) == ["workstream", "option", "label", "month"]
    series = result.series[0]
    rows = frame[(frame.workstream == series.workstream) & (frame.option == series.option)]
    assert len(rows) == len(series.burn.p50)
    assert rows["month"].iloc[0] == series.first_month
    assert rows["cost_p50"].tolist() == series.burn.p50
    assert rows["capacity_p90"].tolist() == series.effective.p90
    assert (rows["cost_p10"] <= rows["cost_p90"]).all()
    assert not frame["label"].str.contains("@").any()


def test_draws_frame_has_every_draw(result: shorewise.Result) -> None:
    frame = shorewise.draws_frame(result)
    assert len(frame) == 400
    assert frame["draw"].tolist() == list(range(400))
    column = next(c for c in frame.columns if c.endswith("| total_cost"))
    assert (frame[column] > 0).all()
    loaded = shorewise.Result.from_json(result.to_json())
    with pytest.raises(ReportError, match="does not hold its draws"):
        shorewise.draws_frame(loaded)


def test_charts_are_the_reports_altair_charts(result: shorewise.Result) -> None:
    import altair as alt

    charts = shorewise.charts(result, 1)
    assert set(charts) == {"cumulative", "burn", "capacity", "cost-per-fte", "categories"}
    assert all(isinstance(c, alt.TopLevelMixin) for c in charts.values())
    assert charts["burn"].to_dict(validate=True)["$schema"].startswith("https://vega.github.io")
    with pytest.raises(ReportError, match="no workstream 'nope'"):
        shorewise.charts(result, "nope")


def test_scenario_build_validates_in_code() -> None:
    s = shorewise.Scenario.build(
        name="App",
        home_country="US",
        workstreams=[{"name": "app", "fte": 4, "duration_months": 8}],
    )
    assert repr(s) == "Scenario('App': 1 workstream, home US, offshore VN, 10,000 draws, seed 42)"
    changed = s.with_assumptions(vendor_margin="30%..50%")
    assert changed.assumptions["vendor_margin"].kind != "fixed"
    with pytest.raises(ScenarioError) as err:
        shorewise.Scenario.build(name="App", home_country="US", workstreams=[{"name": "a"}])
    assert "workstreams.0" in err.value.render()
    unknown = shorewise.Scenario.build(
        name="App",
        home_country="US",
        offshore_countries=["ZZ"],
        workstreams=[{"name": "a", "fte": 2, "duration_months": 6}],
    )
    with pytest.raises(ScenarioError, match="ZZ"):  # market data are checked at evaluate
        shorewise.evaluate(unknown, samples=0)


def test_result_repr_fits_a_line(result: shorewise.Result) -> None:
    text = repr(result)
    assert text.startswith("Result('")
    assert "400 draws" in text
    assert len(text) < 160


def test_a_relative_rate_card_is_read_from_the_files_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    (folder / "rates.csv").write_text("country,annual_pay,vendor_monthly_rate\nUS,150000,\n")
    (folder / "plan.yaml").write_text(
        "name: p\nhome_country: US\nrate_card: rates.csv\n"
        "workstreams:\n  - {name: app, fte: 4, duration_months: 8}\n"
    )
    monkeypatch.chdir(tmp_path)  # not the scenario's folder
    scenario = shorewise.load_scenario(folder / "plan.yaml")
    assert scenario.base_dir == str(folder.resolve())
    assert scenario.with_assumptions(vendor_margin=0.3).base_dir == scenario.base_dir
    assert shorewise.evaluate(scenario, samples=0).scenario == "p"
    with pytest.raises(ScenarioError, match="rate"):
        shorewise.evaluate(scenario.with_base_dir(tmp_path), samples=0)


def test_a_portfolio_beyond_fifty_workstreams_runs() -> None:
    scenario = shorewise.Scenario.build(
        name="portfolio",
        home_country="US",
        workstreams=[{"name": f"w{i}", "fte": 2 + i % 3, "duration_months": 12} for i in range(60)],
    )
    result = shorewise.evaluate(scenario, samples=0, flips=False)
    assert len(result.workstreams) == 60
    assert len(result.recommendation.by_workstream) == 60
