"""Reading scenario files: duplicate keys and absurd nesting are refused with file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from shorewise.errors import ScenarioError
from shorewise.io.scenario_file import load_scenario, parse_text, scenario_to_yaml

GOOD = "name: ok\nhome_country: US\nworkstreams:\n  - {name: app, fte: 4, duration_months: 8}\n"


def _error(path: Path, text: str) -> ScenarioError:
    path.write_text(text)
    with pytest.raises(ScenarioError) as err:
        load_scenario(path)
    assert err.value.source == str(path)
    return err.value


def test_duplicate_yaml_keys_are_refused_with_both_lines(tmp_path: Path) -> None:
    text = (
        "name: ok\nhome_country: US\nworkstreams:\n"
        "  - name: app\n    fte: 10\n    duration_months: 8\n    fte: 99\n"
        "name: again\n"
    )
    error = _error(tmp_path / "dup.yaml", text)
    assert [(p.field, p.message) for p in error.problems] == [
        ("fte", "given twice (line 5 and line 7); keep one"),
        ("name", "given twice (line 1 and line 8); keep one"),
    ]
    assert "duplicate keys" in error.message


def test_yaml_merge_keys_may_be_overridden(tmp_path: Path) -> None:
    path = tmp_path / "merge.yaml"
    path.write_text(
        "name: ok\nhome_country: US\nworkstreams:\n"
        "  - &one {name: a, fte: 4, duration_months: 8}\n"
        "  - <<: *one\n    name: b\n    fte: 6\n"
    )
    scenario = load_scenario(path)
    assert [(w.name, w.fte) for w in scenario.workstreams] == [("a", 4), ("b", 6)]


def test_duplicate_toml_and_json_keys_are_refused(tmp_path: Path) -> None:
    toml = 'name = "ok"\nname = "again"\nhome_country = "US"\n'
    assert "broken TOML" in _error(tmp_path / "dup.toml", toml).message
    json = '{"name": "ok", "home_country": "US", "name": "x", "workstreams": []}'
    error = _error(tmp_path / "dup.json", json)
    assert [p.field for p in error.problems] == ["name"]


@pytest.mark.parametrize(
    ("suffix", "text"),
    [
        (".yaml", "name: " + "[" * 20_000 + "]" * 20_000 + "\n"),
        (".json", '{"name": ' + "[" * 20_000 + "]" * 20_000 + "}"),
        (".toml", "name = " + "[" * 20_000 + "]" * 20_000 + "\n"),
        (".yaml", "name: " + "[" * 40 + "1" + "]" * 40 + "\n"),
    ],
)
def test_deep_nesting_is_refused_cleanly(tmp_path: Path, suffix: str, text: str) -> None:
    error = _error(tmp_path / f"deep{suffix}", text)
    assert "nested" in error.message or "broken" in error.message


def test_an_alias_bomb_is_refused(tmp_path: Path) -> None:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, 9):
        refs = ", ".join([f"*a{i - 1}"] * 9)
        lines.append(f"a{i}: &a{i} [{refs}]")
    error = _error(tmp_path / "laughs.yaml", "\n".join(lines) + "\n")
    assert "more than 100,000 values" in error.message


def test_a_recursive_alias_is_refused(tmp_path: Path) -> None:
    error = _error(tmp_path / "loop.yaml", GOOD + "x: &x [*x]\n")
    assert "nested deeper" in error.message


def test_written_yaml_loads_back_equal(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(
        GOOD
        + "assumptions:\n  vendor_margin: {dist: normal, mean: 0.4, sd: 0.1, low: 0, high: 1}\n"
    )
    scenario = load_scenario(path)
    path.write_text(scenario_to_yaml(scenario))
    assert load_scenario(path) == scenario


def test_parse_text_names_the_source() -> None:
    with pytest.raises(ScenarioError) as err:
        parse_text("a: 1\na: 2\n", source="web form")
    assert err.value.source == "web form"
