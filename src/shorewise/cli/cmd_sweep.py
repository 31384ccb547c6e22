"""CLI command: sweep (registered on the app by :func:`register`), and its decision table."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from shorewise.cli.options import SAMPLES, SEED

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table

    from shorewise.workflows.sweep import Sweep

MAX_LISTED = 40
"""Variants listed one per line in the printed table; the file has them all."""


def _pick_text(picks: tuple[str, ...], workstreams: tuple[str, ...]) -> str:
    if len(picks) == 1:
        return picks[0]
    return "; ".join(f"{w}: {p}" for w, p in zip(workstreams, picks, strict=True))


def _pivot(sweep: Sweep) -> Table:
    """Two axes: the first down, the second across, the pick in each cell."""
    from rich.table import Table

    down, across = sweep.axes
    table = Table(title="Which option wins where", title_justify="left")
    table.add_column(f"{down.key} \\ {across.key}")
    for value in across.values:
        table.add_column(value)
    cells = {
        (v.settings[down.key], v.settings[across.key]): _pick_text(v.short_picks, v.workstreams)
        for v in sweep.variants
    }
    for value in down.values:
        table.add_row(value, *(cells[(value, other)] for other in across.values))
    return table


def _listing(sweep: Sweep) -> Table:
    from rich.table import Table

    table = Table(title="Which option wins where", title_justify="left")
    for axis in sweep.axes:
        table.add_column(axis.key)
    table.add_column("pick")
    table.add_column("chance best", justify="right")
    for v in sweep.variants[:MAX_LISTED]:
        best = [r["p_best"] for r in v.rows if r["picked"] and r["p_best"] is not None]
        chance = f"{best[0]:.0%}" if len(best) == 1 else ""
        table.add_row(
            *(v.settings[a.key] for a in sweep.axes),
            _pick_text(v.picks, v.workstreams),
            chance,
        )
    return table


def print_sweep(console: Console, sweep: Sweep, output: Path) -> None:
    """The decision table (a grid for two axes, else a list) and how often each pick wins."""
    runs = "one run at the medians" if sweep.samples == 0 else f"{sweep.samples:,} draws"
    console.print(
        f"[bold]{sweep.scenario}[/bold] — {len(sweep.variants):,} variants, {runs} each "
        f"(seed {sweep.seed})",
        highlight=False,
    )
    console.print(_pivot(sweep) if len(sweep.axes) == 2 else _listing(sweep))
    if len(sweep.axes) != 2 and len(sweep.variants) > MAX_LISTED:
        console.print(f"[dim]… {len(sweep.variants) - MAX_LISTED:,} more in {output}[/dim]")
    wins = Counter(_pick_text(v.picks, v.workstreams) for v in sweep.variants)
    for pick, count in wins.most_common():
        console.print(f"  {pick}: wins in {count:,} of {len(sweep.variants):,}", highlight=False)
    console.print(f"[dim]wrote {output}[/dim]", highlight=False)


def sweep(
    file: Annotated[Path, typer.Argument(help="Scenario file (.yaml, .yml, .toml).")],
    grid: Annotated[
        list[str],
        typer.Option(
            "--grid",
            "-g",
            help="KEY=V1,V2,... : an assumption name, workstreams.N.fte, "
            "workstreams.N.duration_months, offshore_countries (VN+PL for two) or "
            "weights.CRITERION. Repeat for more axes; every combination runs.",
        ),
    ],
    output: Annotated[
        Path,
        typer.Option(
            "--output", "-o", help="Rows file: .jsonl, .csv or .parquet (from the extension)."
        ),
    ],
    samples: SAMPLES = None,
    seed: SEED = None,
    workers: Annotated[
        int, typer.Option("--workers", "-w", min=1, max=256, help="Local processes.")
    ] = 1,
    dask: Annotated[
        str | None,
        typer.Option(
            "--dask",
            help="Run on Dask: 'local' (a local cluster of --workers processes) or a "
            "scheduler address such as tcp://10.0.0.5:8786.",
        ),
    ] = None,
    flips: Annotated[
        bool,
        typer.Option(
            "--flips/--no-flips", help="Also search what would change each variant's answer."
        ),
    ] = False,
) -> None:
    """One Monte Carlo per combination of --grid values, and which option wins where.

    Writes one row per variant × option and prints the decision table.

    The rows are the same bytes for any --workers and --dask (each variant has its own
    seed, spawned from the run's).

    Example: shorewise sweep examples/core-platform.yaml --grid vendor_margin=0.2,0.35,0.5
    --grid workstreams.0.duration_months=12,24,36 --samples 2000 -o sweep.csv
    """
    from shorewise.cli.app import _console
    from shorewise.io.scenario_file import load_scenario
    from shorewise.io.sweep_table import check_sweep_path, write_sweep_rows
    from shorewise.workflows.sweep import run_sweep
    from shorewise.workflows.sweep_grid import parse_grid

    check_sweep_path(output)  # before the run: a bad extension fails fast
    axes = parse_grid(grid)
    scenario = load_scenario(file)
    err = _console(stderr=True)

    def progress(done: int, total: int) -> None:
        if sys.stderr.isatty():
            err.print(f"\rvariant {done:,} of {total:,}", end="\n" if done == total else "")

    result = run_sweep(
        scenario,
        axes,
        samples=samples,
        seed=seed,
        workers=workers,
        dask=dask,
        base_dir=file.parent,
        flips=flips,
        on_variant=progress,
    )
    write_sweep_rows(output, result.rows())
    print_sweep(_console(), result, output)


def register(app: typer.Typer) -> None:
    """Add the sweep command to ``app``."""
    app.command()(sweep)
