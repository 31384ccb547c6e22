"""``shorewise value-of-information``: the same numbers as the result, in words."""

from __future__ import annotations

import json
import re

from tests.cli.in_process import run_main

from shorewise.workflows.examples import example_path

ID = re.compile(r"(onshore|offshore)_(inhouse|outsource)|@[A-Z]{2}\b")


def test_json_carries_the_results_value_of_information_and_weights() -> None:
    out = run_main(
        "value-of-information", str(example_path("retail-app")), "-n", "1500", "--format", "json"
    )
    assert out.code == 0, out.stderr
    doc = json.loads(out.stdout)
    voi = doc["value_of_information"]
    assert voi["total"] >= 0
    assert all(0 <= i["value"] <= voi["total"] + 1e-6 for i in voi["per_input"])
    assert abs(sum(doc["weights"].values()) - 1) < 1e-6
    (ws,) = doc["smaa"]
    for record in ws["smaa"]:
        assert abs(sum(record["rank_acceptability"]) - 1) < 1e-3
    compare = run_main("compare", str(example_path("retail-app")), "-n", "1500", "-f", "json")
    assert json.loads(compare.stdout)["value_of_information"] == voi


def test_table_and_markdown_name_inputs_and_options_in_words() -> None:
    path = str(example_path("two-workstreams"))
    table = run_main("value-of-information", path, "-n", "1000")
    assert table.code == 0, table.stderr
    assert "What is worth finding out before you sign" in table.stdout
    assert table.stdout.count("How the choice depends on the weights") == 2
    assert not ID.search(table.stdout)
    md = run_main("value-of-information", path, "-n", "1000", "--format", "markdown")
    assert md.code == 0, md.stderr
    assert "| option | 1st | 2nd | 3rd | lower | sure | favours |" in md.stdout
    assert "|---|---:|---:|---:|---:|---:|---|" in md.stdout
    assert not ID.search(md.stdout)


def test_a_single_run_says_there_is_nothing_to_value() -> None:
    out = run_main("value-of-information", str(example_path("retail-app")), "-n", "0")
    assert out.code == 0, out.stderr
    assert "nothing uncertain to put a value on" in " ".join(out.stdout.split())
    assert "How the choice depends on the weights" in out.stdout
