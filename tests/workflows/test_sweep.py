"""shorewise sweep: the grid, the variants' seeds, the rows and their files."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import numpy as np
import pytest
from tests.cli.in_process import run_main
from tests.conftest import make_scenario

from shorewise.errors import ReportError, ScenarioError
from shorewise.workflows.batch import variant_seed
from shorewise.workflows.evaluate import evaluate
from shorewise.workflows.sweep import run_sweep
from shorewise.workflows.sweep_grid import apply_settings, parse_grid, variants_of


@pytest.mark.parametrize(
    ("texts", "field", "words"),
    [
        (["nonsense=1,2"], "nonsense", "unknown key"),
        (["vendor_margin"], "vendor_margin", "KEY=V1,V2"),
        (["vendor_margin=0.2,,0.3"], "vendor_margin", "empty"),
        (["weights.price=1,2"], "weights.price", "unknown key"),
        (["workstreams.x.fte=1"], "workstreams.x.fte", "number from 0"),
        (["vendor_margin=0.2", "vendor_margin=0.3"], "vendor_margin", "given twice"),
    ],
)
def test_bad_grid_keys_name_the_key(texts: list[str], field: str, words: str) -> None:
    with pytest.raises(ScenarioError) as caught:
        parse_grid(texts)
    assert caught.value.problems[0].field == field
    assert words in caught.value.render()


@pytest.mark.parametrize(
    ("setting", "field", "words"),
    [
        ({"vendor_margin": "7"}, "assumptions.vendor_margin", "vendor_margin"),
        ({"workstreams.3.fte": "4"}, "workstreams.3.fte", "no workstream 3"),
        ({"workstreams.0.fte": "many"}, "workstreams.0.fte", "not a number"),
        ({"workstreams.0.duration_months": "6.5"}, "workstreams.0.duration_months", "whole"),
        ({"offshore_countries": "VN+ZZ"}, "offshore_countries.1", "ZZ"),
    ],
)
def test_bad_grid_values_name_the_field(setting: dict[str, str], field: str, words: str) -> None:
    with pytest.raises(ScenarioError) as caught:
        apply_settings(make_scenario(), setting)
    text = caught.value.render()
    assert field in text
    assert words in text
    assert caught.value.source == "--grid"


def test_settings_reach_the_scenario() -> None:
    base = make_scenario()
    changed = apply_settings(
        base,
        {
            "vendor_margin": "40%",
            "workstreams.0.fte": "9",
            "workstreams.0.duration_months": "18",
            "offshore_countries": "PL+VN",
            "weights.cost": "3",
        },
    )
    assert changed.assumptions["vendor_margin"].value == pytest.approx(0.4)  # type: ignore[union-attr]
    assert changed.workstreams[0].fte == 9
    assert changed.workstreams[0].duration_months == 18
    assert changed.offshore_countries == ("PL", "VN")
    assert changed.weights.cost == 3
    assert base.workstreams[0].fte == 4  # a what-if is a copy


def test_variants_are_every_combination_last_axis_fastest() -> None:
    axes = parse_grid(["vendor_margin=0.2,0.3", "workstreams.0.fte=2,4,6"])
    variants = variants_of(make_scenario(), axes)
    assert len(variants) == 6
    assert [v.settings["workstreams.0.fte"] for v in variants[:3]] == ["2", "4", "6"]
    assert [v.scenario.workstreams[0].fte for v in variants[3:]] == [2, 4, 6]


def test_variant_seeds_are_spawned_children() -> None:
    children = np.random.SeedSequence(42).spawn(3)
    for i, child in enumerate(children):
        assert variant_seed(42, i) == int(child.generate_state(1, np.uint64)[0]) >> 1
        assert 0 <= variant_seed(42, i) < 2**63
    assert len({variant_seed(42, i) for i in range(1000)}) == 1000


def test_each_variant_is_the_evaluation_of_its_scenario() -> None:
    base = make_scenario()
    axes = parse_grid(["offshore_wage_ratio=0.2,0.6"])
    sweep = run_sweep(base, axes, samples=300, seed=5)
    for variant in sweep.variants:
        scenario = apply_settings(base, variant.settings)
        alone = evaluate(
            scenario, samples=300, seed=variant_seed(5, variant.index), with_flips=False
        )
        rows = variant.rows
        assert [r["option"] for r in rows] == [r.option for r in alone.strategies]
        assert [r["total_cost_p50"] for r in rows] == [r.total_cost.p50 for r in alone.strategies]
        picked = [r for r in rows if r["picked"]]
        assert [r["option"] for r in picked] == [alone.recommendation.by_workstream[0].option]
        assert variant.picks == (alone.recommendation.by_workstream[0].label,)
    # a dearer team abroad costs more in every figure that pays it
    cheap, dear = (
        next(r for r in v.rows if r["option"] == "offshore_inhouse@VN") for v in sweep.variants
    )
    assert dear["total_cost_p50"] > cheap["total_cost_p50"]


def test_sweep_files_hold_the_same_rows(tmp_path: Path) -> None:
    args = ["--grid", "vendor_margin=0.2,0.5", "--grid", "workstreams.0.fte=2,6", "-n", "200"]
    scenario = tmp_path / "s.yaml"
    scenario.write_text(
        "name: s\nhome_country: US\nworkstreams:\n  - {name: app, fte: 4, duration_months: 8}\n"
    )
    outs = {}
    for ext in ("jsonl", "csv", "parquet"):
        out = tmp_path / f"sweep.{ext}"
        outcome = run_main("sweep", str(scenario), *args, "-o", str(out))
        assert outcome.code == 0, outcome.stderr
        outs[ext] = out
    assert "Which option wins where" in outcome.stdout
    assert "wins in" in outcome.stdout
    assert "@" not in outcome.stdout  # labels, not ids
    lines = [json.loads(line) for line in outs["jsonl"].read_text().splitlines()]
    with outs["csv"].open() as handle:
        table = list(csv.DictReader(handle))
    import pyarrow.parquet as pq

    frame = pq.read_table(outs["parquet"]).to_pylist()
    assert len(lines) == len(table) == len(frame) == 4 * 4  # 4 variants x 4 options
    assert {r["variant"] for r in lines} == {0, 1, 2, 3}
    for a, b, c in zip(lines, table, frame, strict=True):
        assert a == c
        assert float(b["total_cost_p50"]) == a["total_cost_p50"]
        assert b["option"] == a["option"]
    assert sum(r["picked"] for r in lines) == 4  # one pick per variant


def test_sweep_refuses_a_bad_extension_before_running(tmp_path: Path) -> None:
    outcome = run_main(
        "sweep",
        "examples/core-platform.yaml",
        "-g",
        "vendor_margin=0.2",
        "-o",
        str(tmp_path / "out.xlsx"),
    )
    assert outcome.code == 2
    assert ".jsonl, .csv, .parquet" in outcome.message
    assert not (tmp_path / "out.xlsx").exists()


def test_sweep_cli_names_a_bad_key(tmp_path: Path) -> None:
    outcome = run_main(
        "sweep",
        "examples/core-platform.yaml",
        "-g",
        "vendr_margin=0.2",
        "-o",
        str(tmp_path / "out.csv"),
    )
    assert outcome.code == 2
    assert "vendr_margin" in outcome.message
    assert "unknown key" in outcome.message
    assert "Traceback" not in outcome.stderr


def test_check_sweep_path() -> None:
    from shorewise.io.sweep_table import check_sweep_path

    assert check_sweep_path("a.JSONL") == ".jsonl"
    with pytest.raises(ReportError):
        check_sweep_path("a.txt")


def test_flips_add_what_would_change_each_pick() -> None:
    axes = parse_grid(["workstreams.0.duration_months=6,36"])
    sweep = run_sweep(make_scenario(), axes, samples=0, flips=True)
    for variant in sweep.variants:
        picked = [r for r in variant.rows if r["picked"]]
        others = [r for r in variant.rows if not r["picked"]]
        assert len(picked) == 1
        assert picked[0]["flips"]  # sentences about the duration, the margin, ...
        assert all(r["flips"] is None for r in others)
    assert "flips" not in run_sweep(make_scenario(), axes, samples=0).variants[0].rows[0]
