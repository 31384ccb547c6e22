"""The curated public API: exports pinned, lazy, and usable from a notebook."""

from __future__ import annotations

import subprocess
import sys

import shorewise
from shorewise.workflows.examples import example_path

EXPORTS = [
    "Distribution",
    "Result",
    "Scenario",
    "ScenarioError",
    "ShorewiseError",
    "Strategy",
    "Workstream",
    "__version__",
    "charts",
    "draws_frame",
    "evaluate",
    "evaluate_many",
    "load_scenario",
    "monthly_frame",
    "parse_uncertain",
    "scenario_from_text",
]


def test_exports_are_pinned() -> None:
    assert sorted(shorewise.__all__) == sorted(EXPORTS)
    for name in EXPORTS:
        assert getattr(shorewise, name) is not None


def test_import_is_lazy() -> None:
    code = (
        "import sys, shorewise; heavy = [m for m in ('scipy', 'pandas', 'pydantic', "
        "'fastapi', 'altair') if m in sys.modules]; print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_notebook_flow() -> None:
    scenario = shorewise.load_scenario(example_path("retail-app"))
    result = shorewise.evaluate(scenario, samples=200, seed=1)
    frame = result.to_frame()
    assert list(frame["option"])[:2] == ["onshore_inhouse", "onshore_outsource"]
    assert (frame["total_cost_p50"] > 0).all()
    assert result.to_dict()["currency"] == "EUR"


def test_scenario_from_toml_text() -> None:
    text = """
name = "toml"
home_country = "US"
[[workstreams]]
name = "w"
fte = 3
duration_months = 10
[assumptions]
vendor_margin = "25%..45%"
"""
    scenario = shorewise.scenario_from_text(text, fmt="toml")
    assert scenario.workstreams[0].fte == 3
    assert scenario.assumptions["vendor_margin"].kind == "uniform"
