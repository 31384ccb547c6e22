"""Guard rails: warnings in the notes when an input or output is outside published bands."""

from __future__ import annotations

from tests.conftest import make_scenario

from shorewise.results.guard_rails import rate_note, saving_note, wage_ratio_note
from shorewise.workflows.evaluate import evaluate


def test_wage_ratio_outside_10_to_95_percent_is_flagged() -> None:
    assert wage_ratio_note("VN", 0.09) is not None
    assert wage_ratio_note("PL", 1.02) is not None
    assert wage_ratio_note("PL", 0.95) is None
    assert wage_ratio_note("VN", 0.10) is None
    note = wage_ratio_note("PL", 1.02) or ""
    assert "Poland" in note
    assert "@" not in note


def test_savings_outside_the_published_band_for_their_kind() -> None:
    assert saving_note("offshore_inhouse@VN", 0.75, "US") is not None  # captives: to 70 %
    assert saving_note("offshore_inhouse@VN", 0.55, "US") is None
    assert saving_note("offshore_outsource@IN", 0.05, "US") is not None  # from 10 %
    assert saving_note("onshore_outsource", 0.9, "US") is None  # no published band
    assert "costs 20% more" in (saving_note("offshore_inhouse@PL", -0.2, "DE") or "")


def test_rates_outside_their_band() -> None:
    assert rate_note("VN", 20.0, "vendor") is not None  # band $25-40/h
    assert rate_note("VN", 30.0, "vendor") is None
    assert rate_note("AU", 500.0, "home vendor") is None  # no band: nothing to check


def test_the_result_notes_carry_the_warnings() -> None:
    scenario = make_scenario(
        offshore_countries=["NG"],
        assumptions={"offshore_vendor_hourly_rate": 300, "onshore_vendor_hourly_rate": 120},
    )
    notes = evaluate(scenario, samples=0).notes
    assert any("pay in Nigeria" in n for n in notes)
    assert not any("vendor rate in Nigeria" in n for n in notes)  # no published NG band
    assert not any("home vendor rate" in n for n in notes)  # $120 is inside $100-150


def test_an_out_of_band_rate_is_in_the_json_notes() -> None:
    scenario = make_scenario(assumptions={"offshore_vendor_hourly_rate@VN": 90})
    data = evaluate(scenario, samples=0).to_dict()
    assert any("vendor rate in Vietnam is $90 an hour" in n for n in data["notes"])
