"""The SMAA and value-of-information tables hold the result's numbers, in order."""

from __future__ import annotations

from tests.report.conftest import comparison

from shorewise.results import numbers as fmt
from shorewise.results.decision_tables import acceptability_tables, information_table


def test_information_rows_are_the_inputs_worth_something_largest_first() -> None:
    result = comparison("retail-app")
    voi = result.value_of_information
    assert voi is not None
    table = information_table(result, top=3)
    assert table is not None
    worth = [i for i in voi["per_input"] if i["value"] > 0]
    assert len(table.rows) == min(3, len(worth))
    for row, item in zip(table.rows, worth, strict=False):
        assert row[1] == fmt.money(item["value"], result.currency)
    assert fmt.money(voi["total"], result.currency) in table.note


def test_acceptability_rows_follow_first_rank_and_mark_the_pick() -> None:
    result = comparison("retail-app")
    (table,) = acceptability_tables(result)
    firsts = sorted((float(r["rank_acceptability"][0]) for r in result.smaa), reverse=True)
    assert [row[1] for row in table.rows] == [fmt.share(v) for v in firsts]
    assert table.highlight is not None
    pick = result.recommendation.option
    record = next(r for r in result.smaa if r["option"] == pick)
    assert table.rows[table.highlight][1] == fmt.share(record["rank_acceptability"][0])


def test_a_single_run_has_no_information_but_still_weighs_the_weights() -> None:
    from shorewise.io.scenario_file import load_scenario
    from shorewise.workflows.evaluate import evaluate
    from shorewise.workflows.examples import example_path

    result = evaluate(load_scenario(example_path("retail-app")), samples=0)
    assert information_table(result) is None
    (table,) = acceptability_tables(result)  # one draw, many weightings
    for row in table.rows:
        shares = [float(cell.strip("<>%").replace("0.1", "0.1")) for cell in row[1:5]]
        assert 99 <= sum(shares) <= 101
