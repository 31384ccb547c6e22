"""One pass finds every problem, each with its field; edits are validated again."""

from __future__ import annotations

from typing import Any

import pytest
from tests.conftest import make_scenario, scenario_data

import shorewise.market as market
from shorewise.domain.limits import MAX_FTE, nesting_problem
from shorewise.domain.scenario import Scenario
from shorewise.domain.validation import build_scenario, check_scenario_data
from shorewise.errors import ScenarioError


def _fields(data: Any, **kwargs: Any) -> dict[str, str]:
    with pytest.raises(ScenarioError) as err:
        build_scenario(data, source="s.yaml", references=market, **kwargs)
    assert err.value.source == "s.yaml"
    return {p.field: p.message for p in err.value.problems}


def test_unknown_countries_are_reported_with_every_other_problem() -> None:
    problems = _fields(
        scenario_data(
            home_country="QQ",
            currency="XYZ",
            offshore_countries=["ZZ", "US", "PL"],
            workstreams=[{"name": "a", "fte": -1, "duration_months": 5}],
            assumptions={"vendor_margin": -2, "offshore_attrition@IN": 0.2},
        )
    )
    assert set(problems) == {
        "home_country",
        "currency",
        "offshore_countries.0",
        "workstreams.0.fte",
        "assumptions.vendor_margin",
        "assumptions.offshore_attrition@IN",
    }
    assert "'QQ'" in problems["home_country"]
    assert "'ZZ'" in problems["offshore_countries.0"]
    assert "must be >= 0 and <= 3 (got -2)" in problems["assumptions.vendor_margin"]
    assert problems["assumptions.offshore_attrition@IN"] == "IN is not in offshore_countries"


def test_the_home_country_offered_abroad_is_named() -> None:
    problems = _fields(scenario_data(offshore_countries=["VN", "us"]))
    assert problems == {
        "offshore_countries.1": "us is the home country; offshore means another country"
    }


@pytest.mark.parametrize(
    ("assumption", "value", "fragment"),
    [
        ("vendor_margin", -2, "must be >= 0"),
        ("discount_rate", -1, "must be >= -0.1 and <= 1 (got -1)"),
        ("offshore_team_productivity", -0.5, "must be > 0 and <= 1.5"),
        ("onshore_productivity", 0, "must be > 0 and <= 1.5 (got 0)"),
        ("control_offshore_inhouse", "200%", "must be >= 0 and <= 1 (got 2)"),
        ("onshore_annual_pay", "-5..-1", "its lower end -5 is outside the allowed values"),
        ("onshore_annual_pay", 1e308, "must be at most 2,000,000 (got 1e+308)"),
        ("onshore_attrition", 1, "must be >= 0 and < 1 (got 1)"),
        (
            "offshore_wage_ratio",
            {"dist": "lognormal", "median": 0.5, "sigma": 1000},
            "its largest draws reach inf",
        ),
        (
            "vendor_onsite_share",
            {"dist": "normal", "mean": 0.3, "sd": 0.05},
            "a normal distribution has no lower bound",
        ),
        ("onboarding_months", "1..500", "its largest draws reach 500, above the ceiling 240"),
    ],
)
def test_an_assumption_outside_its_range_is_refused(
    assumption: str, value: Any, fragment: str
) -> None:
    problems = _fields(scenario_data(assumptions={assumption: value}))
    assert list(problems) == [f"assumptions.{assumption}"]
    assert fragment in problems[f"assumptions.{assumption}"]


def test_money_ceilings_follow_the_currency() -> None:
    data = scenario_data(currency="VND", assumptions={"onshore_annual_pay": 1_000_000_000})
    assert build_scenario(data, references=market).currency == "VND"
    problems = _fields(scenario_data(assumptions={"onshore_annual_pay": 1_000_000_000}))
    assert "must be at most 2,000,000" in problems["assumptions.onshore_annual_pay"]


def test_a_truncated_normal_inside_the_range_is_allowed() -> None:
    dist = {"dist": "normal", "mean": 0.3, "sd": 0.05, "low": 0.0, "high": 1.0}
    scenario = build_scenario(scenario_data(assumptions={"vendor_onsite_share": dist}))
    assert scenario.assumptions["vendor_onsite_share"].kind == "normal"


def test_a_horizon_shorter_than_the_work_is_an_error() -> None:
    problems = _fields(
        scenario_data(
            horizon_months=24,
            workstreams=[
                {"name": "long", "fte": 2, "duration_months": 36},
                {"name": "late", "fte": 2, "duration_months": 6, "start_month": 30},
                {"name": "fits", "fte": 2, "duration_months": 12},
            ],
        )
    )
    assert set(problems) == {"horizon_months", "workstreams.1.start_month"}
    assert "'long' (ends at month 36)" in problems["horizon_months"]
    assert "at least 36" in problems["horizon_months"]
    assert (
        "starts at month 30, at or after the end of the horizon"
        in problems["workstreams.1.start_month"]
    )


def test_a_horizon_longer_than_the_work_is_fine() -> None:
    assert make_scenario(horizon_months=48).horizon == 48


def test_checks_across_fields_run_beside_field_problems() -> None:
    problems = _fields(
        scenario_data(
            weights={"cost": -1},
            workstreams=[
                {"name": "a", "fte": 1, "duration_months": 5},
                {"name": "a", "fte": 1, "duration_months": 5},
            ],
            mixes=[{"name": "m", "shares": {"offshore_inhouse@PL": 1.0}}],
            correlations=[{"between": ["vendor_margn", "vendor_margin"], "rho": 0.3}],
        )
    )
    assert set(problems) == {
        "weights.cost",
        "workstreams.1.name",
        "mixes.0.shares.offshore_inhouse@PL",
        "correlations.0.between",
    }
    assert "'a' is used twice" in problems["workstreams.1.name"]
    assert "PL is not in offshore_countries (VN)" in problems["mixes.0.shares.offshore_inhouse@PL"]


def test_a_team_above_the_fte_limit_is_refused() -> None:
    team = {f"role{i}": MAX_FTE / 4 for i in range(5)}
    problems = _fields(
        scenario_data(workstreams=[{"name": "w", "team": team, "duration_months": 6}])
    )
    assert "the roles add up to 12500 FTE; at most 10,000" in problems["workstreams.0.team"]


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), -float("inf")])
def test_non_finite_numbers_are_refused_everywhere(bad: float) -> None:
    problems = _fields(
        scenario_data(
            company={"annual_budget": bad},
            workstreams=[{"name": "w", "fte": bad, "duration_months": 6}],
            assumptions={
                "vendor_margin": bad,
                "onboarding_months": {"dist": "pert", "low": 1, "mode": bad, "high": 3},
            },
            weights={"cost": bad},
            correlations=[{"between": ["vendor_margin", "onboarding_months"], "rho": bad}],
            mixes=[{"name": "m", "shares": {"onshore_inhouse": bad}}],
        )
    )
    assert set(problems) >= {
        "company.annual_budget",
        "workstreams.0.fte",
        "assumptions.vendor_margin",
        "assumptions.onboarding_months",
        "weights.cost",
        "correlations.0.rho",
        "mixes.0.shares",
    }


def test_replace_and_with_assumptions_validate_again() -> None:
    scenario = make_scenario()
    assert scenario.replace(horizon_months=24).horizon == 24
    changed = scenario.with_assumptions(vendor_margin="30%..50%", **{"offshore_attrition@VN": 0.2})
    assert changed.assumptions["vendor_margin"].kind == "uniform"
    assert scenario.assumptions == {}  # the original is unchanged
    with pytest.raises(ScenarioError) as err:
        scenario.replace(horizon_months=6, colour="blue")
    assert {p.field for p in err.value.problems} == {"horizon_months", "colour"}
    with pytest.raises(ScenarioError, match=r"assumptions\.vendor_margin"):
        scenario.with_assumptions(vendor_margin=-1)


def test_a_model_copy_edit_is_caught_when_validated_again() -> None:
    edited = make_scenario().model_copy(
        update={"workstreams": ({"name": "w", "fte": -4, "duration_months": 6},)}
    )
    checked = check_scenario_data({n: getattr(edited, n) for n in Scenario.model_fields})
    assert [p.field for p in checked.problems] == ["workstreams.0.fte"]


def test_nesting_is_limited_without_recursion() -> None:
    deep: Any = 1
    for _ in range(50_000):
        deep = [deep]
    assert "nested deeper than 16 levels" in str(nesting_problem(deep))
    loop: list[Any] = []
    loop.append(loop)
    assert "nested deeper" in str(nesting_problem({"a": loop}))
    laughs: Any = ["lol"] * 10
    for _ in range(8):
        laughs = [laughs] * 10  # shared references: 10^9 values once expanded
    assert "more than 100,000 values" in str(nesting_problem({"a": laughs}))
    with pytest.raises(ScenarioError, match="nested deeper"):
        build_scenario({"name": deep}, source="s.yaml")
