"""Whatever passes validation runs to finite, sensible numbers: every assumption anywhere
in its allowed range (extremes included), several at once, on the bundled examples."""

from __future__ import annotations

import warnings
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.cli.test_hostile_corpus import EXAMPLES, _in_range

from shorewise.domain.catalogue import CATALOGUE
from shorewise.errors import ScenarioError
from shorewise.io.output_check import check_result_numbers
from shorewise.io.scenario_file import load_scenario
from shorewise.workflows.evaluate import evaluate
from shorewise.workflows.examples import example_path

BASES = {name: load_scenario(example_path(name)) for name in EXAMPLES}
NAMES = sorted(CATALOGUE)
SETTINGS = settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)


@st.composite
def _overrides(draw: st.DrawFn) -> dict[str, Any]:
    names = draw(st.lists(st.sampled_from(NAMES), min_size=1, max_size=12, unique=True))
    return {name: draw(_in_range(name)) for name in names}


@SETTINGS
@given(st.sampled_from(EXAMPLES), _overrides())
def test_allowed_inputs_give_finite_non_negative_results(
    example: str, overrides: dict[str, Any]
) -> None:
    try:
        scenario = BASES[example].with_assumptions(**overrides)
    except ScenarioError as exc:  # a money ceiling below the drawn value in EUR/GBP
        assert all("at most" in p.message for p in exc.problems), exc.render()  # noqa: PT017
        return
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # no overflow or division warning either
            result = evaluate(scenario, samples=30)
    except ScenarioError as exc:  # fixing an input may leave a declared correlation fixed
        fields = [p.field for p in exc.problems]
        assert all(f.startswith("correlations") for f in fields), exc.render()  # noqa: PT017
        return
    data = result.to_dict()
    check_result_numbers(data)
    for row in data["strategies"]:
        assert row["total_cost"]["p10"] >= 0
        assert row["effective_fte_months"]["p10"] >= 0
