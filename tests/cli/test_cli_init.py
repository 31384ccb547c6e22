"""`shorewise init` asks, validates and writes a scenario that compares."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
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


def test_init_writes_toml_for_a_toml_file(tmp_path: Path) -> None:
    import tomllib

    yaml_out, toml_out = tmp_path / "s.yaml", tmp_path / "s.toml"
    for out in (yaml_out, toml_out):
        result = CliRunner().invoke(app, ["init", str(out)], input=ANSWERS)
        assert result.exit_code == 0, result.output
    data = tomllib.loads(toml_out.read_text())  # TOML, not YAML in a .toml file
    assert data["home_country"] == "DE"
    assert [w["name"] for w in data["workstreams"]] == ["shop", "back office"]
    assert toml_out.read_text().startswith("# A shorewise scenario")
    assert load_scenario(toml_out) == load_scenario(yaml_out)


@given(
    name=st.text(min_size=1, max_size=40).filter(lambda s: s.strip()),
    fte=st.floats(min_value=0.5, max_value=500, allow_nan=False),
    flag=st.booleans(),
    codes=st.lists(st.sampled_from(["VN", "PL", "IN"]), max_size=3),
)
def test_toml_text_round_trips(name: str, fte: float, flag: bool, codes: list[str]) -> None:
    import tomllib

    from shorewise.workflows.init import toml_text

    data = {
        "name": name,
        "offshore_countries": codes,
        "company": {"tech_company": flag},
        "workstreams": [{"name": name, "fte": fte, "duration_months": 12}],
    }
    assert tomllib.loads(toml_text(data)) == data


def test_toml_text_escapes_what_toml_refuses_raw() -> None:
    import tomllib

    from shorewise.workflows.init import toml_text

    data = {"name": 'a\x7fb"\\\n\t é'}  # DEL, quote, backslash, newline, tab, accent
    assert tomllib.loads(toml_text(data)) == data
