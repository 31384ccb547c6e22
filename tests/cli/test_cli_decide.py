"""`shorewise breakeven` and `shorewise sensitivity` JSON contracts."""

from __future__ import annotations

import json
import subprocess
import sys

from shorewise.workflows.examples import example_path


def run_json(*args: str) -> dict[str, object]:
    out = subprocess.run(
        [sys.executable, "-m", "shorewise", *args, "--format", "json"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)  # type: ignore[no-any-return]


def test_breakeven_json() -> None:
    doc = run_json(
        "breakeven",
        str(example_path("retail-app")),
        "--between",
        "offshore_inhouse@VN",
        "offshore_outsource@VN",
        "--samples",
        "800",
    )
    assert set(doc["breakeven_month"]) == {"p10", "p50", "p90", "mean"}
    assert 0 <= doc["never_share"] <= 1
    sweep = doc["duration_sweep"]
    assert [p["duration_months"] for p in sweep] == list(range(3, 61, 3))
    assert sweep[0]["cheapest"] == "offshore_outsource@VN"


def test_breakeven_unknown_option_is_clean_error() -> None:
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "shorewise",
            "breakeven",
            str(example_path("retail-app")),
            "--between",
            "offshore_inhouse",
            "nonsense",
            "--samples",
            "100",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 2
    assert "unknown strategy 'nonsense'" in out.stderr
    assert "Traceback" not in out.stderr


def test_sensitivity_json() -> None:
    doc = run_json(
        "sensitivity",
        str(example_path("core-platform")),
        "--samples",
        "300",
        "--sobol-samples",
        "64",
    )
    inputs = doc["inputs"]
    assert inputs
    for item in inputs:
        assert {"name", "tornado_low", "tornado_high", "sobol_first", "sobol_total", "ci"} <= set(
            item
        )
    swings = [abs(i["tornado_high"] - i["tornado_low"]) for i in inputs]
    assert swings == sorted(swings, reverse=True)
    assert doc["by_year"][0]["year"] == 1
    # 36 months of work; the team abroad is kept into year 4 to finish the scope
    assert len(doc["by_year"]) == 4


def test_optimize_json() -> None:
    doc = run_json("optimize", str(example_path("two-workstreams")))
    assert doc["feasible"] is True
    names = [w["workstream"] for w in doc["workstreams"]]
    assert names == ["core ledger", "marketing site"]
    for ws in doc["workstreams"]:
        assert abs(sum(ws["shares"].values()) - 1) < 1e-6
