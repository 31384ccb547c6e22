"""The library use cases the web app calls: validate, version, run, reproduce, compare."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import yaml
from tests.conftest import scenario_data

from shorewise import __version__
from shorewise.errors import ScenarioError
from shorewise.workflows.library import Library, draft_from_data, draft_from_text


@pytest.fixture
def library(db_url: str) -> Iterator[Library]:
    opened = Library.open(db_url, max_samples=5000)
    yield opened
    opened.close()


def _yaml(**overrides: object) -> str:
    return "# kept comment\n" + yaml.safe_dump(scenario_data(**overrides), sort_keys=False)


def test_yaml_is_stored_as_written_and_json_as_yaml() -> None:
    text = _yaml()
    assert draft_from_text(text).text == text
    draft = draft_from_data(scenario_data(name="From JSON"))
    assert yaml.safe_load(draft.text)["name"] == "From JSON"
    toml = 'name = "T"\nhome_country = "US"\n[[workstreams]]\nname = "w"\nfte = 2\n'
    toml += "duration_months = 6\n"
    assert yaml.safe_load(draft_from_text(toml, fmt="toml").text)["name"] == "T"


def test_every_problem_names_its_field() -> None:
    data = scenario_data(home_country="ZZ", workstreams=[{"name": "w", "fte": -3}])
    with pytest.raises(ScenarioError) as caught:
        draft_from_data(data)
    fields = {p.field for p in caught.value.problems}
    assert {"workstreams.0.fte", "workstreams.0.duration_months"} <= fields


def test_a_rate_card_path_from_a_request_is_refused() -> None:
    with pytest.raises(ScenarioError) as caught:
        draft_from_data(scenario_data(rate_card="/etc/passwd"))
    assert [p.field for p in caught.value.problems] == ["rate_card"]


def test_run_stores_what_reproduces_it(library: Library) -> None:
    saved = library.create(draft_from_text(_yaml()))
    run = library.run(saved.scenario_id, samples=300, seed=9)
    assert (run.seed, run.samples, run.engine_version) == (9, 300, __version__)
    assert run.result["seed"] == 9
    assert run.result["samples"] == 300
    assert run.result["series"]  # the charts' bands are part of the stored result
    again, comparison = library.reproduce(run.run_id)
    assert comparison.to_dict() == again.result


def test_samples_are_capped(library: Library) -> None:
    saved = library.create(draft_from_text(_yaml(simulation={"samples": 9000, "seed": 1})))
    with pytest.raises(ScenarioError) as caught:
        library.run(saved.scenario_id)
    assert caught.value.problems[0].field == "simulation.samples"
    with pytest.raises(ScenarioError) as caught:
        library.run(saved.scenario_id, samples=6000)
    assert caught.value.problems[0].field == "samples"


def test_compare_scenarios_runs_what_is_missing(library: Library) -> None:
    a = library.create(draft_from_text(_yaml(name="A")))
    b = library.create(
        draft_from_text(
            _yaml(name="B", workstreams=[{"name": "work", "fte": 8, "duration_months": 12}])
        )
    )
    comparison = library.compare_scenarios(a.scenario_id, b.scenario_id)
    assert comparison.left.scenario_id == a.scenario_id
    assert comparison.right.scenario_id == b.scenario_id
    assert comparison.plan_total_cost.change is not None
    assert comparison.plan_total_cost.change > 0  # twice the people cost more
    assert any(line.startswith("+") and "fte: 8" in line for line in comparison.scenario_diff)
    assert library.latest_run(a.scenario_id) is not None
