"""The flip search reports exactly what the plain search would: same thresholds, steps and
options on the same draws (issue 14, item 4). The reference below is the search before it
was made cheaper: every option rebuilt and re-simulated at every trial value."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from shorewise.decision.criteria import Facts
from shorewise.decision.findings import FlipFinding
from shorewise.decision.policy import eligibility
from shorewise.domain.validation import build_scenario
from shorewise.engine.alternatives import build_alternatives, simulate_alternative
from shorewise.engine.inputs import resolve_inputs
from shorewise.io.scenario_file import parse_text
from shorewise.results import flip_runner
from shorewise.results.evaluation import Evaluation
from shorewise.results.pipeline import build_result
from shorewise.uncertainty.montecarlo import central_draws, run_monte_carlo
from shorewise.workflows.examples import example_path

US_VN: dict[str, Any] = {
    "name": "US-VN",
    "home_country": "US",
    "offshore_countries": ["VN"],
    "workstreams": [{"name": "app", "fte": 10, "duration_months": 36}],
    "assumptions": {"offshore_wage_ratio": "30%..70%", "vendor_margin": "20%..60%"},
}


class _Reference(flip_runner._Decider):
    """The decision at a variant with nothing reused from other variants."""

    def _facts(self, v: Any) -> tuple[list[str], list[Facts]]:
        key = (id(v.scenario), id(v.inputs), v.overrides)
        if key in self.facts:
            return self.facts[key]
        draws, central = dict(self.draws), dict(self.ev.central)
        n = len(next(iter(draws.values())))
        for name, value in v.overrides:
            draws[name] = flip_runner.np.full(n, value)
            central[name] = flip_runner.np.array([value])
        names, facts = [], []
        for alt in build_alternatives(v.scenario, v.inputs, central, workstreams=(self.w,)):
            if not eligibility(alt, v.scenario).eligible:
                continue
            cube = simulate_alternative(v.scenario, v.inputs, alt, draws)
            row = flip_runner._option_facts(v.scenario, v.inputs, alt, cube, draws, central)
            if row is not None:
                names.append(alt.option_name)
                facts.append(row)
        self.facts[key] = (names, facts)
        return names, facts


def _evaluation(data: dict[str, Any], samples: int, seed: int) -> Evaluation:
    scenario = build_scenario(data)
    inputs = resolve_inputs(scenario, None)
    central = central_draws(inputs)
    alternatives = build_alternatives(scenario, inputs, central)
    run = run_monte_carlo(scenario, inputs, alternatives, samples=samples, seed=seed)
    return Evaluation(scenario, inputs, tuple(alternatives), run, central)


def _flips(ev: Evaluation) -> list[tuple[list[FlipFinding], int]]:
    result = build_result(ev, with_flips=False)
    picks = [r.option for r in result.recommendation.by_workstream]
    return [flip_runner.workstream_flips(ev, w, p) for w, p in enumerate(picks) if p]


def _cases() -> list[tuple[dict[str, Any], int]]:
    short = copy.deepcopy(US_VN)
    short["workstreams"][0]["duration_months"] = 8
    retail = parse_text(example_path("retail-app").read_text(), source="retail-app")
    two = parse_text(example_path("two-workstreams").read_text(), source="two-workstreams")
    mixes = parse_text(example_path("leads-at-home-mix").read_text(), source="mixes")
    hard = copy.deepcopy(US_VN)  # a hard deadline and a hard budget exclude some options
    hard["workstreams"][0]["deadline"] = "hard"
    hard["company"] = {"annual_budget": 2_900_000, "budget_limit": "hard"}
    return [(US_VN, 2500), (short, 400), (retail, 400), (two, 300), (mixes, 300), (hard, 400)]


IDS = ["us-vn-36", "us-vn-8", "retail-app", "two-workstreams", "mixes", "hard-limits"]


@pytest.mark.parametrize(("data", "samples"), _cases(), ids=IDS)
def test_the_search_reports_what_the_plain_search_reports(
    data: dict[str, Any], samples: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    ev = _evaluation(data, samples, seed=11)
    fast = _flips(ev)
    monkeypatch.setattr(flip_runner, "_Decider", _Reference)
    plain = _flips(ev)
    assert fast == plain
    assert any(f.threshold is not None for flips, _ in fast for f in flips)
    assert {n for _, n in fast} == {min(samples, flip_runner.FLIP_DRAWS)}
