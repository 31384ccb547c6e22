"""`shorewise init` asks, validates and writes a scenario that compares."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from shorewise.cli.app import app
from shorewise.io.scenario_file import load_scenario

ANSWERS = (
    "\n".join(
        [
            "Shop app",
            "DE",
            "EUR",
            "PL, VN",
            "n",  # name, home, currency, offshore, tech?
            "shop",
            "n",
            "5",
            "8",
            "high",  # workstream 1
            "y",  # another
            "back office",
            "y",
            "3",
            "30",
            "low",  # workstream 2
            "n",
            "n",  # no trade-off questions
        ]
    )
    + "\n"
)


def test_init_writes_a_valid_scenario(tmp_path: Path) -> None:
    out = tmp_path / "s.yaml"
    result = CliRunner().invoke(app, ["init", str(out)], input=ANSWERS)
    assert result.exit_code == 0, result.output
    scenario = load_scenario(out)
    assert scenario.home_country == "DE"
    assert scenario.currency == "EUR"
    assert scenario.offshore_countries == ("PL", "VN")
    assert not scenario.company.tech_company
    assert [w.name for w in scenario.workstreams] == ["shop", "back office"]
    assert scenario.workstreams[1].core
    assert out.read_text().startswith("# A shorewise scenario")


def test_init_refuses_to_overwrite(tmp_path: Path) -> None:
    out = tmp_path / "s.yaml"
    out.write_text("keep me")
    result = CliRunner().invoke(app, ["init", str(out)], input=ANSWERS)
    assert result.exit_code != 0
    assert out.read_text() == "keep me"


def test_init_records_the_trade_off_answers_as_an_importance_order(tmp_path: Path) -> None:
    out = tmp_path / "w.yaml"
    head = ANSWERS.rsplit("n\n", 1)[0]  # everything up to the trade-off question
    # cost over speed, control over cost, control over speed, equal, speed over scalability
    answers = head + "y\n1\n2\n2\n0\n1\n"
    result = CliRunner().invoke(app, ["init", str(out)], input=answers)
    assert result.exit_code == 0, result.output
    assert "two months sooner" in result.output
    scenario = load_scenario(out)
    assert scenario.weight_answers == {
        "cost_vs_speed": "cost",
        "cost_vs_control": "control",
        "speed_vs_control": "control",
        "cost_vs_risk": "equal",
        "speed_vs_scalability": "speed",
    }
    assert scenario.importance_order()[0] == "control"
    assert "weight_answers:" in out.read_text()
