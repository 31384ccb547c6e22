"""A user's rate card replaces survey pay and cost-plus vendor prices."""

from __future__ import annotations

from pathlib import Path

import pytest

from shorewise.errors import RateCardError, ScenarioError
from shorewise.io.ratecard import load_rate_card
from shorewise.io.scenario_file import load_scenario
from shorewise.workflows.evaluate import evaluate


def _scenario(tmp_path: Path, card: str) -> Path:
    (tmp_path / "rates.csv").write_text(card)
    path = tmp_path / "s.yaml"
    path.write_text(
        "name: r\nhome_country: US\noffshore_countries: [VN]\nrate_card: rates.csv\n"
        "workstreams:\n  - {name: w, fte: 4, duration_months: 12}\n"
    )
    return path


def test_rate_card_sets_pay_ratio_and_vendor_rate(tmp_path: Path) -> None:
    path = _scenario(
        tmp_path, "country,annual_pay,vendor_monthly_rate\nUS,150000,\nVN,30000,4000\n"
    )
    scenario = load_scenario(path)
    result = evaluate(scenario, samples=0, base_dir=path.parent)
    inputs = result.live.inputs.assumptions
    assert inputs["onshore_annual_pay"].distribution.value == 150000  # type: ignore[union-attr]
    assert inputs["offshore_wage_ratio@VN"].distribution.value == pytest.approx(0.2)  # type: ignore[union-attr]
    assert "rate card" in inputs["offshore_wage_ratio@VN"].provenance.text
    assert result.live.inputs.vendor_monthly_rates == {"VN": 4000.0}


def test_bad_rate_card_lists_problems(tmp_path: Path) -> None:
    (tmp_path / "bad.csv").write_text("country,annual_pay,colour\nZZ,12,blue\nVN,-5,red\n")
    with pytest.raises(RateCardError) as err:
        load_rate_card(tmp_path / "bad.csv")
    text = err.value.render()
    assert "column colour" in text
    assert "row 2.country" in text
    assert "row 3.annual_pay" in text


def test_missing_rate_card_is_found_when_the_scenario_is_loaded(tmp_path: Path) -> None:
    path = _scenario(tmp_path, "country,annual_pay\nUS,150000\n")
    (tmp_path / "rates.csv").unlink()
    with pytest.raises(ScenarioError) as err:
        load_scenario(path)
    assert [p.field for p in err.value.problems] == ["rate_card"]
    assert "rates.csv: rate card not found" in err.value.render()


def test_rate_card_rows_are_checked_with_the_scenario(tmp_path: Path) -> None:
    path = _scenario(tmp_path, "country,annual_pay\nUS,150000\nVN,-5\nZZ,1\n")
    path.write_text(path.read_text() + "assumptions: {vendor_margin: -1}\n")
    with pytest.raises(ScenarioError) as err:
        load_scenario(path)
    text = err.value.render()
    assert "3 problems" in text
    assert "assumptions.vendor_margin" in text
    assert "rates.csv: row 3.annual_pay: must be a positive number (got -5)" in text
    assert "rates.csv: row 4.country: unknown country code 'ZZ'" in text


def test_absurd_rate_card_pay_is_refused(tmp_path: Path) -> None:
    path = _scenario(tmp_path, "country,annual_pay,vendor_monthly_rate\nUS,1e300,\nVN,30000,1e12\n")
    with pytest.raises(ScenarioError) as err:
        load_scenario(path)
    text = err.value.render()
    assert "US annual_pay 1e+300: must be > 0, at most 2,000,000" in text
    assert "VN vendor_monthly_rate 1e+12: must be >= 0, at most 1,000,000" in text


def test_written_files_follow_the_umask(tmp_path: Path) -> None:
    import os

    from shorewise.io.scenario_file import write_atomically

    old = os.umask(0o022)
    try:
        write_atomically(tmp_path / "out.txt", b"x")
    finally:
        os.umask(old)
    assert (tmp_path / "out.txt").stat().st_mode & 0o777 == 0o644
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]  # no temporary left behind
