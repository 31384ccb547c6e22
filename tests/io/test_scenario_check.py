"""The complete validation: what `compare` would refuse, loading refuses — in one pass."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from tests.conftest import scenario_data

from shorewise.domain.ratecard import RateCard, RateCardRow
from shorewise.errors import ScenarioError
from shorewise.io.scenario_check import check_scenario, scenario_from_data
from shorewise.workflows.init import Answers, WorkstreamAnswer, scenario_yaml
from shorewise.workflows.library import RATE_CARD_REFUSED, draft_from_data, draft_from_text


def _problems(data: Any, **kwargs: Any) -> dict[str, str]:
    with pytest.raises(ScenarioError) as err:
        scenario_from_data(data, source="s.yaml", **kwargs)
    assert err.value.source == "s.yaml"
    return {p.field: p.message for p in err.value.problems}


def test_correlations_are_checked_when_loading_with_other_problems() -> None:
    problems = _problems(
        scenario_data(
            workstreams=[{"name": "w", "fte": -1, "duration_months": 6}],
            correlations=[{"between": ["discount_rate", "vendor_margin"], "rho": 0.5}],
        )
    )
    assert set(problems) == {"workstreams.0.fte", "correlations.0.between"}
    assert "'discount_rate' is not uncertain here" in problems["correlations.0.between"]


def test_an_inconsistent_correlation_set_is_refused_at_load() -> None:
    pairs = [
        ("onshore_attrition", "vendor_attrition", 0.9),
        ("vendor_attrition", "vendor_margin", 0.9),
        ("onshore_attrition", "vendor_margin", -0.9),
    ]
    data = scenario_data(
        simulation={"samples": 0, "seed": 1},  # compare refuses it even for one run
        correlations=[{"between": [a, b], "rho": r} for a, b, r in pairs],
    )
    problems = _problems(data)
    assert "not positive definite" in problems["correlations"]


def test_a_pair_declared_twice_is_named() -> None:
    pair = {"between": ["vendor_margin", "onshore_attrition"], "rho": 0.3}
    problems = _problems(scenario_data(correlations=[pair, pair]))
    assert "already correlated in correlations.0" in problems["correlations.1.between"]


def test_a_rate_card_ratio_out_of_range_is_refused(tmp_path: Path) -> None:
    (tmp_path / "rates.csv").write_text("country,annual_pay\nUS,1000\nVN,1000000\n")
    problems = _problems(scenario_data(rate_card="rates.csv"), base_dir=tmp_path)
    assert "gives offshore_wage_ratio@VN out of range" in problems["rate_card"]
    assert (
        "above the ceiling 100" in problems["rate_card"] or "at most 100" in problems["rate_card"]
    )


def test_the_library_and_init_use_the_same_validation() -> None:
    data = scenario_data(
        offshore_countries=["ZZ"], workstreams=[{"name": "w", "fte": -1, "duration_months": 6}]
    )
    for attempt in (
        lambda: draft_from_data(data),
        lambda: draft_from_text(
            "name: x\nhome_country: US\noffshore_countries: [ZZ]\n"
            "workstreams:\n  - {name: w, fte: -1, duration_months: 6}\n"
        ),
    ):
        with pytest.raises(ScenarioError) as err:
            attempt()
        assert {p.field for p in err.value.problems} == {
            "offshore_countries.0",
            "workstreams.0.fte",
        }
    with pytest.raises(ScenarioError) as err:
        scenario_yaml(Answers("x", "US", ["ZZ"], True, [WorkstreamAnswer("w", False, 4, 300)]))
    assert {p.field for p in err.value.problems} == {
        "offshore_countries.0",
        "workstreams.0.duration_months",
    }


def test_the_library_never_reads_a_rate_card_named_in_a_request(tmp_path: Path) -> None:
    secret = tmp_path / "secret.csv"
    secret.write_text("not,a,rate,card\n")
    with pytest.raises(ScenarioError) as err:
        draft_from_data(scenario_data(rate_card=str(secret), weights={"risk": -1}))
    problems = {p.field: p.message for p in err.value.problems}
    assert problems == {
        "rate_card": RATE_CARD_REFUSED,
        "weights.risk": "a weight must be a finite number >= 0 (got -1)",
    }


def test_check_scenario_validates_an_edited_object_and_the_run() -> None:
    scenario = scenario_from_data(scenario_data())
    broken = scenario.model_copy(update={"horizon_months": 3, "simulation": {"samples": -5}})
    with pytest.raises(ScenarioError) as err:
        check_scenario(broken, samples=10**9, seed=-1)
    problems = {p.field: p.message for p in err.value.problems}
    assert set(problems) == {"horizon_months", "simulation.samples", "samples", "seed"}
    assert "the horizon ends at month 3, before the work does" in problems["horizon_months"]
    assert problems["simulation.samples"] == "Input should be greater than or equal to 0 (got -5)"
    assert problems["samples"] == "must be from 0 to 2,000,000 (got 1,000,000,000)"
    assert problems["seed"] == "must be from 0 to 9,223,372,036,854,775,807 (got -1)"


def test_check_scenario_checks_a_given_rate_card() -> None:
    scenario = scenario_from_data(scenario_data())
    card = RateCard("mine", {"US": RateCardRow(annual_pay=float("nan"))})
    with pytest.raises(ScenarioError, match="mine: US annual_pay nan"):
        check_scenario(scenario, rate_card=card)


@pytest.mark.parametrize("samples", [True, 2.5, "10", -1])
def test_samples_must_be_a_whole_number_in_range(samples: Any) -> None:
    scenario = scenario_from_data(scenario_data())
    with pytest.raises(ScenarioError) as err:
        check_scenario(scenario, samples=samples)
    assert [p.field for p in err.value.problems] == ["samples"]


def test_check_scenario_refuses_what_is_not_a_scenario() -> None:
    with pytest.raises(ScenarioError, match="expected a Scenario"):
        check_scenario(scenario_data())
