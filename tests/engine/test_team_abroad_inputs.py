"""Per-country inputs for the true cost of a team abroad and pay bases (issue 11)."""

from __future__ import annotations

from tests.conftest import scenario_data

from shorewise.domain.distributions import Fixed, Triangular, Uniform
from shorewise.domain.validation import build_scenario
from shorewise.engine.inputs import resolve_inputs
from shorewise.workflows.evaluate import evaluate


def _inputs(home: str, *countries: str, **extra: object) -> dict[str, object]:
    data = scenario_data(home_country=home, currency="USD", offshore_countries=list(countries))
    data.update(extra)
    return resolve_inputs(build_scenario(data)).assumptions  # type: ignore[return-value]


def test_b2b_share_by_country_is_judgement_and_labelled() -> None:
    a = _inputs("DE", "PL", "VN")
    pl, vn = a["offshore_b2b_share@PL"], a["offshore_b2b_share@VN"]
    assert pl.distribution == Uniform(low=0.3, high=0.6)  # type: ignore[attr-defined]
    assert pl.provenance.kind == "judgement"  # type: ignore[attr-defined]
    assert "B2B" in pl.provenance.text  # type: ignore[attr-defined]
    assert vn.distribution == Fixed(value=0.0)  # type: ignore[attr-defined]


def test_the_same_premium_at_home_and_abroad_except_where_the_survey_skews_low() -> None:
    a = _inputs("US", "VN", "PL")
    vn, pl = a["offshore_talent_premium@VN"], a["offshore_talent_premium@PL"]
    assert vn.distribution == Uniform(low=1.0, high=1.77)  # type: ignore[attr-defined]
    assert "ITviec" in vn.provenance.text  # type: ignore[attr-defined]
    assert pl.distribution == Triangular(low=0.85, mode=1.0, high=1.15)  # type: ignore[attr-defined]


def test_us_benefits_are_inside_the_bls_on_costs() -> None:
    us, de = _inputs("US", "VN"), _inputs("DE", "PL")
    assert us["onshore_benefits_rate"].distribution == Fixed(value=0.0)  # type: ignore[attr-defined]
    assert de["onshore_benefits_rate"].distribution == Uniform(low=0.03, high=0.10)  # type: ignore[attr-defined]


def test_overlap_productivity_is_on_for_nearshore_pairs_only() -> None:
    near, far = _inputs("DE", "PL"), _inputs("US", "VN")
    assert near["offshore_team_productivity@PL"].distribution == Fixed(value=0.93)  # type: ignore[attr-defined]
    assert far["offshore_team_productivity@VN"].distribution == Fixed(value=0.8)  # type: ignore[attr-defined]


def test_a_non_tech_company_pays_for_engineering_leadership() -> None:
    def home_team_cost(tech: bool) -> float:
        data = scenario_data(company={"tech_company": tech})
        result = evaluate(build_scenario(data), samples=0)
        row = next(r for r in result.strategies if r.option == "onshore_inhouse")
        return row.cost_by_category["governance"]

    assert home_team_cost(True) == 0
    assert home_team_cost(False) > 0


def test_a_team_abroad_costs_home_side_management() -> None:
    result = evaluate(build_scenario(scenario_data()), samples=0)
    row = next(r for r in result.strategies if r.option == "offshore_inhouse@VN")
    assert row.cost_by_category["governance"] > 0.1 * row.cost_by_category["salaries"]
