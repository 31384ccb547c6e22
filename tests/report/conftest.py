"""Shared for report tests: every bundled example evaluated once (300 draws), its reports
rendered once, and the deterministic run (``samples=0``) the workbook must reproduce."""

from __future__ import annotations

import functools

import pytest

from shorewise.io.scenario_file import load_scenario
from shorewise.results.result import Result
from shorewise.workflows.examples import example_names, example_path
from shorewise.workflows.report import render_report

EXAMPLES = example_names()
SAMPLES = 300
WITH_EXTRAS = "core-platform"  # the example whose reports carry the tornado and the sweep


@functools.cache
def comparison(name: str) -> Result:
    """The example evaluated with 300 draws (the tornado and sweep added for one)."""
    from shorewise.workflows.evaluate import evaluate

    result = evaluate(load_scenario(example_path(name)), samples=SAMPLES)
    if name == WITH_EXTRAS:
        from shorewise.workflows.decide import with_report_analyses

        result = with_report_analyses(result)
    return result


@functools.cache
def deterministic(name: str) -> Result:
    """The example's deterministic run: every input at its median."""
    from shorewise.workflows.evaluate import evaluate

    return evaluate(load_scenario(example_path(name)), samples=0)


@functools.cache
def rendered(name: str, fmt: str) -> bytes:
    """The example's report in ``fmt``, rendered once per test session."""
    return render_report(comparison(name), fmt)


@pytest.fixture(params=EXAMPLES)
def example(request: pytest.FixtureRequest) -> str:
    """Each bundled example's name."""
    name: str = request.param
    return name
