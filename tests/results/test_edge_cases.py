"""Odd but valid scenarios: no NaN, no crash, sensible picks."""

from __future__ import annotations

import json

from tests.conftest import scenario_data

from shorewise.domain.validation import build_scenario
from shorewise.workflows.evaluate import evaluate


def _json(**overrides: object) -> dict[str, object]:
    result = evaluate(build_scenario(scenario_data(**overrides)), samples=300, seed=2)
    return json.loads(json.dumps(result.to_dict(), allow_nan=False))  # type: ignore[no-any-return]


def test_team_abroad_that_cannot_be_hired_in_time_is_not_recommended() -> None:
    doc = _json(
        workstreams=[{"name": "w", "fte": 3, "duration_months": 3}],
        assumptions={"offshore_hiring_months": 30},
    )
    team = next(r for r in doc["strategies"] if r["strategy"] == "offshore_inhouse")
    assert team["delivered_share"]["p50"] < 0.1  # hiring over 30 months: little by month 3
    # kept until done, it would finish after its 30-month hiring ramp is half done, which
    # is past the 12 months a late team may be kept: no finish month
    assert team["finish_month"]["p50"] is None
    assert doc["recommendation"]["strategy"] != "offshore_inhouse"


def test_an_entity_slower_than_the_work_does_not_stop_the_team() -> None:
    """The own-entity route hires through an employer of record while the entity is set
    up, so an 8-month set-up does not hold back a 3-month job (it pays EOR fees meanwhile)."""
    entity = _json(
        workstreams=[{"name": "w", "fte": 3, "duration_months": 3}],
        offshore_route="entity",
        assumptions={"entity_setup_months": 8},
    )
    eor = _json(
        workstreams=[{"name": "w", "fte": 3, "duration_months": 3}],
        offshore_route="eor",
        assumptions={"entity_setup_months": 8},
    )
    rows = [
        next(r for r in d["strategies"] if r["strategy"] == "offshore_inhouse")
        for d in (entity, eor)
    ]
    assert rows[0]["delivered_share"]["p50"] == rows[1]["delivered_share"]["p50"] > 0
    assert rows[0]["cost_by_category"]["eor_fees"] > 0
    assert rows[0]["cost_by_category"]["entity"] > rows[1]["cost_by_category"]["entity"]


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
