"""A user's rate card replaces survey pay and cost-plus vendor prices."""

from __future__ import annotations

from pathlib import Path

import pytest

from shorewise.errors import RateCardError
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


def test_missing_rate_card(tmp_path: Path) -> None:
    path = _scenario(tmp_path, "country,annual_pay\nUS,1\n")
    (tmp_path / "rates.csv").unlink()
    with pytest.raises(RateCardError, match="not found"):
        evaluate(load_scenario(path), samples=0, base_dir=path.parent)


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
