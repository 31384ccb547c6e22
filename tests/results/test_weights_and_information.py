"""Weights are uncertain too: SMAA in the recommendation, weights as ranges, orders or
answers to trade-off questions, and the value of information in money (issue 15)."""

from __future__ import annotations

import copy
from typing import Any

import numpy as np
import pytest

from shorewise.domain.tradeoffs import order_from_answers
from shorewise.domain.validation import build_scenario
from shorewise.errors import ScenarioError
from shorewise.io.scenario_file import parse_text
from shorewise.workflows.evaluate import evaluate
from shorewise.workflows.examples import example_path


def _retail(**changes: Any) -> dict[str, Any]:
    data = parse_text(example_path("retail-app").read_text(), source="retail-app")
    data = copy.deepcopy(data)
    data.update(changes)
    data["simulation"] = {"samples": 3000, "seed": 11}
    return data


def test_smaa_records_for_every_eligible_option() -> None:
    result = evaluate(build_scenario(_retail()))
    rec = result.recommendation.by_workstream[0]
    eligible = [r.option for r in result.rows_for(0) if r.eligible]
    assert [s["option"] for s in rec.smaa] == eligible
    assert result.smaa == rec.smaa
    table = np.array([s["rank_acceptability"] for s in rec.smaa])
    assert np.allclose(table.sum(axis=0), 1.0)  # each rank is taken by someone
    assert np.allclose(table.sum(axis=1), 1.0)  # each option takes some rank
    first = next(f for f in rec.reasons + rec.caveats if f.kind == "smaa_first")
    pick = next(s for s in rec.smaa if s["option"] == rec.option)
    assert first.get("share") == pytest.approx(pick["rank_acceptability"][0], abs=1e-6)
    for s in rec.smaa:
        if s["central_weights"] is not None:
            assert sum(s["central_weights"].values()) == pytest.approx(1.0)


def test_one_criterion_smaa_is_the_probability_of_ranking_first() -> None:
    weights = {"cost": "100%", "speed": "0%", "control": "0%", "scalability": "0%", "risk": "0%"}
    result = evaluate(build_scenario(_retail(weights=weights)), with_flips=False)
    for s in result.recommendation.by_workstream[0].smaa:
        row = result.row(result.workstreams[0].name, s["option"])
        # SMAA pairs each draw with a weight; with one criterion the weight never matters
        assert s["rank_acceptability"][0] == pytest.approx(row.p_best, abs=0.02)


def test_weights_as_ranges_and_an_order() -> None:
    data = _retail(weights={"cost": "30%..50%"}, weight_order=["cost", "control", "speed"])
    scenario = build_scenario(data)
    region = scenario.weight_constraints()
    assert region.lower[0] == pytest.approx(0.3)
    assert region.order == ("cost", "control", "speed")
    result = evaluate(scenario, with_flips=False)
    for s in result.recommendation.by_workstream[0].smaa:
        w = s["central_weights"]
        if w is not None:
            assert 0.3 - 1e-3 <= w["cost"] <= 0.5 + 1e-3
            assert w["cost"] >= w["control"] - 1e-3 >= w["speed"] - 2e-3


def test_bad_weights_name_their_field() -> None:
    with pytest.raises(ScenarioError) as caught:
        build_scenario(_retail(weights={"cost": "60%..40%"}))
    assert any(p.field.startswith("weights") for p in caught.value.problems)
    with pytest.raises(ScenarioError) as caught:
        build_scenario(_retail(weights={"cost": 0.5}, weight_order=["cost", "speed"]))
    assert [p.field for p in caught.value.problems] == ["weight_order"]


def test_trade_off_answers_give_the_order() -> None:
    answers = {"cost_vs_speed": "speed", "cost_vs_control": "cost", "speed_vs_control": "speed"}
    assert order_from_answers(answers) == ("speed", "cost", "control")
    assert order_from_answers({"cost_vs_speed": "equal"}) == ()
    scenario = build_scenario(_retail(weight_answers=answers))
    assert scenario.importance_order() == ("speed", "cost", "control")
    with pytest.raises(ScenarioError) as caught:
        build_scenario(_retail(weight_answers={"cost_vs_speed": "control"}))
    assert "weight_answers" in caught.value.problems[0].field


def test_value_of_information_is_money_and_bounded() -> None:
    result = evaluate(build_scenario(_retail()), with_flips=False)
    voi = result.value_of_information
    assert voi is not None
    assert voi["total"] >= 0
    assert all(0 <= item["value"] <= voi["total"] + 1e-6 for item in voi["per_input"])
    assert all("@" not in item["label"] for item in voi["per_input"])


def test_an_input_whose_range_widens_gains_value() -> None:
    # the home vendor's hourly rate (a published band by default) decides between options
    def value(rate: str) -> float:
        data = _retail()
        data.setdefault("assumptions", {})["onshore_vendor_hourly_rate"] = rate
        voi = evaluate(build_scenario(data), with_flips=False).value_of_information
        assert voi is not None
        name = "onshore_vendor_hourly_rate"
        return next((i["value"] for i in voi["per_input"] if i["input"] == name), 0.0)

    assert value("40..160") > value("99..101")


def test_no_value_of_information_for_a_single_run() -> None:
    data = _retail()
    data["simulation"] = {"samples": 0}
    assert evaluate(build_scenario(data), with_flips=False).value_of_information is None
