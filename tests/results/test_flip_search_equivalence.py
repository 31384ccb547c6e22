"""The flip search reports exactly what the plain search would: same thresholds, steps and
options on the same draws (issue 14, item 4). The reference below is the search before it
was made cheaper: both sides walked to their first change, every option rebuilt and
re-simulated at every trial value."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shorewise.decision import flips
from shorewise.decision.criteria import Facts
from shorewise.decision.findings import FlipFinding
from shorewise.decision.flips import FlipSearch, find_flip
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


def plain_find_flip(s: FlipSearch, first_at: Callable[[float], str | None], pick: str) -> Any:
    """The search walking both sides to their first change, then the nearer side."""
    cache: dict[float, str | None] = {}

    def first(value: float) -> str | None:
        key = round(float(value), 12)
        if key not in cache:
            cache[key] = first_at(key)
        return cache[key]

    def side(values: list[float], edge: float) -> tuple[float, float, str] | None:
        previous = float(s.current)
        for v in values:
            if first(v) != pick:
                v_pick, v_other = flips._bisect(s, first, pick, previous, v)
                other = first(v_other)
                if other is None or other == pick or v_other == edge:
                    return None
                return v_pick, v_other, other
            previous = v
        return None

    grid = flips._grid(s)
    found = [
        f
        for f in (
            side([v for v in reversed(grid) if v < s.current], s.low),
            side([v for v in grid if v > s.current], s.high),
        )
        if f is not None
    ]
    if not found:
        return FlipFinding(s.input, s.current, None, None, None, s.low, s.high, s.unit)
    span = max(s.high - s.low, 1e-12)
    v_pick, v_other, other = min(found, key=lambda x: abs(x[0] - s.current) / span)
    direction = "below" if v_other < v_pick else "above"
    return FlipFinding(
        s.input,
        s.current,
        v_pick,
        direction,
        other,
        s.low,
        s.high,
        s.unit,
        step=abs(v_pick - v_other),
    )


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
    cases = [(US_VN, 2500), (short, 400), (retail, 400), (two, 300), (mixes, 300), (hard, 400)]
    return [*cases, (US_VN, 0)]  # and one run at the inputs' medians


IDS = ["us-vn-36", "us-vn-8", "retail-app", "two-workstreams", "mixes", "hard-limits", "medians"]


@pytest.mark.parametrize(("data", "samples"), _cases(), ids=IDS)
def test_the_search_reports_what_the_plain_search_reports(
    data: dict[str, Any], samples: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    ev = _evaluation(data, samples, seed=11)
    fast = _flips(ev)
    monkeypatch.setattr(flip_runner, "_Decider", _Reference)
    monkeypatch.setattr(flip_runner, "find_flip", plain_find_flip)
    plain = _flips(ev)
    assert fast == plain
    assert any(f.threshold is not None for flips, _ in fast for f in flips)
    assert {n for _, n in fast} == {min(samples, flip_runner.FLIP_DRAWS) or 1}


@settings(max_examples=300, deadline=None)
@given(
    integer=st.booleans(),
    current=st.floats(0.0, 1.0),
    switches=st.lists(
        st.tuples(st.floats(0.0, 1.0), st.sampled_from(["pick", "a", "b", None])), max_size=6
    ),
)
def test_walking_the_nearer_side_first_reports_what_walking_both_does(
    integer: bool, current: float, switches: list[tuple[float, str | None]]
) -> None:
    """Any piecewise-constant decision (several changes, options that vanish): the same
    finding as the plain walk, never more trial values."""
    low, high = (2.0, 72.0) if integer else (0.05, 1.0)
    scale = high - low
    now = float(round(low + current * scale)) if integer else low + current * scale
    changes = sorted(((low + x * scale, option) for x, option in switches), key=lambda c: c[0])

    def first(v: float) -> str | None:
        option: str | None = "pick"
        for at, new in changes:
            if v >= at:
                option = new
        return "pick" if abs(v - now) < 1e-9 else option

    search = FlipSearch("x", now, low, high, integer=integer)
    tried: dict[str, list[float]] = {"fast": [], "plain": []}

    def counted(name: str) -> Callable[[float], str | None]:
        return lambda v: tried[name].append(v) or first(v)

    assert find_flip(search, counted("fast"), "pick") == plain_find_flip(
        search, counted("plain"), "pick"
    )
    assert set(tried["fast"]) <= set(tried["plain"])
