"""`shorewise compare --format json` carries every field DESIGN.md §6 names."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from shorewise.io.scenario_file import load_scenario
from shorewise.workflows.evaluate import evaluate
from shorewise.workflows.examples import example_names, example_path

PERCENTILE_FIELDS = (
    "total_cost",
    "npv_cost",
    "effective_fte_months",
    "cost_per_effective_fte_month",
    "months_to_target",
)
STRATEGIES = {
    "onshore_inhouse",
    "onshore_outsource",
    "offshore_inhouse",
    "offshore_outsource",
    "mix",
}


def check_contract(doc: dict[str, object]) -> None:
    for key in ("scenario", "currency", "samples", "seed", "strategies", "recommendation", "plan"):
        assert key in doc, key
    rows = doc["strategies"]
    assert isinstance(rows, list)
    assert rows
    for row in rows:
        for key in (
            "workstream",
            "strategy",
            "country",
            "eligible",
            "excluded_reason",
            "control",
            "score",
            "rank",
            "p_best",
            "mix",
        ):
            assert key in row, key
        assert row["strategy"] in STRATEGIES
        assert (row["country"] is None) == (not row["strategy"].startswith("offshore"))
        assert (row["excluded_reason"] is None) == row["eligible"]
        assert (row["mix"] is not None) == (row["strategy"] == "mix")
        for name in (*PERCENTILE_FIELDS, "delivered_share", "finish_month"):
            assert set(row[name]) == {"p10", "p50", "p90", "mean"}
        assert row["required_fte_months"] > 0
        assert 0 <= row["p_on_time"] <= 1
        assert isinstance(row["over_budget_years"], list)
        assert row["label"]
        assert "@" not in row["label"]
        assert "_" not in row["label"]
    rec = doc["recommendation"]
    for key in ("strategy", "country", "reasons", "caveats", "flip_conditions", "by_workstream",
                "label"):  # fmt: skip
        assert key in rec, key
    for item in rec["by_workstream"]:
        for key in ("workstream", "strategy", "country", "reasons", "caveats", "flip_conditions",
                    "label"):  # fmt: skip
            assert key in item
        for finding in (*item["reasons"], *item["caveats"]):
            assert set(finding) >= {"kind", "text"}
            assert finding["kind"].replace("_", "").isalpha()
        for flip in item["flip_conditions"]:
            assert set(flip) >= {"input", "current", "threshold", "direction", "option", "label",
                                 "text"}  # fmt: skip
            assert (flip["threshold"] is None) == (flip["option"] is None)
            assert flip["direction"] in (None, "below", "above")
    for key in ("total_cost", "npv_cost"):
        assert set(doc["plan"][key]) == {"p10", "p50", "p90", "mean"}
    routes = doc["routes"]
    assert isinstance(routes, list)
    abroad = {r["country"] for r in rows if r["strategy"] == "offshore_inhouse"}
    assert {r["country"] for r in routes} == abroad
    for route in routes:
        assert route["route"] in ("eor", "entity")
        assert route["chosen_by"] in ("cheaper", "scenario")
        assert route["head_months"] > 0
        crossover = route["crossover_head_months"]
        assert crossover is None or crossover > 0
        assert route["eor_total_cost"] > 0
        assert route["entity_total_cost"] > 0
        assert route["text"].startswith(route["country_name"] + ": " + route["route_label"])
        assert "@" not in route["text"]
        assert "_" not in route["text"]
        used = {c["route"] for r in rows if r["country"] == route["country"]
                for c in r["components"] if c["route"]}  # fmt: skip
        assert used == {route["route"]}


@pytest.mark.parametrize("name", example_names())
def test_every_example_meets_the_contract(name: str) -> None:
    result = evaluate(load_scenario(example_path(name)), samples=300, seed=5)
    doc = json.loads(json.dumps(result.to_dict(), allow_nan=False))
    check_contract(doc)


def test_cli_json_is_the_contract(tmp_path: Path) -> None:
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "shorewise",
            "compare",
            str(example_path("two-workstreams")),
            "--format",
            "json",
            "--samples",
            "500",
            "--seed",
            "3",
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    doc = json.loads(out.stdout)
    check_contract(doc)
    assert doc["samples"] == 500
    assert doc["seed"] == 3
    assert len(doc["recommendation"]["by_workstream"]) == 2


def test_design_section_6_example_compares(tmp_path: Path) -> None:
    """The scenario printed in DESIGN.md §6, verbatim, compares without error."""
    text = """\
name: Payments platform
currency: USD
home_country: US
company:
  tech_company: true
  annual_budget: 2500000
horizon_months: 36
offshore_countries: [VN, PL]
workstreams:
  - name: core platform
    core: true
    fte: 8
    duration_months: 36
    start_month: 0
    scope_volatility: medium
assumptions:
  offshore_wage_ratio: 30%..70%
  vendor_margin: {dist: pert, low: 0.2, mode: 0.35, high: 0.6}
correlations:
  - {between: [offshore_wage_ratio, offshore_attrition], rho: 0.3}
weights: {cost: 0.4, speed: 0.15, control: 0.2, scalability: 0.1, risk: 0.15}
policy: {never_outsource_core: true}
mixes:
  - name: leads at home, team in Vietnam
    shares:
      onshore_inhouse: 0.2
      offshore_inhouse@VN: 0.8
simulation: {samples: 10000, seed: 42}
"""
    path = tmp_path / "design.yaml"
    path.write_text(text)
    doc = evaluate(load_scenario(path), samples=400).to_dict()
    check_contract(doc)
    mix = [r for r in doc["strategies"] if r["strategy"] == "mix"]
    assert mix
    assert mix[0]["mix"] == "leads at home, team in Vietnam"
    outsourced = [r for r in doc["strategies"] if r["strategy"].endswith("outsource")]
    assert outsourced
    assert not any(r["eligible"] for r in outsourced)


def test_same_seed_same_json_other_seed_differs() -> None:
    scenario = load_scenario(example_path("core-platform"))
    a = json.dumps(evaluate(scenario, samples=1000, seed=9).to_dict())
    b = json.dumps(evaluate(scenario, samples=1000, seed=9).to_dict())
    c = json.dumps(evaluate(scenario, samples=1000, seed=10).to_dict())
    assert a == b
    assert a != c
