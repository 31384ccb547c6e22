"""One result, rendered everywhere: a pinned golden JSON, reports of a saved result that
never simulate again, and a stored run whose downloads re-use it."""

from __future__ import annotations

import json
import math
import os
from pathlib import Path
from typing import Any

import pytest

import shorewise.workflows.evaluate as evaluate_module
from shorewise.io.scenario_file import load_scenario
from shorewise.results.result import Result
from shorewise.workflows.evaluate import evaluate
from shorewise.workflows.examples import example_path
from shorewise.workflows.library import Library, draft_from_text
from shorewise.workflows.report import REPORT_FORMATS, load_result, render_report

GOLDEN = Path(__file__).parent / "golden" / "retail-app-500-seed-7.json"


def _golden_doc() -> dict[str, Any]:
    doc = evaluate(load_scenario(example_path("retail-app")), samples=500, seed=7).to_dict()
    doc["simulation"].pop("version")  # the package version is not a model figure
    return doc


def test_golden_json_of_compare() -> None:
    """Fixed seed, fixed numbers. After a deliberate model change regenerate it with
    SHOREWISE_UPDATE_GOLDEN=1 and review the diff."""
    doc = _golden_doc()
    if os.environ.get("SHOREWISE_UPDATE_GOLDEN"):
        GOLDEN.write_text(json.dumps(doc, indent=1, ensure_ascii=False) + "\n")
    assert _differences(doc, json.loads(GOLDEN.read_text())) == []


def _differences(got: Any, want: Any, path: str = "") -> list[str]:
    """Where two JSON documents differ; floats agree to 1e-9 relative (the last digits of a
    quantile differ between numpy/scipy builds, a model change moves far more than that)."""
    if isinstance(got, float) or isinstance(want, float):
        numbers = isinstance(got, int | float) and isinstance(want, int | float)
        if numbers and math.isclose(got, want, rel_tol=1e-9, abs_tol=1e-9):
            return []
        return [f"{path}: {got!r} != {want!r}"]
    if isinstance(got, dict) and isinstance(want, dict):
        if got.keys() != want.keys():
            return [f"{path}: keys {sorted(got.keys() ^ want.keys())}"]
        return [d for k in got for d in _differences(got[k], want[k], f"{path}.{k}")]
    if isinstance(got, list) and isinstance(want, list):
        if len(got) != len(want):
            return [f"{path}: {len(got)} items != {len(want)}"]
        return [
            d
            for i, (g, w) in enumerate(zip(got, want, strict=True))
            for d in _differences(g, w, f"{path}[{i}]")
        ]
    return [] if got == want else [f"{path}: {got!r} != {want!r}"]


def test_the_golden_comparison_catches_a_real_change() -> None:
    doc = {"a": [1.0, {"b": 2.5}], "c": "x"}
    assert _differences(doc, {"a": [1.0 + 1e-13, {"b": 2.5}], "c": "x"}) == []
    assert _differences(doc, {"a": [1.0, {"b": 2.51}], "c": "x"}) == [".a[1].b: 2.5 != 2.51"]
    assert _differences(doc, {"a": [1.0], "c": "x"}) == [".a: 2 items != 1"]


@pytest.fixture
def count_simulations(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Every Monte Carlo run from now on, counted."""
    calls: list[int] = []
    real = evaluate_module.run_monte_carlo

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls.append(kwargs.get("samples", 0))
        return real(*args, **kwargs)

    monkeypatch.setattr(evaluate_module, "run_monte_carlo", counted)
    return calls


def test_a_result_file_renders_every_report_without_simulating(
    tmp_path: Path, count_simulations: list[int]
) -> None:
    result = evaluate(load_scenario(example_path("two-workstreams")), samples=300, seed=2)
    path = tmp_path / "result.json"
    path.write_text(result.to_json())
    count_simulations.clear()
    loaded = load_result(path)
    assert loaded == result
    assert loaded.live is None
    for fmt in REPORT_FORMATS:
        assert render_report(loaded, fmt)
    assert count_simulations == []  # no Monte Carlo, not even a deterministic one


def test_not_a_result_is_a_clear_error(tmp_path: Path) -> None:
    from shorewise.errors import ReportError

    path = tmp_path / "x.json"
    path.write_text('{"name": "a scenario, not a result"}')
    with pytest.raises(ReportError, match="not a shorewise result"):
        load_result(path)
    path.write_text("{broken")
    with pytest.raises(ReportError, match="not JSON"):
        load_result(path)


def test_downloads_of_a_stored_run_do_not_rerun_it(
    tmp_path: Path, count_simulations: list[int]
) -> None:
    library = Library.open(f"sqlite:///{tmp_path / 'runs.db'}")
    try:
        text = example_path("core-platform").read_text()
        saved = library.create(draft_from_text(text))
        run = library.run(saved.scenario_id, samples=400, seed=3)
        assert count_simulations == [400]
        assert library.report(run.run_id, "html")
        # the first chart report works out the tornado and duration sweep: central-value
        # model runs (samples 0), never the Monte Carlo again
        assert set(count_simulations[1:]) == {0}
        before = len(count_simulations)
        for fmt in REPORT_FORMATS:
            assert library.report(run.run_id, fmt)
        assert len(count_simulations) == before  # later downloads simulate nothing at all
        kept = library.get_run(run.run_id).series["analyses"]
        assert kept["tornado"]
        assert kept["duration_sweep"]
        result = library.result(run.run_id)
        assert isinstance(result, Result)
        assert result.to_dict()["strategies"] == run.result["strategies"]
    finally:
        library.close()


def test_cli_report_of_a_result_file(tmp_path: Path) -> None:
    import subprocess
    import sys

    out = tmp_path / "result.json"
    done = subprocess.run(
        [sys.executable, "-m", "shorewise", "compare", str(example_path("retail-app")),
         "--format", "json", "--samples", "200"],
        capture_output=True, text=True, check=True, timeout=120,
    )  # fmt: skip
    out.write_text(done.stdout)
    md = tmp_path / "report.md"
    subprocess.run(
        [sys.executable, "-m", "shorewise", "report", str(out), "-o", str(md)],
        capture_output=True, text=True, check=True, timeout=120,
    )  # fmt: skip
    assert "## Recommendation" in md.read_text()
