"""``shorewise compare --draws``: every draw of every option and the sampled inputs."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from shorewise.errors import ReportError
from shorewise.io.draws import DRAW_FIGURES, check_draws_path, draw_columns, write_draws
from shorewise.io.scenario_file import load_scenario
from shorewise.workflows.evaluate import evaluate

EXAMPLE = Path(__file__).resolve().parents[2] / "src" / "shorewise" / "examples" / "retail-app.yaml"


@pytest.fixture(scope="module")
def result() -> object:
    return evaluate(load_scenario(EXAMPLE), samples=600, seed=4).live


def _check(columns: dict[str, np.ndarray], result: object) -> None:
    run = result.run  # type: ignore[attr-defined]
    rows = result.alternatives  # type: ignore[attr-defined]
    np.testing.assert_array_equal(columns["draw"], np.arange(600))
    for row, metrics in zip(rows, run.metrics, strict=True):
        for figure in DRAW_FIGURES:
            np.testing.assert_array_equal(columns[f"{row.id} | {figure}"], getattr(metrics, figure))
    inputs = {k.removeprefix("input | "): v for k, v in columns.items() if k.startswith("input")}
    assert inputs.keys() == set(run.uncertain_keys)
    for key, values in run.inputs.items():
        np.testing.assert_array_equal(inputs[key], values)


def test_npz_round_trip(tmp_path: Path, result: object) -> None:
    path = write_draws(tmp_path / "draws.npz", result)  # type: ignore[arg-type]
    with np.load(path) as saved:
        columns = {name: saved[name] for name in saved.files}
    assert list(columns) == list(draw_columns(result))  # type: ignore[arg-type]
    _check(columns, result)
    assert not list(tmp_path.glob(".draws.npz.*"))  # no temporary file left behind


def test_parquet_round_trip(tmp_path: Path, result: object) -> None:
    import pyarrow.parquet as pq  # a dev dependency: `make test` installs it

    path = write_draws(tmp_path / "draws.parquet", result)  # type: ignore[arg-type]
    table = pq.read_table(path)
    _check({name: table[name].to_numpy() for name in table.column_names}, result)
    assert table.schema.metadata[b"seed"] == b"4"


def test_an_unknown_extension_names_the_allowed_ones(tmp_path: Path) -> None:
    with pytest.raises(ReportError, match=r"\.npz, \.parquet"):
        check_draws_path(tmp_path / "draws.csv")


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "shorewise", "compare", str(EXAMPLE), *args],
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_the_cli_writes_draws_and_refuses_an_unknown_extension(tmp_path: Path) -> None:
    done = _cli("--samples", "0", "--format", "json", "--draws", str(tmp_path / "d.npz"))
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    with np.load(tmp_path / "d.npz") as saved:
        assert saved["draw"].tolist() == [0]
        first = report["strategies"][0]
        name = f"{first['workstream']} / {first['option']} | total_cost"
        assert saved[name][0] == pytest.approx(first["total_cost"]["p50"], abs=0.01)
    bad = _cli("--samples", "0", "--draws", str(tmp_path / "d.xlsx"))
    assert bad.returncode == 2
    assert ".npz, .parquet" in bad.stderr
    assert "Traceback" not in bad.stderr
    assert not (tmp_path / "d.xlsx").exists()
