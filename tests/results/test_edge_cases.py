"""Odd but valid scenarios: no NaN, no crash, sensible picks."""

from __future__ import annotations

import json

from tests.conftest import scenario_data

from shorewise.domain.validation import build_scenario
from shorewise.workflows.evaluate import evaluate


def _json(**overrides: object) -> dict[str, object]:
    result = evaluate(build_scenario(scenario_data(**overrides)), samples=300, seed=2)
    return json.loads(json.dumps(result.to_dict(), allow_nan=False))  # type: ignore[no-any-return]


def test_team_abroad_that_never_starts_is_not_recommended() -> None:
    doc = _json(
        workstreams=[{"name": "w", "fte": 3, "duration_months": 3}],
        offshore_route="entity",
        assumptions={"entity_setup_months": 8},
    )
    team = next(r for r in doc["strategies"] if r["strategy"] == "offshore_inhouse")
    assert team["effective_fte_months"]["p50"] == 0  # nothing by the due month
    assert team["delivered_share"]["p50"] == 0
    # kept until done, it finishes well after the 8-month entity set-up, or not at all
    # within the 12 months a late team may be kept
    finish = team["finish_month"]["p50"]
    assert finish is None or finish > 8 + 3
    assert doc["recommendation"]["strategy"] != "offshore_inhouse"
    late = [c for c in doc["recommendation"]["caveats"] if c["kind"] == "late"]
    assert not late or late[0]["delivered_share"] > 0


def test_one_month_of_work() -> None:
    doc = _json(workstreams=[{"name": "w", "fte": 1, "duration_months": 1}])
    assert doc["recommendation"]["strategy"] in {
        "onshore_outsource",
        "offshore_outsource",
        "onshore_inhouse",
        "offshore_inhouse",
    }
    assert len(doc["recommendation"]["reasons"]) >= 2


def test_equal_headcount_pays_the_target() -> None:
    data = scenario_data(
        workstreams=[{"name": "w", "fte": 4, "duration_months": 12}], staffing="equal_headcount"
    )
    result = evaluate(build_scenario(data), samples=0)
    for metrics in result.live.run.metrics:
        assert result.live.run.monthly_paid[0].max() <= 4 + 1e-9
        assert metrics.total_cost[0] > 0


def test_late_start_and_horizon() -> None:
    doc = _json(
        workstreams=[
            {"name": "a", "fte": 2, "duration_months": 6, "start_month": 10},
            {"name": "b", "fte": 2, "duration_months": 20},
        ],
        horizon_months=24,
    )
    assert doc["horizon_months"] == 24
    assert len(doc["recommendation"]["by_workstream"]) == 2
