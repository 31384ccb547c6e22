"""docs/validation.md is generated (``make validate-model``) and cannot drift."""

from __future__ import annotations

from pathlib import Path

from shorewise.workflows.validation import outcome, validation_markdown

DOC = Path(__file__).resolve().parents[2] / "docs" / "validation.md"


def test_the_committed_validation_doc_is_a_fresh_generation() -> None:
    assert DOC.read_text() == validation_markdown(), "run `make validate-model` and commit"


def test_low_wage_own_team_abroad_saves_inside_the_captive_band() -> None:
    # Everest / NASSCOM 2012: captives in India 40-70 % TCO savings
    for home, country in (("US", "VN"), ("US", "IN")):
        o = outcome(home, country, 10, 36)
        assert 0.40 <= o.saving(f"offshore_inhouse@{country}") <= 0.70


def test_a_home_vendor_costs_more_than_the_home_team_over_three_years() -> None:
    o = outcome("US", "VN", 10, 36)
    assert o.cost["onshore_outsource"] > o.cost["onshore_inhouse"]
